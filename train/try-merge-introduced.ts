// `npx tsx train/try-merge-introduced.ts` (mg71, issue 9): how the trial feature `introduced` (trial-pair-features.ts:
// the people one report names only by surname whom the other names in full) splits each set's TUNING-half candidate
// pairs, true and false, before any training (the checking half is not read). FEATURE=introducedSameTime (mg72, stop
// 72) tallies that variant instead: `introduced` set to 0 where the two texts' stated days, months or years conflict.
// FEATURE=roleReferred (mg73, stop 73): "the singer" in one report for "singer George Michael" in the other. Tuning
// share true at 0 / 1 / 2+: harder .094 / .159 / .085, bbc merge .127 / .035 / .000, events .481 / .491 / .628.
// FEATURE=retells (lk73, stop 73): exactly one of the two leads points back to an earlier event (pointsBack). Tuning
// share true at 0 / 1 (shown as "2+"): harder .107 / .081, bbc merge .115 / .071, events .517 / .425.
// FEATURE=pointedBack (mg74, stop 74): exactly one lead names an earlier event as its verb's object (pointsBackByObject).
// Tuning share true at 0 / 1: harder .102 / .083, bbc merge .104 / .167 (6 pairs), events .511 / .183.
// FEATURE=introducedUnpointed (mg74): `introduced`, 0 when either lead does; it silences events 58 true and 63 false
// pairs beside `introduced`, harder 5 and 7, bbc merge 0 and 3.
// FEATURE=introducedPeople (mg75, stop 75): `introduced` counting only surnames the earlier report writes as a person's
// full name (people: the first word used only as a first name). Tuning share true at 0 / 1 / 2+: events .471 / .710 /
// .889, harder .062 / .326 / .590, bbc merge .083 / .298 / .417; FEATURE=introducedPeopleUnpointed with mg74's gate.
import { PAIR_FEATURES } from "../src/cluster/index.ts";
import { loadSweepSets, printTuningTally, withTrialColumns } from "./lib/merge-sweep.ts";

const FEATURE = process.env.FEATURE ?? "introduced";
for (const set of loadSweepSets()) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, FEATURE]);
  const w = scored.width;
  printTuningTally(set, (k) => {
    const x = Math.round(Math.expm1(scored.features[k * w + w - 1]!));
    return [`${FEATURE} ${x >= 2 ? "2+" : x}`];
  });
}
