// `npx tsx train/try-mixed-topics.ts [tune|check]`: mg56 (issue 9, "no topic's two events mixed"): how each
// events-dev topic of a half (default the tuning half; the checking half is for the report only) comes to
// mix its two events, with the committed models as eval:merge clusters (the set whole, one shared day):
// each topic's stories as counts of its two events' reports, and for each stray (a report in a story its own
// event's reports are the minority of) its length (words, and its rank among its topic's reports, 1 the
// shortest), its mean pair and context link to its own event's other reports and to the other event's, and
// the merge that first put it with a report of the other event: the two groups' sizes, the mean it was made
// at, and the stray's own mean link to the other group then. Causes, in that order: "first pair" (two single
// reports joined on one link), "chained" (the stray's own mean link to the group it was joined to is below
// the small-group bar: its groupmates' links brought it), "own link".
// Measured at stop 56 (committed models, tuning half: topics 27, 11 and 9 mixed, 5 strays; checking half 0/7):
//   27_11ecbplus (326 words): first pair, 1+1 at 0.99; mean context link 0.91 to its own event, 0.78 to the other.
//   11_7ecb (7 words, the topic's shortest) and 11_10ecb: a pair of their own event (0.86) joined to the other
//   event's four at a mean of 0.54 (own link: their own means to the four 0.63 and 0.45); both link to the
//   other event at a higher mean than to their own (context 0.57 against 0.52, 0.39 against 0.29).
//   9_9ecb (55 words, the topic's shortest): first pair with an Obama report at 0.91; 9_10ecb (109 words, the
//   second shortest) joins the Obama story of 14 at a mean of 0.63; both closer to the other event (context
//   0.73 against 0.66, 0.65 against 0.50).
// One stray of five (27_11ecbplus) fits its own event better by the links clustering has; the other four
// are placed where their links say. Trials on it: train/try-reassign.ts, train/try-member-floor.ts.
import { contextEdges, defaultClusterOptions, groupArticles, pairEdges } from "../src/cluster/index.ts";
import { probability } from "../src/model/logistic.ts";
import { CONTEXT_FEATURES } from "../src/cluster/context.ts";
import { averageLink, type MergeLog, type WeightedEdges } from "../src/cluster/agglomerate.ts";
import { contextFeatures, windowCrowds } from "../src/cluster/context.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { HALVES, type Half } from "../eval/lib/split.ts";
import { linkMaps, loadSweepSets, mergeModelsFrom, withTrialColumns } from "./lib/merge-sweep.ts";

const half = (process.argv[2] ?? "tune") as Half;
if (!HALVES.includes(half)) throw new Error(`usage: try-mixed-topics.ts [${HALVES.join("|")}]`);
/** MODEL=file: another merge model (a perturbed training of train/try-perturbed.ts, or a trial's with EXTRA features) instead of the committed one. */
const models = mergeModelsFrom(process.env.MODEL);
const s = loadSweepSets().find((x) => x.name === "events")!;
const pairs = pairEdges(withTrialColumns(s.scored, models.pair.features), models.pair);
const crowds = windowCrowds(s.scored.spans.map((x) => dayOrNull(x.first)), defaultClusterOptions.windowDays);
const features = contextFeatures(s.n, pairs, crowds);
/** index.ts's MIN_EDGE (not exported): links below it are not kept. */
const MIN_EDGE = 0.05;
/** STEPS=k: the context links on a grid of 1/k in log-odds instead of index.ts's (0: exact). */
const STEPS = process.env.STEPS === undefined ? null : Number(process.env.STEPS);
const weighed = STEPS === null ? contextEdges(s.n, pairs, models.context, features) : onGrid(STEPS);

function onGrid(steps: number): WeightedEdges {
  const out = { a: new Int32Array(pairs.length), b: new Int32Array(pairs.length), weight: new Float32Array(pairs.length), length: 0 };
  for (let k = 0; k < pairs.length; k++) {
    const p = probability(models.context, features, k * CONTEXT_FEATURES.length);
    const q = steps === 0 ? p : 1 / (1 + Math.exp(-Math.round(Math.log(p / (1 - p)) * steps) / steps));
    if (q < MIN_EDGE) continue;
    out.a[out.length] = pairs.a[k]!;
    out.b[out.length] = pairs.b[k]!;
    out.weight[out.length++] = q;
  }
  return out;
}
const [pairNear, near] = [linkMaps(s.n, pairs), linkMaps(s.n, weighed)];
const log: MergeLog = { x: [], y: [], score: [] };
const story = new Int32Array(s.n);
for (const g of groupArticles(s.scored.spans, weighed, models.decision, defaultClusterOptions.windowDays, s.scored.profiles, (n, e, o) => averageLink(n, e, o, log))) for (const m of g.members) story[m] = g.members[0]!;

const path = (i: number) => s.scored.order[i]!.path;
const topicOf = (i: number) => s.gold[i]!.replace(/^ecbplus-(\d+)-.*/, "$1");
const words = (i: number) => s.scored.order[i]!.paragraphs.join(" ").split(/\s+/).filter(Boolean).length;
const meanTo = (links: ReadonlyArray<Map<number, number>>, i: number, others: readonly number[]) => (others.length ? others.reduce((t, j) => t + (links[i]!.get(j) ?? 0), 0) / others.length : 0);

// The merge that first put each report with a report of another event, replayed from the log.
const members: number[][] = Array.from({ length: s.n }, (_, i) => [i]);
const firstMix = new Map<number, string>();
for (let k = 0; k < log.x.length; k++) {
  const [a, b] = [members[log.x[k]!]!, members[log.y[k]!]!];
  for (const [mine, theirs] of [[a, b], [b, a]] as const) {
    for (const i of mine) {
      if (firstMix.has(i) || !theirs.some((j) => s.gold[j] !== s.gold[i])) continue;
      const own = meanTo(near, i, theirs);
      const tie = a.length === 1 && b.length === 1 && [...near[i]!.values()].filter((w) => w === log.score[k]).length > 1 ? " (tied on the grid)" : "";
      const cause = a.length === 1 && b.length === 1 ? `first pair${tie}` : own < models.decision.threshold ? "chained" : "own link";
      firstMix.set(i, `${cause}: ${mine.length}+${theirs.length} at mean ${log.score[k]!.toFixed(2)}, its own mean link to the ${theirs.length} ${own.toFixed(2)}`);
    }
  }
  members[log.x[k]!] = a.concat(b);
  members[log.y[k]!] = [];
}

const topics = [...new Set(s.gold.map((_, i) => i).filter((i) => s.half[i] === half).map(topicOf))].sort((x, y) => Number(x) - Number(y));
let mixed = 0;
for (const t of topics) {
  const reports = s.gold.map((_, i) => i).filter((i) => topicOf(i) === t);
  const events = [...new Set(reports.map((i) => s.gold[i]!))].sort();
  const stories = [...new Set(reports.map((i) => story[i]!))];
  const counts = stories.map((g) => events.map((e) => reports.filter((i) => story[i] === g && s.gold[i] === e).length));
  const isMixed = counts.some((c) => c.filter((x) => x > 0).length > 1);
  if (isMixed) mixed++;
  console.log(`topic ${t}${isMixed ? " MIXED" : ""}: stories ${counts.map((c) => `[${c.join("+")}]`).join(" ")} (reports of ${events.map((e) => e.replace(/^ecbplus-\d+-/, "")).join(" + ")})`);
  const bySize = [...reports].sort((x, y) => words(x) - words(y) || x - y);
  for (const [g, c] of stories.map((g, k) => [g, counts[k]!] as const)) {
    if (c.filter((x) => x > 0).length < 2) continue;
    const major = events[c.indexOf(Math.max(...c))]!;
    for (const i of reports.filter((r) => story[r] === g && s.gold[r] !== major)) {
      const own = reports.filter((j) => j !== i && s.gold[j] === s.gold[i]);
      const other = reports.filter((j) => s.gold[j] !== s.gold[i]);
      console.log(`  stray ${path(i)} (${words(i)} words, ${bySize.indexOf(i) + 1} of ${reports.length} by length): pair ${meanTo(pairNear, i, own).toFixed(2)} own / ${meanTo(pairNear, i, other).toFixed(2)} other, context ${meanTo(near, i, own).toFixed(2)} own / ${meanTo(near, i, other).toFixed(2)} other; ${firstMix.get(i) ?? "never with the other event"}`);
    }
  }
}
console.log(`${half}: topics whose two events were mixed ${mixed}/${topics.length}`);
