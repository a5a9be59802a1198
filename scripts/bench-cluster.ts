// npm run bench:cluster -- DIR [DIR...] [--runs N]: CPU time of clusterArticles alone on the articles of a
// folder made by ../shared/tools/make-bench-corpus.py (ingest, clean and date run once, untimed, and are
// kept beside the folder as DIR.dated.v8 so later runs start at once). Median CPU time of N runs.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize, serialize } from "node:v8";
import { ingest } from "../src/ingest/index.ts";
import { cleanSource } from "../src/clean/index.ts";
import { dateArticles } from "../src/date/index.ts";
import { clusterArticles } from "../src/cluster/index.ts";
import type { CleanArticle, DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: "string", default: "3" } } });
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
