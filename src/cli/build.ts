// `digest build`: the whole pipeline, from the input folder to digests, site, feeds and report.
// The digests and site are written beside the live ones and swapped in at the end (src/output).
import { access, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { loadConfig, withBaseUrl } from "../config.ts";
import { ingest } from "../ingest/index.ts";
import { runPipeline } from "../pipeline.ts";
import { fileTimeWarning } from "../date/index.ts";
import { rulesWithout } from "../clean/index.ts";
import { buildDigest } from "../digest/index.ts";
import { renderSite, siteStateNamespace, type SiteStats } from "../site/index.ts";
import { writeFeeds } from "../feed/index.ts";
import { buildReport, rejectionLines, summaryLines } from "../report/index.ts";
import { openOutputs } from "../output/index.ts";
import { parseArgs } from "./io.ts";
import { startProgress } from "./progress.ts";
import { DiskCache } from "../cache/pack.ts";
import { prepareArticles, type PrepareStats } from "../parallel/articles.ts";
import { summariseAll } from "../parallel/summaries.ts";
import { cachedSummaries } from "../cache/summaries.ts";
import { readState, writeState } from "../cache/state.ts";

export async function runBuild(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: "string", default: "articles" },
      digests: { type: "string", default: "digests" },
      output: { type: "string", default: "_site" },
      "base-url": { type: "string" },
      config: { type: "string" },
      quiet: { type: "boolean" },
      cache: { type: "string", default: ".digest-cache" },
      "no-cache": { type: "boolean" },
      // Not in --help: where each stage's milliseconds go, as JSON (for npm run bench).
      timings: { type: "string" },
    },
  });
  // Per stage: wall milliseconds; CPU milliseconds of the whole process (threads included); resident MiB at its end.
  const timings: Record<string, number> = {};
  const cpuMs: Record<string, number> = {};
  const rssMiB: Record<string, number> = {};
  const pipelineTimings: Record<string, number> = {};
  let mark = performance.now();
  let cpuMark = process.cpuUsage();
  const lap = (stage: string) => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    timings[stage] = (timings[stage] ?? 0) + (now - mark);
    cpuMs[stage] = (cpuMs[stage] ?? 0) + (cpu.user - cpuMark.user + cpu.system - cpuMark.system) / 1000;
    rssMiB[stage] = Math.round(process.memoryUsage.rss() / 1048576);
    mark = now;
    cpuMark = cpu;
  };
  const configPath = values.config ?? "digest.config.json";
  let config = await loadConfig(configPath, values.config !== undefined);
  if (values["base-url"]) config = withBaseUrl(config, values["base-url"]);

  const input = resolve(values.input);
  try {
    await access(input);
  } catch {
    throw new Error(`input folder ${values.input} does not exist`);
  }
  const out = await openOutputs(
    { digests: values.digests, output: values.output },
    { onWait: (folder, owner) => process.stderr.write(`digest: waiting for another build of ${folder}${owner ? ` (pid ${owner.pid})` : ""} to finish\n`) },
  );
  for (const note of out.notes) process.stderr.write(`digest: ${note}\n`);
  const progress = startProgress({ quiet: values.quiet, steps: 5 });
  const warn = (text: string) => process.stderr.write(`digest: ${text}\n`);
  const cache = values["no-cache"] ? null : new DiskCache(resolve(values.cache), warn);
  const articleStats = {} as PrepareStats;
  let report;
  let days;
  let fileTimes;
  let summaries;
  let site: Awaited<ReturnType<typeof renderSite>> | null = null;
  lap("config");
  try {
    progress.step("reading the input");
    const ingested = await ingest(input);
    lap("ingest");
    progress.step(`cleaning and dating ${ingested.files.length} articles`);
    const rules = rulesWithout(...config.disableRules);
    const prepared = await prepareArticles(ingested.files, { zone: config.timezone, rules, cache, warn }, articleStats);
    summaries = await cachedSummaries(cache);
    lap("articles");
    progress.step("merging and summarising");
    const result = runPipeline(ingested.files, { zone: config.timezone, rules, prepared, timings: pipelineTimings, summarise: summaries.summarise });
    // Merging into stories, and the summaries the cache had (the others are computed next).
    lap("cluster");
    // The stories still to summarise, together on the threads (the pipeline took the lists to fill).
    await summaries.fill((jobs) => summariseAll(jobs, { warn }));
    await summaries.pack?.commit();
    lap("summarise");
    fileTimes = fileTimeWarning(result.stories.flatMap((s) => s.members));
    const digest = buildDigest(result.stories, { zone: config.timezone, homeDays: config.homeDays });
    days = digest.files.length;
    progress.step("writing the digests");
    await out.writeDigests(digest.files);
    lap("digest");
    progress.step("rendering the site and its search index");
    const siteState = cache ? readState(cache.dir, siteStateNamespace, warn) : null;
    site = await renderSite({ outputDir: out.site, config, model: digest.model, previous: { dir: out.liveSite, state: siteState } });
    lap("site");
    await writeFeeds({ outputDir: out.site, config, model: digest.model });
    lap("feed");
    report = buildReport(result.stories, [...ingested.rejected, ...result.rejected], [...ingested.messages, ...result.messages], digest.model);
    await writeFile(join(out.site, "build-report.json"), `${JSON.stringify(report, null, 2)}\n`);
    await out.commit();
    if (cache) writeState(cache.dir, siteStateNamespace, site.state, warn);
    lap("report");
  } catch (error) {
    await out.abort();
    throw error;
  } finally {
    progress.done();
  }
  for (const line of rejectionLines(report)) process.stderr.write(`${line}\n`);
  if (!values.quiet) for (const line of summaryLines(report, days)) process.stdout.write(`${line}\n`);
  if (fileTimes) process.stderr.write(`digest: warning: ${fileTimes}\n`);
  if (values.timings) {
    const summaryStats = summaries && { ...summaries.stats, pack: summaries.pack?.stats ?? null };
    const siteStats: SiteStats | null = site?.stats ?? null;
    const usage = { stages: timings, pipeline: pipelineTimings, stageCpuMs: cpuMs, stageRssMiB: rssMiB, articles: articleStats, summaries: summaryStats, site: siteStats, cpu: process.cpuUsage(), maxRssKiB: process.resourceUsage().maxRSS };
    await writeFile(values.timings, `${JSON.stringify(usage, null, 2)}\n`);
  }
  return 0;
}
