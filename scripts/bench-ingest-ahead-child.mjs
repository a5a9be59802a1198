// One cold build's first two stages (ingest and the article step) with a checkout's compiled code, as
// src/cli/build.ts runs them, timed from before the stages' code is loaded: for scripts/bench-ingest-ahead.ts.
// node scripts/bench-ingest-ahead-child.mjs ROOT ARTICLES CACHE_DIR → one JSON line on stdout.
import { pathToFileURL } from "node:url";

const [root, articles, cacheDir] = process.argv.slice(2);
const dist = (path) => pathToFileURL(`${root}/dist/src/${path}`).href;
const started = performance.now();
const cpu = process.cpuUsage();
// Checkouts since stop 57 start the article thread before the stages are loaded; earlier ones have no such module.
const early = await import(dist("parallel/article-pool.js")).then((m) => m, () => null);
const pool = early ? early.startArticlePool() : undefined;
const stages = await import(dist("cli/build-stages.js"));
const { ingest, KEPT_TEXT_CHARS, readSource } = await import(dist("ingest/index.js"));
const { DiskCache } = await import(dist("cache/pack.js"));
const rules = stages.rulesWithout();
const threads = stages.startArticleThreads({ zone: "UTC", rules, ...(early ? { pool } : {}) });
const loaded = performance.now();
const ingested = await ingest(articles, { known: null, keepText: KEPT_TEXT_CHARS, ...(threads?.ahead ? { onRead: threads.ahead } : {}) });
const read = performance.now();
const stats = {};
const cache = DiskCache.make(cacheDir, () => {});
await stages.prepareArticles(ingested.files, { zone: "UTC", rules, cache, load: (file) => readSource(file, ingested.unread), dropEvidence: true, threads }, stats);
const done = performance.now();
const used = process.cpuUsage(cpu);
cache.close();
process.stdout.write(`${JSON.stringify({ loadMs: loaded - started, ingestMs: read - loaded, articlesMs: done - read, wallMs: done - started, cpuMs: (used.user + used.system) / 1000, ahead: stats.ahead ?? 0, rssMiB: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
