// npx tsx scripts/bench-cluster-reuse.ts DIR [--runs N] [--day YYYY-MM-DD]: clustering after one new article with the last
// build's rows (src/cluster/rows.ts) against clustering from scratch, on a folder made by
// ../shared/tools/make-bench-corpus.py (its cleaned and dated articles kept as DIR.steps.v8 by
// scripts/bench-cluster-steps.ts). Clusters all but the last article (path order; --day D: the last
// article dated D) with an empty row store, then all of them with that store, and cold; prints the CPU
// ms of each step, how many articles' prints changed (their pairs' print, rows.ts, and their groups' print,
// groups.ts), how much of the merges was replayed, and whether the stories (ids, members, follow-ups) are
// the same (--published: both lean towards the first clustering's stories, as a build does towards the
// last build's), and how many stories took their follow-up link from the last build; then the same
// articles once more with that store ("unchanged": what every build pays, whatever changed), and what moved
// along the chain (likely pairs touched by a changed print and how far they moved, stories changed). --bin W: the IDF bin width (profile.ts IDF_BIN_WIDTH when absent).
// --follow-up-idf window|background: the follow-up vectors' IDF (profile.ts FollowUpIdf; FOLLOW_UP_IDF when absent).
import { parseArgs } from "node:util";
import { clusterArticles, defaultClusterOptions, type ClusterStep, type RowStore, type StoredFollowUps, type StoredGroups, type StoredPairs } from "../src/cluster/index.ts";
import type { ReplayStats } from "../src/cluster/agglomerate-replay.ts";
import type { FollowUpIdf } from "../src/cluster/profile.ts";
import type { DatedArticle, StoryCluster } from "../src/types.ts";
import { heldIndex, stepsArticles } from "./steps-batch.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { published: { type: "boolean" }, runs: { type: "string", default: "3" }, day: { type: "string" }, bin: { type: "string" }, "follow-up-idf": { type: "string" } } });
const articles = stepsArticles(positionals[0] ?? "");
// The article held back: the last in path order, or with --day the last of that day (a daily digest's new article is of its last day).
const held = heldIndex(articles, values.day);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const replayStats: ReplayStats = { replayed: 0, live: 0, liveGroups: 0 };
const pairStats = { reused: 0, scored: 0 };
const followUpStats = { reused: 0, linked: 0 };

function timed(batch: DatedArticle[], rows?: RowStore, published?: Map<string, number>): { clusters: StoryCluster[]; steps: Map<ClusterStep, number> } {
  const steps = new Map<ClusterStep, number>();
  let mark = cpuMs();
  const onStep = (s: ClusterStep) => {
    const now = cpuMs();
    steps.set(s, now - mark);
    mark = now;
  };
  const clusters = clusterArticles(batch.map((a) => ({ ...a })), { ...defaultClusterOptions, onStep, replayStats, pairStats, followUpStats, ...(rows ? { rows } : {}), ...(published ? { published } : {}), ...(values.bin ? { idfBinWidth: Number(values.bin) } : {}), ...(values["follow-up-idf"] ? { followUpIdf: values["follow-up-idf"] as FollowUpIdf } : {}) });
  return { clusters, steps };
}

const dump = (cs: StoryCluster[]) => JSON.stringify(cs.map((c) => [c.id, c.members.map((m) => m.path), c.followUpOf]));
const table = new Map<string, number[]>();
let same = true;
for (let r = 0; r < Number(values.runs); r++) {
  const stored = new Map<string, StoredPairs>();
  let [gets, hits] = [0, 0];
  const store: RowStore = {
    get: (k) => {
      gets++;
      const v = stored.get(k);
      if (v) hits++;
      return v ? structuredClone(v) : undefined;
    },
    put: (k, v) => void stored.set(k, structuredClone(v)),
    groups: {
      get: (k) => structuredClone(groups.get(k)),
      put: (k, v) => void groups.set(k, structuredClone(v)),
    },
    followUps: {
      get: (k) => structuredClone(links.get(k)),
      put: (k, v) => void links.set(k, structuredClone(v)),
    },
  };
  const groups = new Map<string, StoredGroups>();
  const links = new Map<string, StoredFollowUps>();
  const first = timed(articles.filter((_, i) => i !== held), store);
  // --published: the one-new and cold clusterings lean towards the first's stories, as a build's towards the last build's (hysteresis.ts).
  const published = values.published ? new Map(first.clusters.flatMap((c, k) => c.members.map((m) => [m.path, k] as const))) : undefined;
  [gets, hits] = [0, 0];
  [pairStats.reused, pairStats.scored] = [0, 0];
  [followUpStats.reused, followUpStats.linked] = [0, 0];
  const [pairsBefore, groupsBefore] = [[...stored.values()][0]!, [...groups.values()][0]!];
  const warm = timed(articles, store, published);
  const [pairsAfter, groupsAfter] = [[...stored.values()][0]!, [...groups.values()][0]!];
  const changed = (was: { paths: string[]; prints: string[] }, now: { paths: string[]; prints: string[] }) => {
    const before = new Map(was.paths.map((p, i) => [p, was.prints[i]]));
    return now.paths.filter((p, i) => before.has(p) && before.get(p) !== now.prints[i]).length;
  };
  if (r === 0) {
    console.log(`prints changed (of ${pairsBefore.paths.length}): pairs' ${changed(pairsBefore, pairsAfter)}, groups' ${changed(groupsBefore, groupsAfter)}`);
    console.log(`pairs: ${pairStats.reused} candidates taken from the last build, ${pairStats.scored} scored`);
    console.log(`groups: ${replayStats.replayed} merges replayed, ${replayStats.live} worked out, ${replayStats.liveGroups} groups live`);
    console.log(`follow-ups: ${followUpStats.reused} stories took their link from the last build, ${followUpStats.linked} linked again`);
    // What moved along the chain: the likely pairs of articles in both builds, one of them with a changed print.
    const printOf = (s: { paths: string[]; prints: string[] }) => new Map(s.paths.map((p, i) => [p, s.prints[i]!]));
    const [wasPrint, nowPrint] = [printOf(pairsBefore), printOf(pairsAfter)];
    const pairMap = (s: StoredPairs) => new Map(s.a.map((a, k) => [`${s.paths[a]} ${s.paths[s.b[k]!]}`, s.p[k]!]));
    const [wasPairs, nowPairs] = [pairMap(pairsBefore), pairMap(pairsAfter)];
    let [touched, same, moved, gone, came, maxMove] = [0, 0, 0, 0, 0, 0];
    const moves: number[] = [];
    const bothHere = (key: string) => key.split(" ").every((p) => wasPrint.has(p) && nowPrint.has(p));
    const touches = (key: string) => key.split(" ").some((p) => wasPrint.get(p) !== nowPrint.get(p));
    for (const [key, p] of nowPairs) {
      if (!bothHere(key) || !touches(key)) continue;
      touched++;
      const was = wasPairs.get(key);
      if (was === undefined) came++;
      else if (was === p) same++;
      else (moved++, moves.push(Math.abs(p - was)), (maxMove = Math.max(maxMove, Math.abs(p - was))));
    }
    for (const key of wasPairs.keys()) if (bothHere(key) && touches(key) && !nowPairs.has(key)) gone++;
    const storiesOf = (cs: StoryCluster[]) => new Set(cs.map((c) => c.members.map((m) => m.path).filter((p) => wasPrint.has(p)).join(" ")));
    const [wasStories, nowStories] = [storiesOf(first.clusters), storiesOf(warm.clusters)];
    console.log(`moved: likely pairs of an article with a changed print ${touched} (bits the same ${same}, moved ${moved}, median |dp| ${median(moves.length ? moves : [0]).toExponential(1)}, max ${maxMove.toExponential(1)}; new above MIN_EDGE ${came}, gone below ${gone}); stories whose older members differ ${[...nowStories].filter((x) => !wasStories.has(x)).length} of ${nowStories.size}`);
  }
  const cold = timed(articles, undefined, published);
  // The same articles again with the one-new clustering's store, leaning towards its stories: nothing changed,
  // so what this costs is what every build pays whatever changed (the part of each step proportional to the corpus).
  const again = timed(articles, store, new Map(warm.clusters.flatMap((c, k) => c.members.map((m) => [m.path, k] as const))));
  same &&= dump(again.clusters) === dump(warm.clusters);
  same &&= dump(warm.clusters) === dump(cold.clusters);
  for (const [name, run] of [["one new", warm], ["cold", cold], ["unchanged", again]] as const) {
    for (const [s, ms] of run.steps) table.set(`${name} ${s}`, [...(table.get(`${name} ${s}`) ?? []), ms]);
    table.set(`${name} total`, [...(table.get(`${name} total`) ?? []), [...run.steps.values()].reduce((x, y) => x + y, 0)]);
  }
  if (r === 0) console.log(`${articles.length} articles, ${cold.clusters.length} stories; one new: ${hits} of ${gets} stored pair sets reused`);
}
for (const [name, xs] of table) console.log(`  ${name.padEnd(20)} ${median(xs).toFixed(0).padStart(6)} ms CPU   [${xs.map((x) => x.toFixed(0)).join(" ")}]`);
console.log(same ? "one-new clustering == cold clustering" : "one-new clustering DIFFERS from cold clustering");
