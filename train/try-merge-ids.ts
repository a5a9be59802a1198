// `npx tsx train/try-merge-ids.ts` (id62, issue 9): how the identifier features (trial-pair-features.ts idShared,
// idConflict, codeShared, codeConflict) and the action words' cosine (actionLead) split each set's TUNING-half candidate
// pairs, true and false, before any training. Then the few-outlets draws' tuning half: the pairs clustering joins, right and wrong,
// by the same features.
import { PAIR_FEATURES } from "../src/cluster/index.ts";
import { clusteredOutletDraws, loadSweepSets, mergeModelsFrom, printTuningTally, withTrialColumns } from "./lib/merge-sweep.ts";

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

// The few-outlets draws' TUNING half: the pairs clustering joins (committed models), right and wrong, by the same features.

const all = [...extra, "actionLead"];
const tally = new Map<string, number>();
const count = (k: string) => tally.set(k, (tally.get(k) ?? 0) + 1);
for (const { set, label } of clusteredOutletDraws(mergeModelsFrom(undefined))) {
  const scored = set.scored;
  const t = withTrialColumns(scored, [...PAIR_FEATURES, ...all]);
  const at = t.width - all.length;
  for (let k = 0; k < scored.pairs.length; k++) {
    const [a, b] = [scored.pairs.a[k]!, scored.pairs.b[k]!];
    if (set.half[a] !== "tune" || set.half[b] !== "tune" || label[a] !== label[b]) continue;
    const rw = set.gold[a] === set.gold[b] ? "right" : "wrong";
    const v = (j: number) => t.features[k * t.width + at + j]!;
    count(`${rw} ids ${v(0) > 0 ? "shared" : v(1) > 0 ? "conflict" : "silent"}`);
    count(`${rw} codes ${v(2) > 0 ? "shared" : v(3) > 0 ? "conflict" : "silent"}`);
    const x = v(4);
    count(`${rw} actionLead ${x === 0 ? "0" : x < 0.1 ? "<0.1" : x < 0.3 ? "<0.3" : ">=0.3"}`);
  }
}
console.log("few-outlets draws, tuning half, pairs joined by clustering (committed models):");
for (const [k, v] of [...tally].sort()) console.log(`  ${k} ${v}`);
