// node scripts/profile-idle.mjs DIR: each thread's share of each stage of a cold build profiled by
// `npx tsx scripts/bench-profile.ts --keep` (DIR: the folder it names, with profiles/ and build/timings.json):
// per stage and thread, the sampled ms spent running (JS, native, GC; GC also apart) and idle (waiting on its
// event loop: for the main thread, on a worker's answer, the disk or Pagefind). A thread that has not started
// or has ended in a stage has no row there. The profiler's times are wall times: under load a running thread's
// ms include time it waited for a core, so read shares, not CPU (stop 77, ck77). Never part of the tests.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2];
if (!dir) throw new Error("DIR is needed (bench-profile.ts --keep names it)");
const timings = JSON.parse(readFileSync(join(dir, "build/timings.json"), "utf8"));
const names = Object.keys(timings.stages);
const ends = names.map((n) => timings.origin.monotonicUs + timings.stageEnds[n] * 1000);
const stageOf = (us) => {
  const i = ends.findIndex((end) => us <= end);
  return i < 0 ? "exit" : names[i];
};
// Node names a profile CPU.<date>.<time>.<pid>.<thread id>.<seq>: thread 0 is the main thread.
const files = readdirSync(join(dir, "profiles")).filter((f) => f.endsWith(".cpuprofile")).sort((a, b) => Number(a.split(".")[4]) - Number(b.split(".")[4]));
const rows = new Map(); // stage -> thread -> { run, gc, idle }
for (const file of files) {
  const thread = file.split(".")[4] === "0" ? "main" : `thread ${file.split(".")[4]}`;
  const profile = JSON.parse(readFileSync(join(dir, "profiles", file), "utf8"));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let clock = profile.startTime;
  profile.samples.forEach((id, k) => {
    clock += profile.timeDeltas[k] ?? 0;
    const ms = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    const stage = stageOf(clock);
    const byThread = rows.get(stage) ?? new Map();
    rows.set(stage, byThread);
    const row = byThread.get(thread) ?? { run: 0, gc: 0, idle: 0 };
    byThread.set(thread, row);
    const name = nodes.get(id);
    if (name === "(idle)") row.idle += ms;
    else {
      row.run += ms;
      if (name === "(garbage collector)") row.gc += ms;
    }
  });
}
const f = (x) => x.toFixed(0).padStart(7);
console.log(`${"stage".padEnd(10)} ${"wall ms".padStart(7)}  thread     ${"run ms".padStart(7)} ${"of it GC".padStart(8)} ${"idle ms".padStart(7)}  running share of the stage`);
for (const stage of [...names, "exit"]) {
  // The stage's wall as the main thread's samples span it (the first stage's includes the process's start).
  const main = rows.get(stage)?.get("main");
  const wall = main ? main.run + main.idle : 0;
  for (const [thread, row] of rows.get(stage) ?? []) {
    const share = wall ? `${((100 * row.run) / wall).toFixed(0)}%` : "";
    console.log(`${stage.padEnd(10)} ${f(wall)}  ${thread.padEnd(10)} ${f(row.run)} ${f(row.gc).padStart(8)} ${f(row.idle)}  ${share}`);
  }
}
