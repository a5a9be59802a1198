import { describe, expect, it } from "vitest";
import { introduced, introducedTo } from "../../train/lib/trial-pair-features.ts";
import tutu from "../fixtures/train/tutu-guantanamo.json" with { type: "json" };

// The story cut as the harder merge set cuts it: its first sentences, and a later half that names the archbishop by
// his surname alone.
const firstHalf = tutu.first;
const secondHalf = tutu.later;

describe("introduced: a person one report names only by surname whom the other names in full", () => {
  it("finds the archbishop the first half introduced and the second half names by surname", () => {
    const a = introduced("Tutu's Guantanamo release call", firstHalf);
    const b = introduced("The South African archbishop said detentions without trial", secondHalf);
    expect(a.full.has("tutu")).toBe(true);
    expect(b.short.has("tutu")).toBe(true);
    expect(introducedTo(a, b)).toBe(1);
    expect(introducedTo(b, a)).toBe(0);
  });

  it("counts nobody when both reports name the person in full", () => {
    const a = introduced("Tutu's Guantanamo release call", firstHalf);
    expect(introducedTo(a, introduced("Tutu's Guantanamo release call", firstHalf))).toBe(0);
  });
});
