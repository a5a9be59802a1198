// npx tsx scripts/bench-idle.ts --articles DIR [--roots A,B] [--runs R]: cold `digest build`s of DIR's
// articles in fresh folders, with every thread of the build (and its Pagefind) sampled from /proc every
// few milliseconds, to see where a core stands idle. A thread in state R wants a core whether or not it
// has one, so "runnable" counts demand even on a loaded machine; "idle core-s" is the time a 2-core machine
// would have a core with nothing of the build to run (2 minus the runnable threads, summed over time).
// Per stage (the build's `--timings` stage ends): wall, CPU of the process and of Pagefind, the busiest
// threads' CPU, the mean runnable threads, the idle core-seconds, and "2-core s": the stage's length on an
// otherwise idle machine as these samples suggest it (each interval's CPU over the cores its runnable
// threads could have used, at most 2: a loaded machine slows every runnable thread alike; time spent
// waiting on the disk is left out). A rough figure: it takes a thread's CPU seconds for the same work at
// any load, and on this machine they grow with the load, and more with more of the build's threads
// running at once (the two Pagefind processes of stop 33 looked faster by it at load 9-22, not at load
// 1-5). --roots runs R rounds of the given checkouts' compiled builds in turn
// (a base worktree and this one). Never part of the tests.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { articles: { type: "string" }, roots: { type: "string", default: resolve(import.meta.dirname, "..") }, runs: { type: "string", default: "1" }, every: { type: "string", default: "20" }, timeline: { type: "string" }, cores: { type: "string", default: "2" } } });
if (!values.articles) throw new Error("--articles DIR is needed (a bench corpus: make-bench-corpus.py, or bench --keep)");
// A bucket that is not a positive number of milliseconds would print the timeline's first line for ever.
if (values.timeline !== undefined && !(Number(values.timeline) > 0)) throw new Error(`--timeline takes the buckets' length in milliseconds, not ${values.timeline}`);
const articles = resolve(values.articles);
const roots = values.roots.split(",").map((r) => resolve(r));
const every = Number(values.every);
const cores = Number(values.cores);
const TICK_MS = 10; // clock ticks of /proc/*/stat: 100 a second on Linux

interface Task {
  tid: number;
  state: string;
  cpuMs: number;
}

/** The tasks (threads) of a process, each with its state and CPU so far. */
function tasksOf(pid: number): Task[] {
  const out: Task[] = [];
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ");
      out.push({ tid: Number(tid), state: fields[0]!, cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(" ").filter(Boolean)) out.push(Number(child));
  } catch {
    // gone
  }
  return out;
}

interface Timings {
  stages: Record<string, number>;
  /** Milliseconds since the process started. */
  stageEnds: Record<string, number>;
  origin: { epochMs: number; monotonicUs: number };
}

interface Sample {
  at: number;
  /** tid → CPU ms; pagefind's threads under negative ids. */
  cpu: Map<number, number>;
  runnable: number;
  runnableSearch: number;
  /** Whether the build's main thread was runnable. */
  mainRunnable: boolean;
}

async function coldRun(root: string, cwd: string): Promise<{ samples: Sample[]; timings: Timings; wall: number }> {
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  const timingsFile = join(cwd, "timings.json");
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, "bin/digest.js"), "build", "--input", articles, "--digests", join(cwd, "digests"), "--output", join(cwd, "site"), "--quiet", "--timings", timingsFile], { cwd, stdio: "ignore", env: { ...process.env, DIGEST_RUN_SOURCES: "" } });
  const samples: Sample[] = [];
  let done = false;
  const exited = new Promise<number | null>((res) => child.on("exit", (code) => ((done = true), res(code))));
  while (!done) {
    const at = Date.now();
    const cpu = new Map<number, number>();
    let runnable = 0;
    let runnableSearch = 0;
    let mainRunnable = false;
    for (const t of tasksOf(child.pid!)) {
      cpu.set(t.tid, t.cpuMs);
      if (t.state === "R") runnable++;
      if (t.state === "R" && t.tid === child.pid) mainRunnable = true;
    }
    for (const pid of childrenOf(child.pid!)) {
      for (const t of tasksOf(pid)) {
        cpu.set(-t.tid, t.cpuMs);
        if (t.state === "R") runnableSearch++;
      }
    }
    samples.push({ at, cpu, runnable, runnableSearch, mainRunnable });
    await new Promise((r) => setTimeout(r, every));
  }
  const code = await exited;
  if (code !== 0) throw new Error(`the build failed (exit ${code})`);
  const timings = JSON.parse(readFileSync(timingsFile, "utf8")) as Timings;
  if (!timings.stageEnds) throw new Error(`${root}'s build writes no stageEnds in its timings`);
  return { samples, timings, wall: (Date.now() - started) / 1000 };
}

const f = (x: number, d = 2) => x.toFixed(d);
const estimates = roots.map((): number[] => []);
for (let r = 0; r < Number(values.runs) * roots.length; r++) {
  const which = r % roots.length;
  const root = roots[which]!;
  const loadBefore = loadavg()[0]!;
  const cwd = join(articles, "..", `idle-${process.pid}-${r}`);
  const { samples, timings, wall } = await coldRun(root, cwd);
  rmSync(cwd, { recursive: true, force: true });
  const stages = Object.keys(timings.stages);
  const ends = stages.map((s) => timings.origin.epochMs + timings.stageEnds[s]!);
  const stageOf = (at: number) => {
    const i = ends.findIndex((end) => at <= end);
    return i < 0 ? "exit" : stages[i]!;
  };
  // Per stage: what each interval between samples adds (CPU by thread, runnable-time, idle core-time).
  const rows = new Map<string, { wall: number; cpu: Map<number, number>; runnable: number; idle: number; quiet: number }>();
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const dt = b.at - a.at;
    const stage = at(stageOf((a.at + b.at) / 2));
    stage.wall += dt;
    const demand = a.runnable + a.runnableSearch;
    stage.runnable += demand * dt;
    stage.idle += Math.max(0, cores - demand) * dt;
    let used = 0;
    for (const [tid, ms] of b.cpu) {
      const add = ms - (a.cpu.get(tid) ?? (tid < 0 ? 0 : ms));
      used += add;
      stage.cpu.set(tid, (stage.cpu.get(tid) ?? 0) + add);
    }
    stage.quiet += used / Math.max(1, Math.min(cores, demand));
  }
  function at(stage: string) {
    let row = rows.get(stage);
    if (!row) rows.set(stage, (row = { wall: 0, cpu: new Map(), runnable: 0, idle: 0, quiet: 0 }));
    return row;
  }
  const main = samples.find((s) => s.cpu.size > 0) ? Math.min(...[...samples.find((s) => s.cpu.size > 0)!.cpu.keys()].filter((t) => t > 0)) : 0;
  console.log(`\ncold build of ${articles} by ${root}: ${f(wall, 1)} s wall, ${samples.length} samples every ${every} ms, load ${f(loadBefore)} → ${f(loadavg()[0]!)}`);
  console.log(`${"stage".padEnd(10)} ${"wall s".padStart(7)} ${"CPU s".padStart(7)} ${"main".padStart(6)} ${"others".padStart(7)} ${"search".padStart(7)} ${"runnable".padStart(9)} ${"idle core-s".padStart(12)} ${"2-core s".padStart(9)}  busiest other threads (CPU s)`);
  let idleAll = 0;
  let quietAll = 0;
  for (const stage of [...stages, "exit"]) {
    const row = rows.get(stage);
    if (!row) continue;
    let cpu = 0;
    let search = 0;
    for (const [tid, ms] of row.cpu) (tid < 0 ? (search += ms) : (cpu += ms));
    const mainMs = row.cpu.get(main) ?? 0;
    const others = [...row.cpu].filter(([tid, ms]) => tid > 0 && tid !== main && ms >= 100).sort((x, y) => y[1] - x[1]).slice(0, 4).map(([, ms]) => f(ms / 1000, 1));
    idleAll += row.idle;
    quietAll += row.quiet;
    console.log(`${stage.padEnd(10)} ${f(row.wall / 1000).padStart(7)} ${f(cpu / 1000).padStart(7)} ${f(mainMs / 1000).padStart(6)} ${f((cpu - mainMs) / 1000).padStart(7)} ${f(search / 1000).padStart(7)} ${f(row.runnable / row.wall).padStart(9)} ${f(row.idle / 1000).padStart(12)} ${f(row.quiet / 1000).padStart(9)}  ${others.join(" ")}`);
  }
  console.log(`idle core-seconds in all: ${f(idleAll / 1000)}; 2-core estimate of the build: ${f(quietAll / 1000)} s`);
  estimates[which]!.push(quietAll / 1000);
  if (values.timeline) {
    // Per bucket: the stage, and the mean runnable threads: main, the build's others, Pagefind's.
    const bucket = Number(values.timeline);
    const t0 = samples[0]!.at;
    console.log(`timeline, ${bucket} ms buckets: seconds, stage, main runnable share, other threads runnable, Pagefind runnable`);
    for (let from = 0; from < samples.length; ) {
      const start = samples[from]!.at;
      let to = from;
      while (to < samples.length && samples[to]!.at < start + bucket) to++;
      const part = samples.slice(from, to);
      const mean = (pick: (s: Sample) => number) => part.reduce((a, s) => a + pick(s), 0) / part.length;
      console.log(`${f((start - t0) / 1000, 1).padStart(6)} ${stageOf(start).padEnd(10)} ${f(mean((s) => (s.mainRunnable ? 1 : 0)), 1)} ${f(mean((s) => s.runnable - (s.mainRunnable ? 1 : 0)), 1)} ${f(mean((s) => s.runnableSearch), 1)}`);
      from = to;
    }
  }
}
if (roots.length > 1) roots.forEach((root, i) => console.log(`${root}: 2-core estimates ${estimates[i]!.map((x) => f(x)).join(", ")} s`));
