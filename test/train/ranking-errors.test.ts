import { describe, expect, it } from "vitest";
import { strongestWrongTriplets } from "../../train/lib/ranking-errors.ts";
import { trainLogistic, type Example } from "../../train/lib/logistic.ts";
import { probability } from "../../src/model/logistic.ts";

// rx83 (stop 83): RANK=top keeps only mg82's ranking error: the anchor's strongest link is a non-partner that
// grouping takes (at or above the bar) while a true partner is left below the bar. Every other triplet of the
// anchor, and every anchor grouping gets right, must stay out of the ranking term.
const bar = 0.4;

describe("strongestWrongTriplets", () => {
  it("keeps only (the partner below the bar, the strongest look-alike), not the weaker look-alikes", () => {
    expect(strongestWrongTriplets([0.2], [0.1, 0.6, 0.3, 0.45], bar)).toEqual([[0, 1]]);
  });
  it("keeps nothing when the strongest link is a true partner, even with another partner below the bar", () => {
    expect(strongestWrongTriplets([0.7, 0.2], [0.6], bar)).toEqual([]);
    expect(strongestWrongTriplets([0.6, 0.2], [0.6], bar)).toEqual([]);
  });
  it("keeps nothing when the look-alike is below the bar (grouping does not take it)", () => {
    expect(strongestWrongTriplets([0.1], [0.39], bar)).toEqual([]);
  });
  it("keeps nothing when every partner is at or above the bar (ranked wrong, but no link lost)", () => {
    expect(strongestWrongTriplets([0.4, 0.5], [0.9], bar)).toEqual([]);
  });
  it("keeps each partner below the bar against the first strongest look-alike, and no partner above it", () => {
    expect(strongestWrongTriplets([0.3, 0.45, 0.1], [0.6, 0.6], bar)).toEqual([[0, 0], [2, 0]]);
  });
  it("an anchor without partners or without other candidates keeps nothing", () => {
    expect(strongestWrongTriplets([], [0.9], bar)).toEqual([]);
    expect(strongestWrongTriplets([0.1], [], bar)).toEqual([]);
  });
  it("on a plain fit, a harder-like anchor (true half with few shared words) is an error, a copy's anchor is not", () => {
    // Pointwise, shared words tell one story from two (the second feature, a shared name, tells nothing).
    const examples: Example[] = [];
    for (const words of [0.6, 0.7, 0.8, 0.9]) for (const names of [0, 0.1]) examples.push({ x: [words, names], y: 1 });
    for (const words of [0, 0.1, 0.2, 0.3]) for (const names of [0, 0.1]) examples.push({ x: [words, names], y: 0 });
    const plain = trainLogistic(examples, { name: "test", features: ["words", "names"], l2: 0.1 });
    const score = (x: number[]) => probability(plain, x);
    const lookAlike = [0.6, 0];
    expect(strongestWrongTriplets([score([0.2, 0.1])], [score([0.1, 0]), score(lookAlike)], bar)).toEqual([[0, 1]]);
    expect(strongestWrongTriplets([score([0.9, 0])], [score(lookAlike)], bar)).toEqual([]);
  });
});
