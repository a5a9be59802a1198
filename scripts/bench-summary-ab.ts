// npx tsx scripts/bench-summary-ab.ts --roots A,B [--stage summarise|categories] [--mode inproc|fresh] [--passes 3] [--pairs 5]
//   [--dump FILE] [--articles DIR]: the cold build's summaries or story categories alone, the compiled code (dist/) of two
// checkouts compared on the same inputs, every output compared. The inputs (each story's summary job and categorise call
// of a cold build of DIR, default /tmp/l10k/articles) are dumped once to FILE by B's code and read back after.
// - inproc: both checkouts' code in one process, chunks of stories alternated (A B, B A, …), CPU (process.cpuUsage) per
//   checkout per pass and the ratio B/A: the steady state, with the machine's moments shared out evenly.
// - fresh: a fresh process per run, alternating (A B, B A, …): the first pass a build's thread meets (summaries: every other
//   chunk of 16 stories, as one of the two summary threads; categories: all), CPU from /proc of the main thread and of
//   the others (V8's compiler and collector).
// Figures (su42, f807f8e → 9 cuts, one dump of the 10k bench's 3,973 stories, load 9-12): summaries inproc 0.66 / 0.66 /
// 0.65, fresh half-pass main+helpers 2,210-3,530 → 1,610-2,440 ms (5 of 5; helpers 580-920 → 400-620); categories
// inproc 0.90 / 0.69 / 0.69, fresh 730-790 → 630-720 ms (3 of 3). Never part of the tests.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    roots: { type: "string" },
    stage: { type: "string", default: "summarise" },
    mode: { type: "string", default: "inproc" },
    passes: { type: "string", default: "3" },
    pairs: { type: "string", default: "5" },
    dump: { type: "string", default: "/tmp/digest-summary-ab.json" },
    articles: { type: "string", default: "/tmp/l10k/articles" },
    // A change meant to alter the output (su50's same-fact model): count the chunks that differ instead of stopping.
    "allow-changes": { type: "boolean", default: false },
  },
});
if (!values.roots) throw new Error("--roots A,B is needed");
const roots = values.roots.split(",").map((r) => resolve(r));
if (roots.length !== 2) throw new Error("--roots takes two checkouts");
const dump = resolve(values.dump!);

/** Makes the dump: { jobs: SummaryJob[], categories: { articles, exclude }[] } of a cold build. */
const dumper = `
import { writeFileSync } from "node:fs";
const root = process.env.ROOT;
const { ingest } = await import(root + "/dist/src/ingest/index.js");
const { prepareArticles } = await import(root + "/dist/src/parallel/articles.js");
const { runPipeline } = await import(root + "/dist/src/pipeline.js");
const { buildDigest, categoriseArticles } = await import(root + "/dist/src/digest/index.js");
const { paragraphsOf } = await import(root + "/dist/src/text/article-text.js");
const { files } = await ingest(process.env.ARTICLES);
const prepared = await prepareArticles(files, { zone: "UTC" });
const jobs = [];
const result = runPipeline(files, { zone: "UTC", prepared, summarise: (inputs, options) => (jobs.push(options === undefined ? { inputs: inputs() } : { inputs: inputs(), options }), []) });
const categories = [];
buildDigest(result.stories, { zone: "UTC", categorise: (articles, exclude) => (categories.push({ articles: articles.map((a) => ({ path: a.path, paragraphs: paragraphsOf(a) })), exclude: [...exclude] }), categoriseArticles(articles, exclude)) });
writeFileSync(process.env.DUMP, JSON.stringify({ jobs, categories }));
`;

/** Runs one checkout's (fresh) or both checkouts' (inproc) code over the dump; prints JSON lines. */
const runner = `
import { readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
const { jobs, categories } = JSON.parse(readFileSync(process.env.DUMP, "utf8"));
const stage = process.env.STAGE;
const load = async (root) => stage === "summarise" ? (await import(root + "/dist/src/parallel/summary-task.js")).summariseJobs : ((f) => (cs) => cs.map((c) => f(c.articles, c.exclude)))((await import(root + "/dist/src/digest/index.js")).categoriseArticles);
const items = stage === "summarise" ? jobs : categories;
if (process.env.MODE === "fresh") {
  const threads = () => new Map(readdirSync("/proc/self/task").map((t) => { const f = readFileSync("/proc/self/task/" + t + "/stat", "utf8").split(") ")[1].split(" "); return [t, (Number(f[11]) + Number(f[12])) * 10]; }));
  const mine = stage === "summarise" ? items.filter((_, i) => Math.floor(i / 16) % 2 === 0) : items;
  const before = threads();
  const out = (await load(process.env.ROOT))(mine);
  let main = 0, other = 0;
  for (const [t, v] of threads()) { const d = v - (before.get(t) ?? 0); if (t === String(process.pid)) main += d; else other += d; }
  console.log(JSON.stringify({ main, other, hash: createHash("sha256").update(JSON.stringify(out)).digest("hex").slice(0, 12) }));
} else {
  const [a, b] = [await load(process.env.A), await load(process.env.B)];
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const chunk = stage === "summarise" ? 50 : 100;
  for (let p = 0; p < Number(process.env.PASSES); p++) {
    const ms = [0, 0];
    let differ = 0;
    for (let s = 0, c = 0; s < items.length; s += chunk, c++) {
      const part = items.slice(s, s + chunk);
      const outs = [];
      for (const k of c % 2 ? [1, 0] : [0, 1]) { const t = cpu(); outs[k] = JSON.stringify([a, b][k](part)); ms[k] += cpu() - t; }
      if (outs[0] !== outs[1]) {
        if (!process.env.ALLOW_CHANGES) throw new Error("outputs differ in chunk " + c);
        differ++;
      }
    }
    console.log(JSON.stringify({ pass: p + 1, a: Math.round(ms[0]), b: Math.round(ms[1]), ratio: +(ms[1] / ms[0]).toFixed(3), differingChunks: differ, load: readFileSync("/proc/loadavg", "utf8").split(" ")[0] }));
  }
}
`;

const node = (code: string, env: Record<string, string>): string => execFileSync(process.execPath, ["--input-type=module", "-e", code], { env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 24 });
if (!existsSync(dump)) {
  console.log(`dumping the inputs of a cold build of ${values.articles} to ${dump}`);
  node(dumper, { ROOT: roots[1]!, ARTICLES: resolve(values.articles!), DUMP: dump });
}
const env = { DUMP: dump, STAGE: values.stage!, MODE: values.mode!, ...(values["allow-changes"] ? { ALLOW_CHANGES: "1" } : {}) };
if (values.mode === "fresh") {
  for (let p = 1; p <= Number(values.pairs); p++) {
    for (const k of p % 2 ? [0, 1] : [1, 0]) {
      console.log(`pair ${p} ${k ? "B" : "A"} ${roots[k]} load ${loadavg()[0].toFixed(2)}: ${node(runner, { ...env, ROOT: roots[k]! }).trim()}`);
    }
  }
} else process.stdout.write(node(runner, { ...env, A: roots[0]!, B: roots[1]!, PASSES: values.passes! }));
