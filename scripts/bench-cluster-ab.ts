// npx tsx scripts/bench-cluster-ab.ts --steps FILE --roots A,B [--pairs N] [--no-rows] [--dump DIR]: cold
// clusterings of the articles bench-cluster-steps.ts keeps in FILE, each in a fresh process (as a build runs it
// once), alternating the compiled code of the given checkouts, with an in-memory rows store as a build has
// (--no-rows: none, as bench-cluster-steps). Prints each run's CPU ms per step and the load, then the medians and
// in how many pairs the second checkout's total is lower. --dump DIR: the first run of each checkout writes its
// stories and stored rows to DIR/<n>.txt, and the files are compared. Never part of the tests.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { steps: { type: "string" }, roots: { type: "string" }, pairs: { type: "string", default: "3" }, "no-rows": { type: "boolean" }, dump: { type: "string" } } });
if (!values.steps || !values.roots) throw new Error("--steps FILE and --roots A,B are needed");
const roots = values.roots.split(",").map((r) => resolve(r));
const child = join(import.meta.dirname, "bench-cluster-ab-child.mjs");
const runs: Array<Array<Record<string, number>>> = roots.map(() => []);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (let pair = 0; pair < Number(values.pairs); pair++) {
  const order = pair % 2 ? [...roots.keys()].reverse() : [...roots.keys()];
  for (const i of order) {
    const out = values.dump && pair === 0 ? join(resolve(values.dump), `${i}.txt`) : "-";
    const load = loadavg()[0]!;
    const times = JSON.parse(execFileSync(process.execPath, [child, roots[i]!, resolve(values.steps), out, values["no-rows"] ? "" : "rows"], { encoding: "utf8" })) as Record<string, number>;
    runs[i]!.push(times);
    console.log(`pair ${pair + 1} ${roots[i]}: ${JSON.stringify(times)} load ${load.toFixed(1)}`);
  }
}
for (const [i, root] of roots.entries()) {
  const steps = Object.keys(runs[i]![0]!);
  console.log(`median ${root}: ${steps.map((s) => `${s} ${median(runs[i]!.map((r) => r[s]!))}`).join(", ")}`);
}
if (roots.length === 2) {
  const lower = runs[1]!.filter((r, k) => r.total! < runs[0]![k]!.total!).length;
  console.log(`${roots[1]} lower in total CPU in ${lower} of ${runs[1]!.length} pairs`);
}
if (values.dump && roots.length === 2) {
  const same = readFileSync(join(resolve(values.dump), "0.txt"), "utf8") === readFileSync(join(resolve(values.dump), "1.txt"), "utf8");
  console.log(same ? "stories and stored rows identical" : "stories or stored rows DIFFER");
}
