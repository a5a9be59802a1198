import { describe, expect, it } from "vitest";
import { roleReferredTo, roles } from "../../train/lib/trial-pair-features.ts";
import tutu from "../fixtures/train/tutu-guantanamo.json" with { type: "json" };

// The story cut as the harder merge set cuts it: the first half introduces "Archbishop Desmond Tutu", the later half
// opens with "The South African archbishop".
const firstHalf = tutu.first;
const secondHalf = [tutu.later[0]!, tutu.later[2]!];

describe("roleReferred: a report refers by role alone to someone the other introduces with role and name", () => {
  it("links the later half's 'the South African archbishop' to the first half's 'Archbishop Desmond Tutu'", () => {
    const a = roles("Tutu's Guantanamo release call", firstHalf);
    const b = roles("The South African archbishop said detentions without trial", secondHalf);
    expect(a.named.has("archbishop")).toBe(true);
    expect(b.referred.has("archbishop")).toBe(true);
    expect(roleReferredTo(a, b)).toBe(1);
    expect(roleReferredTo(b, a)).toBe(0);
  });

  it("counts nothing when both reports introduce the person with the role", () => {
    const a = roles("Tutu's Guantanamo release call", firstHalf);
    expect(roleReferredTo(a, roles("Tutu's Guantanamo release call", firstHalf))).toBe(0);
  });

  it("reads a lower-case role before a full name ('singer George Michael' and 'the singer')", () => {
    const a = roles("Singer's film to show at festival", ["A documentary on the life of chart-topping singer George Michael will be shown at this year's Berlin Film Festival."]);
    const b = roles("It features the singer talking about both his career", ["It features the singer talking about both his career and his personal life."]);
    expect(roleReferredTo(a, b)).toBe(1);
  });
});
