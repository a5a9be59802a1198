// `npx tsx train/try-merge-places.ts`: mg60 (issue 9): how the leads' places (trial-pair-features.ts `places`: the
// capitalised names after "in", "at", "near", "outside", "from" in the headline and first two sentences) split the
// TUNING half's candidate pairs of each set, true and false, before any training: +1 a place shared, -1 both name
// places and share none, 0 one names none.
import { loadSweepSets, printTuningTally, withTrialColumns } from "./lib/merge-sweep.ts";
import { PAIR_FEATURES } from "../src/cluster/index.ts";

for (const set of loadSweepSets()) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, "places"]);
  const w = scored.width;
  printTuningTally(set, (k) => [`places ${scored.features[k * w + w - 1]}`]);
}

// The few-outlets draws (tuning half, HALF=check for the other): places among the pairs clustering joins, right and wrong.
import { fileURLToPath } from "node:url";
import { defaultClusterOptions, groupArticles, scoredCandidates } from "../src/cluster/index.ts";
import { outletDraws } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";
import { mergeModelsFrom, weighSets, type SweepSet } from "./lib/merge-sweep.ts";

const HALF = process.env.HALF === "check" ? "check" : "tune";
const models = mergeModelsFrom(undefined);
const tally = new Map<string, number>();
for (const items of outletDraws(fileURLToPath(new URL("../../shared/corpus/events-dev.jsonl", import.meta.url)))) {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
  const set: SweepSet = { name: "draw", scored, n: scored.order.length, gold: scored.order.map((a) => byPath.get(a.path)!.gold), half: scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey)) };
  const [w] = weighSets([set], models);
  const label = new Int32Array(set.n);
  for (const g of groupArticles(scored.spans, w!, models.decision, defaultClusterOptions.windowDays, scored.profiles)) for (const m of g.members) label[m] = g.members[0]!;
  const withPlaces = withTrialColumns(scored, [...PAIR_FEATURES, "places"]);
  const width = withPlaces.width;
  for (let k = 0; k < scored.pairs.length; k++) {
    const [a, b] = [scored.pairs.a[k]!, scored.pairs.b[k]!];
    if (set.half[a] !== HALF || set.half[b] !== HALF || label[a] !== label[b]) continue;
    const key = `${set.gold[a] === set.gold[b] ? "right" : "wrong"} places ${withPlaces.features[k * width + width - 1]}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
}
console.log(`few-outlets draws, ${HALF} half, pairs joined by clustering:`);
for (const [k, v] of [...tally].sort()) console.log(`  ${k} ${v}`);
