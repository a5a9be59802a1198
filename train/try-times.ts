// `npx tsx train/try-times.ts`: time at the group level (ev32, issue 9). A story's reports agree on when
// it happened, so two groups whose reports each agree on a time (a day of a month, a weekday of the lead, a
// year: TIMES=dwy picks the kinds) that the other group's reports never state would be two events. The
// check is protagonists.ts's GroupCore over stated times, shares taken of the reports that state any
// (a report that states none is silent), added to the committed decision's checks; every setting of a
// grid (minGroup 1-3, core, absent, missingShare), each set's and half's pairwise F1 with the committed
// pair and context models, the best tuning mean last.
// Measured at stop 32 (tuning mean of the committed decision 90.68): TIMES=d, y, dy: no setting above it;
// w: at most 88.50 (events tune 94.9 -> 88.0); dwy: at most 90.71 (minGroup 2, core 0.5, missingShare 1:
// harder 84.4 . 86.2 -> 85.2 . 86.2, events 94.9 . 98.0 -> 94.2 . 96.3). Reports of one real event state
// different weekdays and dates (outlets publish on different days), so a check on small groups parts
// events-dev's and harder's coverage (dwy, minGroup 1: events check 98.0 -> 51-91, harder 86.2 -> 70-74)
// while the BBC merge set's checking half gains (87.3 -> 90.9-93.8). Also tried (src change reverted):
// the smaller group with a single stating report against a larger one of minGroup 3-6 (the topic 11 case:
// one report's "Dec 14" against a story's "December 15"): best tuning means dwy 90.71 (events check
// 98.0 -> 96.8), dy 90.68 (none above), d 90.73 (events 94.9 . 98.0 -> 95.0 . 97.1). Not adopted.
import { contextEdges, defaultClusterOptions, groupArticles, mergeModels, pairEdges, type MergeDecision } from "../src/cluster/index.ts";
import { averageLink, type AgglomerateOptions, type WeightedEdges } from "../src/cluster/agglomerate.ts";
import { GroupCore, type ProtagonistOptions } from "../src/cluster/protagonists.ts";
import { idsOf, type Profile } from "../src/cluster/profile.ts";
import { pairwiseScores } from "../eval/lib/pairwise.ts";
import { HALVES } from "../eval/lib/split.ts";
import { loadSweepSets } from "./lib/merge-sweep.ts";

/** TIMES: the kinds of stated time compared (d days of a month, w weekdays of the lead, y years). */
const KINDS = process.env.TIMES ?? "dwy";
/** A report's stated times as distinct numbers: day ids (>= 0), weekdays -1 … -7, years below -100. */
function timesOf(p: Profile): number[] {
  const out = KINDS.includes("d") ? Array.from(idsOf(p.days)) : [];
  if (KINDS.includes("w")) for (let w = 0; w < 7; w++) if (p.weekdays & (1 << w)) out.push(-1 - w);
  if (KINDS.includes("y")) for (const y of idsOf(p.years)) out.push(-100 - y);
  return out;
}

/** averageLink with the stated-times check added to the decision's own (`times` minGroup 0: none). */
function withTimes(profiles: readonly Profile[], times: ProtagonistOptions) {
  return (n: number, edges: WeightedEdges, o: AgglomerateOptions): Int32Array => {
    if (times.minGroup === 0) return averageLink(n, edges, o);
    const when = new GroupCore(profiles, times, timesOf, (p) => timesOf(p).length > 0);
    return averageLink(n, edges, {
      ...o,
      canJoin: (x, y) => o.canJoin(x, y) && !when.contradict(x, y),
      joined: (keep, gone) => {
        o.joined(keep, gone);
        when.join(keep, gone);
      },
    });
  };
}

const models = mergeModels();
const sets = loadSweepSets();
const weighed = sets.map((s) => contextEdges(s.n, pairEdges(s.scored, models.pair), models.context));

function row(decision: MergeDecision, times: ProtagonistOptions): { cells: string; mean: number } {
  const out: string[] = [];
  let mean = 0;
  sets.forEach((s, i) => {
    const label = new Array<string>(s.n);
    for (const g of groupArticles(s.scored.spans, weighed[i]!, decision, defaultClusterOptions.windowDays, s.scored.profiles, withTimes(s.scored.profiles, times))) for (const m of g.members) label[m] = String(g.members[0]);
    for (const h of HALVES) {
      const idx = label.map((_, k) => k).filter((k) => s.half[k] === h);
      const f1 = pairwiseScores(idx.map((k) => label[k]!), idx.map((k) => s.gold[k]!)).f1;
      if (h === "tune") mean += f1 / sets.length;
      out.push(`${s.name[0]}${h[0]} ${(100 * f1).toFixed(1)}`);
    }
  });
  return { cells: out.join(" "), mean };
}

const OFF: ProtagonistOptions = { minGroup: 0, core: 1, absent: 0 };
const grid: ProtagonistOptions[] = [OFF];
for (const minGroup of [1, 2, 3]) for (const core of [0.5, 0.7, 1]) for (const absent of [0, 0.1, 0.2]) for (const missingShare of [0, 0.5, 1]) grid.push({ minGroup, core, absent, missingShare });
let best = { times: OFF, mean: -1, cells: "" };
for (const times of grid) {
  const r = row(models.decision, times);
  console.log(`${JSON.stringify(times).padEnd(60)} ${r.cells}  mean tune ${(100 * r.mean).toFixed(2)}`);
  if (r.mean > best.mean + 1e-9) best = { times, ...r };
}
console.log(`best on tuning: ${JSON.stringify(best.times)} ${best.cells}`);
