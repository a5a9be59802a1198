// `npm run eval:merge`: pairwise precision, recall and F1 of story merging on the merge test set.
import { fileURLToPath } from "node:url";
import { clusterArticles } from "../src/cluster/index.ts";
import { buildMergeSet, buildSplitSet, type LabelledArticle } from "./lib/merge-set.ts";
import { pairwiseScores } from "./lib/pairwise.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const bbc = process.argv[2] ?? fileURLToPath(new URL("../../shared/corpus/bbc-dev.jsonl", import.meta.url));
const set = buildMergeSet(`${root}test/fixtures/seeds`, bbc);

function score(items: LabelledArticle[]): string {
  const start = performance.now();
  const clusters = clusterArticles(items.map((x) => x.article));
  const ms = performance.now() - start;
  const storyOf = new Map<string, string>();
  for (const c of clusters) for (const m of c.members) storyOf.set(m.path, c.id);
  const s = pairwiseScores(items.map((x) => storyOf.get(x.article.path)!), items.map((x) => x.gold));
  const pct = (x: number) => (100 * x).toFixed(1);
  return `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.truePairs}/${s.predictedPairs} predicted pairs right, ${s.truePairs}/${s.goldPairs} true pairs found; ${clusters.length} stories, ${ms.toFixed(0)} ms)`;
}

const kinds = (k: LabelledArticle["kind"]) => set.filter((x) => x.kind === k).length;
console.log(`merge set: ${set.length} articles (seeds ${kinds("seed")}, bbc originals ${kinds("original")}, exact duplicates ${kinds("duplicate")}, rewrites ${kinds("rewrite")}, follow-ups 3 weeks later ${kinds("later")})`);
console.log(`all         ${score(set)}`);
console.log(`seeds only  ${score(set.filter((x) => x.kind === "seed"))}`);
const split = buildSplitSet(bbc);
console.log(`harder set: ${split.length} articles, two outlets per BBC story sharing no sentence (different facts of one event)`);
console.log(`split       ${score(split)}`);

const seeds = clusterArticles(set.filter((x) => x.kind === "seed").map((x) => x.article));
const b = seeds.find((c) => c.members.some((m) => m.path.startsWith("004")));
const a = seeds.find((c) => c.members.some((m) => m.path.startsWith("000")));
console.log(`seed 004 follow-up of the 000-003 story: ${b && a && b !== a && b.followUpOf === a.id ? "yes" : "NO"}`);
const later = set.filter((x) => x.kind === "later").length;
const all = clusterArticles(set.map((x) => x.article));
const linked = all.filter((c) => c.followUpOf && c.members.some((m) => m.path.startsWith("later/"))).length;
console.log(`three-week follow-ups linked with followUpOf: ${linked}/${later}`);
