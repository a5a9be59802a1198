// npx tsx scripts/bench-profile.ts [--n 10000] [--articles DIR] [--stages]: one cold `digest build` of N
// bench articles (or of DIR's) under `node --cpu-prof` (every thread), and where its CPU time goes: self
// time by source folder or package, and the hottest functions; with --stages, the main thread's hottest
// functions in each stage of the build. Prints tables; writes reports/profile.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { n: { type: "string", default: "10000" }, corpus: { type: "string", default: join(root, "../shared/corpus") }, articles: { type: "string" }, stages: { type: "boolean" }, keep: { type: "boolean" } } });
const work = mkdtempSync(join(tmpdir(), "digest-profile-"));
const articles = values.articles ? resolve(values.articles) : join(work, "articles");
execFileSync(process.execPath, [join(root, "scripts/compile.mjs")], { stdio: "inherit" });
if (!values.articles) execFileSync("/usr/bin/python3", [join(root, "../shared/tools/make-bench-corpus.py"), resolve(values.corpus), articles, values.n], { stdio: "ignore" });
const profiles = join(work, "profiles");
const cwd = join(work, "build");
mkdirSync(cwd);
execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", profiles, join(root, "bin/digest.js"), "build", "--input", articles, "--digests", join(cwd, "digests"), "--output", join(cwd, "site"), "--quiet", "--timings", join(cwd, "timings.json")], {
  cwd,
  stdio: ["ignore", "ignore", "ignore"],
  env: { ...process.env, DIGEST_RUN_SOURCES: "" },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** Microseconds on the monotonic clock. */
  startTime: number;
}
interface Timings {
  stages: Record<string, number>;
  stageEnds?: Record<string, number>;
  origin?: { monotonicUs: number };
}
const timings = JSON.parse(readFileSync(join(cwd, "timings.json"), "utf8")) as Timings;
const byStage = new Map<string, Map<string, number>>();
const placesByStage = new Map<string, Map<string, number>>();

/** Where a function lives: src/<stage>, a package, Node itself, or V8's own entries. */
function place(frame: ProfileNode["callFrame"]): string {
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1]!;
  const src = /\/(?:dist\/)?(src\/[^/]+?)(?:\.js|\.ts|\/)/.exec(frame.url);
  if (src) return src[1]!;
  if (frame.url.startsWith("node:")) return "node internals";
  return frame.url.replace(/^file:\/\//, "").replace(root, "");
}

const byPlace = new Map<string, number>();
const byFunction = new Map<string, number>();
const threads: Array<{ file: string; ms: number }> = [];
// Each stage's end on the profiles' clock (the build's --timings), for the main thread's table by stage.
const stageNames = Object.keys(timings.stages);
const stageEnds = timings.stageEnds && timings.origin ? stageNames.map((s) => timings.origin!.monotonicUs + timings.stageEnds![s]! * 1000) : null;
for (const file of readdirSync(profiles).filter((f) => f.endsWith(".cpuprofile"))) {
  const profile = JSON.parse(readFileSync(join(profiles, file), "utf8")) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  // Node names a profile CPU.<date>.<time>.<pid>.<thread id>.<seq>: thread 0 is the main thread.
  const mainThread = file.split(".")[4] === "0";
  let clock = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    clock += profile.timeDeltas[i] ?? 0;
    const frame = nodes.get(id)!.callFrame;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (frame.functionName === "(idle)") return;
    total += ms;
    const where = place(frame);
    byPlace.set(where, (byPlace.get(where) ?? 0) + ms);
    const fn = `${frame.functionName || "(anonymous)"} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    if (mainThread && stageEnds) {
      const at = stageEnds.findIndex((end) => clock <= end);
      const stage = at < 0 ? "exit" : stageNames[at]!;
      const fns = byStage.get(stage) ?? new Map<string, number>();
      byStage.set(stage, fns.set(fn, (fns.get(fn) ?? 0) + ms));
      const places = placesByStage.get(stage) ?? new Map<string, number>();
      placesByStage.set(stage, places.set(where, (places.get(where) ?? 0) + ms));
    }
  });
  threads.push({ file, ms: total });
}
const all = [...byPlace.values()].reduce((a, b) => a + b, 0);
const top = <K>(m: Map<K, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log(`cold build of ${values.n} articles, CPU profile of ${threads.length} thread(s): ${(all / 1000).toFixed(1)} s sampled (idle excluded)`);
console.log("\nself time by place");
for (const [where, ms] of top(byPlace, 25)) console.log(`  ${where.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s ${((100 * ms) / all).toFixed(1).padStart(5)}%`);
console.log("\nhottest functions (self time)");
for (const [fn, ms] of top(byFunction, 25)) console.log(`  ${(ms / 1000).toFixed(2).padStart(6)} s ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${fn}`);
if (values.stages) {
  if (!stageEnds) console.log("\nthis build's --timings give no stage ends: no table by stage");
  for (const [stage, fns] of byStage) {
    const sum = [...fns.values()].reduce((a, b) => a + b, 0);
    console.log(`\nmain thread, ${stage} (wall ${((timings.stages[stage] ?? 0) / 1000).toFixed(2)} s): ${(sum / 1000).toFixed(2)} s sampled`);
    console.log(`  by place: ${top(placesByStage.get(stage)!, 8).map(([where, ms]) => `${where} ${(ms / 1000).toFixed(2)}`).join(", ")}`);
    for (const [fn, ms] of top(fns, 15)) console.log(`  ${(ms / 1000).toFixed(2).padStart(6)} s ${((100 * ms) / sum).toFixed(1).padStart(5)}%  ${fn}`);
  }
}
mkdirSync(join(root, "reports"), { recursive: true });
writeFileSync(join(root, "reports/profile.json"), `${JSON.stringify({ n: Number(values.n), threads, byPlace: Object.fromEntries(top(byPlace, 60)), byFunction: Object.fromEntries(top(byFunction, 60)), timings }, null, 2)}\n`);
console.log(`\nwrote reports/profile.json${values.keep ? `; profiles kept in ${profiles}` : ""}`);
if (!values.keep) rmSync(work, { recursive: true, force: true });
