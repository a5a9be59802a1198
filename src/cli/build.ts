// `digest build`: the whole pipeline, from the input folder to digests, site, feeds and report.
import { access, mkdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { loadConfig, validate } from "../config.ts";
import { ingest } from "../ingest/index.ts";
import { runPipeline } from "../pipeline.ts";
import { rulesWithout } from "../clean/index.ts";
import { renderDigests, writeDigests } from "../digest/index.ts";
import { renderSite } from "../site/index.ts";
import { writeFeeds } from "../feed/index.ts";
import { buildReport, summaryLines } from "../report/index.ts";
import { parseArgs } from "./io.ts";
import { DiskCache } from "../cache/pack.ts";
import { prepareArticles, type PrepareStats } from "../parallel/articles.ts";
import { cachedSummaries } from "../cache/summaries.ts";

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
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings[stage] = (timings[stage] ?? 0) + (now - mark);
    mark = now;
  };
  const configPath = values.config ?? "digest.config.json";
  let config = await loadConfig(configPath, values.config !== undefined);
  if (values["base-url"]) config = validate({ ...config, baseUrl: values["base-url"] }, "--base-url");

  const input = resolve(values.input);
  try {
    await access(input);
  } catch {
    throw new Error(`input folder ${values.input} does not exist`);
  }
  lap("config");
  const ingested = await ingest(input);
  lap("ingest");
  const rules = rulesWithout(...config.disableRules);
  const warn = (text: string) => process.stderr.write(`digest: ${text}\n`);
  const cache = values["no-cache"] ? null : new DiskCache(resolve(values.cache), warn);
  const articleStats = {} as PrepareStats;
  const prepared = await prepareArticles(ingested.files, { zone: config.timezone, rules, cache, warn }, articleStats);
  const summaries = cache ? await cachedSummaries(cache) : null;
  lap("articles");
  const result = runPipeline(ingested.files, { zone: config.timezone, rules, prepared, timings, summarise: summaries?.summarise });
  await summaries?.pack.commit();
  mark = performance.now();
  const rejected = [...ingested.rejected, ...result.rejected];
  const messages = [...ingested.messages, ...result.messages];

  const digests = renderDigests(result.stories);
  await writeDigests(resolve(values.digests), digests);
  lap("digest");
  const output = resolve(values.output);
  await prepareOutput(output);
  await renderSite({ digestsDir: resolve(values.digests), outputDir: output, config, data: { stories: result.stories } });
  lap("site");
  await writeFeeds({ outputDir: output, config, digests });
  lap("feed");

  const report = buildReport(result.stories, rejected, messages);
  await writeFile(join(output, "build-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  for (const r of rejected) process.stderr.write(`digest: rejected ${r.path}: ${r.reason}\n`);
  if (!values.quiet) for (const line of summaryLines(report, digests.length)) process.stdout.write(`${line}\n`);
  lap("report");
  if (values.timings) await writeFile(values.timings, `${JSON.stringify({ stages: timings, articles: articleStats, summaries: summaries && { ...summaries.stats, ...summaries.pack.stats }, cpu: process.cpuUsage(), maxRssKiB: process.resourceUsage().maxRSS }, null, 2)}\n`);
  return 0;
}

/**
 * A folder that holds an earlier Digest build (it has build-report.json) is emptied first, so pages of
 * days that no longer have stories do not linger. Any other folder is written into, never emptied.
 */
async function prepareOutput(output: string): Promise<void> {
  const earlier = await access(join(output, "build-report.json")).then(() => true, () => false);
  if (earlier) await rm(output, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
}
