// `npm run eval:merge`: pairwise precision, recall and F1 of story merging, tuning and checking halves.
// Sets: events-dev (real coverage of look-alike events; halves by topic), the seeds, bbc-dev's duplicates
// and synthetic rewrites with follow-ups three weeks later, and the harder two-outlets-no-shared-sentence
// set (bbc-dev; halves by id), and the few-outlets draws (events-dev made Multi-News-like: 2-3 reports an
// event, one or both events of each topic on one day; mean and range over the draws). Each set is clustered whole, as one build would see it, and scored on
// the pairs of each half's articles. `--errors N` lists the tuning half's N worst wrong merges (headlines);
// `--errors-half check` lists the checking half's instead (a look at what is judged, never what is tuned on).
// Each half's wrong pairs are told apart by cause: the pair model alone scores them at or above the
// small-group bar, the context model lifts them there, or they were joined only through other reports
// (chaining: their own link is below the bar).
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CONTEXT_FEATURES, clusterArticles, contextEdges, defaultClusterOptions, mergeModels, pairEdges, scoredCandidates } from "../src/cluster/index.ts";
import { contextFeatures, windowCrowds } from "../src/cluster/context.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import type { StoryCluster } from "../src/types.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, outletDraws, type LabelledArticle } from "./lib/merge-set.ts";
import { eventStats, pairwiseScores, summariseDraws, wrongMerges, type PairwiseScores } from "./lib/pairwise.ts";
import { HALVES, halfOf, type Half } from "./lib/split.ts";
import { inSampleLine, trainedInSample } from "./lib/in-sample.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { errors: { type: "string", default: "0" }, "errors-half": { type: "string", default: "tune" } } });
const bbc = positionals[0] ?? `${corpus}bbc-dev.jsonl`;
const eventsPath = positionals[1] ?? `${corpus}events-dev.jsonl`;
const errors = Number(values.errors);
const errorsHalf = values["errors-half"];
if (!HALVES.includes(errorsHalf as Half)) throw new Error(`--errors-half ${errorsHalf}: ${HALVES.join(" or ")}`);

interface Run {
  clusters: StoryCluster[];
  storyOf: Map<string, string>;
  ms: number;
  /** Each candidate pair's probability ("pathA\u0000pathB", paths in order): from the pair model, and after the context model. */
  pairP: Map<string, number>;
  contextP: Map<string, number>;
  /** The pairs whose two articles have no other strong link (context.ts), by key. */
  alone: Set<string>;
}

const pct = (x: number) => (100 * x).toFixed(1);

function run(items: LabelledArticle[]): Run {
  const before = process.cpuUsage();
  const clusters = clusterArticles(items.map((x) => x.article));
  const cpu = process.cpuUsage(before);
  const storyOf = new Map<string, string>();
  for (const c of clusters) for (const m of c.members) storyOf.set(m.path, c.id);
  // The same edges clustering weighed, kept here only to say why a wrong pair was merged.
  const models = mergeModels();
  const scored = scoredCandidates(items.map((x) => x.article));
  const edges = pairEdges(scored, models.pair);
  const features = contextFeatures(scored.order.length, edges, windowCrowds(scored.spans.map((s) => dayOrNull(s.first)), defaultClusterOptions.windowDays));
  const weighed = contextEdges(scored.order.length, edges, models.context, features);
  const key = (e: typeof edges, k: number) => pairKey(scored.order[e.a[k]!]!.path, scored.order[e.b[k]!]!.path);
  const table = (e: typeof edges) => {
    const m = new Map<string, number>();
    for (let k = 0; k < e.length; k++) m.set(key(e, k), e.weight[k]!);
    return m;
  };
  const alone = new Set<string>();
  const mass = CONTEXT_FEATURES.indexOf("neighbourhood");
  for (let k = 0; k < edges.length; k++) if (features[k * CONTEXT_FEATURES.length + mass] === 0) alone.add(key(edges, k));
  return { clusters, storyOf, ms: (cpu.user + cpu.system) / 1000, pairP: table(edges), contextP: table(weighed), alone };
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** How many stories mix true stories, and why the half's wrong pairs were merged: own pair score at or above the small-group bar, lifted there by context, or only through others. */
function causes(r: Run, items: LabelledArticle[]): string {
  const bar = mergeModels().decision.threshold;
  const byStory = new Map<string, LabelledArticle[]>();
  for (const x of items) {
    const s = r.storyOf.get(x.article.path)!;
    const list = byStory.get(s);
    if (list) list.push(x);
    else byStory.set(s, [x]);
  }
  let [pair, lifted, liftedAlone, chained, mixed, parts] = [0, 0, 0, 0, 0, 0];
  for (const members of byStory.values()) {
    const golds = new Set(members.map((x) => x.gold)).size;
    if (golds > 1) [mixed, parts] = [mixed + 1, parts + golds];
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (members[i]!.gold === members[j]!.gold) continue;
        const key = pairKey(members[i]!.article.path, members[j]!.article.path);
        if ((r.pairP.get(key) ?? 0) >= bar) pair++;
        else if ((r.contextP.get(key) ?? 0) >= bar) {
          lifted++;
          if (r.alone.has(key)) liftedAlone++;
        }
        else chained++;
      }
    }
  }
  const all = pair + lifted + chained;
  return all === 0 ? "no wrong pairs" : `${mixed} stories hold ${parts} true stories; wrong pairs ${all}: the pair model scores ${pair} at or above the bar (${bar}), the context model lifts ${lifted} there (${liftedAlone} of them pairs whose two reports have no other strong link), ${chained} joined only through others`;
}

/** The half's worst wrong merges, for the half --errors-half names: each story's parts as "headline (n reports)". */
function listErrors(r: Run, items: LabelledArticle[], h: Half): void {
  if (h !== errorsHalf) return;
  for (const w of wrongMerges(items.map((x) => r.storyOf.get(x.article.path)!), items.map((x) => x.gold)).slice(0, errors)) {
    const parts = w.parts.map((p) => `${items[p.items[0]!]!.article.title.slice(0, 60)} (${p.items.length})`);
    console.log(`          ${String(w.wrongPairs).padStart(3)} wrong pairs: ${parts.join(" + ")}`);
  }
}

function line(r: Run, items: LabelledArticle[]): string {
  const s = pairwiseScores(items.map((x) => r.storyOf.get(x.article.path)!), items.map((x) => x.gold));
  const stories = new Set(items.map((x) => r.storyOf.get(x.article.path))).size;
  return `P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (${s.truePairs}/${s.predictedPairs} predicted pairs right, ${s.truePairs}/${s.goldPairs} true pairs found; ${items.length} articles in ${stories} stories)`;
}

const half = (items: LabelledArticle[], h: Half) => items.filter((x) => halfOf(x.splitKey) === h);

const events = buildEventsSet(eventsPath);
const topics = (xs: LabelledArticle[]) => new Set(xs.map((x) => x.topic)).size;
const eventsRun = run(events);
if (trainedInSample([mergeModels().pair.trainedOn, mergeModels().context.trainedOn])) console.log(`${inSampleLine("merge", ["src/cluster/merge-model.json"])}\n`);
console.log(`events-dev (ECB+): ${events.length} articles, ${topics(events)} topics of two look-alike events, one shared date; clustered whole (${eventsRun.ms.toFixed(0)} ms CPU), halves by topic`);
for (const h of HALVES) {
  const items = half(events, h);
  const e = eventStats(items.map((x) => eventsRun.storyOf.get(x.article.path)!), items.map((x) => x.gold), items.map((x) => x.topic!));
  const spread = e.storiesPerSplitEvent;
  const median = spread.length ? spread[Math.floor(spread.length / 2)]! : 0;
  console.log(`  ${h.padEnd(5)} ${line(eventsRun, items)}`);
  console.log(`        topics whose two events were mixed: ${e.mixedTopics}/${e.topics}; events split: ${e.splitEvents}/${e.events}${spread.length ? ` into a median of ${median} stories (max ${spread[spread.length - 1]})` : ""}`);
  console.log(`        ${causes(eventsRun, items)}`);
  listErrors(eventsRun, items, h);
}

const set = buildMergeSet(`${root}test/fixtures/seeds`, bbc);
const kinds = (k: LabelledArticle["kind"]) => set.filter((x) => x.kind === k).length;
const seeds = set.filter((x) => x.kind === "seed");
const rest = set.filter((x) => x.kind !== "seed");
const seedRun = run(seeds);
console.log(`\nseeds: ${seeds.length} articles (000-003 one story, 004 its follow-up three weeks later)`);
console.log(`        ${line(seedRun, seeds)}`);
const a = seedRun.clusters.find((c) => c.members.some((m) => m.path.startsWith("000")));
const b = seedRun.clusters.find((c) => c.members.some((m) => m.path.startsWith("004")));
console.log(`        004 a follow-up of the 000-003 story: ${b && a && b !== a && b.followUpOf === a.id ? "yes" : "NO"}`);

const restRun = run(rest);
console.log(`\nbbc merge set: ${rest.length} articles (originals ${kinds("original")}, exact duplicates ${kinds("duplicate")}, rewrites ${kinds("rewrite")}, follow-ups 3 weeks later ${kinds("later")}); clustered whole (${restRun.ms.toFixed(0)} ms CPU), halves by id`);
const storyById = new Map(restRun.clusters.map((c) => [c.id, c]));
for (const h of HALVES) {
  const items = half(rest, h);
  const later = items.filter((x) => x.kind === "later");
  // A follow-up is linked right when its story's followUpOf is the story that holds its original.
  const right = later.filter((x) => {
    const story = storyById.get(restRun.storyOf.get(x.article.path)!)!;
    return story.followUpOf !== null && story.followUpOf === restRun.storyOf.get(`bbc/${x.splitKey}.txt`);
  }).length;
  const inHalf = new Set(items.map((x) => x.article.path));
  const wrongLinks = restRun.clusters.filter((c) => c.followUpOf && c.members.some((m) => inHalf.has(m.path)) && !c.members.some((m) => m.path.startsWith("later/"))).length;
  console.log(`  ${h.padEnd(5)} ${line(restRun, items)}`);
  console.log(`        three-week follow-ups linked to their original's story: ${right}/${later.length}; other stories marked as follow-ups: ${wrongLinks}`);
  console.log(`        ${causes(restRun, items)}`);
  listErrors(restRun, items, h);
}

const split = buildSplitSet(bbc);
const splitRun = run(split);
console.log(`\nharder set: ${split.length} articles, two outlets per BBC story sharing no sentence (different facts of one event); clustered whole (${splitRun.ms.toFixed(0)} ms CPU), halves by id`);
for (const h of HALVES) {
  console.log(`  ${h.padEnd(5)} ${line(splitRun, half(split, h))}`);
  console.log(`        ${causes(splitRun, half(split, h))}`);
  listErrors(splitRun, half(split, h), h);
}

const draws = outletDraws(eventsPath);
console.log(`\nfew-outlets draws (events-dev as Multi-News-style days): ${draws.length} seeded days of 2-3 reports an event (different copies), each topic's two look-alike events in odd draws, one of them in even draws; each day clustered whole, halves by topic`);
const perDraw: Array<Record<Half, PairwiseScores>> = [];
draws.forEach((items, d) => {
  const r = run(items);
  const scores = {} as Record<Half, PairwiseScores>;
  const cells = HALVES.map((h) => {
    const part = half(items, h);
    const s = (scores[h] = pairwiseScores(part.map((x) => r.storyOf.get(x.article.path)!), part.map((x) => x.gold)));
    const e = eventStats(part.map((x) => r.storyOf.get(x.article.path)!), part.map((x) => x.gold), part.map((x) => x.topic!));
    return `${h} P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} (${e.events} events, ${e.splitEvents} split, topics mixed ${e.mixedTopics}/${e.topics})`;
  });
  perDraw.push(scores);
  console.log(`  draw ${d} (${d % 2 ? "both events" : "one event"} a topic, ${items.length} articles): ${cells.join("; ")}`);
  if (errors > 0) listErrors(r, half(items, errorsHalf as Half), errorsHalf as Half);
});
for (const [label, keep] of [["all draws", () => true], ["one event a topic", (d: number) => d % 2 === 0], ["both events a topic", (d: number) => d % 2 === 1]] as const) {
  const chosen = perDraw.filter((_, d) => keep(d));
  console.log(`  ${label}: ${HALVES.map((h) => `${h} ${summariseDraws(chosen.map((s) => s[h]))}`).join("  |  ")}`);
}
