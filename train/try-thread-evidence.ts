// mg54: how the thread-evidence trial features (trial-pair-features.ts: monthsApart, leadMonthMissing,
// weekdaysAll, numbersApart, latestYear, titleInTextMin/Max, actionCovMin; evidence-features.ts's direction) split the tuning
// halves' candidate pairs, among all candidates and among the pairs the committed pair model scores 0.3 or more
// (where a merge is decided): per set, the count of true and false pairs at each value (continuous values in
// bins of 0.25). Tuning halves only. `tsx train/try-thread-evidence.ts [feature+feature]`.
// Stop 54, pairs at p >= 0.3, true / false (share true), events . bbc merge . harder (all values: share true
// .81 . .78 . .81 at p >= 0.3):
//   weekdaysAll -1 (both texts name weekdays, none shared)  121/73 (.62) . 0/4 . 5/4 (.56)
//   monthsApart 1 (no month shared)                           76/34 (.69) . 0/15 . 10/8 (.56)
//   leadMonthMissing 2                                         2/0 . 0/6 . 0/4
//   direction -1 (one lead rises, the other falls)             29/1 (.97) . none . 5/0: the opposite of the idea
//   latestYear -1 (latest years named differ)                  311/113 (.73) . 14/10 (.58) . 32/7 (.82)
//   numbersApart 1 (the smaller side's numbers all missing)    124/87 (.59) . 1/5 . 34/4 (.89): harder's halves
//     state different numbers by construction, bbc merge's rewrites the same ones
//   titleInTextMax 1                                           493/100 (.83) . 153/2 (.99) . 13/1: bbc merge's
//     rewrites take their headline from the lead, so it says nothing about two outlets
//   actionCovMin < 0.25 (the leads' non-name words the other text lacks)  492/98 (.83) . 0/21 . 66/22 (.75):
//     again bbc merge's rewrites (they keep the lead)
// Time evidence is rare among the look-alikes that matter: harder's 39 false pairs at p >= 0.3 mostly state no
// weekday or month the other contradicts. See train-merge.ts's header (stop 54) for the full trials.
import { mergeModels, PAIR_FEATURES } from "../src/cluster/index.ts";
import { probability } from "../src/model/logistic.ts";
import { loadSweepSets, printTuningTally } from "./lib/merge-sweep.ts";
import { trialPairFeatures } from "./lib/trial-pair-features.ts";

const names = (process.argv[2] ?? "monthsApart+leadMonthMissing+weekdaysAll+direction+numbersApart+latestYear").split("+");
const W = PAIR_FEATURES.length;
const model = mergeModels().pair;
for (const s of loadSweepSets()) {
  const trial = trialPairFeatures(s.scored);
  printTuningTally(
    s,
    (k, a, b) => {
      const p = probability(model, s.scored.features.subarray(k * W, (k + 1) * W));
      return names.flatMap((name) => {
        const v = trial[name]!(a, b);
        const bin = Number.isInteger(v) ? String(v) : (Math.floor(v * 4) / 4).toFixed(2);
        return p >= 0.3 ? [`${name} ${bin}`, `${name} ${bin} p>=.3`] : [`${name} ${bin}`];
      });
    },
    34,
  );
}
