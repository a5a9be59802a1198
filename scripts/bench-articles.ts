// npx tsx scripts/bench-articles.ts [--n 10000 | --input DIR] [--serial]: the per-article map alone (clean + date
// evidence), the part of the build src/parallel and src/cache own: one thread, the worker threads, and
// from a warm cache, each with wall time, CPU seconds and this process's peak memory. Runs the compiled
// code in dist/, as the `digest` command does.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type * as Articles from "../src/parallel/articles.ts";
import type * as Pack from "../src/cache/pack.ts";
import type * as Ingest from "../src/ingest/index.ts";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { n: { type: "string", default: "10000" }, input: { type: "string" }, serial: { type: "boolean", default: false } } });
execFileSync(process.execPath, [join(root, "scripts/compile.mjs")], { stdio: "inherit" });
const dist = (path: string) => new URL(`../dist/src/${path}`, import.meta.url).href;
const { prepareArticles } = (await import(dist("parallel/articles.js"))) as typeof Articles;
const { DiskCache } = (await import(dist("cache/pack.js"))) as typeof Pack;
const { ingest } = (await import(dist("ingest/index.js"))) as typeof Ingest;

const work = mkdtempSync(join(tmpdir(), "digest-bench-articles-"));
let input = values.input ? resolve(values.input) : join(work, "articles");
if (!values.input) execFileSync("/usr/bin/python3", [join(root, "../shared/tools/make-bench-corpus.py"), join(root, "../shared/corpus"), input, values.n], { stdio: "ignore" });

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const out = await fn();
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(40)} wall ${((performance.now() - start) / 1000).toFixed(2).padStart(7)} s   CPU ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} s   peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  return out;
}

const { files } = await timed("ingest", () => ingest(input));
console.log(`${files.length} files`);
const cache = new DiskCache(join(work, "cache"), (w) => console.log(w));
const stats = {} as Articles.PrepareStats;
if (values.serial) await timed("one thread, no cache", () => prepareArticles(files, { zone: "UTC", workers: 0 }));
await timed("worker threads, cold cache", () => prepareArticles(files, { zone: "UTC", cache }, stats));
console.log(`  threads ${stats.threads}; clean ${(stats.clean / 1000).toFixed(2)} s and date ${(stats.date / 1000).toFixed(2)} s summed over threads; cache write ${(stats.cacheWrite / 1000).toFixed(2)} s`);
await timed("warm cache", () => prepareArticles(files, { zone: "UTC", cache }, stats));
console.log(`  hits ${stats.cleanHits}/${stats.files}; cache read ${(stats.cacheRead / 1000).toFixed(2)} s`);
input = "";
rmSync(work, { recursive: true, force: true });
