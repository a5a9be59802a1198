// `digest build`: the whole pipeline, from the input folder to digests, site, feeds and report.
// The digests and site are written beside the live ones and swapped in at the end (src/output).
//
// With the cache (the default), a build does only what changed since the last one: files whose
// signature is unchanged are not read again (src/ingest), articles and summaries come from the cache,
// unchanged pages are carried over (src/site); and when nothing at all changed (./build-record.ts)
// the build writes nothing and says what the last one said.
import { access, stat, writeFile } from "node:fs/promises";
import { setFlagsFromString } from "node:v8";
import { join, relative, resolve } from "node:path";
import { loadConfig, withBaseUrl } from "../config.ts";
import { ingest, KEPT_TEXT_CHARS, readSource } from "../ingest/index.ts";
import { knownFilesNamespace } from "../cache/known-files.ts";
import { siteStateNamespace, stateIdentities, templatesKey, type SiteStats, renderSite } from "../site/index.ts";
import { identitiesUnder, listingFrom, openOutputs, REPORT_FILE, type FileIdentity } from "../output/index.ts";
import { parseArgs } from "./io.ts";
import { startProgress } from "./progress.ts";
import { DiskCache } from "../cache/pack.ts";
import { codeHash } from "../cache/code-hash.ts";
import { readState, writeState } from "../cache/state.ts";
import { buildRecordNamespace, filesLeft, hashesNow, hashesOf, hashOf, joinHashes, siteStateOfCopies, type BuildRecord, type HashedFiles } from "./build-record.ts";
import type { PrepareStats } from "../parallel/articles.ts";
import type { WorkerPool } from "../parallel/pool.ts";
import type { CachedSummaries } from "../cache/summaries.ts";

/** The stages a build runs when something changed (./build-stages.ts), loaded when it turns out to be needed. */
const loadStages = () => import("./build-stages.ts");
type Stages = Awaited<ReturnType<typeof loadStages>>;

/**
 * How far V8 may let the heap grow past what was live at its last full collection before collecting
 * again, in per cent. Left to itself it lets the old generation reach up to four times the live size,
 * and that garbage, not what the build holds, was most of its peak memory; at half again the live size
 * the build costs a few per cent more CPU in collections. Nothing is capped: a build that needs more
 * memory gets it.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * How many bytes of bytecode TurboFan may inline into one function it optimises (V8's default: 920).
 * A cold build runs most of its code over its inputs once, on each of its threads, so compiling is a
 * large part of what the code costs there: the summaries' thread spent about 0.4 s of CPU on TurboFan's
 * thread for 0.7 s of summarising, largely in functions that inline half the summariser and are
 * compiled again after each deoptimisation. Smaller optimised functions compile faster, and warm code
 * runs as fast (docs/scaling.md, stop 56). Code generation only: what the code computes is the same.
 */
const INLINED_BYTECODE_CUMULATIVE = 300;

/** Sets a V8 flag unless the command line set it (node --NAME=VALUE bin/digest.js build wins). */
function v8Default(name: string, value: number): void {
  const given = [name, name.replaceAll("-", "_")].map((n) => `--${n}`);
  if (!process.execArgv.some((f) => given.some((g) => f.startsWith(g)))) setFlagsFromString(`--${name}=${value}`);
}

/** The options `build` and `serve` share: where the articles, digests and site are, and how the site is made. */
export const SITE_OPTIONS = {
  input: { type: "string", default: "articles" },
  digests: { type: "string", default: "digests" },
  output: { type: "string", default: "_site" },
  "base-url": { type: "string" },
  config: { type: "string" },
  quiet: { type: "boolean" },
} as const;

export async function runBuild(argv: string[]): Promise<number> {
  // A flag the command line gave wins (node --heap-growing-percent=N bin/digest.js build).
  v8Default("heap-growing-percent", HEAP_GROWING_PERCENT);
  v8Default("max-inlined-bytecode-size-cumulative", INLINED_BYTECODE_CUMULATIVE);
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SITE_OPTIONS,
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
  // When each stage ended, in milliseconds since the process started (scripts/bench-idle.ts lines them up with samples and profiles).
  const ends: Record<string, number> = {};
  const pipelineTimings: Record<string, number> = {};
  let mark = performance.now();
  let cpuMark = process.cpuUsage();
  const lap = (stage: string) => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    timings[stage] = (timings[stage] ?? 0) + (now - mark);
    cpuMs[stage] = (cpuMs[stage] ?? 0) + (cpu.user - cpuMark.user + cpu.system - cpuMark.system) / 1000;
    rssMiB[stage] = Math.round(process.memoryUsage.rss() / 1048576);
    ends[stage] = now;
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
  if (!(await stat(input)).isDirectory()) throw new Error(`input folder ${values.input} is a file, not a folder (give the folder that holds it)`);
  const out = await openOutputs(
    { digests: values.digests, output: values.output },
    { onWait: (folder, owner) => process.stderr.write(`digest: waiting for another build of ${folder}${owner ? ` (pid ${owner.pid})` : ""} to finish\n`) },
  );
  for (const note of out.notes) process.stderr.write(`digest: ${note}\n`);
  const progress = startProgress({ quiet: values.quiet, steps: 5 });
  const warn = (text: string) => process.stderr.write(`digest: ${text}\n`);
  const cache = values["no-cache"] ? null : DiskCache.make(resolve(values.cache), warn);
  const articleStats = {} as PrepareStats;
  const said: { stdout: string[]; stderr: string[] } = { stdout: [], stderr: [] };
  let summaries: CachedSummaries | undefined;
  let site: Awaited<ReturnType<typeof renderSite>> | null = null;
  let unchanged = false;
  let record: BuildRecord | null = null;
  let notRead: number | null = null;
  // The day files staged: each one's key (for the record), how many taken from the last build and how many made.
  let days = null as Awaited<ReturnType<Stages["stageDays"]>> | null;
  // Threads started ahead of their stage (src/parallel), closed by it, or at the end when it never came.
  const threads: { articles: WorkerPool | null; summaries: WorkerPool | null } = { articles: null, summaries: null };
  lap("config");
  try {
    progress.step("reading the input");
    const known = cache ? readState(cache.dir, knownFilesNamespace, warn) : undefined;
    // No input known from the last build: every article will be computed, so the threads start now, beside the reading.
    const cold = !known || Object.keys(known.files).length === 0;
    let stages: Stages | null = null;
    if (cold) {
      stages = await loadStages();
      threads.articles = stages.startArticleThreads({ zone: config.timezone, rules: stages.rulesWithout(...config.disableRules) });
    }
    const ingested = await ingest(input, { known, keepText: KEPT_TEXT_CHARS, skip: [out.liveDigests, out.liveSite, ...(cache ? [cache.dir] : [])] });
    notRead = ingested.unopened;
    // Everything the output depends on besides the inputs: the code (and its packages, Node), the settings, and
    // where the digests and site are beside the input folder (ingest skips them), not where the three are: the
    // same folders moved or copied elsewhere make the same bytes.
    const setup = hashOf(codeHash([import.meta.url]), templatesKey(), config, relative(input, out.liveDigests), relative(input, out.liveSite));
    const inputs = hashOf(
      // Of a file's signature, what its article can be made of (size, modification time), not which file it is (device, inode, change time).
      ingested.files.map((f) => [f.path, f.format, f.encoding, f.contentKey ?? null, ingested.known.files[f.path]?.signature.slice(2, 4) ?? null]),
      ingested.rejected,
      ingested.messages,
    );
    lap("ingest");
    const last = cache ? readState(cache.dir, buildRecordNamespace, warn) : null;
    const left = last && last.setup === setup && last.inputs === inputs ? outputsLeft(last, out.liveDigests, out.liveSite) : null;
    if (last && left) {
      unchanged = true;
      said.stdout = last.stdout;
      said.stderr = last.stderr;
      await out.abort();
      // Copies of what the last build left (a folder copied whole): recorded as the files left, so that the next build takes them by their identity.
      if (cache && (left.digests.size > 0 || left.output.size > 0)) {
        const siteState = readState(cache.dir, siteStateNamespace, warn);
        if (siteState) writeState(cache.dir, siteStateNamespace, siteStateOfCopies(siteState, left.output), warn);
        writeState(cache.dir, buildRecordNamespace, { ...last, digests: { ...last.digests, ...Object.fromEntries(left.digests) }, output: { ...last.output, ...Object.fromEntries(left.output) } }, warn);
      }
      // Files read again because they had changed just before the last listing are settled now: record
      // them, or every build until the next changed one would read (and hash) them all again.
      if (cache && ingested.unopened < ingested.files.length) writeState(cache.dir, knownFilesNamespace, ingested.known, warn);
      lap("unchanged");
    } else {
      const loaded = stages ?? (await loadStages());
      const { AHEAD_CHUNK, buildDigestModel, buildReport, cachedCategories, lastFileDays, lastReportText, movedDayLines, cachedViews, categoriesAhead, cachedClusterRows, cachedCopyVerdicts, cachedFeedItems, cachedSummaries, defaultClusterOptions, fileTimeWarning, IDENTITY_FILE, keepStoryIds, prepareArticles, readStoryIds, rejectionLines, rulesWithout, runPipeline, serializeIdentityState, stageDays, startSummaryThreads, summariesAhead, summariseAll, summaryLines, warningLines, withPublished, writeFeeds, writeJsonFile } = loaded;
      // The story-id state this build writes (a copy goes to the cache once the build is in place).
      let identityText = "";
      // Each day file's key, for the record; the last build's day files are taken by theirs only when it ran the same code and settings.
      const lastDays = last && last.setup === setup ? last : null;
      const rules = rulesWithout(...config.disableRules);
      // Everything up to the view model and the report, in a scope of its own: once it has returned,
      // the articles and their texts are garbage, and the site and feeds are made with the model alone.
      const { model, write } = await (async () => {
        progress.step(`cleaning and dating ${ingested.files.length} articles`);
        const load = (file: (typeof ingested.files)[number]) => readSource(file, ingested.unread);
        const prepared = await prepareArticles(ingested.files, { zone: config.timezone, rules, cache, warn, load, dropEvidence: true, threads: threads.articles }, articleStats);
        // Their texts are in the articles now (or not needed): the files keep only their names and times,
        // and where the unread ones are is no longer needed.
        for (const file of ingested.files) file.text = "";
        ingested.unread.clear();
        // An article's title and paragraphs are decided by its input's content key (under the cleaning code and rules): keyed by that, not its prose.
        const contentKeys = new Map(ingested.files.flatMap((f) => (f.contentKey ? [[f.path, f.contentKey] as const] : [])));
        const articleKeys = { rules: rules.map((r) => r.name), contentKeys };
        summaries = await cachedSummaries(cache, articleKeys);
        lap("articles");
        progress.step("merging and summarising");
        const ids = readStoryIds({ digests: out.liveDigests, digestsShown: values.digests, site: out.liveSite, siteShown: values.output, cache: cache?.dir ?? null, cacheShown: values.cache, warn });
        const clusterRows = await cachedClusterRows(cache);
        const copyVerdicts = await cachedCopyVerdicts(cache);
        if (cold) threads.summaries = startSummaryThreads(); // loading their code while this thread clusters
        // The stories clustering has settled are summarised on them while it goes on (src/pipeline.ts).
        const sent = summariesAhead(threads.summaries, warn);
        if (sent) summaries.ahead(sent.start, AHEAD_CHUNK);
        const result = runPipeline(ingested.files, { zone: config.timezone, rules, prepared, timings: pipelineTimings, summarise: summaries.summarise, identity: ids.state, cluster: { ...defaultClusterOptions, rows: clusterRows.rows }, copyVerdicts: copyVerdicts.verdicts });
        await Promise.all([clusterRows.pack?.commit(), copyVerdicts.keep(result.copyVerdicts)]);
        // Merging into stories, and the summaries the cache had (the others are computed next).
        lap("cluster");
        // The stories still to summarise, together on the threads (the pipeline took the lists to fill);
        // this thread finds the stories' categories meanwhile, before it summarises any.
        const [categories, views] = await Promise.all([cachedCategories(cache, articleKeys), cachedViews(cache, articleKeys)]);
        const ahead = categoriesAhead(result.stories, categories.categorise);
        await summaries.fill((jobs) => summariseAll(jobs, { warn, threads: threads.summaries, beside: ahead.step, ahead: sent }));
        await threads.summaries?.close();
        await summaries.pack?.commit();
        lap("summarise");
        const fileTimes = fileTimeWarning(result.stories.flatMap((s) => s.members));
        const model = buildDigestModel(result.stories, { zone: config.timezone, homeDays: config.homeDays, categorise: ahead.categorise, published: result.published, views: views.store });
        await Promise.all([categories.pack?.commit(), views.pack?.commit()]);
        progress.step("writing the digests");
        identityText = serializeIdentityState(withPublished(result.identity, model.published));
        lap("digest");
        // The last build's report, read only when some article is dated by its file's time: the days it gave them.
        const fileDated = result.stories.some((s) => s.members.some((a) => a.dateSource === "file-mtime"));
        const fileDaysBefore = lastFileDays(fileDated ? lastReportText(out.liveSite) : null);
        const report = buildReport(result.stories, [...ingested.rejected, ...result.rejected], [...ingested.messages, ...result.messages, ...(ids.message ? [ids.message] : [])], model, fileDaysBefore);
        // One digest a day, made (or taken from the last build: stageDays) with the other writes below.
        said.stdout = summaryLines(report, model.days.length);
        said.stderr = [...rejectionLines(report), ...warningLines(report), ...movedDayLines(report), ...(fileTimes ? [`digest: warning: ${fileTimes}`] : [])];
        lap("report");
        // Made and written while Pagefind writes the search index, when this thread would wait for it (the site stage's last step).
        const write = async () => {
          days = await stageDays(model, out.liveDigests, out.digests, lastDays, out.writeDigests);
          await writeFile(join(out.digests, IDENTITY_FILE), identityText);
          await writeJsonFile(join(out.site, REPORT_FILE), report);
        };
        return { model, write };
      })();
      // The articles' paragraphs left in the cache are not read after the model is made.
      cache?.close();
      progress.step("rendering the site and its search index");
      const siteState = cache ? readState(cache.dir, siteStateNamespace, warn) : null;
      // The feeds, digests and report are written while Pagefind writes the search index (the site stage's last step).
      const feedItems = await cachedFeedItems(cache);
      // The record's hashes taken beside Pagefind (below), by folder.
      const early: { digests?: HashedFiles; site?: HashedFiles } = {};
      const feeds = async (written: readonly string[]) => {
        await writeFeeds({ outputDir: out.site, config, model, items: feedItems.memo });
        await feedItems.pack?.commit();
        await write();
        // The pages and day files written so far are hashed for the build's record here, while Pagefind
        // writes the last search bundles and this thread would wait (the commit stage reads only what
        // changed since, and the search files): the same hashes, read sooner.
        if (cache) {
          const staged = identitiesUnder(out.digests);
          const dayFiles = Object.fromEntries(Object.entries(staged).filter(([, identity]) => identity[1] >= 0));
          early.digests = { listing: dayFiles, hashes: hashesOf(out.digests, dayFiles, last?.hashes && { listing: last.digests, hashes: last.hashes.digests }) };
          early.site = hashesNow(out.site, written.map((file) => relative(out.site, file)));
        }
      };
      site = await renderSite({ outputDir: out.site, config, model, previous: { dir: out.liveSite, state: siteState }, alongside: feeds, discard: out.discard });
      lap("site");
      await out.commit();
      if (cache) {
        writeState(cache.dir, knownFilesNamespace, ingested.known, warn);
        writeState(cache.dir, siteStateNamespace, site.state, warn);
        keepStoryIds(cache.dir, out.liveDigests, identityText, warn);
        // The site's pages and search files were taken just after they were written (the swap moves their folder, not them).
        const digests = identitiesUnder(out.liveDigests);
        const output = listingFrom(out.liveSite, stateIdentities(site.state));
        const hashes = {
          digests: hashesOf(out.liveDigests, digests, joinHashes(last?.hashes && { listing: last.digests, hashes: last.hashes.digests }, early.digests)),
          output: hashesOf(out.liveSite, output, joinHashes(last?.hashes && { listing: last.output, hashes: last.hashes.output }, early.site)),
        };
        record = { setup, inputs, digests, output, hashes, days: days?.keys ?? {}, ...said };
        writeState(cache.dir, buildRecordNamespace, record, warn);
      }
      lap("commit");
    }
  } catch (error) {
    await out.abort();
    throw error;
  } finally {
    cache?.close();
    await Promise.all([threads.articles?.close(), threads.summaries?.close()]);
    progress.done();
  }
  for (const line of said.stderr) process.stderr.write(`${line}\n`);
  if (!values.quiet) for (const line of said.stdout) process.stdout.write(`${line}\n`);
  if (values.timings) {
    const summaryStats = summaries && { ...summaries.stats, pack: summaries.pack?.stats ?? null };
    const siteStats: SiteStats | null = site?.stats ?? null;
    const usage = { unchanged, stages: timings, pipeline: pipelineTimings, stageCpuMs: cpuMs, stageRssMiB: rssMiB, stageEnds: ends, origin: { epochMs: performance.timeOrigin, monotonicUs: Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000 }, inputsNotRead: notRead, days: days && { taken: days.taken, made: days.made }, articles: articleStats, summaries: summaryStats, site: siteStats, cpu: process.cpuUsage(), maxRssKiB: process.resourceUsage().maxRSS };
    await writeFile(values.timings, `${JSON.stringify(usage, null, 2)}\n`);
  }
  return 0;
}

/** The copies among the files the last build left in the digests and site folders, or null when either does not hold what it left (./build-record.ts filesLeft). */
function outputsLeft(last: BuildRecord, digests: string, site: string): { digests: Map<string, FileIdentity>; output: Map<string, FileIdentity> } | null {
  const inDigests = filesLeft(digests, last.digests, last.hashes?.digests, identitiesUnder(digests));
  const inSite = inDigests && filesLeft(site, last.output, last.hashes?.output, identitiesUnder(site));
  return inDigests && inSite ? { digests: inDigests, output: inSite } : null;
}
