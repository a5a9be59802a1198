// `npx tsx train/try-merge-perturbed.ts committed pert1.json pert2.json ...` (mg61, issue 9): a family of
// decision settings judged over perturbed trainings instead of one. Each model file is a train:merge output
// (`STRATIFY=1 PERTURB=k OUT=... npx tsx train/train-merge.ts`, each with its own searched decision;
// "committed" is src/cluster/merge-model.json); every setting of FAMILY below is applied to each model's own
// decision, and every set's TUNING F1 (events, bbc merge, harder, the few-outlets draws' mean) is printed
// as its mean and spread over the models. The pick is made on the tuning means alone (PICK below), and only
// then are the checking halves scored: the picked setting's and the baseline's, once, run by run.
// One training moves the checking halves by more than the changes tried (mg60): a setting is judged by its
// mean over the trainings. The family and the rule were fixed before any run (docs/scaling.md, stop 61, mg61).
// Stop 61 (committed + STRATIFY=1 PERTURB=1..6): picked "small names <=3 core 0.5 share 0.34" (tuning objective
// 90.29 -> 90.88, better in 7 of 7); checking events -0.33 (worse in 1 of 7, one more story mixed), bbc merge +0.27,
// harder +0.24, few-outlets +0.48: not kept. As a trainer search (SMALL_SEARCH=1, methods mode): the same run falls.
// Stop 73 (lk73): FAMILY=lk73 (retold, a group check on leads pointing back) over the 7 KEEP_DECISION base trainings and
// over mg73's 7 `introduced` ones: every m=2 setting lowers events' tuning mean (-2.0 to -7.2), m=3 never fires: the
// baseline kept both times, not adopted.
// MIXED=1 (lk73): prints, per training, the gold events of each events tuning story that mixes two (tuning half only).
// ONLY=<regular expression> keeps the baseline and the matching settings (to read one setting's figures; not a pick).
// Stop 62 (pk62, committed + STRATIFY=1 PERTURB=1..13): picked "small names+times <=3 core 1 share 0" (90.27 -> 90.84,
// 14/0); checking events 0/0, bbc merge +1.68 (14/0), harder +0.46 (10/1), few-outlets +1.01 (14/0): shipped in
// merge-model.json. Since then "committed" and train:merge's trainings carry it; NO_SMALL=1 trainings are the old baseline.
// Stop 64 (mg64): methods where / who / both (EXTRA=placesMissing, specificMissing, both) over 14 trainings each: all
// below the baseline's tuning objective (90.66, 90.71, 90.53 against 90.84), not shipped.
// Stop 65 (mg65): FAMILY=65, 65b, 65c (a decision check on the names each group's leads give, both sides or one) ran at
// ee2ccfa; the best 90.91 against 90.84, not past the margin; the check was removed (docs/scaling.md).
// Stop 66 (mg66): FAMILY=66, 66b (refusals that stick: cannot-links between groups a check refused) ran at db46155: the
// best 90.84 = the baseline (only refusals between groups of 4+ sticking, which changes nothing); not kept.
// Stop 69 (mg69): FAMILY=69, 69b (a join of two groups of 2..maxGroup refused when the cross mean is below r x the lower
// cohesion AND each group's names-and-times core misses items in the other; a harness check, Setting.check): 69 kept
// the baseline (best 91.02 against 90.84); 69b picked "<=3 core 0.5 share 0.25 r 0.9" (91.14, better in 14 of 14), whose
// checking halves refused it: events -1.80 (worse in 6 of 14), events mixed 5 -> 11 over the 14; not kept.
// Stop 69 (mj69): FAMILY=69c (that check guarded: `alone`, only when neither group could join another group; `freeze`,
// parted groups join nothing else) and 69d (`alone-edge`: only when no report of either links at the lowest bar outside
// the two, what a replayed build reproduces). Both picked "share 0 r 1" (91.21 against 90.84, better in 14 of 14);
// checking: events, bbc merge unchanged in 14 of 14, few-outlets +1.44, both-event P +5.88; shipped as the decision's
// `lookAlike` (look-alike.ts). Since then the committed decision holds it and /tmp/mx63/pert's (trained before) do
// not: a baseline over them mixes the two (strip `lookAlike` in apply, or retrain the draws, to compare like with like).
// Stop 70 (mg70): FAMILY=70 (a single report joins a group of 2..maxGroup only if linked at `link` x the small-group bar
// to `share` of its reports) and 70b (the same, refused only when the single also links that strongly outside the
// group), every training given the shipped lookAlike: both kept the baseline (91.21; 70's best 91.18, harder +0.52
// and bbc merge +0.81 against few-outlets -1.36; 70b's best "<=3 share 1 link 1 elsewhere 1" 91.38, harder +0.63
// with the other sets flat, 0.17 past it: below the margin), so no checking half was read.
// Stop 71 (mg71): that 70b setting judged alone as named before the run (NAMED=1, a rule aimed at harder): tuning harder
// +0.63 (sd 0.62), the others flat; checking harder -0.07 (better in 1, worse in 4 of 14): not kept.
// Stop 76 (mg76): NAMED=1 with EXTRA=placesApart (places named anywhere, missing from the other text both ways) over 21
// pairs: checking harder -0.43 (3 better, 15 worse), events' checking mixes 6 -> 7: not kept; with UP' or UP'' beside it
// (14 pairs) events' checking -0.93 / -0.64 (docs/scaling.md, stop 76, mg76).
// Stop 77 (mg77): FAMILY=mg77 (two groups of 2+ parted by the specific names or words each states and the other never
// writes, weighed against those both state), mg77b (a single report beside a group asked too), mg77c (beside a group of
// <= 2 or 3 only), mg77d (beside a story of 5 or 8+) over committed + mg74's base-1..13: none passed the tuning pick (best 90.91 / 90.48 / 90.73 against 90.97);
// harder never moves between groups of 2+ (its true stories are pairs); with singles harder's tuning gains +1.5 while
// few-outlets falls 2.5-20. Read NAMED=1 as a report, "<=2 m 2 r 1": checking harder -0.45 (1 better, 13 worse), few-outlets
// -5.89 (0/14), bbc merge +0.98 (14/0): not kept (docs/scaling.md, stop 77, mg77).
import { fileURLToPath } from "node:url";
import { defaultClusterOptions, groupArticles, scoredCandidates, type MergeDecision } from "../src/cluster/index.ts";
import type { SmallGroupOptions } from "../src/cluster/protagonists.ts";
import { groupingThreshold } from "../src/cluster/decision.ts";
import { outletDraws } from "../eval/lib/merge-set.ts";
import { eventStats, mixedClusters, pairwiseScores } from "../eval/lib/pairwise.ts";
import { halfOf, type Half } from "../eval/lib/split.ts";
import { checkedAverageLink, linkMaps, loadSweepSets, mergeModelsFrom, weighSets, type Agglomerate, type Grouping, type SweepSet } from "./lib/merge-sweep.ts";
import type { WeightedEdges } from "../src/cluster/agglomerate.ts";
import { idsOf, type Profile } from "../src/cluster/profile.ts";
import { pointsBack } from "./lib/trial-pair-features.ts";
import { readMentions } from "../src/cluster/mentions.ts";
import { tokens } from "../src/text/names-numbers.ts";
import { groupDecisionAgglomerate, GROUP_FEATURES, type GroupView } from "./lib/group-decision.ts";
import { loadModel, type LogisticModel } from "../src/model/logistic.ts";
import { readFileSync } from "node:fs";

interface Setting {
  name: string;
  apply: (d: MergeDecision) => MergeDecision;
  /** A trial check between groups on top of the decision (FAMILY=69), given a set's links and profiles. */
  check?: (near: ReadonlyArray<Map<number, number>>, profiles: readonly Profile[], onRefuse?: (a: readonly number[], b: readonly number[]) => void, bar?: number, decision?: MergeDecision) => (groups: Grouping, x: number, y: number) => boolean;
  /** A trial grouping for one training (FAMILY=mg82: its learned group decision), given a set's links and spans. */
  agglomerate?: (training: string, view: GroupView) => Agglomerate;
}

/** The small-group check's grid (protagonists.ts SmallGroupOptions: between two groups of 2..maxGroup reports). */
const small = (times: boolean, maxGroup: number, core: number, missingShare: number): Setting => {
  const options: SmallGroupOptions = { minGroup: 2, maxGroup, core, absent: 0, missingShare, times };
  return { name: `small ${times ? "names+times" : "names"} <=${maxGroup} core ${core} share ${missingShare}`, apply: (d) => ({ ...d, small: options }) };
};

/** FAMILY (fixed before any run): the baseline first; of settings the tuning means cannot tell apart the first is kept. */
export const FAMILY: Setting[] = [
  { name: "baseline (each training's own decision)", apply: (d) => d },
  { name: "small-group bar -0.05", apply: (d) => ({ ...d, threshold: Number((d.threshold - 0.05).toFixed(2)) }) },
  { name: "small-group bar +0.05", apply: (d) => ({ ...d, threshold: Number((d.threshold + 0.05).toFixed(2)) }) },
  { name: "protagonist check from groups of 2", apply: (d) => (d.protagonists.minGroup > 0 ? { ...d, protagonists: { ...d.protagonists, minGroup: 2 } } : d) },
];
for (const times of [false, true]) for (const maxGroup of [2, 3, 5]) for (const core of [1, 0.67, 0.5]) for (const share of [0, 0.34]) FAMILY.push(small(times, maxGroup, core, share));

/** A report's names and stated times as items (protagonists.ts SmallGroupCore with `times`). */
function coreItems(p: Profile): number[] {
  const items = [...idsOf(p.names)];
  for (const d of idsOf(p.days)) items.push(-1e6 - d);
  for (const y of idsOf(p.years)) items.push(-2e6 - y);
  for (let m = 0; m < 12; m++) if (p.months & (1 << m)) items.push(-3e6 - m);
  for (let w = 0; w < 7; w++) if (p.weekdays & (1 << w)) items.push(-4e6 - w);
  return items;
}

/**
 * mg69: two groups of 2..maxGroup reports each are refused when their cross mean is below r x the lower cohesion
 * (mean inner link) AND each group's core (items in at least `core` of its reports) misses items in the other's
 * reports (at least one, and at least `share` of the core).
 */
const gapNames = (maxGroup: number, core: number, share: number, r: number): Setting => ({
  name: `gap+names <=${maxGroup} core ${core} share ${share} r ${r}`,
  apply: (d) => d,
  check: (near, profiles, onRefuse) => {
    const items = new Map<number, Set<number>>();
    const itemsOf = (i: number) => items.get(i) ?? items.set(i, new Set(coreItems(profiles[i]!))).get(i)!;
    const mean = (xs: readonly number[], ys: readonly number[] | null) => {
      let [sum, count] = [0, 0];
      for (let a = 0; a < xs.length; a++) for (const b of ys ?? xs.slice(a + 1)) { sum += near[xs[a]!]!.get(b) ?? 0; count++; }
      return sum / count;
    };
    const missing = (from: readonly number[], other: readonly number[]) => {
      const counts = new Map<number, number>();
      for (const i of from) for (const x of itemsOf(i)) counts.set(x, (counts.get(x) ?? 0) + 1);
      const coreItems = [...counts].filter(([, c]) => c >= core * from.length).map(([x]) => x);
      const gone = coreItems.filter((x) => other.every((i) => !itemsOf(i).has(x))).length;
      return gone > 0 && gone >= share * coreItems.length;
    };
    return (groups, x, y) => {
      const [a, b] = [groups.members[x]!, groups.members[y]!];
      if (a.length < 2 || b.length < 2 || a.length > maxGroup || b.length > maxGroup) return true;
      if (mean(a, b) >= r * Math.min(mean(a, null), mean(b, null))) return true;
      const refuse = missing(a, b) && missing(b, a);
      if (refuse) onRefuse?.(a, b);
      return !refuse;
    };
  },
});
/**
 * mj69: where a parted group may go. `alone`: the gap+names check refuses a join only when neither group has
 * another group it could join (a mean link to it over all cross pairs at or above the lowest bar), so a wrongly parted
 * piece has no look-alike story to fall into. `freeze`: every refusal stands, and the two parted groups may join no
 * other group for the rest of the build (a cannot-link that follows them), so a parted piece stays its own story.
 */
const guarded = (guard: "alone" | "alone-edge" | "freeze", maxGroup: number, core: number, share: number, r: number): Setting => {
  const inner = gapNames(maxGroup, core, share, r);
  return {
    name: `${guard} ${inner.name}`,
    apply: (d) => d,
    check: (near, profiles, onRefuse, bar = 0) => {
      const frozen = new Uint8Array(near.length);
      const refused: Array<readonly number[]> = [];
      const base = inner.check!(near, profiles, (a, b) => refused.push(a, b));
      const elsewhere = (groups: Grouping, from: readonly number[], not: number) => {
        const own = groups.root[from[0]!]!;
        const sums = new Map<number, number>();
        for (const i of from) for (const [k, w] of near[i]!) {
          const g = groups.root[k]!;
          if (g !== own && g !== not) sums.set(g, (sums.get(g) ?? 0) + w);
        }
        for (const [g, sum] of sums) if (sum / (from.length * groups.members[g]!.length) >= bar) return true;
        return false;
      };
      return (groups, x, y) => {
        const [a, b] = [groups.members[x]!, groups.members[y]!];
        if (guard === "freeze" && (a.some((i) => frozen[i]) || b.some((i) => frozen[i]))) return false;
        refused.length = 0;
        if (base(groups, x, y)) return true;
        if (guard === "alone" && (elsewhere(groups, a, y) || elsewhere(groups, b, x))) return true;
        if (guard === "alone-edge" && [...a, ...b].some((i) => [...near[i]!].some(([k, w]) => w >= bar && !a.includes(k) && !b.includes(k)))) return true;
        if (guard === "freeze") for (const g of refused) for (const i of g) frozen[i] = 1;
        onRefuse?.(a, b);
        return false;
      };
    },
  };
};
// alone-edge (FAMILY=69d, mj69, for builds that replay the last one's merges): the check refuses only when no report of
// either group has a link at or above the lowest bar to a report outside the two, a function of the groups' own
// reports and links (agglomerate-replay.ts's condition), where `alone` also reads how the other reports are grouped.
if (process.env.FAMILY === "69d") {
  FAMILY.length = 1;
  for (const [share, r] of [[0.25, 0.9], [0, 1]] as const) FAMILY.push(guarded("alone-edge", 3, 0.5, share, r));
}
if (process.env.FAMILY === "69c") {
  FAMILY.length = 1;
  for (const guard of ["alone", "freeze"] as const) for (const [share, r] of [[0.25, 0.9], [0, 1]] as const) FAMILY.push(guarded(guard, 3, 0.5, share, r));
}
if (process.env.FAMILY === "69b") {
  FAMILY.length = 1;
  for (const maxGroup of [3, 4]) for (const share of [0.25, 0.34, 0.5]) for (const r of [0.85, 0.9, 0.95]) FAMILY.push(gapNames(maxGroup, 0.5, share, r));
}
if (process.env.FAMILY === "69") {
  FAMILY.length = 1;
  for (const maxGroup of [3, 5]) for (const core of [0.5, 0.67]) for (const share of [0, 0.34]) for (const r of [0.8, 0.9, 1]) FAMILY.push(gapNames(maxGroup, core, share, r));
}

/**
 * mg70 (FAMILY=70): a single report joins a group of 2..maxGroup reports only if its link is at or above `link` x the
 * decision's small-group bar to at least `share` of the group's reports (rounded up): a single held to a small group
 * by one strong link among weak ones is refused. A function of the two groups' reports and links (replayable).
 */
const cover = (maxGroup: number, share: number, link: number, elsewhere = 0): Setting => ({
  name: `cover single into <=${maxGroup} share ${share} link ${link}${elsewhere ? ` elsewhere ${elsewhere}` : ""}`,
  apply: withShippedLookAlike,
  check: (near, _profiles, onRefuse, _bar, decision) => {
    const at = link * (decision?.threshold ?? 0.4);
    return (groups, x, y) => {
      const [a, b] = [groups.members[x]!, groups.members[y]!];
      const [one, group] = a.length === 1 ? [a[0]!, b] : b.length === 1 ? [b[0]!, a] : [-1, a];
      if (one < 0 || group.length < 2 || group.length > maxGroup) return true;
      const linked = group.filter((i) => (near[one]!.get(i) ?? 0) >= at).length;
      // FAMILY=70b: refused only when the single also links at `elsewhere` x the bar to a report outside the group.
      const away = elsewhere > 0 && [...near[one]!].some(([k, w]) => w >= elsewhere * (decision?.threshold ?? 0.4) && !group.includes(k));
      const ok = linked >= Math.ceil(share * group.length - 1e-9) || (elsewhere > 0 && !away);
      if (!ok) onRefuse?.(a, b);
      return ok;
    };
  },
});
/** The committed decision's look-alike check (stop 69), given to trainings made before it (/tmp/mx63/pert). */
function withShippedLookAlike(d: MergeDecision): MergeDecision {
  return d.lookAlike ? d : { ...d, lookAlike: mergeModelsFrom(undefined).decision.lookAlike };
}
if (process.env.FAMILY === "70") {
  FAMILY.length = 0;
  FAMILY.push({ name: "baseline (each training's own decision, with the shipped lookAlike)", apply: withShippedLookAlike });
  for (const maxGroup of [3, 5]) for (const share of [1, 0.6]) for (const link of [1, 0.5]) FAMILY.push(cover(maxGroup, share, link));
}
if (process.env.FAMILY === "70b") {
  FAMILY.length = 0;
  FAMILY.push({ name: "baseline (each training's own decision, with the shipped lookAlike)", apply: withShippedLookAlike });
  for (const maxGroup of [3, 5]) for (const g of [1, 0.5, 0.125]) FAMILY.push(cover(maxGroup, 1, 1, g));
}

/**
 * lk73 (FAMILY=lk73): two groups of at least `minGroup` reports do not join when at least `hi` of one's reports point
 * back to an earlier event in their leads (pointsBack, trial-pair-features.ts) and at most `lo` of the other's do: a
 * thread's next event, whose reports retell the first, beside the first. A function of the groups' own reports.
 */
const pointingBack = new Map<readonly Profile[], boolean[]>();
const retold = (minGroup: number, hi: number, lo: number): Setting => ({
  name: `retold groups >=${minGroup} back >=${hi} against <=${lo}`,
  apply: (d) => d,
  check: (_near, profiles, onRefuse) => {
    const back = pointingBack.get(profiles);
    const share = (g: readonly number[]) => g.filter((i) => back![i]).length / g.length;
    return (groups, x, y) => {
      const [a, b] = [groups.members[x]!, groups.members[y]!];
      if (!back || a.length < minGroup || b.length < minGroup) return true;
      const [p, q] = [share(a), share(b)];
      const ok = !((p >= hi && q <= lo) || (q >= hi && p <= lo));
      if (!ok) onRefuse?.(a, b);
      return ok;
    };
  },
});
if (process.env.FAMILY === "lk73") {
  FAMILY.length = 1;
  for (const minGroup of [2, 3]) for (const [hi, lo] of [[0.5, 0], [0.5, 0.25], [0.67, 0.25]] as const) FAMILY.push(retold(minGroup, hi, lo));
}

/**
 * mg77 (FAMILY=mg77): two groups, each of at least `minGroup` reports, are not joined when each group's specific items
 * (its names, with `words` also its content words, that at least max(2, core x size) of its reports state) include at
 * least `m` that the other group's texts never write at all (any token of headline and body, any case), and that count
 * exceeds `r` x the items specific to both groups (what they share). Read from the reports' own texts (readMentions,
 * tokens): no list of places, buildings or names. Two fires in one valley: "church", "bible", "wasilla" against
 * "dairy", "palmer".
 */
interface ReportItems {
  names: string[];
  words: string[];
  all: Set<string>;
}
const reportItems = new Map<readonly Profile[], ReportItems[]>();
const specificApart = (minGroup: number, core: number, m: number, r: number, withWords: boolean, singles = false, maxGroup = Infinity, minBig = 0): Setting => ({
  name: `specific ${withWords ? "names+words" : "names"} >=${minGroup}${singles ? " or a single beside a group" : ""}${maxGroup < Infinity ? ` <=${maxGroup}` : ""}${minBig ? ` larger >=${minBig}` : ""} core ${core} missing ${m} r ${r}`,
  apply: (d) => d,
  check: (_near, profiles, onRefuse) => {
    const items = reportItems.get(profiles)!;
    const cache = new Map<number, { size: number; specific: string[]; all: Set<string> }>();
    const groupOf = (groups: Grouping, x: number) => {
      const members = groups.members[x]!;
      const hit = cache.get(x);
      if (hit && hit.size === members.length) return hit;
      const counts = new Map<string, number>();
      const all = new Set<string>();
      for (const i of members) {
        const it = items[i]!;
        // A single report (mg77b, `singles`): its items are counted by how often it writes them.
        const listed = withWords ? [...it.names, ...it.words] : it.names;
        for (const t of members.length === 1 ? listed : new Set(listed)) counts.set(t, (counts.get(t) ?? 0) + 1);
        for (const t of it.all) all.add(t);
      }
      const need = Math.max(2, Math.ceil(core * members.length - 1e-9));
      const g = { size: members.length, specific: [...counts].filter(([, c]) => c >= need).map(([t]) => t), all };
      cache.set(x, g);
      return g;
    };
    return (groups, x, y) => {
      const [a, b] = [groups.members[x]!, groups.members[y]!];
      const asked = singles ? Math.min(a.length, b.length) >= 1 && Math.max(a.length, b.length) >= 2 && (Math.min(a.length, b.length) === 1 || Math.min(a.length, b.length) >= minGroup) : a.length >= minGroup && b.length >= minGroup;
      if (!asked || Math.max(a.length, b.length) > maxGroup || Math.max(a.length, b.length) < minBig) return true;
      const [ga, gb] = [groupOf(groups, x), groupOf(groups, y)];
      const missA = ga.specific.filter((t) => !gb.all.has(t)).length;
      const missB = gb.specific.filter((t) => !ga.all.has(t)).length;
      const specificB = new Set(gb.specific);
      const shared = ga.specific.filter((t) => specificB.has(t)).length;
      const apart = Math.min(missA, missB);
      const ok = !(apart >= m && apart > r * shared);
      if (!ok) onRefuse?.(a, b);
      return ok;
    };
  },
});
if (process.env.FAMILY === "mg77") {
  FAMILY.length = 1;
  for (const withWords of [false, true]) for (const minGroup of [2, 3]) for (const core of [0.34, 0.5]) for (const m of [1, 2]) for (const r of [0, 1]) FAMILY.push(specificApart(minGroup, core, m, r, withWords));
}
// mg77b (amended after FAMILY=mg77's tuning figures, before any checking figure): harder's true stories are two
// reports (two halves of one article), so a check between groups of 2+ never reaches them; a single report joining a
// group is asked too (its items: what it writes at least twice), and the shared items weigh at r 0.5.
if (process.env.FAMILY === "mg77b") {
  FAMILY.length = 1;
  for (const withWords of [false, true]) for (const m of [1, 2, 3]) for (const r of [0, 0.5, 1]) FAMILY.push(specificApart(2, 0.5, m, r, withWords, true));
  for (const withWords of [false, true]) for (const minGroup of [2, 3]) for (const m of [1, 2, 3]) FAMILY.push(specificApart(minGroup, 0.5, m, 0.5, withWords));
}
// mg77c (amended after FAMILY=mg77b's tuning figures, before any checking figure): a single asked only beside a group of
// at most maxGroup reports (harder's true stories are pairs; events' and few-outlets' stories grow by singles joining
// large groups, which mg77b's singles tore apart), names+words, stricter m and r.
if (process.env.FAMILY === "mg77c") {
  FAMILY.length = 1;
  for (const maxGroup of [2, 3]) for (const m of [2, 3, 5]) for (const r of [0.5, 1, 2]) FAMILY.push(specificApart(2, 0.5, m, r, true, true, maxGroup));
}
// mg77d (amended after FAMILY=mg77c's tuning figures, before any checking figure of a pick): events' tuning mixes are a
// large story with one or two reports of the other event (13+2, 17+1, 5+2), so a single or a small group is asked only
// beside a group of at least minBig reports, whose specific items (in half its reports) are many and settled.
if (process.env.FAMILY === "mg77d") {
  FAMILY.length = 1;
  for (const withWords of [false, true]) for (const minBig of [5, 8]) for (const m of [1, 2, 3]) for (const r of [0, 0.5, 1]) FAMILY.push(specificApart(2, 0.5, m, r, withWords, true, Infinity, minBig));
}

// FAMILY=66 and FAMILY=66b (mg66, stop 66: a refusal that sticks, decision.ts `stick` with `until` and `from`, since
// removed) ran at commit db46155; neither passed the tuning rule (docs/scaling.md).
// FAMILY=62 and FAMILY=62b (mg62, stop 62: the check with `story` / `hold`, decision.ts options since removed)
// ran at commit 4884ba0; neither was kept (docs/scaling.md).
// ONLY=<regular expression>: the baseline and the settings whose names match (to read one setting, not to pick).
// Stop 82 (mg82): FAMILY=mg82, one setting beside the baseline: each training with its own learned group decision
// (train/train-group-decision.ts, MODEL=that training), GROUP_MODELS=g0.json,g1.json,... in the order of the trainings
// named on the command line: a pair of groups under its bar joins when the model says most of its cross pairs report one event.
if (process.env.FAMILY === "mg82") {
  const trainings = process.argv.slice(2).filter((a) => !a.includes("="));
  const files = (process.env.GROUP_MODELS ?? "").split(",");
  if (files.length !== trainings.length) throw new Error("GROUP_MODELS needs one group model per training, in the same order");
  const byTraining = new Map<string, LogisticModel>(trainings.map((t, k) => [t, loadModel(JSON.parse(readFileSync(files[k]!, "utf8")), [...GROUP_FEATURES])]));
  // GROUP_AT: the probability at which a pair under its bar is admitted (0.5 unless set; GROUP_AT=0.5,0.6 a family).
  const ats = (process.env.GROUP_AT ?? "0.5").split(",").map(Number);
  FAMILY.splice(1, FAMILY.length - 1, ...ats.map((at): Setting => ({ name: `mg82 group decision at ${at}`, apply: (d) => d, agglomerate: (t, view) => groupDecisionAgglomerate(view, () => {}, byTraining.get(t)!, at) })));
}
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
const family = only ? FAMILY.filter((s, k) => k === 0 || only.test(s.name)) : FAMILY;

/** PICK: the highest mean over the trainings of the four sets' mean tuning F1; it replaces the baseline only if higher by more than MARGIN and no set's tuning mean falls by more than DROP. */
const MARGIN = 0.002;
const DROP = 0.005;

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
// Methods (`name=a.json,b.json,...` arguments, the first the baseline): each method's own trainings under their own
// decisions, compared training by training (the same PERTURB in the same place); no post-hoc family.
const methodArgs = process.argv.slice(2).filter((a) => a.includes("="));
const files = methodArgs.length ? methodArgs.flatMap((a) => a.slice(a.indexOf("=") + 1).split(",")) : process.argv.slice(2);
if (files.length < 2) throw new Error("usage: tsx train/try-merge-perturbed.ts committed|model.json model.json ... (at least two trainings), or name=a.json,b.json ... per method");
const sets = loadSweepSets();
const draws: SweepSet[] = outletDraws(corpus("events-dev.jsonl")).map((items, d) => {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
  return { name: `draw${d}`, scored, n: scored.order.length, gold: scored.order.map((a) => byPath.get(a.path)!.gold), half: scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey)) };
});
for (const s of [...sets, ...draws]) pointingBack.set(s.scored.profiles, s.scored.order.map((a) => pointsBack(a.title, a.paragraphs)));
if (process.env.FAMILY?.startsWith("mg77")) for (const s of [...sets, ...draws]) reportItems.set(s.scored.profiles, s.scored.order.map((a) => {
  const mentions = readMentions(a.title, a.paragraphs);
  return { names: mentions.names, words: mentions.words, all: new Set(tokens([a.title, ...a.paragraphs].join("\n")).flatMap((t) => t.toLowerCase().split(/['’]/))) };
}));
const loaded = new Map(files.map((f) => {
  const models = mergeModelsFrom(f === "committed" ? undefined : f);
  return [f, { name: f, decision: models.decision, weighed: weighSets(sets, models), drawWeighed: weighSets(draws, models) }] as const;
}));
type Training = typeof loaded extends Map<string, infer T> ? T : never;
/** What is compared: each entry's trainings and how its decision is set. */
const entries: Array<Setting & { trainings: Training[] }> = methodArgs.length
  ? methodArgs.map((a) => ({ name: a.slice(0, a.indexOf("=")), apply: (d: MergeDecision) => d, trainings: a.slice(a.indexOf("=") + 1).split(",").map((f) => loaded.get(f)!) }))
  : family.map((setting) => ({ ...setting, trainings: files.map((f) => loaded.get(f)!) }));
if (entries.some((e) => e.trainings.length !== entries[0]!.trainings.length)) throw new Error("every method needs as many trainings, in the same order");

const SETS = ["events", "bbc merge", "harder", "few-outlets"] as const;
/**
 * One training under one decision, one half: each set's F1 (few-outlets: the draws' mean) and events' mixed stories;
 * printed beside them, not picked by (mg64): the both-event draws' mean precision and their topics mixed, summed.
 */
/** lk73 (MIXED=1): the gold events each mixed story holds, "a+b" per story, for reading which tuning topics a training mixes. */
function mixedGolds(predicted: readonly string[], gold: readonly string[]): string {
  const golds = new Map<string, Set<string>>();
  predicted.forEach((label, k) => (golds.get(label) ?? golds.set(label, new Set()).get(label)!).add(gold[k]!));
  return [...golds.values()].filter((g) => g.size > 1).map((g) => [...g].sort().join("+")).sort().join(", ");
}
function scoreHalf(decision: MergeDecision, weighed: readonly WeightedEdges[], drawWeighed: readonly WeightedEdges[], half: Half, setting?: Setting, training = ""): Scores {
  const labels = (s: SweepSet, w: WeightedEdges) => {
    const label = new Array<string>(s.n);
    const agglomerate = setting?.agglomerate ? setting.agglomerate(training, { near: linkMaps(s.n, w), spans: s.scored.spans }) : setting?.check ? checkedAverageLink(setting.check(linkMaps(s.n, w), s.scored.profiles, undefined, groupingThreshold(decision), decision)) : undefined;
    for (const g of groupArticles(s.scored.spans, w, decision, defaultClusterOptions.windowDays, s.scored.profiles, agglomerate)) for (const m of g.members) label[m] = String(g.members[0]);
    const idx = label.map((_, k) => k).filter((k) => s.half[k] === half);
    return [idx.map((k) => label[k]!), idx.map((k) => s.gold[k]!)] as const;
  };
  let mixed = 0;
  const f1 = sets.map((s, i) => {
    const [predicted, gold] = labels(s, weighed[i]!);
    if (s.name === "events") mixed = mixedClusters(predicted, gold);
    if (s.name === "events" && half === "tune" && process.env.MIXED === "1") console.log(`  events tuning mixed: ${mixedGolds(predicted, gold)}`);
    return pairwiseScores(predicted, gold).f1;
  });
  f1.push(draws.reduce((sum, s, i) => sum + pairwiseScores(...labels(s, drawWeighed[i]!)).f1, 0) / draws.length);
  let [bothP, drawsMixed, both] = [0, 0, 0];
  draws.forEach((s, i) => {
    if (i % 2 === 0) return;
    const [predicted, gold] = labels(s, drawWeighed[i]!);
    bothP += pairwiseScores(predicted, gold).precision;
    drawsMixed += eventStats(predicted, gold, gold.map((g) => g.split("-")[1]!)).mixedTopics;
    both++;
  });
  return { f1, mixed, bothP: bothP / both, drawsMixed };
}
interface Scores {
  f1: number[];
  mixed: number;
  bothP: number;
  drawsMixed: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
const pct = (x: number) => (100 * x).toFixed(2);
const summary = (runs: readonly Scores[]) =>
  `${SETS.map((name, j) => `${name} ${pct(mean(runs.map((r) => r.f1[j]!)))} sd ${pct(sd(runs.map((r) => r.f1[j]!)))}`).join(" · ")} · events mixed ${runs.map((r) => r.mixed).join("/")} · both-event draws P ${pct(mean(runs.map((r) => r.bothP)))}, topics mixed ${runs.map((r) => r.drawsMixed).join("/")}`;

// REFUSALS=1: each checked setting's refusals summed over the trainings, per set and half (the half of most of the
// two groups' reports), by whether the two groups hold one gold event or two (the checking half as counts only).
if (process.env.REFUSALS === "1") {
  for (const e of entries) {
    if (!e.check) continue;
    const tally = new Map<string, number>();
    for (const t of e.trainings) {
      const count = (s: SweepSet, w: WeightedEdges) => {
        const onRefuse = (a: readonly number[], b: readonly number[]) => {
          const all = [...a, ...b];
          const half = all.filter((i) => s.half[i] === "tune").length * 2 >= all.length ? "tune" : "check";
          // REFUSALS_TUNING=1 (mg77): the tuning half's refusals alone, for a study before any checking figure.
          if (process.env.REFUSALS_TUNING === "1" && half !== "tune") return;
          const golds = new Set(all.map((i) => s.gold[i]));
          const key = `${s.name.startsWith("draw") ? "draws" : s.name} ${half} ${golds.size > 1 ? "two events (right)" : "one event (wrong)"}`;
          tally.set(key, (tally.get(key) ?? 0) + 1);
        };
        groupArticles(s.scored.spans, w, e.apply(t.decision), defaultClusterOptions.windowDays, s.scored.profiles, checkedAverageLink(e.check!(linkMaps(s.n, w), s.scored.profiles, onRefuse, groupingThreshold(e.apply(t.decision)), e.apply(t.decision))));
      };
      sets.forEach((s, i) => count(s, t.weighed[i]!));
      draws.forEach((s, i) => count(s, t.drawWeighed[i]!));
    }
    console.log(`refusals of ${e.name} (${e.trainings.length} trainings): ${[...tally].sort().map(([k, v]) => `${k} ${v}`).join("; ")}`);
  }
  process.exit(0);
}
console.log(`${entries[0]!.trainings.length} trainings per entry: ${entries.map((e) => `${e.name}: ${e.trainings.map((t) => t.name).join(", ")}`).filter((_, k) => methodArgs.length || k === 0).join("; ")}`);
const tuning = entries.map((e) => e.trainings.map((t) => scoreHalf(e.apply(t.decision), t.weighed, t.drawWeighed, "tune", e, t.name)));
const objective = tuning.map((runs) => mean(runs.map((r) => mean(r.f1))));
console.log("TUNING halves, mean (sd) over the trainings; objective = mean of the four sets:");
entries.forEach((s, k) => console.log(`${pct(objective[k]!)}  ${s.name.padEnd(56)} ${summary(tuning[k]!)}`));

let pick = 0;
for (let k = 1; k < entries.length; k++) if (objective[k]! > objective[pick]! + 1e-9) pick = k;
const setMeans = (k: number) => SETS.map((_, j) => mean(tuning[k]!.map((r) => r.f1[j]!)));
const falls = setMeans(pick).some((m, j) => m < setMeans(0)[j]! - DROP);
const mixedMore = mean(tuning[pick]!.map((r) => r.mixed)) > mean(tuning[0]!.map((r) => r.mixed));
// NAMED=1 (mg71): with ONLY leaving one setting beside the baseline, that setting is judged as named before the run
// (no pick among settings, no margin): its checking halves are read whatever the tuning means say.
if (process.env.NAMED === "1") {
  if (entries.length !== 2) throw new Error("NAMED=1 needs ONLY to leave exactly one setting beside the baseline");
  pick = 1;
} else if (pick !== 0 && (objective[pick]! <= objective[0]! + MARGIN || falls || mixedMore)) {
  console.log(`best of the family by tuning mean: ${entries[pick]!.name} (${pct(objective[pick]!)}), not past the baseline's rule (margin ${pct(MARGIN)}, a set falling ${pct(DROP)}, more mixed): baseline kept`);
  pick = 0;
}
console.log(`PICKED on the tuning halves: ${entries[pick]!.name}`);

// The checking halves, once: the baseline and the pick, run by run (TUNING_ONLY=1: not at all, a dry run).
if (process.env.TUNING_ONLY === "1") process.exit(0);
const check = (k: number) => entries[k]!.trainings.map((t) => scoreHalf(entries[k]!.apply(t.decision), t.weighed, t.drawWeighed, "check", entries[k], t.name));
const base = check(0);
console.log(`CHECKING halves, baseline: ${summary(base)}`);
if (pick !== 0) {
  const picked = check(pick);
  console.log(`CHECKING halves, picked:   ${summary(picked)}`);
  SETS.forEach((name, j) => {
    const d = picked.map((r, i) => r.f1[j]! - base[i]!.f1[j]!);
    console.log(`  ${name.padEnd(12)} change ${pct(mean(d))} (better ${d.filter((x) => x > 1e-9).length}, worse ${d.filter((x) => x < -1e-9).length} of ${d.length}); runs ${picked.map((r, i) => `${pct(base[i]!.f1[j]!)}->${pct(r.f1[j]!)}`).join(" ")}`);
  });
  const dp = picked.map((r, i) => r.bothP - base[i]!.bothP);
  const dm = picked.map((r, i) => r.drawsMixed - base[i]!.drawsMixed);
  console.log(`  both-event draws P change ${pct(mean(dp))} (better ${dp.filter((x) => x > 1e-9).length}, worse ${dp.filter((x) => x < -1e-9).length}); topics mixed over the 8 draws change ${mean(dm).toFixed(2)} (fewer ${dm.filter((x) => x < 0).length}, more ${dm.filter((x) => x > 0).length})`);
  const dt = tuning[pick]!.map((r, i) => mean(r.f1) - mean(tuning[0]![i]!.f1));
  console.log(`  tuning objective change ${pct(mean(dt))} (better ${dt.filter((x) => x > 1e-9).length}, worse ${dt.filter((x) => x < -1e-9).length})`);
}
