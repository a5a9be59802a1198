import { describe, expect, it } from "vitest";
import { pairwiseScores, wrongMerges } from "../../eval/lib/pairwise.ts";

describe("pairwise merge scores", () => {
  it("counts pairs placed together against pairs that belong together", () => {
    // Predicted pairs: (0,1), (2,3). True pairs: (0,1), (0,2), (1,2). Shared: (0,1).
    const s = pairwiseScores(["a", "a", "b", "b"], ["x", "x", "x", "y"]);
    expect(s.truePairs).toBe(1);
    expect(s.precision).toBeCloseTo(1 / 2);
    expect(s.recall).toBeCloseTo(1 / 3);
    expect(s.f1).toBeCloseTo(0.4);
  });

  it("is perfect for an identical partition whatever the labels are called", () => {
    expect(pairwiseScores(["p", "p", "q"], ["x", "x", "y"]).f1).toBe(1);
  });

  it("lists the stories that hold more than one true story, most wrong pairs first", () => {
    const w = wrongMerges(["a", "a", "a", "b", "b", "c"], ["x", "x", "y", "z", "w", "v"]);
    expect(w.map((m) => [m.story, m.wrongPairs])).toEqual([["a", 2], ["b", 1]]);
    expect(w[0]!.parts).toEqual([{ gold: "x", items: [0, 1] }, { gold: "y", items: [2] }]);
  });
});
