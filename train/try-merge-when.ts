// `npx tsx train/try-merge-when.ts` (mx63, issue 9): how the leads' stated times resolved to calendar days
// (trial-pair-features.ts whenAgree, whenApart; train/lib/stated-days.ts) split each set's TUNING-half candidate
// pairs, true and false, before any training; then the few-outlets draws' tuning half: the pairs clustering joins
// (committed models), right and wrong, by the same features.
import { PAIR_FEATURES } from "../src/cluster/index.ts";
import { clusteredOutletDraws, loadSweepSets, mergeModelsFrom, printTuningTally, withTrialColumns } from "./lib/merge-sweep.ts";

const extra = ["whenAgree", "whenApart"];
const band = (agree: number, apart: number) => (agree > 0 ? "agree" : apart === 0 ? "silent" : apart < Math.log1p(8) ? "apart 2-7" : apart < Math.log1p(60) ? "apart 8-59" : "apart 60+");
for (const set of loadSweepSets()) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, ...extra]);
  const w = scored.width;
  const v = (k: number, j: number) => scored.features[k * w + w - extra.length + j]!;
  printTuningTally(set, (k) => [`when ${band(v(k, 0), v(k, 1))}`]);
}

const tally = new Map<string, number>();
for (const { set, label } of clusteredOutletDraws(mergeModelsFrom(undefined))) {
  const t = withTrialColumns(set.scored, [...PAIR_FEATURES, ...extra]);
  for (let k = 0; k < t.pairs.length; k++) {
    const [a, b] = [t.pairs.a[k]!, t.pairs.b[k]!];
    if (set.half[a] !== "tune" || set.half[b] !== "tune" || label[a] !== label[b]) continue;
    const v = (j: number) => t.features[k * t.width + t.width - extra.length + j]!;
    const key = `${set.gold[a] === set.gold[b] ? "right" : "wrong"} when ${band(v(0), v(1))}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
}
console.log("few-outlets draws, tuning half, pairs joined by clustering (committed models):");
for (const [k, v] of [...tally].sort()) console.log(`  ${k} ${v}`);
