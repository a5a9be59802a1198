// mg80 scratch: how a trial column splits each set's TUNING-half candidate pairs (checking half not read).
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
