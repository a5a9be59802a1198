// `npx tsx train/try-merge-ids.ts` (id62, issue 9): how the identifier features (trial-pair-features.ts idShared,
// idConflict, codeShared, codeConflict) split each set's TUNING-half candidate pairs, true and false, before any training.
import { loadSweepSets, printTuningTally, withTrialColumns } from "./lib/merge-sweep.ts";
import { PAIR_FEATURES } from "../src/cluster/index.ts";

const extra = ["idShared", "idConflict", "codeShared", "codeConflict"];
for (const set of loadSweepSets()) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, ...extra]);
  const w = scored.width;
  const at = w - extra.length;
  const v = (k: number, j: number) => scored.features[k * w + at + j]!;
  printTuningTally(set, (k) => [`ids ${v(k, 0) > 0 ? "shared" : v(k, 1) > 0 ? "conflict" : "silent"}`, `codes ${v(k, 2) > 0 ? "shared" : v(k, 3) > 0 ? "conflict" : "silent"}`]);
}

// The action words' cosine (actionLead), in bands.
for (const set of loadSweepSets()) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, "actionLead"]);
  const w = scored.width;
  printTuningTally(set, (k) => {
    const x = scored.features[k * w + w - 1]!;
    return [`actionLead ${x === 0 ? "0" : x < 0.1 ? "<0.1" : x < 0.3 ? "<0.3" : ">=0.3"}`];
  });
}
