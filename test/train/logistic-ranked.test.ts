import { describe, expect, it } from "vitest";
import { hardTriplet, trainLogistic, type Example, type RankedPair } from "../../train/lib/logistic.ts";
import { probability } from "../../src/model/logistic.ts";

// mg83 (stop 83): the pair model's ranking term. A harder-like pair (two halves of one report: few shared words, one
// shared name) and a look-alike (more shared words, no shared name). Pointwise, shared words tell one story from two
// and names tell nothing, so the look-alike outranks the true half; ranking examples that say the true half must
// come first move the weights until it does, and leave a fit without them as it was.
const features = ["words", "names"];
const examples: Example[] = [];
for (const words of [0.6, 0.7, 0.8, 0.9]) for (const names of [0, 0.1]) examples.push({ x: [words, names], y: 1 });
for (const words of [0, 0.1, 0.2, 0.3]) for (const names of [0, 0.1]) examples.push({ x: [words, names], y: 0 });
const truePartner = [0.2, 0.1];
const lookAlike = [0.5, 0];
const ranked: RankedPair[] = [{ x: [truePartner[0]! - lookAlike[0]!, truePartner[1]! - lookAlike[1]!], weight: 16 }];
const options = { name: "test", features, l2: 0.1 };

describe("trainLogistic with ranking examples", () => {
  it("without them, the look-alike scores above the true half", () => {
    const model = trainLogistic(examples, options);
    expect(probability(model, lookAlike)).toBeGreaterThan(probability(model, truePartner));
  });
  it("with them, the true half scores above the look-alike, and copies still score above unrelated pairs", () => {
    const model = trainLogistic(examples, options, ranked);
    expect(probability(model, truePartner)).toBeGreaterThan(probability(model, lookAlike));
    expect(probability(model, [0.9, 0])).toBeGreaterThan(probability(model, [0.1, 0]));
  });
  it("an empty list is the plain fit, weight for weight", () => {
    expect(trainLogistic(examples, options, [])).toEqual(trainLogistic(examples, options));
  });
});

// rk83 (stop 83): RANK=hard feeds the ranking term only the triplets the plain fit ranks wrong or narrowly.
describe("hardTriplet", () => {
  const plain = trainLogistic(examples, options);
  it("the look-alike the plain fit puts first makes the harder-like triplet hard", () => {
    expect(hardTriplet(plain, truePartner, lookAlike, 1)).toBe(true);
  });
  it("a copy against an unrelated pair, ranked right by a wide margin, is not hard", () => {
    expect(hardTriplet(plain, [0.9, 0], [0.1, 0], 1)).toBe(false);
  });
  it("a triplet ranked right by less than the margin is hard, by more it is not", () => {
    const gap = (a: number[], b: number[]) => Math.log(probability(plain, a) / (1 - probability(plain, a))) - Math.log(probability(plain, b) / (1 - probability(plain, b)));
    const near: [number[], number[]] = [[0.5, 0], [0.45, 0]];
    const d = gap(...near);
    expect(d).toBeGreaterThan(0);
    expect(hardTriplet(plain, ...near, d + 0.01)).toBe(true);
    expect(hardTriplet(plain, ...near, d - 0.01)).toBe(false);
  });
  it("reads vectors from a shared flat array at their offsets", () => {
    const flat = [0.9, 0, ...truePartner, ...lookAlike];
    expect(hardTriplet(plain, flat, flat, 1, 2, 4)).toBe(true);
    expect(hardTriplet(plain, flat, flat, 1, 0, 4)).toBe(false);
  });
});
