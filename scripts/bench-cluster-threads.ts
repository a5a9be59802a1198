// npx tsx scripts/bench-cluster-threads.ts FILE [--pairs N] [--root DIR] [--from N]: a cold clustering's
// steps, wall and CPU (every thread's), with the candidate pairs scored on one thread and on two
// (ClusterOptions.pairThreadFrom), each clustering in a fresh process running the compiled code of DIR
// (default this checkout; run `node scripts/compile.mjs` first), alternating which goes first. FILE: the
// articles with their terms as `scripts/bench-cluster-steps.ts --cache FILE` keeps them. `--from N`: the
// two-thread runs' pairThreadFrom (default: the code's own). Prints each run and the medians per step.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import type { DatedArticle } from "../src/types.ts";
import type { ClusterOptions, ClusterStep } from "../src/cluster/index.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pairs: { type: "string", default: "3" }, root: { type: "string" }, from: { type: "string" }, child: { type: "string" } },
});
const file = resolve(positionals[0] ?? "");
const root = resolve(values.root ?? ".");

interface Run {
  steps: Record<string, { wall: number; cpu: number; main: number }>;
  wall: number;
  cpu: number;
  onThread: number;
  stories: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** This thread's CPU alone (clock ticks of 10 ms). */
const mainMs = () => {
  const fields = readFileSync("/proc/thread-self/stat", "utf8").split(") ")[1]!.split(" ");
  return 10 * (Number(fields[11]) + Number(fields[12]));
};

if (values.child) {
  const articles = deserialize(readFileSync(file)) as DatedArticle[];
  const { clusterArticles, defaultClusterOptions } = (await import(pathToFileURL(`${root}/dist/src/cluster/index.js`).href)) as typeof import("../src/cluster/index.ts");
  const from = values.child === "one" ? Infinity : values.from === undefined ? undefined : Number(values.from);
  const steps: Run["steps"] = {};
  const pairStats = { reused: 0, scored: 0, onThread: 0 };
  const start = { wall: performance.now(), cpu: cpuMs(), main: mainMs() };
  let mark = { ...start };
  const onStep = (step: ClusterStep) => {
    const now = { wall: performance.now(), cpu: cpuMs(), main: mainMs() };
    steps[step] = { wall: now.wall - mark.wall, cpu: now.cpu - mark.cpu, main: now.main - mark.main };
    mark = now;
  };
  const options: ClusterOptions = { ...defaultClusterOptions, releaseTerms: true, onStep, pairStats, ...(from === undefined ? {} : { pairThreadFrom: from }) };
  const stories = clusterArticles(articles, options).length;
  const run: Run = { steps, wall: performance.now() - start.wall, cpu: cpuMs() - start.cpu, onThread: pairStats.onThread, stories };
  console.log(JSON.stringify(run));
} else {
  const runs: Record<"one" | "two", Run[]> = { one: [], two: [] };
  const child = (mode: "one" | "two"): Run => {
    const args = [...process.execArgv, process.argv[1]!, file, "--root", root, "--child", mode, ...(values.from ? ["--from", values.from] : [])];
    return JSON.parse(execFileSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 24 }).trim().split("\n").pop()!) as Run;
  };
  const load = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0];
  for (let p = 0; p < Number(values.pairs); p++) {
    const order: Array<"one" | "two"> = p % 2 === 0 ? ["one", "two"] : ["two", "one"];
    for (const mode of order) {
      const at = load();
      const run = child(mode);
      runs[mode].push(run);
      const steps = Object.entries(run.steps).map(([s, t]) => `${s} ${t.wall.toFixed(0)}/${t.cpu.toFixed(0)}/${t.main.toFixed(0)}`);
      console.log(`pair ${p + 1} ${mode} (load ${at}): wall ${run.wall.toFixed(0)} ms, CPU ${run.cpu.toFixed(0)}; ${steps.join(", ")} (wall/CPU/this thread's CPU ms); pairs on the thread ${run.onThread}; ${run.stories} stories`);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const lower = (pick: (r: Run) => number) => runs.two.filter((r, k) => pick(r) < pick(runs.one[k]!)).length;
  for (const [label, pick] of [
    ["clustering wall", (r: Run) => r.wall],
    ["clustering CPU", (r: Run) => r.cpu],
    ["pairs wall", (r: Run) => r.steps.pairs!.wall],
    ["pairs CPU", (r: Run) => r.steps.pairs!.cpu],
    ["pairs main CPU", (r: Run) => r.steps.pairs!.main],
    ["profiles wall", (r: Run) => r.steps.profiles!.wall],
    ["profiles CPU", (r: Run) => r.steps.profiles!.cpu],
  ] as const) {
    console.log(`${label.padEnd(16)} one thread ${median(runs.one.map(pick)).toFixed(0).padStart(5)}  two ${median(runs.two.map(pick)).toFixed(0).padStart(5)}  (two lower in ${lower(pick)} of ${runs.two.length})`);
  }
}
