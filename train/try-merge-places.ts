// `npx tsx train/try-merge-places.ts`: mg60 (issue 9): how the leads' places (trial-pair-features.ts `places`: the
// capitalised names after "in", "at", "near", "outside", "from" in the headline and first two sentences) split the
// TUNING half's candidate pairs of each set, true and false, before any training: +1 a place shared, -1 both name
// places and share none, 0 one names none.
import { clusteredOutletDraws, loadSweepSets, mergeModelsFrom, printTuningTally, withTrialColumns } from "./lib/merge-sweep.ts";
import { PAIR_FEATURES } from "../src/cluster/index.ts";

for (const set of loadSweepSets()) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, "places"]);
  const w = scored.width;
  printTuningTally(set, (k) => [`places ${scored.features[k * w + w - 1]}`]);
}

// The few-outlets draws (tuning half, HALF=check for the other): places among the pairs clustering joins, right and wrong.

const HALF = process.env.HALF === "check" ? "check" : "tune";
const tally = new Map<string, number>();
for (const { set, label } of clusteredOutletDraws(mergeModelsFrom(undefined))) {
  const scored = set.scored;
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
