import { describe, expect, it } from "vitest";
import { GROUP_FEATURES, groupDecisionAgglomerate, groupFeatures, type GroupView } from "../../train/lib/group-decision.ts";
import type { WeightedEdges } from "../../src/cluster/agglomerate.ts";
import type { LogisticModel } from "../../src/model/logistic.ts";
import type { TimeSpan } from "../../src/cluster/time.ts";

// mg82 (stop 82): two pairs of reports, each pair tied at 0.9, the two pairs tied by one cross link. Their cross mean
// (one link over four pairs) is under the small-group bar of 0.4; the group decision may still join them when its
// model reads the strongest cross link as enough.
const day = (d: string): TimeSpan => ({ first: d, last: d, weekdays: 0 });
const spans = [day("2024-03-01"), day("2024-03-01"), day("2024-03-04"), day("2024-03-04")];
const graph = (cross: number): WeightedEdges => ({
  a: Int32Array.from([0, 2, 0]),
  b: Int32Array.from([1, 3, 2]),
  weight: Float32Array.from([0.9, 0.9, cross]),
  length: 3,
});
const view = (e: WeightedEdges): GroupView => {
  const near = Array.from({ length: 4 }, () => new Map<number, number>());
  for (let k = 0; k < e.length; k++) {
    near[e.a[k]!]!.set(e.b[k]!, e.weight[k]!);
    near[e.b[k]!]!.set(e.a[k]!, e.weight[k]!);
  }
  return { near, spans };
};
/** A model that reads only the strongest cross link: p >= 0.5 once it reaches 0.5. */
const byMax: LogisticModel = { name: "test", features: [...GROUP_FEATURES], mean: [0, 0, 0, 0, 0, 0], scale: [1, 1, 1, 1, 1, 1], weights: [0, 0, 0, 10, 0, 0], bias: -5, threshold: 0.5 };
const stories = (cross: number, model?: LogisticModel) => {
  const e = graph(cross);
  const asked: number[][] = [];
  const root = groupDecisionAgglomerate(view(e), (_a, _b, f) => asked.push(f), model)(4, e, { threshold: 0.05, bar: () => 0.4, missing: 0, canJoin: () => true, joined: () => {} });
  return { count: new Set(root).size, asked };
};

describe("groupFeatures: the two groups as they stand", () => {
  it("gives sizes, cross mean with missing pairs 0, the strongest cross link, the candidate share and the days apart", () => {
    const f = groupFeatures(view(graph(0.6)).near, [0, 1], [2, 3], { first: "2024-03-01", last: "2024-03-01", weekdays: 0 }, { first: "2024-03-04", last: "2024-03-04", weekdays: 0 });
    expect(f[0]).toBeCloseTo(Math.log(2));
    expect(f[2]).toBeCloseTo(0.15);
    expect(f[3]).toBeCloseTo(0.6);
    expect(f[4]).toBeCloseTo(0.25);
    expect(f[5]).toBe(3);
  });
});

describe("groupDecisionAgglomerate: a pair of groups under its bar joins when the model admits it", () => {
  it("without a model the two pairs stay two stories, and each pair of groups under the bar is reported as it stands", () => {
    const { count, asked } = stories(0.6);
    expect(count).toBe(2);
    // First a pair beside a single (0.6 over two pairs), then the two pairs (0.6 over four).
    expect(asked.map((f) => Number(f[2]!.toFixed(2)))).toEqual([0.3, 0.15]);
  });

  it("joins the two pairs into one story when their strongest cross link convinces the model", () => {
    expect(stories(0.6, byMax).count).toBe(1);
  });

  it("keeps them apart when the cross link is weak", () => {
    expect(stories(0.3, byMax).count).toBe(2);
  });
});
