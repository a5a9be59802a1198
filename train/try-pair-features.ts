// Which pair features help: trains the pair model (as train-merge.ts does, each set weighing the same,
// tuning pairs only) on subsets of PAIR_FEATURES and prints each set's and half's average precision of
// the candidate pairs. `tsx train/try-pair-features.ts`.
import { fileURLToPath } from "node:url";
import { defaultClusterOptions, PAIR_FEATURES, scoredCandidates } from "../src/cluster/index.ts";
import { probability } from "../src/model/logistic.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { halfOf, HALVES } from "../eval/lib/split.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const raw: Array<[string, LabelledArticle[]]> = [
  ["events", buildEventsSet(corpus("events-dev.jsonl"))],
  ["merge", buildMergeSet(fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url)), corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed")],
  ["split", buildSplitSet(corpus("bbc-dev.jsonl"))],
];
const W = PAIR_FEATURES.length;
const sets = raw.map(([name, items]) => {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
  const gold = scored.order.map((a) => byPath.get(a.path)!.gold);
  const half = scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey));
  const truePairs = HALVES.map((h) => {
    const sizes = new Map<string, number>();
    gold.forEach((g, i) => half[i] === h && sizes.set(g, (sizes.get(g) ?? 0) + 1));
    return [...sizes.values()].reduce((s, n) => s + (n * (n - 1)) / 2, 0);
  });
  return { name, scored, gold, half, truePairs };
});
const base = PAIR_FEATURES.slice(0, PAIR_FEATURES.indexOf("copied") + 1) as string[];
const extra = PAIR_FEATURES.slice(base.length) as string[];
const subsets: string[][] = process.argv.length > 2 ? [base, ...process.argv.slice(2).map((x) => [...base, ...x.split("+")])] : [base, ...extra.map((f) => [...base, f]), [...base, ...extra]];
for (const names of subsets) {
  const cols = names.map((f) => PAIR_FEATURES.indexOf(f as (typeof PAIR_FEATURES)[number]));
  const pick = (f: Float64Array, k: number) => Float64Array.from(cols, (c) => f[k * W + c]!);
  const perSet: Example[][] = sets.map((s) => {
    const list: Example[] = [];
    for (let k = 0; k < s.scored.pairs.length; k++) {
      const [a, b] = [s.scored.pairs.a[k]!, s.scored.pairs.b[k]!];
      if (s.half[a] === "tune" && s.half[b] === "tune") list.push({ x: pick(s.scored.features, k), y: s.gold[a] === s.gold[b] ? 1 : 0 });
    }
    return list;
  });
  const largest = Math.max(...perSet.map((x) => x.length));
  const examples = perSet.flatMap((x) => Array.from({ length: Math.max(1, Math.round(largest / x.length)) }, () => x).flat());
  const model = trainLogistic(examples, { name: "try", features: names, l2: 1, trainedOn: "try" });
  const out: string[] = [];
  for (const s of sets) {
    for (const [hi, h] of HALVES.entries()) {
      const scores: Array<[number, number]> = [];
      for (let k = 0; k < s.scored.pairs.length; k++) {
        const [a, b] = [s.scored.pairs.a[k]!, s.scored.pairs.b[k]!];
        if (s.half[a] !== h || s.half[b] !== h) continue;
        scores.push([probability(model, pick(s.scored.features, k), 0), s.gold[a] === s.gold[b] ? 1 : 0]);
      }
      scores.sort((x, y) => y[0] - x[0]);
      let [tp, fp, ap, f1] = [0, 0, 0, 0];
      for (const [, y] of scores) {
        if (y) ap += ++tp / (tp + fp);
        else fp++;
        f1 = Math.max(f1, (2 * tp) / (tp + fp + s.truePairs[hi]!));
      }
      out.push(`${s.name[0]}${h[0]} ${(100 * ap / s.truePairs[hi]!).toFixed(1)}/${(100 * f1).toFixed(1)}`);
    }
  }
  console.log(`${out.join(" ")}  ${names.length === base.length ? "base" : names.slice(base.length).join("+")}`);
}
