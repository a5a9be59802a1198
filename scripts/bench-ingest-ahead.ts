// npx tsx scripts/bench-ingest-ahead.ts --articles DIR --roots A,B [--pairs N]: a cold build's ingest and
// article step only (scripts/bench-ingest-ahead-child.mjs: each checkout's compiled code, a fresh process
// and cache each run), alternating the checkouts and which goes first, so that both see the same moments
// of a shared machine. A tenth of a whole build's time a run, so many more pairs. Per run: wall from
// loading the stages to the articles' end, the process's CPU, files cleaned as ingest read them; then
// medians and how many pairs agree. Never part of the tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { articles: { type: "string" }, roots: { type: "string" }, pairs: { type: "string", default: "8" } } });
if (!values.articles || !values.roots) throw new Error("--articles DIR and --roots A,B are needed");
const articles = resolve(values.articles);
const roots = values.roots.split(",").map((r) => resolve(r));
const child = join(import.meta.dirname, "bench-ingest-ahead-child.mjs");

interface Run {
  loadMs: number;
  ingestMs: number;
  articlesMs: number;
  wallMs: number;
  cpuMs: number;
  ahead: number;
  rssMiB: number;
}

const runs = roots.map((): Run[] => []);
const s = (ms: number) => (ms / 1000).toFixed(2);
for (let pair = 1; pair <= Number(values.pairs); pair++) {
  const order = pair % 2 ? roots.map((_, i) => i) : roots.map((_, i) => roots.length - 1 - i);
  for (const i of order) {
    const cache = mkdtempSync(join(tmpdir(), "digest-ahead-"));
    const load = loadavg()[0]!;
    const out = execFileSync(process.execPath, [child, roots[i]!, articles, cache], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    rmSync(cache, { recursive: true, force: true });
    const run = JSON.parse(out.trim().split("\n").at(-1)!) as Run;
    runs[i]!.push(run);
    console.log(`pair ${pair} [${i + 1}] ${roots[i]}: load ${load.toFixed(1)}; stages loaded ${s(run.loadMs)}, ingest ${s(run.ingestMs)}, articles ${s(run.articlesMs)}, in all ${s(run.wallMs)} s wall, ${s(run.cpuMs)} s CPU; ${run.ahead} cleaned as read; peak ${run.rssMiB} MiB`);
  }
}
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
};
console.log("\nmedians");
roots.forEach((root, i) => {
  const rs = runs[i]!;
  const m = (pick: (r: Run) => number) => median(rs.map(pick));
  console.log(`[${i + 1}] ${root}: in all ${s(m((r) => r.wallMs))} s wall, ${s(m((r) => r.cpuMs))} s CPU; stages loaded ${s(m((r) => r.loadMs))}, ingest ${s(m((r) => r.ingestMs))}, articles ${s(m((r) => r.articlesMs))}; ${m((r) => r.ahead)} cleaned as read; peak ${m((r) => r.rssMiB)} MiB`);
});
if (roots.length === 2) {
  const pairs = runs[0]!.map((a, k) => [a, runs[1]![k]!] as const);
  console.log(`[2] faster than [1] in ${pairs.filter(([a, b]) => b.wallMs < a.wallMs).length} of ${pairs.length} pairs (wall), cheaper in ${pairs.filter(([a, b]) => b.cpuMs < a.cpuMs).length} (CPU)`);
}
