// Clustering F1 of every set and half as the small-group bar moves, the committed models otherwise as
// they are: to see whether a change of the pair model helps at every bar or only moves the best one.
import { fileURLToPath } from "node:url";
import { contextEdges, defaultClusterOptions, groupArticles, mergeModels, pairEdges, scoredCandidates } from "../src/cluster/index.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { pairwiseScores } from "../eval/lib/pairwise.ts";
import { halfOf, HALVES } from "../eval/lib/split.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const raw: Array<[string, LabelledArticle[]]> = [
  ["events", buildEventsSet(corpus("events-dev.jsonl"))],
  ["merge", buildMergeSet(fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url)), corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed")],
  ["split", buildSplitSet(corpus("bbc-dev.jsonl"))],
];
const models = mergeModels();
const sets = raw.map(([name, items]) => {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
  const weighed = process.env.NO_CONTEXT ? pairEdges(scored, models.pair) : contextEdges(scored.order.length, pairEdges(scored, models.pair), models.context);
  return { name, scored, weighed, gold: scored.order.map((a) => byPath.get(a.path)!.gold), half: scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey)) };
});
for (let t = 0.3; t <= 0.601; t += 0.025) {
  const d = { ...models.decision, threshold: Number(t.toFixed(3)) };
  const out: string[] = [];
  let mean = 0;
  for (const s of sets) {
    const label = new Array<string>(s.scored.order.length);
    for (const g of groupArticles(s.scored.spans, s.weighed, d, defaultClusterOptions.windowDays, s.scored.profiles)) for (const m of g.members) label[m] = String(g.members[0]);
    for (const h of HALVES) {
      const idx = label.map((_, k) => k).filter((k) => s.half[k] === h);
      const f1 = pairwiseScores(idx.map((k) => label[k]!), idx.map((k) => s.gold[k]!)).f1;
      if (h === "tune") mean += f1 / 3;
      out.push(`${s.name[0]}${h[0]} ${(100 * f1).toFixed(1)}`);
    }
  }
  console.log(`bar ${d.threshold.toFixed(3)}: ${out.join(" ")}  mean tune ${(100 * mean).toFixed(1)}`);
}
