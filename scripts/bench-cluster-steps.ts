// npx tsx scripts/bench-cluster-steps.ts DIR [--runs N] [--cache FILE] [--dump FILE] [--terms]: where
// clustering's time goes on the articles of a folder made by ../shared/tools/make-bench-corpus.py. The
// articles are cleaned and dated once, as the build's per-article step does it (with their `terms`),
// and kept in FILE (default DIR.steps.v8) so later runs start at once. Prints the median CPU ms of each
// step of clusterArticles over N runs (the articles' terms already read, as in the build);
// `--dump`: writes the stories (id, members' paths, follow-up) as JSON, to compare two versions' output;
// `--terms`: instead times articleTerms over every article, and checks it gives the terms kept in FILE.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize, serialize } from "node:v8";
import { ingest } from "../src/ingest/index.ts";
import { undatedReason } from "../src/date/index.ts";
import { cleanArticle, dateArticle } from "../src/pipeline/article.ts";
import { articleTerms, clusterArticles, defaultClusterOptions, type ClusterStep } from "../src/cluster/index.ts";
import type { DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "5" }, cache: { type: "string" }, dump: { type: "string" }, terms: { type: "boolean" } },
});
const runs = Number(values.runs);
const dir = resolve(positionals[0] ?? "");
const cache = resolve(values.cache ?? `${dir}.steps.v8`);

async function dated(): Promise<DatedArticle[]> {
  if (existsSync(cache)) return deserialize(readFileSync(cache)) as DatedArticle[];
  const { files } = await ingest(dir);
  const out: DatedArticle[] = [];
  for (const f of files) {
    const cleaned = cleanArticle(f);
    if (!("article" in cleaned)) continue;
    const article = dateArticle(cleaned.article, "UTC");
    if (undatedReason(article)) continue;
    out.push({ ...article, raw: "", context: "" });
  }
  writeFileSync(cache, serialize(out));
  return out;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const articles = await dated();
if (values.terms) {
  const cpu: number[] = [];
  let differ = 0;
  for (let r = 0; r < runs; r++) {
    gc();
    const start = cpuMs();
    const terms = articles.map((a) => articleTerms(a.title, a.paragraphs));
    cpu.push(cpuMs() - start);
    if (r === 0) differ = terms.filter((t, i) => JSON.stringify(t) !== JSON.stringify(articles[i]!.terms)).length;
  }
  console.log(`${articles.length} articles: articleTerms CPU ms per run ${cpu.map((x) => x.toFixed(0)).join(" ")}; median ${median(cpu).toFixed(0)} (${((1000 * median(cpu)) / articles.length).toFixed(1)} µs an article); terms differing from the kept ones: ${differ}`);
} else {
  const steps = new Map<string, number[]>();
  const totals: number[] = [];
  let stories = 0;
  for (let r = 0; r < runs; r++) {
    // Each run reads a fresh copy of the terms (clustering may let go of them).
    const batch = articles.map((a) => ({ ...a }));
    gc();
    const start = cpuMs();
    let mark = start;
    const onStep = (step: ClusterStep) => {
      const now = cpuMs();
      steps.set(step, [...(steps.get(step) ?? []), now - mark]);
      mark = now;
    };
    const clusters = clusterArticles(batch, { ...defaultClusterOptions, onStep });
    totals.push(cpuMs() - start);
    stories = clusters.length;
    if (r === 0 && values.dump) {
      const lines = clusters.map((c) => JSON.stringify({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
      writeFileSync(values.dump, `${lines.join("\n")}\n`);
    }
  }
  console.log(`${articles.length} articles -> ${stories} stories; clusterArticles CPU ms, median of ${runs} runs (each run's figures in brackets)`);
  for (const [step, xs] of steps) console.log(`  ${step.padEnd(10)} ${median(xs).toFixed(0).padStart(6)}   [${xs.map((x) => x.toFixed(0)).join(" ")}]`);
  console.log(`  ${"total".padEnd(10)} ${median(totals).toFixed(0).padStart(6)}   [${totals.map((x) => x.toFixed(0)).join(" ")}]`);
}
