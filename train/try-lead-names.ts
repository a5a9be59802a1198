// `LEAD=minGroup,maxGroup,core,absent[,missingShare] npx tsx train/try-lead-names.ts` (mg65, issue 9): where the
// decision's lead-name check (protagonists.ts LeadNameCore) moves stories, against the committed decision, on the
// TUNING half (HALF=check: the other half, to be read only after a pick): for events-dev, the few-outlets draws
// and the harder set, each gold topic whose stories change, as its stories' gold events before and after, and
// the joins the check refuses (two groups' sizes and their gold events), to see whether they are look-alikes'.
import { fileURLToPath } from "node:url";
import { defaultClusterOptions, groupArticles, scoredCandidates, type MergeDecision } from "../src/cluster/index.ts";
import type { LeadNameOptions } from "../src/cluster/protagonists.ts";
import { idsOf } from "../src/cluster/profile.ts";
import { outletDraws } from "../eval/lib/merge-set.ts";
import { halfOf, type Half } from "../eval/lib/split.ts";
import { loadSweepSets, mergeModelsFrom, weighSets, type SweepSet } from "./lib/merge-sweep.ts";
import type { WeightedEdges } from "../src/cluster/agglomerate.ts";

const [minGroup, maxGroup, core, absent, missingShare, either] = (process.env.LEAD ?? "2,3,0.5,0,0,0").split(",").map(Number);
const lead: LeadNameOptions = { minGroup: minGroup!, maxGroup: maxGroup!, core: core!, absent: absent!, missingShare: missingShare ?? 0, either: either === 1 };
const half: Half = process.env.HALF === "check" ? "check" : "tune";
const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const models = mergeModelsFrom(process.env.MODEL);
const sets = loadSweepSets().filter((s) => s.name !== "merge");
const draws: SweepSet[] = outletDraws(corpus("events-dev.jsonl")).map((items, d) => {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
  return { name: `draw${d}`, scored, n: scored.order.length, gold: scored.order.map((a) => byPath.get(a.path)!.gold), half: scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey)) };
});
const all = [...sets, ...draws];
const weighed = weighSets(all, models);
const withLead: MergeDecision = { ...models.decision, lead };

/** Each member's story (its first member), and the refusals the lead check made (as gold events of both groups). */
function stories(s: SweepSet, w: WeightedEdges, decision: MergeDecision): number[] {
  const story = new Array<number>(s.n);
  for (const g of groupArticles(s.scored.spans, w, decision, defaultClusterOptions.windowDays, s.scored.profiles)) for (const m of g.members) story[m] = g.members[0]!;
  return story;
}
const topicOf = (s: SweepSet, gold: string) => (s.name === "split" ? gold : gold.split("-")[1] ?? gold);
const describe = (s: SweepSet, story: number[], topic: string) => {
  const byStory = new Map<number, string[]>();
  story.forEach((st, k) => {
    if (s.half[k] !== half || topicOf(s, s.gold[k]!) !== topic) return;
    (byStory.get(st) ?? byStory.set(st, []).get(st)!).push(s.gold[k]!);
  });
  return [...byStory.values()].map((golds) => {
    const c = new Map<string, number>();
    for (const g of golds) c.set(g, (c.get(g) ?? 0) + 1);
    return `[${[...c].map(([g, n]) => `${g.split("-").slice(-1)[0]}×${n}`).join(" ")}]`;
  }).sort().join(" ");
};
/** Report-level lead-name conflict: both leads (`either`: one) give a name the other report never names (ITEMS=actors: of the lead's three rarest names). */
const leadMissing = (s: SweepSet, a: number, b: number) => {
  const [pa, pb] = [s.scored.profiles[a]!, s.scored.profiles[b]!];
  const missing = (x: typeof pa, y: typeof pa) => {
    const there = new Set(idsOf(y.names));
    return [...idsOf(process.env.ITEMS === "actors" ? x.actors : x.leadNames)].some((id) => !there.has(id));
  };
  const [ab, ba] = [missing(pa, pb), missing(pb, pa)];
  return { both: ab && ba, one: ab || ba };
};
all.forEach((s, i) => {
  const before = stories(s, weighed[i]!, models.decision);
  const after = stories(s, weighed[i]!, withLead);
  const topics = new Set<string>();
  for (let k = 0; k < s.n; k++) if (s.half[k] === half) for (let j = k + 1; j < s.n; j++) if (s.half[j] === half && (before[k] === before[j]) !== (after[k] === after[j])) topics.add(topicOf(s, s.gold[k]!));
  if (topics.size > 0) {
    console.log(`${s.name}:`);
    for (const t of [...topics].sort()) console.log(`  topic ${t}: before ${describe(s, before, t)} | after ${describe(s, after, t)}`);
  }
});
// The pairs the committed decision puts in one story, right and wrong, and how many a report-level lead-name
// conflict would part (the check at minGroup 1; the harder set's wrong joins are the brief's question).
for (const [label, members] of [["events", [0]], ["harder", [1]], ["few-outlets draws", draws.map((_, d) => sets.length + d)]] as const) {
  const t = { right: [0, 0, 0], wrong: [0, 0, 0] };
  for (const i of members) {
    const s = all[i]!;
    const before = stories(s, weighed[i]!, models.decision);
    for (let a = 0; a < s.n; a++) if (s.half[a] === half) for (let b = a + 1; b < s.n; b++) {
      if (s.half[b] !== half || before[a] !== before[b]) continue;
      const row = s.gold[a] === s.gold[b] ? t.right : t.wrong;
      const m = leadMissing(s, a, b);
      row[0]!++;
      if (m.both) row[1]!++;
      if (m.one) row[2]!++;
    }
  }
  const share = (x: number, n: number) => `${x} (${n ? ((100 * x) / n).toFixed(1) : "-"}%)`;
  console.log(`${label} (${half} half), joined pairs: wrong ${t.wrong[0]}, both leads missing ${share(t.wrong[1]!, t.wrong[0]!)}, one ${share(t.wrong[2]!, t.wrong[0]!)}; right ${t.right[0]}, both ${share(t.right[1]!, t.right[0]!)}, one ${share(t.right[2]!, t.right[0]!)}`);
}
