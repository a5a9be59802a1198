// npx tsx scripts/bench-site.ts --model FILE [--roots A,B] [--pairs N] [--keep DIR]: the cold site stage
// alone (Eleventy, Pagefind and the feeds beside it), rendered from a saved view model into a fresh folder,
// in a fresh process per run (scripts/bench-site-child.mjs), alternating the compiled code of the given
// checkouts (a base worktree and this one). Prints each run's wall and CPU seconds (the process's and
// Pagefind's; the main thread's apart where /proc tells; both when Eleventy was done) and the stage's own phases; --keep leaves the sites in DIR/<pair>-<root number> to compare.
// The model is the JSON of the view model (`buildDigest(...).model`) of a real build. Never part of the tests.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { model: { type: "string" }, roots: { type: "string", default: resolve(import.meta.dirname, "..") }, pairs: { type: "string", default: "3" }, keep: { type: "string" } } });
if (!values.model) throw new Error("--model FILE is needed");

interface SiteRun {
  wallMs: number;
  cpuMs: number;
  mainCpuMs?: number;
  atRendered?: { searchCpuMs: number | null; mainCpuMs?: number } | null;
  searchCpuMs: number | null;
  ms: Record<string, number>;
}

// A root may carry settings for its runs' environment: DIR?NAME=VALUE&NAME=VALUE (one checkout under two settings).
const roots = values.roots.split(",").map((r) => resolve(r.split("?")[0]!));
const envs = values.roots.split(",").map((r) => Object.fromEntries(new URLSearchParams(r.split("?")[1] ?? "")));
const f = (x: number) => (x / 1000).toFixed(2);
for (let pair = 1; pair <= Number(values.pairs); pair++) {
  // Which root goes first moves round from pair to pair, so none always runs right after another.
  for (const i of roots.map((_, k) => (k + pair - 1) % roots.length)) {
    const root = roots[i]!;
    const out = values.keep ? join(resolve(values.keep), `${pair}-${i + 1}`) : mkdtempSync(join(tmpdir(), "digest-site-"));
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const load = loadavg()[0]!.toFixed(1);
    const text = execFileSync(process.execPath, [join(import.meta.dirname, "bench-site-child.mjs"), root, resolve(values.model), out], { maxBuffer: 1 << 26, env: { ...process.env, ...envs[i] } }).toString();
    if (!values.keep) rmSync(out, { recursive: true, force: true });
    const run = JSON.parse(text) as SiteRun;
    const phases = Object.entries(run.ms)
      .map(([k, v]) => `${k} ${f(v)}`)
      .join(", ");
    console.log(`pair ${pair} ${values.roots.split(",")[i]}: wall ${f(run.wallMs)} s, CPU ${f(run.cpuMs)} s (main thread ${run.mainCpuMs === undefined ? "-" : f(run.mainCpuMs)} s) + Pagefind ${run.searchCpuMs === null ? "-" : f(run.searchCpuMs)} s (${phases}); when Eleventy was done: main thread ${run.atRendered?.mainCpuMs === undefined ? "-" : f(run.atRendered.mainCpuMs)} s, Pagefind ${run.atRendered?.searchCpuMs == null ? "-" : f(run.atRendered.searchCpuMs)} s; load ${load}`);
  }
}
