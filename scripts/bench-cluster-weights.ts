// npx tsx scripts/bench-cluster-weights.ts DIR [--rounds N] [--day YYYY-MM-DD]: the profiles of a one-new
// clustering (src/cluster/profile.ts buildProfiles) with and without the last build's weights
// (src/cluster/weight-store.ts, on disk as src/cache/cluster-weights.ts keeps them), each in a fresh process
// as a build runs it (V8 has not yet optimised the weighing when the one-new build's few days are weighed).
// DIR is a folder made by ../shared/tools/make-bench-corpus.py whose cleaned and dated articles
// scripts/bench-cluster-steps.ts kept as DIR.steps.v8. The store is made once from all articles but the held
// one (the last of --day D, else the last in path order); each round then runs, alternating, a fresh process
// that builds the profiles of all articles with a copy of that store ("store") and one without ("none"),
// and prints the CPU ms of buildProfiles, how many days were taken, and whether every profile's numbers
// and print are the same. --cold: the store starts empty each round (what keeping every day costs a cold
// build). Never part of the tests.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { deserialize } from "node:v8";
import { createHash } from "node:crypto";
import { buildProfiles, type Profile } from "../src/cluster/profile.ts";
import { dayOrder } from "../src/cluster/candidates.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { spanOf } from "../src/cluster/time.ts";
import { defaultClusterOptions, type WeightStore } from "../src/cluster/index.ts";
import { diskWeights } from "../src/cache/cluster-weights.ts";
import type { DatedArticle } from "../src/types.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: "string", default: "5" }, day: { type: "string" }, cold: { type: "boolean" }, child: { type: "string" }, store: { type: "string" }, without: { type: "boolean" } } });
const dir = resolve(positionals[0] ?? "");
const file = `${dir}.steps.v8`;
if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/bench-cluster-steps.ts ${dir} first`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function profilesOf(articles: DatedArticle[], store: WeightStore | undefined): { cpu: number; digest: string } {
  const order = [...articles].sort((a, b) => (a.path < b.path ? -1 : 1));
  const days = order.map((a) => dayOrNull(spanOf(a.evidence).first));
  const termKeys = new Array<string>(order.length);
  const prints = new Array<string>(order.length);
  const start = process.cpuUsage();
  const made = buildProfiles(order, defaultClusterOptions.keyTerms, false, dayOrder(days), { days, windowDays: defaultClusterOptions.windowDays, minDocuments: 100 }, { termKeys, prints, ...(store ? { weights: store } : {}) });
  const used = process.cpuUsage(start);
  const hash = createHash("sha256");
  const run = (v: { ids: Int32Array; weights?: Float32Array; from: number; to: number }) => {
    hash.update(v.ids.subarray(v.from, v.to));
    if (v.weights) hash.update(v.weights.subarray(v.from, v.to));
  };
  made.forEach((p: Profile, i) => {
    for (const v of [p.words, p.lead, p.title, p.actors, p.keys, p.names, p.leadNames, p.numbers, ...p.sentences]) run(v);
    hash.update(prints[i]!);
  });
  return { cpu: (used.user + used.system) / 1000, digest: hash.digest("hex").slice(0, 16) };
}

const all = (deserialize(readFileSync(file)) as DatedArticle[]).sort((a, b) => (a.path < b.path ? -1 : 1));
let held = all.length - 1;
if (values.day) while (held >= 0 && (all[held]!.evidence.date ?? all[held]!.evidence.pageDate) !== values.day) held--;
if (held < 0) throw new Error(`no article of ${values.day}`);

if (values.child) {
  // One measured build of the profiles, in this fresh process.
  const counted = { taken: 0 };
  const store = values.without ? undefined : diskWeights(values.store!, "bench", (w) => console.error(w));
  const counting: WeightStore | undefined = store && {
    ...store,
    get: (day, key) => {
      const found = store.get(day, key);
      if (found) counted.taken++;
      return found;
    },
  };
  const { cpu, digest } = profilesOf(all, counting);
  console.log(JSON.stringify({ cpu, digest, taken: counted.taken }));
} else {
  const base = mkdtempSync(join(tmpdir(), "bench-weights-"));
  try {
    profilesOf(all.filter((_, i) => i !== held), diskWeights(join(base, "made"), "bench", (w) => console.error(w)));
    const script = new URL(import.meta.url).pathname;
    const runs: Record<"store" | "none", Array<{ cpu: number; digest: string; taken: number }>> = { store: [], none: [] };
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const kind of r % 2 === 0 ? (["none", "store"] as const) : (["store", "none"] as const)) {
        const copy = join(base, `round-${r}`);
        rmSync(copy, { recursive: true, force: true });
        // --cold: an empty store, which the build fills (a cold build's cost of keeping every day).
        if (!values.cold) cpSync(join(base, "made"), copy, { recursive: true });
        const out = execFileSync(process.execPath, [...process.execArgv, script, dir, "--child", "1", "--store", copy, ...(values.day ? ["--day", values.day] : []), ...(kind === "none" ? ["--without"] : [])], { encoding: "utf8" });
        const run = JSON.parse(out.trim().split("\n").pop()!) as { cpu: number; digest: string; taken: number };
        runs[kind].push(run);
        console.log(`round ${r + 1} ${kind}: buildProfiles ${run.cpu.toFixed(0)} ms CPU, days taken ${run.taken}, profiles ${run.digest}`);
      }
    }
    const lower = runs.store.filter((s, k) => s.cpu < runs.none[k]!.cpu).length;
    console.log(`medians: none ${median(runs.none.map((x) => x.cpu)).toFixed(0)} ms, store ${median(runs.store.map((x) => x.cpu)).toFixed(0)} ms (lower in ${lower} of ${runs.store.length} rounds); profiles the same: ${new Set([...runs.none, ...runs.store].map((x) => x.digest)).size === 1}`);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
