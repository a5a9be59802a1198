// npx tsx scripts/bench-search-feed.ts --site DIR --roots A,B [--pairs N] [--per-turn 4]: Pagefind fed the story
// pages of a built site (DIR/stories/*/index.html, in folder order, shared into bundles as a build shares
// them) through each checkout's compiled `startSearch` (src/site/search.ts, and so its pagefind-process.ts),
// PER_TURN pages between two turns of the event loop as the site stage renders them, then every bundle
// written. A fresh process per run (scripts/bench-search-feed-child.mjs), alternating the checkouts; per run:
// wall, this process's CPU and Pagefind's (all its threads, from /proc), and the medians. What it isolates:
// what the way pages reach Pagefind costs both sides, without the rendering. Never part of the tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { median } from "./bench-run.ts";

const { values } = parseArgs({ options: { site: { type: "string" }, roots: { type: "string" }, pairs: { type: "string", default: "5" }, "per-turn": { type: "string", default: "4" } } });
if (!values.site || !values.roots) throw new Error("--site DIR and --roots A,B are needed");
const roots = values.roots.split(",").map((r) => resolve(r));
interface Run {
  wallMs: number;
  cpuMs: number;
  searchCpuMs: number;
}
const runs = roots.map((): Run[] => []);
const f = (ms: number) => (ms / 1000).toFixed(3);
for (let pair = 1; pair <= Number(values.pairs); pair++) {
  const order = pair % 2 ? roots.map((_, i) => i) : roots.map((_, i) => roots.length - 1 - i);
  for (const i of order) {
    const out = mkdtempSync(join(tmpdir(), "digest-search-feed-"));
    const load = loadavg()[0]!.toFixed(1);
    const text = execFileSync(process.execPath, [join(import.meta.dirname, "bench-search-feed-child.mjs"), roots[i]!, resolve(values.site), out, values["per-turn"]], { maxBuffer: 1 << 24 }).toString();
    rmSync(out, { recursive: true, force: true });
    const run = JSON.parse(text) as Run;
    runs[i]!.push(run);
    console.log(`pair ${pair} ${roots[i]}: wall ${f(run.wallMs)} s, CPU ${f(run.cpuMs)} s, Pagefind ${f(run.searchCpuMs)} s; load ${load}`);
  }
}
console.log("\nmedians");
roots.forEach((root, i) => {
  const m = (pick: (r: Run) => number) => f(median(runs[i]!.map(pick)));
  console.log(`${root}: wall ${m((r) => r.wallMs)} s, CPU ${m((r) => r.cpuMs)} s, Pagefind ${m((r) => r.searchCpuMs)} s`);
});
if (roots.length === 2) {
  const below = (pick: (r: Run) => number) => runs[1]!.filter((r, k) => pick(r) < pick(runs[0]![k]!)).length;
  const n = runs[1]!.length;
  console.log(`${roots[1]} below ${roots[0]}: wall in ${below((r) => r.wallMs)} of ${n}, CPU ${below((r) => r.cpuMs)} of ${n}, Pagefind ${below((r) => r.searchCpuMs)} of ${n}, both CPUs together ${below((r) => r.cpuMs + r.searchCpuMs)} of ${n}`);
}
