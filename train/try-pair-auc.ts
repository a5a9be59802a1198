// Pair-level check of the same-event pair model (merge-model.json) on every set and half: the area under
// the ROC curve and average precision of the candidate pairs' probabilities (pairs of two articles of the
// half; true pairs never proposed count as scored 0). Smoother than clustering F1 when comparing features.
import { fileURLToPath } from "node:url";
import { mergeModels, pairEdges, scoredCandidates } from "../src/cluster/index.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { halfOf, HALVES } from "../eval/lib/split.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const sets: Array<[string, LabelledArticle[]]> = [
  ["events", buildEventsSet(corpus("events-dev.jsonl"))],
  ["merge", buildMergeSet(fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url)), corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed")],
  ["split", buildSplitSet(corpus("bbc-dev.jsonl"))],
];
const models = mergeModels();
for (const [name, items] of sets) {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article));
  const gold = scored.order.map((a) => byPath.get(a.path)!.gold);
  const half = scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey));
  const edges = pairEdges(scored, { ...models.pair });
  const p = new Map<string, number>();
  for (let k = 0; k < edges.length; k++) p.set(`${edges.a[k]} ${edges.b[k]}`, edges.weight[k]!);
  const line: string[] = [];
  for (const h of HALVES) {
    const scores: Array<[number, number]> = [];
    let positives = 0;
    const sizes = new Map<string, number>();
    gold.forEach((g, i) => half[i] === h && sizes.set(g, (sizes.get(g) ?? 0) + 1));
    const allTrue = [...sizes.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
    for (let k = 0; k < scored.pairs.length; k++) {
      const [a, b] = [scored.pairs.a[k]!, scored.pairs.b[k]!];
      if (half[a] !== h || half[b] !== h) continue;
      const y = gold[a] === gold[b] ? 1 : 0;
      positives += y;
      scores.push([p.get(`${a} ${b}`) ?? 0, y]);
    }
    scores.sort((x, y) => y[0] - x[0]);
    let [tp, ap, fp, auc] = [0, 0, 0, 0];
    const negatives = scores.length - positives;
    for (const [, y] of scores) {
      if (y) {
        tp++;
        ap += tp / (tp + fp);
      } else {
        fp++;
        auc += tp;
      }
    }
    line.push(`${h} AP ${(100 * ap / allTrue).toFixed(1)} AUC ${(100 * auc / Math.max(1, positives * negatives)).toFixed(1)}`);
  }
  console.log(`${name.padEnd(7)} ${line.join("  |  ")}`);
}
