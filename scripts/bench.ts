// npm run bench [-- --n 10000 --runs 3]: Digest's real `digest build` on N distinct articles
// (../shared/tools/make-bench-corpus.py), cold in a fresh working folder, unchanged, and after one new
// article; Hugo and bare Eleventy rendering the same articles as ready pages in the same run; the
// single-stage rates on one core. Prints tables, writes reports/bench.json. Never part of the tests.
//
//   --n N           articles (default 1000)          --runs R      rounds, medians over them (default 3)
//   --no-peers      skip Hugo and Eleventy           --no-stages   skip the one-core stage rates
//   --heap-mb M     cap Digest's heap (a run that would eat the shared machine fails instead)
//   --timeout S     give up on one build after S seconds (default 1800)
//   --keep          keep the working folders (printed)
//   --check         also build the N + 1 articles cold in a fresh folder, and check that the one-new-article
//                   build wrote the same bytes (digests, site, feeds, report)
//   --undated-every K  the first article and every K-th after it without its `date` line (dated by its file's
//                   time): articles dated from mixed evidence, which the copy step compares (src/pipeline/copies.ts)
//   --stub-cluster  replace the clustering by a trivial one (scripts/bench-stub): measures the rest of the
//                   build at sizes where clustering is the bottleneck; the output is not Digest's
//   -h, --help      print this header
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { measure, median, RunFailed, undateEvery, type Measured } from "./bench-run.ts";
import { eleventyConfig, hugoAvailable, hugoSite, pagesIn, runEleventy, runHugo } from "./bench-peers.ts";
import { stageRates, type StageRate, type StageRates } from "./bench-stages.ts";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    n: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    corpus: { type: "string", default: join(root, "../shared/corpus") },
    "no-peers": { type: "boolean" },
    "no-stages": { type: "boolean" },
    "heap-mb": { type: "string" },
    timeout: { type: "string", default: "1800" },
    keep: { type: "boolean" },
    check: { type: "boolean" },
    "stub-cluster": { type: "boolean" },
    "undated-every": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  // This file's opening comment is its usage.
  const header = readFileSync(new URL(import.meta.url), "utf8").split("\n");
  process.stdout.write(`${header.slice(0, header.findIndex((line) => !line.startsWith("//"))).map((line) => line.replace(/^\/\/ ?/, "")).join("\n")}\n`);
  process.exit(0);
}
const n = Number(values.n);
const runs = Number(values.runs);
const corpus = resolve(values.corpus);
const timeoutMs = Number(values.timeout) * 1000;

// The command runs the compiled code: bring dist/ up to date, and never let the tests' switch leak in.
execFileSync(process.execPath, [join(root, "scripts/compile.mjs")], { stdio: "inherit" });
const env: NodeJS.ProcessEnv = { ...process.env, DIGEST_RUN_SOURCES: "" };
if (values["heap-mb"]) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ""} --max-old-space-size=${Number(values["heap-mb"])}`.trim();

const load = () => loadavg().map((l) => Number(l.toFixed(2)));
const loadBefore = load();
const work = mkdtempSync(join(tmpdir(), "digest-bench-"));
const articles = join(work, "articles");
const generator = join(root, "../shared/tools/make-bench-corpus.py");
// N + 1 articles: the last one is held back as the "one new article" of the incremental build.
execFileSync("/usr/bin/python3", [generator, corpus, articles, String(n + 1)], { stdio: "ignore" });
const extraName = `a${String(n).padStart(6, "0")}`;
const extra = join(work, `${extraName}.txt`);
renameSync(join(articles, `${extraName}.txt`), extra);
rmSync(join(`${articles}.md`, `${extraName}.md`));
if (values["undated-every"]) console.log(`${undateEvery(articles, Number(values["undated-every"])).undated} articles without their date line`);
const inputBytes = Number(execFileSync("du", ["-sb", articles]).toString().split("\t")[0]);

interface DigestRun extends Measured {
  stages: Record<string, number>;
  stageCpuMs: Record<string, number>;
  stageRssMiB: Record<string, number>;
  articles: Record<string, number>;
  unchanged: boolean;
  site: { files: number; pages: number; rendered: number; carried: number; bundles: number; rebuilt: number; searchCpuMs?: number | null } | null;
}
interface Round {
  cold: DigestRun;
  unchanged: DigestRun;
  added: DigestRun;
  hugo?: Measured;
  eleventy?: Measured;
}

const stub = values["stub-cluster"] ? ["--import", join(root, "scripts/bench-stub/register.mjs")] : [];

async function digestBuild(cwd: string, label: string, extra: string[] = []): Promise<DigestRun> {
  const timings = join(cwd, `timings-${label}.json`);
  const args = [...stub, join(root, "bin/digest.js"), "build", "--input", articles, "--digests", join(cwd, "digests"), "--output", join(cwd, "site"), "--quiet", "--timings", timings, ...extra];
  const run = await measure(process.execPath, args, { cwd, env, timeoutMs });
  const t = JSON.parse(readFileSync(timings, "utf8")) as Omit<DigestRun, keyof Measured>;
  return { ...run, stages: t.stages, stageCpuMs: t.stageCpuMs ?? {}, stageRssMiB: t.stageRssMiB ?? {}, articles: t.articles ?? {}, unchanged: t.unchanged ?? false, site: t.site ?? null };
}

const peers = !values["no-peers"];
const hugo = peers && hugoAvailable();
if (peers && !hugo) console.log("hugo is not installed (apt-get install -y hugo): skipping the Hugo baseline");
const hugoDir = hugo ? hugoSite(work) : "";
const eleventyCfg = peers ? eleventyConfig(work) : "";

const rounds: Round[] = [];
let failure: string | null = null;
/** Whether the one-new-article build wrote the bytes a cold build of the same articles writes (--check). */
let identical: boolean | null = null;
for (let r = 0; r < runs; r++) {
  const cwd = join(work, `round-${r}`); // a fresh working folder: no cache, no digests, no site
  mkdirSync(cwd);
  process.stdout.write(`round ${r + 1}/${runs}: digest cold`);
  let cold: DigestRun;
  try {
    cold = await digestBuild(cwd, "cold");
  } catch (error) {
    if (!(error instanceof RunFailed)) throw error;
    failure = error.message;
    process.stdout.write(`: ${failure}\n`);
    break;
  }
  process.stdout.write(` ${cold.wall.toFixed(1)} s, unchanged`);
  const unchanged = await digestBuild(cwd, "unchanged");
  process.stdout.write(` ${unchanged.wall.toFixed(1)} s, one new article`);
  copyFileSync(extra, join(articles, `${extraName}.txt`));
  // Story ids last from build to build: the cold build the incremental one is held to starts from the
  // story-id state the incremental build found.
  const ids = readFileSync(join(cwd, "digests", "story-ids.json"));
  let added: DigestRun;
  try {
    added = await digestBuild(cwd, "added");
    if (values.check && r === 0) {
      // The same N + 1 articles cold, in a fresh folder without a cache: the incremental build must match it.
      const check = join(cwd, "check");
      mkdirSync(join(check, "digests"), { recursive: true });
      writeFileSync(join(check, "digests", "story-ids.json"), ids);
      await digestBuild(check, "check", ["--no-cache"]);
      identical = sameTree(join(check, "digests"), join(cwd, "digests")) && sameTree(join(check, "site"), join(cwd, "site"));
    }
  } finally {
    rmSync(join(articles, `${extraName}.txt`));
  }
  process.stdout.write(` ${added.wall.toFixed(1)} s`);
  const round: Round = { cold, unchanged, added };
  if (hugo) {
    round.hugo = await runHugo(hugoDir, `${articles}.md`, join(cwd, "hugo-out"));
    if (pagesIn(join(cwd, "hugo-out")) < n) throw new Error("Hugo did not render every article");
    process.stdout.write(`, hugo ${round.hugo.wall.toFixed(1)} s`);
  }
  if (peers) {
    round.eleventy = await runEleventy(root, eleventyCfg, `${articles}.md`, join(cwd, "eleventy-out"));
    if (pagesIn(join(cwd, "eleventy-out")) < n) throw new Error("Eleventy did not render every article");
    process.stdout.write(`, eleventy ${round.eleventy.wall.toFixed(1)} s`);
  }
  process.stdout.write("\n");
  // The rounds' outputs stay until the bench ends (the whole working folder goes then). Deleting some
  // 30,000 files between runs made every later run slower on this machine's disk (ext4 mounted with
  // `discard`): Hugo back to back took 5.9, 6.4, 7.5, 8.8, 9.4 s with its output deleted after each run,
  // 3.4-3.9 s without (docs/scaling.md, stop 60), so the rounds measured the deletions, not the tools.
  rounds.push(round);
}
const loadAfter = load();
if (rounds.length === 0) {
  mkdirSync(join(root, "reports"), { recursive: true });
  writeFileSync(join(root, "reports/bench.json"), `${JSON.stringify({ n, runs, inputBytes, failure, machine: { cores: availableParallelism(), loadBefore, loadAfter } }, null, 2)}\n`);
  console.log(`no build of ${n} articles completed; wrote reports/bench.json`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const rates: StageRates | null = values["no-stages"] ? null : await stageRates(corpus);

// ---- figures
const med = (pick: (r: Round) => number | null | undefined): number | null => {
  const xs = rounds.map(pick).filter((x): x is number => typeof x === "number");
  return xs.length ? median(xs) : null;
};
const cold = { wall: med((r) => r.cold.wall)!, cpu: med((r) => r.cold.cpu), rss: med((r) => r.cold.rss), peakRss: Math.max(...rounds.flatMap((r) => [r.cold.rss ?? 0, r.unchanged.rss ?? 0, r.added.rss ?? 0])) };
const unchanged = { wall: med((r) => r.unchanged.wall)!, cpu: med((r) => r.unchanged.cpu), rss: med((r) => r.unchanged.rss) };
const added = { wall: med((r) => r.added.wall)!, cpu: med((r) => r.added.cpu), rss: med((r) => r.added.rss) };
const hugoFig = hugo ? { wall: med((r) => r.hugo?.wall)!, cpu: med((r) => r.hugo?.cpu), rss: med((r) => r.hugo?.rss) } : null;
const eleventyFig = peers ? { wall: med((r) => r.eleventy?.wall)!, cpu: med((r) => r.eleventy?.cpu), rss: med((r) => r.eleventy?.rss) } : null;
const pairedRatio = hugo ? med((r) => r.cold.wall / r.hugo!.wall) : null;
const pairedCpuRatio = hugo ? med((r) => (r.cold.cpu && r.hugo!.cpu ? r.cold.cpu / r.hugo!.cpu : null)) : null;
const stageNames = [...new Set(rounds.flatMap((r) => [...Object.keys(r.cold.stages), ...Object.keys(r.unchanged.stages), ...Object.keys(r.added.stages)]))];
const stageMedians = (kind: "cold" | "unchanged" | "added") => Object.fromEntries(stageNames.map((s) => [s, med((r) => r[kind].stages[s] ?? 0)!]));
const articleMedians = (kind: "cold" | "unchanged" | "added"): Record<string, number | undefined> => Object.fromEntries(Object.keys(rounds[0]![kind].articles).map((k) => [k, med((r) => r[kind].articles[k]) ?? undefined]));

// ---- table
const f1 = (x: number | null | undefined, d = 1) => (x === null || x === undefined ? "-" : x.toFixed(d));
const row = (cells: string[], widths: number[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log(`\ndigest bench: ${n} distinct articles (${(inputBytes / 1048576).toFixed(1)} MiB), ${runs} round(s), medians; ${availableParallelism()} cores (${cpus()[0]?.model ?? "?"}), load ${loadBefore.join(" ")} → ${loadAfter.join(" ")}`);
const w = [34, 10, 10, 10, 12];
console.log(row(["run", "wall s", "CPU s", "peak MiB", "articles/s"], w));
console.log(row(["digest build, cold (fresh folder)", f1(cold.wall, 2), f1(cold.cpu), f1(cold.rss, 0), f1(n / cold.wall, 0)], w));
console.log(row(["digest build, unchanged", f1(unchanged.wall, 2), f1(unchanged.cpu), f1(unchanged.rss, 0), ""], w));
console.log(row(["digest build, one new article", f1(added.wall, 2), f1(added.cpu), f1(added.rss, 0), ""], w));
if (hugoFig) console.log(row([`hugo ${hugoVersion()} (ready pages)`, f1(hugoFig.wall, 2), f1(hugoFig.cpu), f1(hugoFig.rss, 0), f1(n / hugoFig.wall, 0)], w));
if (eleventyFig) console.log(row(["eleventy 3.1.7 bare (ready pages)", f1(eleventyFig.wall, 2), f1(eleventyFig.cpu), f1(eleventyFig.rss, 0), f1(n / eleventyFig.wall, 0)], w));

console.log(`\nstages (medians; wall ms, CPU ms of the process and its threads${values["stub-cluster"] ? "; CLUSTERING STUBBED OUT (scripts/bench-stub)" : ""}; memory: resident MiB at the stage's end, cold)`);
const sw = [12, 9, 9, 9, 9, 9, 9, 8];
console.log(row(["stage", "cold", "CPU", "unchgd", "CPU", "one new", "CPU", "MiB"], sw));
const cpuMed = (kind: "cold" | "unchanged" | "added", stage: string) => med((r) => r[kind].stageCpuMs[stage] ?? 0);
for (const st of stageNames) {
  const cells = (["cold", "unchanged", "added"] as const).flatMap((k) => [f1(stageMedians(k)[st], 0), f1(cpuMed(k, st), 0)]);
  console.log(row([st, ...cells, f1(med((r) => r.cold.stageRssMiB[st]), 0)], sw));
}
// Pagefind runs as a process of its own during the site stage, beside Eleventy: its CPU is in no stage's.
const childCpu = (kind: "cold" | "unchanged" | "added") => f1(med((r) => r[kind].site?.searchCpuMs), 0);
console.log(row(["  pagefind", "", childCpu("cold"), "", childCpu("unchanged"), "", childCpu("added")], sw));
const ca = articleMedians("cold");
const ua = articleMedians("unchanged");
const aa = articleMedians("added");
const aw = [12, 9, 9, 9];
console.log(row(["  clean", f1(ca.clean, 0), "", f1(ua.clean, 0), "", f1(aa.clean, 0)], sw));
console.log(row(["  date", f1(ca.date, 0), "", f1(ua.date, 0), "", f1(aa.date, 0)], sw));
console.log(row(["  terms", f1(ca.terms, 0), "", f1(ua.terms, 0), "", f1(aa.terms, 0)], sw));
console.log(row(["  cache read", f1(ca.cacheRead, 0), "", f1(ua.cacheRead, 0), "", f1(aa.cacheRead, 0)], sw));
console.log(row(["  cache write", f1(ca.cacheWrite, 0), "", f1(ua.cacheWrite, 0), "", f1(aa.cacheWrite, 0)], sw));
void aw;
console.log(`  articles computed cold / unchanged / one new: ${ca.computed ?? "-"} / ${ua.computed ?? "- (nothing to do)"} / ${aa.computed ?? "-"}; threads cold: ${ca.threads ?? "-"}`);
const last = rounds[rounds.length - 1]!;
const siteLine = (label: string, run: DigestRun) =>
  run.unchanged ? `  ${label}: nothing changed, nothing written` : run.site ? `  ${label}: ${run.site.pages} pages and ${run.site.files - run.site.pages} search files; pages ${run.site.rendered} rendered, ${run.site.carried} carried over; search bundles ${run.site.rebuilt} of ${run.site.bundles} rebuilt` : `  ${label}: -`;
console.log("\nsite (last round)");
console.log(siteLine("cold", last.cold));
console.log(siteLine("unchanged", last.unchanged));
console.log(siteLine("one new", last.added));
if (identical !== null) console.log(`one-new-article build ${identical ? "==" : "!="} cold build of the same articles (digests, site, feeds, report, byte for byte)`);

const pct = (x: number) => `${((100 * x) / cold.wall).toFixed(1)}%`;
console.log(`\nunchanged build: ${pct(unchanged.wall)} of cold; one new article: ${pct(added.wall)} of cold (wall medians)`);
if (hugoFig) console.log(`digest / hugo: ${f1(cold.wall / hugoFig.wall, 2)} (wall medians), ${f1(pairedRatio, 2)} (median of paired runs), CPU ${f1(pairedCpuRatio, 2)}`);
if (eleventyFig) console.log(`digest / eleventy: ${f1(cold.wall / eleventyFig.wall, 2)} (wall medians)`);
if (rates) {
  const spread = (r: StageRate) => `passes ${r.slowest.toFixed(0)}-${r.fastest.toFixed(0)}`;
  const clock = rates.clock === "thread" ? "the cleaning thread" : "the process";
  console.log(`\none core, compiled code, per CPU second of ${clock}, median of ${rates.passes} passes after a warm-up (scripts/bench-stages.ts); load ${load().join(" ")}`);
  console.log(`(per CPU second of the whole process, helper threads included: text ${rates.process.cleanText.toFixed(0)}, HTML ${rates.process.cleanHtml.toFixed(0)}, summarise ${rates.process.summarise.toFixed(0)})`);
  console.log(`clean alone: ${rates.cleanTextPagesPerSecond.toFixed(0)} pages/s (${rates.counts.textDumps} raw text dumps; ${spread(rates.spread.cleanText)})`);
  console.log(`clean alone: ${rates.cleanHtmlPagesPerSecond.toFixed(0)} pages/s (${rates.counts.htmlPages} HTML pages; ${spread(rates.spread.cleanHtml)})`);
  console.log(`summarise alone: ${rates.summariseArticlesPerSecond.toFixed(0)} articles/s (${rates.counts.articles} articles, --sentences 3; ${spread(rates.spread.summarise)})`);
}

const targets: Array<{ target: string; met: boolean | null; value: string }> = [];
if (n >= 10_000 && n < 100_000) {
  if (hugoFig) targets.push({ target: "cold wall ≤ 2 × Hugo", met: cold.wall <= 2 * hugoFig.wall, value: `${f1(cold.wall / hugoFig.wall, 2)} ×` });
  targets.push({ target: "one new article ≤ 10% of cold", met: added.wall <= 0.1 * cold.wall, value: pct(added.wall) });
  targets.push({ target: "unchanged ≤ 10% of cold", met: unchanged.wall <= 0.1 * cold.wall, value: pct(unchanged.wall) });
  targets.push({ target: "peak memory ≤ 500 MiB", met: cold.peakRss <= 500, value: `${cold.peakRss.toFixed(0)} MiB` });
}
if (n >= 100_000) {
  targets.push({ target: "cold ≤ 10 minutes", met: cold.wall <= 600, value: `${f1(cold.wall / 60, 1)} min` });
  targets.push({ target: "peak memory ≤ 1.5 GiB", met: cold.peakRss <= 1536, value: `${cold.peakRss.toFixed(0)} MiB` });
}
if (targets.length) {
  console.log(`\ntargets (issue 12)${values["stub-cluster"] ? ": NOT Digest's figures, clustering was stubbed out" : ""}`);
  for (const t of targets) console.log(`  ${t.met ? "met    " : "NOT met"}  ${t.target}: ${t.value}`);
}

mkdirSync(join(root, "reports"), { recursive: true });
const report = {
  n,
  runs,
  inputBytes,
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? null, loadBefore, loadAfter, node: process.version },
  stubCluster: !!values["stub-cluster"],
  identical,
  digest: { cold, unchanged, added, stages: { cold: stageMedians("cold"), unchanged: stageMedians("unchanged"), added: stageMedians("added") }, articles: { cold: ca, unchanged: ua, added: aa }, site: { cold: last.cold.site, unchanged: last.unchanged.site, added: last.added.site } },
  hugo: hugoFig,
  eleventy: eleventyFig,
  ratios: { digestOverHugoWall: hugoFig ? cold.wall / hugoFig.wall : null, digestOverHugoPaired: pairedRatio, digestOverHugoCpu: pairedCpuRatio, unchangedOverCold: unchanged.wall / cold.wall, addedOverCold: added.wall / cold.wall },
  stageRates: rates,
  targets,
  rounds: rounds.map((r) => ({ cold: strip(r.cold), unchanged: strip(r.unchanged), added: strip(r.added), hugo: r.hugo && strip(r.hugo), eleventy: r.eleventy && strip(r.eleventy) })),
};
writeFileSync(join(root, "reports/bench.json"), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwrote reports/bench.json${values.keep ? `; working folders kept in ${work}` : ""}`);
if (!values.keep) rmSync(work, { recursive: true, force: true });

function strip(m: Measured): Omit<Measured, "stdout" | "stderr"> {
  const { stdout: _o, stderr: _e, ...rest } = m;
  return rest;
}

function hugoVersion(): string {
  try {
    return /v(\d+\.\d+\.\d+)/.exec(execFileSync("/usr/bin/hugo", ["version"]).toString())?.[1] ?? "";
  } catch {
    return "";
  }
}

/** Whether two folders hold the same files with the same bytes. */
function sameTree(a: string, b: string): boolean {
  const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();
  const files = list(a);
  if (files.join("\n") !== list(b).join("\n")) return false;
  return files.every((f) => {
    const x = join(a, f);
    if (statSync(x).isDirectory()) return statSync(join(b, f)).isDirectory();
    return readFileSync(x).equals(readFileSync(join(b, f)));
  });
}
