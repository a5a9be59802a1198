// node scripts/profile-stage.mjs DIR STAGE [--min MS] [--match REGEX]...: the main thread's call tree in one
// stage of a cold build profiled by `npx tsx scripts/bench-profile.ts --keep` (DIR: the folder it names, with
// profiles/ and build/timings.json), each frame with its inclusive and self ms (frames of at least --min ms,
// default 15); STAGE "all" for the whole thread, "thread N" for worker thread N. With --match, instead, the
// stage's ms under any frame whose function name and file match each REGEX (--match writeFeeds --match @11ty).
// node scripts/profile-stage.mjs --heap FILE [--under NAME]: an allocation profile written by
// scripts/alloc-profile.cjs, by function (inclusive and self MB; --under: only stacks through NAME).
// Never part of the tests.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { min: { type: "string", default: "15" }, match: { type: "string", multiple: true }, heap: { type: "string" }, under: { type: "string" } } });
const label = (f) => `${f.functionName || "(anonymous)"} ${f.url.replace(/.*\/(node_modules\/)?/, "")}${f.url ? `:${f.lineNumber + 1}` : ""}`;

if (values.heap) {
  const profile = JSON.parse(readFileSync(values.heap, "utf8"));
  const inclusive = new Map();
  const own = new Map();
  let total = 0;
  const walk = (node, stack) => {
    const at = [...stack, label(node.callFrame)];
    if (node.selfSize && (!values.under || at.some((l) => l.startsWith(`${values.under} `)))) {
      total += node.selfSize;
      own.set(at.at(-1), (own.get(at.at(-1)) ?? 0) + node.selfSize);
      for (const l of new Set(at)) inclusive.set(l, (inclusive.get(l) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, at);
  };
  walk(profile.head, []);
  const mb = (b) => (b / 1048576).toFixed(1).padStart(8);
  console.log(`${mb(total)} MB allocated (sampled)${values.under ? ` under ${values.under}` : ""}\ninclusive`);
  for (const [l, b] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`${mb(b)}  ${l}`);
  console.log("self");
  for (const [l, b] of [...own].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${mb(b)}  ${l}`);
  process.exit(0);
}

const [dir, stage] = positionals;
if (!dir || !stage) throw new Error("DIR and STAGE are needed");
const timings = JSON.parse(readFileSync(join(dir, "build/timings.json"), "utf8"));
const files = readdirSync(join(dir, "profiles")).filter((f) => f.endsWith(".cpuprofile"));
// Node names a profile CPU.<date>.<time>.<pid>.<thread id>.<seq>: thread 0 is the main thread.
const thread = stage.startsWith("thread ") ? stage.slice(7) : "0";
const file = files.find((f) => f.split(".")[4] === thread);
if (!file) throw new Error(`no profile of thread ${thread} in ${dir}/profiles`);
const profile = JSON.parse(readFileSync(join(dir, "profiles", file), "utf8"));
const names = Object.keys(timings.stages);
const at = names.indexOf(stage);
if (thread === "0" && stage !== "all" && at < 0) throw new Error(`no stage ${stage}: ${names.join(", ")}`);
const toUs = (name) => timings.origin.monotonicUs + timings.stageEnds[name] * 1000;
const [from, to] = at < 0 ? [-Infinity, Infinity] : [at > 0 ? toUs(names[at - 1]) : -Infinity, toUs(stage)];

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfMs = new Map();
let clock = profile.startTime;
profile.samples.forEach((id, k) => {
  clock += profile.timeDeltas[k] ?? 0;
  if (clock > from && clock <= to) selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
});
const isIdle = (id) => nodes.get(id).callFrame.functionName === "(idle)";
const busy = [...selfMs].filter(([id]) => !isIdle(id)).reduce((sum, [, ms]) => sum + ms, 0);
console.log(`${stage} (thread ${thread}): ${busy.toFixed(0)} ms sampled, idle excluded`);

if (values.match) {
  const sums = values.match.map(() => 0);
  for (const [id, ms] of selfMs) {
    if (isIdle(id)) continue;
    const frames = [];
    for (let x = id; x !== undefined; x = parent.get(x)) frames.push(`${nodes.get(x).callFrame.functionName} ${nodes.get(x).callFrame.url}`);
    values.match.forEach((re, j) => {
      if (frames.some((f) => new RegExp(re).test(f))) sums[j] += ms;
    });
  }
  values.match.forEach((re, j) => console.log(`${sums[j].toFixed(0).padStart(7)}  ${re}`));
} else {
  const inclusive = new Map();
  const total = (id) => {
    if (!inclusive.has(id)) inclusive.set(id, (selfMs.get(id) ?? 0) + (nodes.get(id).children ?? []).reduce((sum, c) => sum + total(c), 0));
    return inclusive.get(id);
  };
  const min = Number(values.min);
  const walk = (id, depth) => {
    if (total(id) < min) return;
    console.log(`${"  ".repeat(depth)}${total(id).toFixed(0)} (self ${(selfMs.get(id) ?? 0).toFixed(0)}) ${label(nodes.get(id).callFrame)}`);
    for (const c of [...(nodes.get(id).children ?? [])].sort((a, b) => total(b) - total(a))) walk(c, depth + 1);
  };
  walk(profile.nodes[0].id, 0);
}
