import { describe, expect, it } from "vitest";
import { boostedLogit, loadBoosted } from "../../src/clean/boosted.ts";
import textWeights from "../../src/clean/weights/blocks-text.json" with { type: "json" };
import { contextNames, featureNames } from "../../src/clean/block-features.ts";
import { readTrees } from "./tree-reader.ts";

describe("boosted trees", () => {
  it("score the committed model's rows to the bit as the trees read node by node", () => {
    const names = [...featureNames(false), ...contextNames(false)];
    const file = (textWeights as { context: { trees: number[][]; base: number } }).context;
    const model = loadBoosted(structuredClone(file), names);
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 8 - 4;
    for (let k = 0; k < 2000; k++) {
      const x = Float64Array.from(names, next);
      expect(boostedLogit(model, x)).toBe(readTrees(file.trees, file.base, x));
    }
  });

  it("score a row read from its place in a longer array as the row alone", () => {
    const names = [...featureNames(false), ...contextNames(false)];
    const file = (textWeights as { context: { trees: number[][]; base: number } }).context;
    const model = loadBoosted(structuredClone(file), names);
    const flat = Float64Array.from({ length: 5 * names.length + 2 }, (_, i) => ((i * 7919) % 97) / 12 - 4);
    for (let k = 0; k < 5; k++) {
      const at = 2 + k * names.length;
      expect(boostedLogit(model, flat, at)).toBe(readTrees(file.trees, file.base, flat.subarray(at, at + names.length)));
    }
  });

  it("take a missing child as its left leaf, and refuse a tree with numbers that are not numbers", () => {
    const model = loadBoosted({ name: "t", features: ["a", "b"], base: 0.5, trees: [[0, 1, -1, 0, 1, 2, 10, 20, 30, 40]] }, ["a", "b"]);
    expect(boostedLogit(model, [0, 0])).toBe(10.5);
    expect(boostedLogit(model, [1, 1])).toBe(30.5);
    expect(boostedLogit(model, [1, 3])).toBe(40.5);
    const damaged = { name: "d", features: ["a"], base: 0, trees: [[0.5, 1, -1, 0, -1, 0, 1, 2, 3, 4]] };
    expect(() => boostedLogit(damaged, [0])).toThrow(/damaged/);
  });
});
