// npx tsx scripts/bench-fresh-clean.ts DIST_A DIST_B [--dir /tmp/l10k] [--n 5000] [--pairs 8]: cleaning in a
// FRESH process, as each thread of a cold build meets it: V8 has compiled nothing yet, so its compiler
// threads' work (first compiles, and again after each deoptimisation) counts beside the cleaning itself.
// Each run is a new `node` that imports DIST/src/clean/index.js and cleans the first N .txt files of DIR
// (read before the clock starts) once; its CPU is the whole process's (every thread) from just before the
// import to the end, and the main thread's alone (Linux, 10 ms ticks). Runs alternate A B, then B A, ...;
// prints each run, the medians per copy, the pairs' ratios A/B and in how many pairs B used less CPU.
// scripts/bench-text-ab.ts measures the steady state (both copies warm in one process) instead.
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { median } from "./bench-run.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { dir: { type: "string", default: "/tmp/l10k" }, n: { type: "string", default: "5000" }, pairs: { type: "string", default: "8" } } });
if (positionals.length !== 2) throw new Error("usage: bench-fresh-clean.ts DIST_A DIST_B [--dir DIR] [--n N] [--pairs P]");
const dists = positionals.map((d) => resolve(d));

// The child: files read first, then the clock, the import and one pass.
const child = `
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const [dist, dir, n] = process.argv.slice(1);
const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().slice(0, Number(n))
  .map((name) => ({ path: name, format: "text", text: readFileSync(join(dir, name), "utf8"), encoding: "utf-8", mtime: new Date(0), url: null }));
const thread = () => { try { const f = readFileSync("/proc/self/task/" + process.pid + "/stat", "utf8").split(") ")[1].split(" "); return (Number(f[11]) + Number(f[12])) * 10; } catch { return NaN; } };
const proc = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const p0 = proc(), t0 = thread();
const { cleanSource } = await import(pathToFileURL(join(dist, "src/clean/index.js")).href);
for (const f of files) { try { cleanSource(f); } catch {} }
console.log(JSON.stringify({ process: proc() - p0, thread: thread() - t0 }));
`;

interface Run {
  process: number;
  thread: number;
}
const runs: Run[][] = [[], []];
const once = (i: number): Run => JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", child, dists[i]!, resolve(values.dir), values.n], { encoding: "utf8" })) as Run;
for (let pair = 0; pair < Number(values.pairs); pair++) {
  const order = pair % 2 === 0 ? [0, 1] : [1, 0];
  const got: Run[] = [];
  for (const i of order) got[i] = once(i);
  runs[0]!.push(got[0]!);
  runs[1]!.push(got[1]!);
  console.log(`pair ${pair + 1}: A ${got[0]!.process.toFixed(0)} ms (thread ${got[0]!.thread}), B ${got[1]!.process.toFixed(0)} ms (thread ${got[1]!.thread}); load ${loadavg()[0]!.toFixed(1)}`);
}
const summary = (key: keyof Run) => {
  const a = runs[0]!.map((r) => r[key]), b = runs[1]!.map((r) => r[key]);
  const ratios = a.map((x, k) => x / b[k]!);
  return `${key}: A ${median([...a]).toFixed(0)} ms, B ${median([...b]).toFixed(0)} ms; A/B median ${median([...ratios]).toFixed(3)}; B lower in ${ratios.filter((r) => r > 1).length} of ${ratios.length}`;
};
console.log(`${values.n} files of ${values.dir}, fresh process each: ${summary("process")}; ${summary("thread")}`);
