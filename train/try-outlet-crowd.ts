// `npx tsx train/try-outlet-crowd.ts [model.json]`: mn59 (issue 9): is a few-outlets day's recall the day's size? Each
// few-outlets draw (eval:merge) clustered alone and with N bbc-dev originals on the same day (CROWD=0,100,250: the
// first N of bbc-dev's distinct texts, each its own story, another domain so no look-alike): Multi-News puts 269
// reports of 100 events on one day, a crowded window (context.ts CROWDED = 64), where the draws alone hold 50-110.
// Scores on the draws' articles only (per half, mean over the draws), and the wrong pairs joining a draw's report
// to a BBC story.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultClusterOptions, groupArticles, pairEdges, contextEdges, scoredCandidates } from "../src/cluster/index.ts";
import { contextFeatures, windowCrowds } from "../src/cluster/context.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { dated, EVENTS_DAY, outletDraws, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { pairwiseScores, summariseDraws, type PairwiseScores } from "../eval/lib/pairwise.ts";
import { halfOf, HALVES, type Half } from "../eval/lib/split.ts";
import { mergeModelsFrom, withTrialColumns } from "./lib/merge-sweep.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const models = mergeModelsFrom(process.argv[2]);
const crowds = (process.env.CROWD ?? "0,100,250").split(",").map(Number);
const seen = new Set<string>();
const bbc: LabelledArticle[] = [];
for (const line of readFileSync(corpus("bbc-dev.jsonl"), "utf8").split("\n").filter(Boolean)) {
  const row = JSON.parse(line) as { id: string; title: string; text: string };
  if (seen.has(row.text)) continue;
  seen.add(row.text);
  const paragraphs = row.text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  bbc.push({ article: dated(`bbc/${row.id}.txt`, row.title, paragraphs, EVENTS_DAY), gold: `bbc ${row.id}`, kind: "original", splitKey: row.id });
}

function labels(items: LabelledArticle[]): Map<string, string> {
  const scored = withTrialColumns(scoredCandidates(items.map((x) => x.article), defaultClusterOptions), models.pair.features);
  const n = scored.order.length;
  const edges = pairEdges(scored, models.pair);
  const weighed = contextEdges(n, edges, models.context, contextFeatures(n, edges, windowCrowds(scored.spans.map((s) => dayOrNull(s.first)), defaultClusterOptions.windowDays)));
  const out = new Map<string, string>();
  for (const g of groupArticles(scored.spans, weighed, models.decision, defaultClusterOptions.windowDays, scored.profiles)) for (const m of g.members) out.set(scored.order[m]!.path, String(g.members[0]));
  return out;
}

const draws = outletDraws(corpus("events-dev.jsonl"));
for (const crowd of crowds) {
  const per: Array<Record<Half, PairwiseScores>> = [];
  let crossWrong = 0;
  draws.forEach((items) => {
    const extra = bbc.slice(0, crowd);
    const label = labels([...items, ...extra]);
    const r = {} as Record<Half, PairwiseScores>;
    for (const h of HALVES) {
      const part = items.filter((x) => halfOf(x.splitKey) === h);
      r[h] = pairwiseScores(part.map((x) => label.get(x.article.path)!), part.map((x) => x.gold));
    }
    per.push(r);
    const bbcStories = new Set(extra.map((x) => label.get(x.article.path)!));
    crossWrong += items.filter((x) => bbcStories.has(label.get(x.article.path)!)).length;
  });
  for (const [name, keep] of [["one event a topic", (d: number) => d % 2 === 0], ["both events", (d: number) => d % 2 === 1]] as const) {
    const chosen = per.filter((_, d) => keep(d));
    console.log(`+${String(crowd).padStart(3)} bbc-dev originals, ${name.padEnd(17)}: ${HALVES.map((h) => `${h} ${summariseDraws(chosen.map((s) => s[h]))}`).join("  |  ")}`);
  }
  console.log(`      draws' reports placed in a story with a BBC original: ${crossWrong}`);
}
