import { describe, expect, it } from "vitest";
import { trainBoosted } from "../../train/lib/boost.ts";
import type { Example } from "../../train/lib/logistic.ts";

// A small, noisy two-feature problem, the same every run. Few distinct values, so every value is a
// cut whichever examples are repeated (the cuts are quantiles of the examples).
function examples(): Example[] {
  let seed = 11;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  return Array.from({ length: 400 }, () => {
    const x = [Math.floor(next() * 4), Math.floor(next() * 4)];
    return { x, y: (x[0]! + x[1]! + 2 * next() > 4 ? 1 : 0) as 0 | 1 };
  });
}

const options = { name: "t", features: ["a", "b"], rounds: 20, minLeaf: 5 };

describe("boosted trees training", () => {
  it("counts an example of weight 2 as the example twice", () => {
    const base = examples();
    const twice = trainBoosted([...base, ...base.slice(0, 100)], options);
    const weighted = trainBoosted(base.map((e, i) => (i < 100 ? { ...e, weight: 2 } : e)), options);
    expect(weighted.base).toBeCloseTo(twice.base, 6);
    expect(weighted.trees.map((t) => t.slice(0, 6))).toEqual(twice.trees.map((t) => t.slice(0, 6)));
    for (let k = 0; k < twice.trees.length; k++) for (let j = 6; j < 10; j++) expect(weighted.trees[k]![j]).toBeCloseTo(twice.trees[k]![j]!, 6);
  });

  it("learns something else when the weights change", () => {
    const base = examples();
    const even = trainBoosted(base, options);
    const tilted = trainBoosted(base.map((e) => ({ ...e, weight: e.y === 1 ? 5 : 1 })), options);
    expect(tilted.base).toBeGreaterThan(even.base);
  });

  it("grows each tree on a fixed share of the examples when asked: the same trees every run, other than with all", () => {
    const base = examples();
    const half = trainBoosted(base, { ...options, subsample: 0.5 });
    expect(trainBoosted(base, { ...options, subsample: 0.5 })).toEqual(half);
    expect(half.trees).not.toEqual(trainBoosted(base, options).trees);
    expect(trainBoosted(base, { ...options, subsample: 1 })).toEqual(trainBoosted(base, options));
    expect(trainBoosted(base, { ...options, subsample: 0.5, seed: 1 }).trees).not.toEqual(half.trees);
  });
});
