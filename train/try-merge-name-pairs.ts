// `[FEATURE=rareNamePairs3] npx tsx train/try-merge-name-pairs.ts` (mg80, stop 80, issue 9): how the trial column
// `rareNamePairs` (trial-pair-features.ts: the name pairs two reports both state and no third report of the set does)
// splits each set's TUNING-half candidate pairs, true and false, at 0 / 1 / 2 / 3-5 / 6+, before any training (the
// checking half is not read). Stop 80: share true harder .026 / .267 / .325 / .571 / .643, bbc merge .052 / .000 /
// .133 / .200 / .727, events .452 / .677 / .650 / .718 / .870.
import { PAIR_FEATURES } from "../src/cluster/index.ts";
import { loadSweepSets, printTuningTally, withTrialColumns } from "./lib/merge-sweep.ts";
const FEATURE = process.env.FEATURE ?? "rareNamePairs";
for (const set of loadSweepSets()) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, FEATURE]);
  const w = scored.width;
  printTuningTally(set, (k) => {
    const x = Math.round(Math.expm1(scored.features[k * w + w - 1]!));
    return [`${FEATURE} ${x >= 6 ? "6+" : x >= 3 ? "3-5" : x}`];
  });
}
