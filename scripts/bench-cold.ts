// npx tsx scripts/bench-cold.ts --articles DIR --roots A,B [--pairs N] [--undated-every K]: cold `digest build`s of DIR's
// articles, each in a fresh folder, alternating the compiled code of the given checkouts (a base worktree
// and this one; DIR?NAME=VALUE sets its builds' environment, so one checkout can run under two settings),
// so that both see the same moments of a shared machine. Per build: wall, CPU (GNU time: the process, its
// threads and Pagefind), peak memory, the load, and each stage's wall and CPU; then the medians per
// checkout and how many pairs agree. --undated-every K: the builds read a copy of DIR (under the work folder) in
// which the first article and every K-th after it lost its `date` line (scripts/bench-run.ts undateEvery: dated
// from mixed evidence, so the copy step compares). Never part of the tests.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { assertCompiled, measure, median, undateEvery } from "./bench-run.ts";

const { values } = parseArgs({ options: { articles: { type: "string" }, roots: { type: "string" }, pairs: { type: "string", default: "3" }, work: { type: "string" }, "undated-every": { type: "string" } } });
if (!values.articles || !values.roots) throw new Error("--articles DIR and --roots A,B are needed");
const given = resolve(values.articles);
// A root may carry settings for its builds' environment: DIR?NAME=VALUE&NAME=VALUE (one checkout under two settings).
const roots = values.roots.split(",").map((r) => resolve(r.split("?")[0]!));
const envs = values.roots.split(",").map((r) => Object.fromEntries(new URLSearchParams(r.split("?")[1] ?? "")));
const work = resolve(values.work ?? join(given, "..", "cold-runs"));
const mixed = values["undated-every"] ? undateEvery(given, Number(values["undated-every"]), join(work, `undated-every-${values["undated-every"]}`)) : null;
if (mixed) console.log(`${mixed.undated} articles without their date line, in ${mixed.dir}`);
const articles = mixed?.dir ?? given;

interface Run {
  wall: number;
  cpu: number | null;
  rss: number | null;
  load: number;
  stages: Record<string, number>;
  stageCpuMs: Record<string, number>;
  searchCpuMs: number | null;
}

roots.forEach(assertCompiled);

const f = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? "-" : x.toFixed(d));
const runs = roots.map((): Run[] => []);
for (let pair = 1; pair <= Number(values.pairs); pair++) {
  // Which checkout goes first alternates too, so neither always runs right after the other.
  const order = pair % 2 ? roots.map((_, i) => i) : roots.map((_, i) => roots.length - 1 - i);
  for (const i of order) {
    assertCompiled(roots[i]!);
    const cwd = join(work, `${pair}-${i + 1}`);
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd, { recursive: true });
    const load = loadavg()[0]!;
    const timings = join(cwd, "timings.json");
    const m = await measure(process.execPath, [join(roots[i]!, "bin/digest.js"), "build", "--input", articles, "--digests", join(cwd, "digests"), "--output", join(cwd, "site"), "--quiet", "--timings", timings], { cwd, env: { ...process.env, DIGEST_RUN_SOURCES: "", ...envs[i] } });
    const t = JSON.parse(readFileSync(timings, "utf8")) as { stages: Record<string, number>; stageCpuMs: Record<string, number>; site: { searchCpuMs?: number | null } | null };
    const run: Run = { wall: m.wall, cpu: m.cpu, rss: m.rss, load, stages: t.stages, stageCpuMs: t.stageCpuMs, searchCpuMs: t.site?.searchCpuMs ?? null };
    runs[i]!.push(run);
    const stages = Object.keys(run.stages)
      .map((s) => `${s} ${f(run.stages[s]! / 1000)}/${f(run.stageCpuMs[s]! / 1000)}`)
      .join(", ");
    console.log(`pair ${pair} [${i + 1}] ${values.roots.split(",")[i]}: wall ${f(run.wall)} s, CPU ${f(run.cpu)} s (Pagefind ${f(run.searchCpuMs === null ? null : run.searchCpuMs / 1000)}), peak ${f(run.rss, 0)} MiB, load ${f(load)} → ${f(loadavg()[0]!)}; stages wall/CPU s: ${stages}`);
    rmSync(cwd, { recursive: true, force: true });
  }
}
console.log("\nmedians");
roots.forEach((root, i) => {
  const rs = runs[i]!;
  const med = (pick: (r: Run) => number | null) => median(rs.map(pick).filter((x): x is number => x !== null));
  const stages = Object.keys(rs[0]!.stages)
    .map((s) => `${s} ${f(med((r) => r.stages[s]! / 1000))}`)
    .join(", ");
  console.log(`[${i + 1}] ${root}: wall ${f(med((r) => r.wall))} s, CPU ${f(med((r) => r.cpu))} s, peak ${f(med((r) => r.rss), 0)} MiB; ${stages}`);
});
if (roots.length === 2) {
  const pairs = runs[0]!.map((a, k) => [a, runs[1]![k]!] as const);
  const faster = pairs.filter(([a, b]) => b.wall < a.wall).length;
  const cheaper = pairs.filter(([a, b]) => a.cpu !== null && b.cpu !== null && b.cpu < a.cpu).length;
  console.log(`[2] faster than [1] in ${faster} of ${pairs.length} pairs (wall), cheaper in ${cheaper} of ${pairs.length} (CPU)`);
}
