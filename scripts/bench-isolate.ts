// npx tsx scripts/bench-isolate.ts --roots A,B [--n 2000] [--pairs 6] [--terms DUMP]: what a fresh thread pays, the
// per-article work's first N articles in a fresh process per run, alternating the compiled code (dist/) of two
// checkouts (A B, B A, …). Without --terms: ingest (untimed), then `prepareArticles` on one thread (clean, date,
// terms); with --terms DUMP (the texts `scripts/bench-terms.ts --dump` keeps): `articleTerms` alone, its module's
// load included. Per run, from /proc: CPU of the main thread and of the other threads (V8's optimising compiler
// and GC: what a cold build's two worker isolates each pay again), and the process's; then the medians and the
// per-pair ratio B/A. Never part of the tests.
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { assertCompiled, median } from "./bench-run.ts";

const { values } = parseArgs({ options: { roots: { type: "string" }, n: { type: "string", default: "2000" }, pairs: { type: "string", default: "6" }, terms: { type: "string" } } });
if (!values.roots) throw new Error("--roots A,B is needed");
const roots = values.roots.split(",").map((r) => resolve(r));
if (roots.length !== 2) throw new Error("--roots takes two checkouts");
roots.forEach(assertCompiled);

/** The child: prints { main, other, process } in ms. */
const child = `
import { readFileSync, readdirSync } from "node:fs";
const [root, n, dump] = [process.env.ROOT, Number(process.env.N), process.env.DUMP];
const threads = () => {
  const out = new Map();
  for (const t of readdirSync("/proc/self/task")) {
    const f = readFileSync("/proc/self/task/" + t + "/stat", "utf8").split(") ")[1].split(" ");
    out.set(t, (Number(f[11]) + Number(f[12])) * 10);
  }
  return out;
};
let work;
if (dump) {
  const texts = JSON.parse(readFileSync(dump, "utf8")).slice(0, n);
  work = async () => {
    const { articleTerms } = await import(root + "/dist/src/cluster/mentions.js");
    for (const t of texts) articleTerms(t.title, t.paragraphs);
  };
} else {
  const { ingest } = await import(root + "/dist/src/ingest/index.js");
  const { prepareArticles } = await import(root + "/dist/src/parallel/articles.js");
  const { files } = await ingest(process.env.INPUT);
  work = () => prepareArticles(files.slice(0, n), { zone: "UTC", workers: 0 });
}
const before = threads();
const start = process.cpuUsage();
await work();
const used = process.cpuUsage(start);
await new Promise((r) => setTimeout(r, 300)); // compilations still under way
let main = 0, other = 0;
for (const [t, ms] of threads()) (t === String(process.pid) ? (main += ms - (before.get(t) ?? 0)) : (other += ms - (before.get(t) ?? 0)));
console.log(JSON.stringify({ main, other, process: Math.round((used.user + used.system) / 1000) }));
`;

interface Run {
  main: number;
  other: number;
  process: number;
}
const runs: Run[][] = [[], []];
for (let pair = 0; pair < Number(values.pairs); pair++) {
  for (const i of pair % 2 === 0 ? [0, 1] : [1, 0]) {
    assertCompiled(roots[i]!);
    const env = { ...process.env, ROOT: roots[i], N: values.n, DUMP: values.terms ?? "", INPUT: "/tmp/l10k/articles" };
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", child], { env, encoding: "utf8" });
    const run = JSON.parse(out.trim().split("\n").pop()!) as Run;
    runs[i]!.push(run);
    console.log(`pair ${pair + 1} ${roots[i]}: main thread ${run.main} ms, other threads ${run.other} ms, process ${run.process} ms`);
  }
}
roots.forEach((root, i) => console.log(`${root}: medians main thread ${median(runs[i]!.map((r) => r.main))} ms, other threads ${median(runs[i]!.map((r) => r.other))} ms, process ${median(runs[i]!.map((r) => r.process))} ms`));
const ratios = runs[1]!.map((r, k) => r.process / runs[0]![k]!.process);
console.log(`process CPU B/A per pair: ${ratios.map((r) => r.toFixed(2)).join(" ")}; median ${median(ratios).toFixed(3)}, lower in ${ratios.filter((r) => r < 1).length} of ${ratios.length}`);
