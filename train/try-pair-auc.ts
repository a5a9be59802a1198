// Pair-level check of the same-event pair model (merge-model.json) on every set and half: the area under
// the ROC curve and average precision of the candidate pairs' probabilities (pairs of two articles of the
// half; true pairs never proposed count as scored 0). Smoother than clustering F1 when comparing features.
import { mergeModels, pairEdges } from "../src/cluster/index.ts";
import { HALVES } from "../eval/lib/split.ts";
import { loadSweepSets } from "./lib/merge-sweep.ts";

const models = mergeModels();
for (const { name, scored, gold, half } of loadSweepSets()) {
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
