import { describe, expect, it } from "vitest";
import { introduced, introducedTo } from "../../train/lib/trial-pair-features.ts";

// bbc-dev's "Tutu's Guantanamo release call" (bbc-politics-205, a tuning-half story), cut as the harder merge set
// cuts it: its first sentences, and a later half that names the archbishop by his surname alone.
const firstHalf = [
  "Archbishop Desmond Tutu has called for the release of the remaining inmates at Guantanamo Bay and terror suspects detained without trial in the UK.",
  "His comments follow news that all four Britons held by the US in the Cuban camp will be freed within weeks.",
];
const secondHalf = [
  "The South African archbishop said detentions without trial were \"unacceptable\" and \"distressing\".",
  "Referring to the detentions in Cuba, Archbishop Tutu told BBC News: \"It is utterly unacceptable.\"",
  "On Tuesday Foreign Secretary Jack Straw told the Commons that the US had agreed to release the four.",
];

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
