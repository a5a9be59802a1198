// npx tsx scripts/bench-one-new.ts --articles DIR --extra FILE --roots A,B [--pairs N] [--profile] [--work DIR]:
// alternating incremental builds of the compiled code of the given checkouts (a base worktree and this
// one), each in a working folder of its own made once by a cold and an unchanged build of DIR. Per pair and
// checkout, two builds: "new" (FILE added to DIR, the site folder an earlier swap put aside removed first,
// as in `npm run bench`'s one-new build) and "after" (FILE removed again: the build takes the folder the
// last swap put aside). Per build: wall, CPU (GNU time: the process, its threads and Pagefind), the load,
// the site stage's wall and CPU and its phases, and the CPU of the stages before it (ingest, articles, cluster, summarise, digest). --profile runs the builds under `node --cpu-prof` and
// prints the main thread's hottest functions in the site stage (--stage S: in stage S, e.g. cluster; the times
// then are the profiler's).
// --compare: after each kind of build, `diff -r` of the checkouts' digests and sites (same articles, same
// sequence of builds: the same bytes). DIR is changed (FILE comes and goes): give a private copy.
// --undated-every K: the builds read a copy of DIR (under the work folder) in which the first article and every
// K-th after it lost its `date` line (scripts/bench-run.ts undateEvery: dated from mixed evidence, so the copy
// step compares; FILE as it is). Never part of the tests.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measure, median, undateEvery } from "./bench-run.ts";

const { values } = parseArgs({ options: { articles: { type: "string" }, extra: { type: "string" }, roots: { type: "string" }, pairs: { type: "string", default: "3" }, work: { type: "string" }, profile: { type: "boolean" }, stage: { type: "string", default: "site" }, compare: { type: "boolean" }, "undated-every": { type: "string" } } });
if (!values.articles || !values.extra || !values.roots) throw new Error("--articles DIR, --extra FILE and --roots A,B are needed");
const given = resolve(values.articles);
const extra = resolve(values.extra);
const roots = values.roots.split(",").map((r) => resolve(r));
const work = resolve(values.work ?? join(given, "..", "one-new-runs"));
const mixed = values["undated-every"] ? undateEvery(given, Number(values["undated-every"]), join(work, `undated-every-${values["undated-every"]}`)) : null;
if (mixed) console.log(`${mixed.undated} articles without their date line, in ${mixed.dir}`);
const articles = mixed?.dir ?? given;
const added = join(articles, basename(extra));
const env = { ...process.env, DIGEST_RUN_SOURCES: "" };

interface SiteMs {
  plan: number;
  eleventy: number;
  search: number;
  alongside: number;
}
interface Run {
  wall: number;
  cpu: number | null;
  load: number;
  siteWall: number;
  siteCpu: number;
  siteMs: SiteMs | null;
  planCpu: number | null;
  /** Pagefind's own CPU (its process), s. */
  searchCpu: number | null;
  folders: { known: number; read: number } | null;
  stages: Record<string, number>;
  stageCpu: Record<string, number>;
}

const f = (x: number | null | undefined, d = 2) => (x === null || x === undefined ? "-" : x.toFixed(d));

async function build(i: number, label: string): Promise<Run> {
  const cwd = join(work, String(i + 1));
  const timings = join(cwd, `timings-${label}.json`);
  const profiles = join(cwd, `prof-${label}`);
  rmSync(profiles, { recursive: true, force: true });
  const prof = values.profile && label !== "setup" ? ["--cpu-prof", "--cpu-prof-dir", profiles] : [];
  const load = loadavg()[0]!;
  const m = await measure(process.execPath, [...prof, join(roots[i]!, "bin/digest.js"), "build", "--input", articles, "--digests", join(cwd, "digests"), "--output", join(cwd, "site"), "--quiet", "--timings", timings], { cwd, env });
  const t = JSON.parse(readFileSync(timings, "utf8")) as { stages: Record<string, number>; stageCpuMs: Record<string, number>; stageEnds?: Record<string, number>; origin?: { monotonicUs: number }; site: { ms: SiteMs; planCpuMs?: number; searchCpuMs?: number | null; folders?: { known: number; read: number } } | null };
  if (prof.length) printProfile(profiles, t);
  return { wall: m.wall, cpu: m.cpu, load, siteWall: (t.stages.site ?? 0) / 1000, siteCpu: (t.stageCpuMs.site ?? 0) / 1000, siteMs: t.site?.ms ?? null, planCpu: t.site?.planCpuMs === undefined ? null : t.site.planCpuMs / 1000, searchCpu: typeof t.site?.searchCpuMs === "number" ? t.site.searchCpuMs / 1000 : null, folders: t.site?.folders ?? null, stages: t.stages, stageCpu: t.stageCpuMs };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The main thread's chosen stage (--stage): self time of the hottest functions, and total time under the stage's own steps. */
function printProfile(dir: string, t: { stages: Record<string, number>; stageEnds?: Record<string, number>; origin?: { monotonicUs: number } }): void {
  if (!t.stageEnds || !t.origin) return;
  const names = Object.keys(t.stages);
  const stage = values.stage!;
  const at = names.indexOf(stage);
  if (at < 0) return;
  const end = t.origin.monotonicUs + t.stageEnds[stage]! * 1000;
  const start = t.origin.monotonicUs + t.stageEnds[names[at - 1]!]! * 1000;
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile") && name.split(".")[4] === "0");
  if (!file) return;
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = stage === "site" ? /\/src\/(site|output)\// : new RegExp(`/src/(${stage}|cache)/`);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let clock = profile.startTime;
  let sum = 0;
  profile.samples.forEach((id, k) => {
    clock += profile.timeDeltas[k] ?? 0;
    if (clock < start || clock > end) return;
    const ms = (profile.timeDeltas[k] ?? 0) / 1000;
    const frame = nodes.get(id)!.callFrame;
    if (frame.functionName === "(idle)") return;
    sum += ms;
    const name = (fr: ProfileNode["callFrame"]) => `${fr.functionName || "(anonymous)"} ${fr.url.replace(/^.*\/(dist\/)?(src|node_modules)\//, "$2/")}:${fr.lineNumber + 1}`;
    self.set(name(frame), (self.get(name(frame)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const fr = nodes.get(n)!.callFrame;
      if (!own.test(fr.url)) continue;
      const key = name(fr);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log(`  profile, main thread, ${stage} stage: ${f(sum, 0)} ms sampled`);
  console.log(`   total under ${own.source}: ${top(total, 40).map(([fn, ms]) => `${fn} ${f(ms, 0)}`).join("; ")}`);
  console.log(`   self: ${top(self, 20).map(([fn, ms]) => `${fn} ${f(ms, 0)}`).join("; ")}`);
}

/** Whether every checkout's digests and site hold the same bytes as the first one's (`diff -r`). */
const compare = (label: string) => {
  for (let i = 1; i < roots.length; i++) {
    for (const sub of ["digests", "site"]) {
      try {
        execFileSync("diff", ["-r", "-q", join(work, "1", sub), join(work, String(i + 1), sub)], { stdio: "pipe" });
      } catch (error) {
        const out = String((error as { stdout?: Buffer }).stdout ?? error).split("\n").slice(0, 5).join("\n");
        console.log(`  ${label}: ${sub} of [1] and [${i + 1}] differ:\n${out}`);
        process.exitCode = 1;
        continue;
      }
      console.log(`  ${label}: ${sub} of [1] and [${i + 1}] the same`);
    }
  }
};

const dropOldFolders = (i: number) => {
  const cwd = join(work, String(i + 1));
  for (const name of readdirSync(cwd)) if (name.startsWith(".site.digest-old-")) rmSync(join(cwd, name), { recursive: true, force: true });
};

rmSync(added, { force: true });
for (let i = 0; i < roots.length; i++) {
  const cwd = join(work, String(i + 1));
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  await build(i, "setup");
  await build(i, "setup");
}
const kinds = ["new", "after"] as const;
// The stages before the site whose CPU the pairs compare (the build's --timings stageCpuMs).
const EARLY = ["ingest", "articles", "cluster", "summarise", "digest"];
const runs = roots.map(() => ({ new: [] as Run[], after: [] as Run[] }));
const show = (r: Run) =>
  `wall ${f(r.wall)} s, CPU ${f(r.cpu)} s, load ${f(r.load)}; site ${f(r.siteWall)} s (CPU ${f(r.siteCpu)}; plan ${f((r.siteMs?.plan ?? 0) / 1000)}, CPU ${f(r.planCpu)}${r.folders ? `, folders known ${r.folders.known} read ${r.folders.read}` : ""}; eleventy ${f((r.siteMs?.eleventy ?? 0) / 1000)}, search ${f((r.siteMs?.search ?? 0) / 1000)} (alongside ${f((r.siteMs?.alongside ?? 0) / 1000)}, Pagefind CPU ${f(r.searchCpu)})); CPU by stage ${EARLY.map((s) => `${s} ${f((r.stageCpu[s] ?? 0) / 1000)}`).join(", ")}`;
try {
  for (let pair = 1; pair <= Number(values.pairs); pair++) {
    const order = pair % 2 ? roots.map((_, i) => i) : roots.map((_, i) => roots.length - 1 - i);
    copyFileSync(extra, added);
    for (const i of order) {
      dropOldFolders(i);
      const run = await build(i, "new");
      runs[i]!.new.push(run);
      console.log(`pair ${pair} new   [${i + 1}]: ${show(run)}`);
    }
    if (values.compare) compare(`pair ${pair} new`);
    rmSync(added);
    for (const i of order) {
      const run = await build(i, "after");
      runs[i]!.after.push(run);
      console.log(`pair ${pair} after [${i + 1}]: ${show(run)}`);
    }
    if (values.compare) compare(`pair ${pair} after`);
  }
} finally {
  if (existsSync(added)) rmSync(added);
}
console.log("\nmedians");
for (const kind of kinds) {
  roots.forEach((root, i) => {
    const rs = runs[i]![kind];
    const med = (pick: (r: Run) => number | null) => median(rs.map(pick).filter((x): x is number => x !== null));
    console.log(`${kind.padEnd(5)} [${i + 1}] ${root}: wall ${f(med((r) => r.wall))} s, CPU ${f(med((r) => r.cpu))} s, site ${f(med((r) => r.siteWall))} s (CPU ${f(med((r) => r.siteCpu))}, plan ${f(med((r) => (r.siteMs?.plan ?? 0) / 1000))}, CPU ${f(med((r) => r.planCpu))})`);
  });
  if (roots.length === 2) {
    const pairs = runs[0]![kind].map((a, k) => [a, runs[1]![kind][k]!] as const);
    const count = (better: (a: Run, b: Run) => boolean) => pairs.filter(([a, b]) => better(a, b)).length;
    for (const stage of EARLY) console.log(`${kind}: ${stage} CPU [2] below [1] in ${count((a, b) => (b.stageCpu[stage] ?? 0) < (a.stageCpu[stage] ?? 0))} of ${pairs.length} pairs, medians ${f(median(runs[0]![kind].map((r) => (r.stageCpu[stage] ?? 0) / 1000)))} / ${f(median(runs[1]![kind].map((r) => (r.stageCpu[stage] ?? 0) / 1000)))} s`);
    // What the stage waited for Pagefind once its own work beside it (the feeds, digests and report) was done.
    const wait = (r: Run) => Math.max(0, (r.siteMs?.search ?? 0) - (r.siteMs?.alongside ?? 0)) / 1000;
    console.log(`${kind}: the site stage's wait for Pagefind after its own work, [2] below [1] in ${count((a, b) => wait(b) < wait(a))} of ${pairs.length} pairs, medians ${f(median(runs[0]![kind].map(wait)))} / ${f(median(runs[1]![kind].map(wait)))} s`);
    console.log(`${kind}: [2] below [1] in ${count((a, b) => b.siteWall < a.siteWall)} of ${pairs.length} pairs (site wall), ${count((a, b) => a.planCpu !== null && b.planCpu !== null && b.planCpu < a.planCpu)} (site plan CPU), ${count((a, b) => b.siteCpu < a.siteCpu)} (site CPU), ${count((a, b) => b.wall < a.wall)} (build wall), ${count((a, b) => a.cpu !== null && b.cpu !== null && b.cpu < a.cpu)} (build CPU)`);
  }
}
