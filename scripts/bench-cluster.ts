// npm run bench:cluster -- DIR [DIR...] [--runs N]: CPU time of clusterArticles alone on the articles of a
// folder made by ../shared/tools/make-bench-corpus.py (ingest, clean and date run once, untimed, and are
// kept beside the folder as DIR.dated.v8 so later runs start at once). Median CPU time of N runs.
// `--one-new`: also the incremental case, as a build with the cache sees it: the articles but one
// clustered with an (in-memory) edge cache, then all of them on that cache (median CPU of N runs, each on
// a fresh copy of the cache), with how many day blocks were taken from it and whether the stories are the
// cold clustering's (the per-article terms are worked out first, as the build's cache gives them).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize, serialize } from "node:v8";
import { ingest } from "../src/ingest/index.ts";
import { cleanSource } from "../src/clean/index.ts";
import { dateArticles } from "../src/date/index.ts";
import { articleTerms, clusterArticles, defaultClusterOptions, type EdgeCache } from "../src/cluster/index.ts";
import type { CleanArticle, DatedArticle, StoryCluster } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "3" }, "one-new": { type: "boolean" } } });
const runs = Number(values.runs);

async function dated(dir: string): Promise<DatedArticle[]> {
  const cache = `${dir}.dated.v8`;
  if (existsSync(cache)) return deserialize(readFileSync(cache)) as DatedArticle[];
  const { files } = await ingest(dir);
  const clean: CleanArticle[] = [];
  for (const f of files) {
    try {
      const a = cleanSource(f);
      if (a.paragraphs.join(" ").split(/\s+/).length >= 15) clean.push(a);
    } catch {
      // a rejected input is not clustered
    }
  }
  const out = dateArticles(clean, { zone: "UTC" });
  writeFileSync(cache, serialize(out));
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const dir of positionals.map((p) => resolve(p))) {
  const articles = await dated(dir);
  const cpu: number[] = [];
  let stories = 0;
  for (let r = 0; r < runs; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.cpuUsage();
    stories = clusterArticles(articles).length;
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1e6);
  }
  console.log(`${dir}: ${articles.length} articles -> ${stories} stories; cluster CPU s per run ${cpu.map((s) => s.toFixed(2)).join(" ")}; median ${median(cpu).toFixed(2)}`);
}

/** Cold against incremental clustering of `articles` after all of them but the middle one in path order. */
function oneNew(dir: string, articles: DatedArticle[]): void {
  for (const a of articles) a.terms ??= articleTerms(a.title, a.paragraphs);
  const sorted = [...articles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const fresh = sorted[sorted.length >> 1]!;
  const before = articles.filter((a) => a !== fresh);
  const kept = new Map<string, number[]>();
  clusterArticles(before, defaultClusterOptions, undefined, { get: (k) => kept.get(k), put: (k, v) => void kept.set(k, v) });
  const shape = (cs: StoryCluster[]) => JSON.stringify(cs.map((c) => [c.id, c.followUpOf, c.members.map((m) => m.path)]));
  const cold: number[] = [];
  const warm: number[] = [];
  let same = true;
  let blocks = "";
  for (let r = 0; r < runs; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    let t = process.cpuUsage();
    const expected = shape(clusterArticles(articles));
    let used = process.cpuUsage(t);
    cold.push((used.user + used.system) / 1e6);
    const copy = new Map(kept);
    const counts = { gets: 0, hits: 0 };
    const cache: EdgeCache = {
      get: (k) => (counts.gets++, copy.has(k) && counts.hits++, copy.get(k)),
      put: (k, v) => void copy.set(k, v),
    };
    (globalThis as { gc?: () => void }).gc?.();
    t = process.cpuUsage();
    const got = shape(clusterArticles(articles, defaultClusterOptions, undefined, cache));
    used = process.cpuUsage(t);
    warm.push((used.user + used.system) / 1e6);
    same &&= got === expected;
    blocks = `${counts.hits} of ${counts.gets} day blocks from the cache`;
  }
  console.log(`${dir}: one new article (${fresh.evidence.date ?? fresh.evidence.pageDate ?? "undated"}), terms given: cold CPU s median ${median(cold).toFixed(2)}, with the edge cache ${median(warm).toFixed(2)} (${blocks}); stories ${same ? "==" : "DIFFER"}`);
}

if (values["one-new"]) for (const dir of positionals.map((p) => resolve(p))) oneNew(dir, await dated(dir));
