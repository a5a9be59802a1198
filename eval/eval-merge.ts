// `npm run eval:merge`: pairwise precision, recall and F1 of story merging, tuning and checking halves.
// Sets: events-dev (real coverage of look-alike events, split by topic), the seeds, bbc-dev's duplicates
// and synthetic rewrites with follow-ups three weeks later, and the harder two-outlets-no-shared-sentence
// set (bbc-dev split by id). Each half is clustered on its own.
import { fileURLToPath } from "node:url";
import { clusterArticles } from "../src/cluster/index.ts";
import type { StoryCluster } from "../src/types.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "./lib/merge-set.ts";
import { eventStats, pairwiseScores } from "./lib/pairwise.ts";
import { HALVES, splitHalves, type Half } from "./lib/split.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const bbc = process.argv[2] ?? `${corpus}bbc-dev.jsonl`;
const eventsPath = process.argv[3] ?? `${corpus}events-dev.jsonl`;

interface Run {
  clusters: StoryCluster[];
  storyOf: Map<string, string>;
  line: string;
}

const pct = (x: number) => (100 * x).toFixed(1);

function run(items: LabelledArticle[]): Run {
  const before = process.cpuUsage();
  const clusters = clusterArticles(items.map((x) => x.article));
  const cpu = process.cpuUsage(before);
  const storyOf = new Map<string, string>();
  for (const c of clusters) for (const m of c.members) storyOf.set(m.path, c.id);
  const s = pairwiseScores(items.map((x) => storyOf.get(x.article.path)!), items.map((x) => x.gold));
  const ms = (cpu.user + cpu.system) / 1000;
  const line = `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.truePairs}/${s.predictedPairs} predicted pairs right, ${s.truePairs}/${s.goldPairs} true pairs found; ${items.length} articles -> ${clusters.length} stories, ${ms.toFixed(0)} ms CPU)`;
  return { clusters, storyOf, line };
}

function byHalf(items: LabelledArticle[]): Record<Half, LabelledArticle[]> {
  return splitHalves(items, (x) => x.splitKey);
}

const events = buildEventsSet(eventsPath);
const topics = (xs: LabelledArticle[]) => new Set(xs.map((x) => x.topic)).size;
console.log(`events-dev (ECB+): ${events.length} articles, ${topics(events)} topics of two look-alike events, one shared date; halves by topic`);
for (const half of HALVES) {
  const items = byHalf(events)[half];
  const r = run(items);
  const e = eventStats(items.map((x) => r.storyOf.get(x.article.path)!), items.map((x) => x.gold), items.map((x) => x.topic!));
  const spread = e.storiesPerSplitEvent;
  const median = spread.length ? spread[Math.floor(spread.length / 2)]! : 0;
  console.log(`  ${half.padEnd(5)} ${r.line}`);
  console.log(`        topics whose two events were mixed: ${e.mixedTopics}/${e.topics}; events split: ${e.splitEvents}/${e.events}${spread.length ? ` into a median of ${median} stories (max ${spread[spread.length - 1]})` : ""}`);
}

const set = buildMergeSet(`${root}test/fixtures/seeds`, bbc);
const kinds = (k: LabelledArticle["kind"]) => set.filter((x) => x.kind === k).length;
const seeds = set.filter((x) => x.kind === "seed");
const rest = set.filter((x) => x.kind !== "seed");
console.log(`\nseeds: ${seeds.length} articles (000-003 one story, 004 its follow-up three weeks later)`);
const seedRun = run(seeds);
console.log(`        ${seedRun.line}`);
const a = seedRun.clusters.find((c) => c.members.some((m) => m.path.startsWith("000")));
const b = seedRun.clusters.find((c) => c.members.some((m) => m.path.startsWith("004")));
console.log(`        004 a follow-up of the 000-003 story: ${b && a && b !== a && b.followUpOf === a.id ? "yes" : "NO"}`);

console.log(`\nbbc merge set: ${rest.length} articles (originals ${kinds("original")}, exact duplicates ${kinds("duplicate")}, rewrites ${kinds("rewrite")}, follow-ups 3 weeks later ${kinds("later")}); halves by id`);
for (const half of HALVES) {
  const items = byHalf(rest)[half];
  const r = run(items);
  const later = items.filter((x) => x.kind === "later").length;
  const linked = r.clusters.filter((c) => c.followUpOf && c.members.some((m) => m.path.startsWith("later/"))).length;
  console.log(`  ${half.padEnd(5)} ${r.line}`);
  console.log(`        three-week follow-ups linked with followUpOf: ${linked}/${later}`);
}

const split = buildSplitSet(bbc);
console.log(`\nharder set: ${split.length} articles, two outlets per BBC story sharing no sentence (different facts of one event); halves by id`);
for (const half of HALVES) console.log(`  ${half.padEnd(5)} ${run(byHalf(split)[half]).line}`);
