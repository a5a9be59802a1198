// `digest build`: the whole pipeline, from the input folder to digests, site, feeds and report.
import { access, mkdir, readFile, rm, writeFile } from "node:fs/promises";
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
import { IDENTITY_FILE, parseIdentityState, serializeIdentityState, type IdentityState } from "../cluster/index.ts";

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
    },
  });
  const configPath = values.config ?? "digest.config.json";
  let config = await loadConfig(configPath, values.config !== undefined);
  if (values["base-url"]) config = validate({ ...config, baseUrl: values["base-url"] }, "--base-url");

  const input = resolve(values.input);
  try {
    await access(input);
  } catch {
    throw new Error(`input folder ${values.input} does not exist`);
  }
  const ingested = await ingest(input);
  const identity = await readStoryIds(resolve(values.digests));
  const result = runPipeline(ingested.files, { zone: config.timezone, rules: rulesWithout(...config.disableRules), identity });
  const rejected = [...ingested.rejected, ...result.rejected];
  const messages = [...ingested.messages, ...result.messages];

  const digests = renderDigests(result.stories);
  await writeDigests(resolve(values.digests), digests);
  await writeFile(join(resolve(values.digests), IDENTITY_FILE), serializeIdentityState(result.identity));
  const output = resolve(values.output);
  await prepareOutput(output);
  await renderSite({ digestsDir: resolve(values.digests), outputDir: output, config, data: { stories: result.stories } });
  await writeFeeds({ outputDir: output, config, digests });

  const report = buildReport(result.stories, rejected, messages);
  await writeFile(join(output, "build-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  for (const r of rejected) process.stderr.write(`digest: rejected ${r.path}: ${r.reason}\n`);
  if (!values.quiet) for (const line of summaryLines(report, digests.length)) process.stdout.write(`${line}\n`);
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

/** The story ids earlier builds into this digests folder assigned; a missing or damaged file starts afresh. */
async function readStoryIds(digestsDir: string): Promise<IdentityState | null> {
  const path = join(digestsDir, IDENTITY_FILE);
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) return null;
  const parsed = parseIdentityState(text);
  if ("state" in parsed) return parsed.state;
  process.stderr.write(`digest: warning: ${path}: ${parsed.error}; story ids start afresh\n`);
  return null;
}
