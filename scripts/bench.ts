// npm run bench [-- --n 1000]: times each stage on N articles made from ../shared/corpus, and peak memory.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { ingest } from "../src/ingest/index.ts";
import { runPipeline } from "../src/pipeline.ts";
import { cleanSource } from "../src/clean/index.ts";
import { summarise } from "../src/summarise/index.ts";
import { buildDigest, writeDigests } from "../src/digest/index.ts";
import { renderSite } from "../src/site/index.ts";
import { writeFeeds } from "../src/feed/index.ts";
import { defaultConfig } from "../src/config.ts";

const { values } = parseArgs({ options: { n: { type: "string", default: "1000" }, corpus: { type: "string", default: "../shared/corpus" }, days: { type: "string", default: "30" } } });
const n = Number(values.n);
const days = Number(values.days);
const corpus = resolve(values.corpus);

interface Bbc { id: string; title: string; text: string }
interface Page { id: string; text_dump: string }
const readJsonl = <T>(file: string): T[] => readFileSync(join(corpus, file), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const bbc = readJsonl<Bbc>("bbc-dev.jsonl");
const pages = readJsonl<Page>("extraction-dev.jsonl");

// Inputs: BBC articles and noisy page scrapes in turn, each dated by a metadata line over `days` days.
const input = mkdtempSync(join(tmpdir(), "digest-bench-"));
const start = DateTime.fromISO("2025-01-01", { zone: "utc" });
const scrapes: string[] = [];
for (let i = 0; i < n; i++) {
  const day = start.plus({ days: i % days }).toISODate();
  const text = i % 3 === 2 ? pages[i % pages.length]!.text_dump : `${bbc[i % bbc.length]!.title}\n\n${bbc[i % bbc.length]!.text}`;
  const round = Math.floor(i / (i % 3 === 2 ? pages.length : bbc.length));
  // Repeats of one corpus article in a later round are re-dated, so they read as separate articles.
  writeFileSync(join(input, `a${String(i).padStart(6, "0")}.txt`), `date ${start.plus({ days: (i + round * 7) % days }).toISODate() ?? day}\n${text}`);
  scrapes.push(text);
}

const times: Record<string, number> = {};
const time = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const out = await fn();
  times[name] = performance.now() - t;
  return out;
};

const ingested = await time("ingest", () => ingest(input));
const timings: Record<string, number> = {};
const result = runPipeline(ingested.files, { zone: "UTC", timings });
Object.assign(times, timings);
const out = mkdtempSync(join(tmpdir(), "digest-bench-out-"));
const digest = await time("digest", async () => {
  const d = buildDigest(result.stories, { zone: "UTC", homeDays: defaultConfig.homeDays });
  await writeDigests(join(out, "digests"), d.files);
  return d;
});
await time("site", () => renderSite({ outputDir: join(out, "site"), config: defaultConfig, model: digest.model }));
await time("feed", () => writeFeeds({ outputDir: join(out, "site"), config: defaultConfig, model: digest.model }));
const total = Object.values(times).reduce((a, b) => a + b, 0);

// Single-stage throughput on one core: cleaning raw scrapes, summarising clean articles.
const cleanStart = performance.now();
for (const [i, text] of scrapes.entries()) cleanSource({ path: `p${i}.txt`, format: "text", text, encoding: "utf-8", mtime: new Date(0) });
const cleanRate = scrapes.length / ((performance.now() - cleanStart) / 1000);
const sumStart = performance.now();
for (let i = 0; i < n; i++) summarise([{ title: bbc[i % bbc.length]!.title, text: bbc[i % bbc.length]!.text }], { sentences: 3 });
const sumRate = n / ((performance.now() - sumStart) / 1000);

const pad = (s: string, w: number) => s.padEnd(w);
console.log(`digest bench: ${n} articles (${ingested.files.length} read) -> ${result.stories.length} stories on ${digest.files.length} days`);
console.log(`${pad("stage", 12)}${"ms".padStart(10)}${"articles/s".padStart(14)}`);
for (const stage of ["ingest", "clean", "date", "cluster", "summarise", "digest", "site", "feed"]) {
  const ms = times[stage] ?? 0;
  console.log(`${pad(stage, 12)}${ms.toFixed(1).padStart(10)}${(ms > 0 ? (n / (ms / 1000)).toFixed(0) : "-").padStart(14)}`);
}
console.log(`${pad("total", 12)}${total.toFixed(1).padStart(10)}${(n / (total / 1000)).toFixed(0).padStart(14)}`);
console.log(`clean alone: ${cleanRate.toFixed(0)} pages/s (raw text scrapes, one core)`);
console.log(`summarise alone: ${sumRate.toFixed(0)} articles/s (--sentences 3, one core)`);
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
rmSync(input, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
