// pairEdges reads each pair's features at the model's width, so a trainer's trial model with features of its
// own (train/train-merge.ts EXTRA) gets its edges from src, not from a copy.
import { describe, expect, it } from "vitest";
import { mergeModels, pairEdges, PAIR_FEATURES, scoredCandidates } from "../../src/cluster/index.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";

const seeds = seedArticles(new URL("../fixtures/seeds", import.meta.url).pathname);
const scored = scoredCandidates(seeds.map((s) => s.article));
const { pair } = mergeModels();
const edgeList = (e: ReturnType<typeof pairEdges>) => Array.from({ length: e.length }, (_, k) => `${scored.order[e.a[k]!]!.path.slice(0, 3)}-${scored.order[e.b[k]!]!.path.slice(0, 3)} ${e.weight[k]!.toFixed(4)}`);

describe("the pair model's edges", () => {
  it("link the four outlets' reports of the seeds' one story", () => {
    expect(scored.width).toBe(PAIR_FEATURES.length);
    const linked = edgeList(pairEdges(scored, pair)).map((x) => x.slice(0, 7));
    for (const link of ["000-001", "000-002", "000-003", "001-002", "001-003", "002-003"]) expect(linked).toContain(link);
  });

  it("are the same for a model with one more feature that it does not weigh, read at its own width", () => {
    const width = scored.width + 1;
    const features = new Float64Array(scored.pairs.length * width);
    for (let k = 0; k < scored.pairs.length; k++) {
      features.set(scored.features.subarray(k * scored.width, (k + 1) * scored.width), k * width);
      features[k * width + scored.width] = 1000 + k;
    }
    const wider = { ...pair, features: [...pair.features, "trial"], mean: [...pair.mean, 0], scale: [...pair.scale, 1], weights: [...pair.weights, 0] };
    expect(edgeList(pairEdges({ pairs: scored.pairs, features, width }, wider))).toEqual(edgeList(pairEdges(scored, pair)));
  });

  it("refuse a model whose width is not the features'", () => {
    const wider = { ...pair, weights: [...pair.weights, 0], mean: [...pair.mean, 0], scale: [...pair.scale, 1] };
    expect(() => pairEdges(scored, wider)).toThrow(/weights for/);
  });
});
