import { describe, expect, it } from "vitest";
import { CONTEXT_FEATURES, contextFeatures, windowCrowds } from "../../src/cluster/context.ts";

const edges = (list: Array<[number, number, number]>) => ({ a: Int32Array.from(list, (e) => e[0]), b: Int32Array.from(list, (e) => e[1]), weight: Float32Array.from(list, (e) => e[2]), length: list.length });
const at = (f: Float64Array, k: number, name: (typeof CONTEXT_FEATURES)[number]) => f[k * CONTEXT_FEATURES.length + CONTEXT_FEATURES.indexOf(name)]!;

describe("a pair among its neighbours", () => {
  // 0 and 1 are each other's best link; 2's best link is 0, but 0 has a better one (1).
  const f = contextFeatures(3, edges([[0, 1, 0.9], [0, 2, 0.6]]));

  it("knows when a pair is both sides' best link", () => {
    expect(at(f, 0, "outdoneMore")).toBe(0);
    expect(at(f, 0, "outdoneLess")).toBe(0);
  });

  it("knows how far one side's stronger link outdoes a pair", () => {
    // In log-odds: 0.9 against 0.6 is log(9) - log(1.5).
    expect(at(f, 1, "outdoneMore")).toBeCloseTo(Math.log(9) - Math.log(1.5), 5);
    expect(at(f, 1, "outdoneLess")).toBe(0);
  });

  it("tells a near-certain rival from a likely one, though their probabilities differ little", () => {
    // 0.999 and 0.95 are close as probabilities but far apart as evidence: a copy against a look-alike.
    const g = contextFeatures(3, edges([[0, 1, 0.999], [0, 2, 0.95]]));
    expect(at(g, 1, "outdoneMore")).toBeGreaterThan(3);
  });

  it("counts a strong neighbour of one side that the other lacks as conflict, not support", () => {
    expect(at(f, 1, "conflict")).toBeGreaterThan(0);
    expect(at(f, 1, "support")).toBe(0);
  });
});

describe("windowCrowds", () => {
  it("counts the articles within the window of each article's day, the whole build for an undated one", () => {
    expect(Array.from(windowCrowds([10, 11, 20, null, 13], 2))).toEqual([2, 3, 1, 5, 2]);
  });
});
