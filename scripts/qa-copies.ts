// How the build's copy step (src/pipeline/copies.ts) acts on eval:merge's sets: the copy pairs it finds, those
// whose two articles are not one gold story (false copies), and pairwise F1 with the sets clustered as the build
// clusters them (copies dated alike first) against clustered as eval:merge does, by half.
// Usage: npx tsx scripts/qa-copies.ts [bbc-dev.jsonl] [events-dev.jsonl]
import { fileURLToPath } from "node:url";
import { clusterArticles } from "../src/cluster/index.ts";
import { copyPairs, dateCopies } from "../src/pipeline/copies.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, outletDraws, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { eventStats, pairwiseScores } from "../eval/lib/pairwise.ts";
import { HALVES, halfOf } from "../eval/lib/split.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const bbc = process.argv[2] ?? `${corpus}bbc-dev.jsonl`;
const eventsPath = process.argv[3] ?? `${corpus}events-dev.jsonl`;
const pct = (x: number) => (100 * x).toFixed(1);

function storyOf(items: readonly LabelledArticle[], copies: boolean): Map<string, string> {
  const articles = items.map((x) => x.article);
  const out = new Map<string, string>();
  for (const c of clusterArticles(copies ? dateCopies(articles).articles : articles)) for (const m of c.members) out.set(m.path, c.id);
  return out;
}

function report(name: string, items: readonly LabelledArticle[]): void {
  const pairs = copyPairs(items.map((x) => x.article));
  const plain = storyOf(items, false);
  const dated = storyOf(items, true);
  const moved = dateCopies(items.map((x) => x.article)).messages.length;
  for (const h of HALVES) {
    const part = items.filter((x) => halfOf(x.splitKey) === h);
    const inHalf = new Set(part.map((x) => x.article.path));
    const own = pairs.filter((p) => inHalf.has(items[p.a]!.article.path) || inHalf.has(items[p.b]!.article.path));
    const wrong = own.filter((p) => items[p.a]!.gold !== items[p.b]!.gold);
    const gold = part.map((x) => x.gold);
    const a = pairwiseScores(part.map((x) => plain.get(x.article.path)!), gold);
    const b = pairwiseScores(part.map((x) => dated.get(x.article.path)!), gold);
    const topics = part[0]?.topic !== undefined ? (s: Map<string, string>) => ` mixed topics ${eventStats(part.map((x) => s.get(x.article.path)!), gold, part.map((x) => x.topic!)).mixedTopics}` : () => "";
    console.log(`${name.padEnd(14)} ${h.padEnd(5)} ${part.length} articles; copy pairs ${own.length}, not one story ${wrong.length}; F1 ${pct(a.f1)}${topics(plain)} -> with copies dated alike ${pct(b.f1)}${topics(dated)}`);
    for (const p of wrong.slice(0, 3)) console.log(`    false copy ${p.overlap.toFixed(3)} ${items[p.a]!.article.path} ${items[p.b]!.article.path}`);
  }
  console.log(`${"".padEnd(14)} copies re-dated: ${moved}`);
}

report("events-dev", buildEventsSet(eventsPath));
report("bbc merge set", buildMergeSet(`${root}test/fixtures/seeds`, bbc));
report("harder", buildSplitSet(bbc));
outletDraws(eventsPath).forEach((items, d) => report(`few-outlets ${d}`, items));
