// `npx tsx train/try-merge-introduced.ts` (mg71, issue 9): how the trial feature `introduced` (trial-pair-features.ts:
// the people one report names only by surname whom the other names in full) splits each set's TUNING-half candidate
// pairs, true and false, before any training (the checking half is not read).
import { PAIR_FEATURES } from "../src/cluster/index.ts";
import { loadSweepSets, printTuningTally, withTrialColumns } from "./lib/merge-sweep.ts";

for (const set of loadSweepSets()) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, "introduced"]);
  const w = scored.width;
  printTuningTally(set, (k) => {
    const x = Math.round(Math.expm1(scored.features[k * w + w - 1]!));
    return [`introduced ${x >= 2 ? "2+" : x}`];
  });
}
