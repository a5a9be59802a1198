// Stage 8: the site. Eleventy renders the view model into pages (templates in ./templates, settings in
// ./eleventy.ts), and Pagefind indexes the story pages for search (./search.ts).
//
// Incremental: a page whose inputs are what they were in the last build (./plan.ts) is carried over
// from the live site (a hard link, or a copy) instead of rendered again, and Eleventy renders only the
// others; the search index is carried over when no story page changed. What was written, with each
// file's key and identity, is the site's state (./state.ts), kept in the build cache for the next build.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import type { DigestConfig } from "../config.ts";
import type { DigestModel } from "../digest/index.ts";
import { stripControlChars } from "../text/plain-text.ts";
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { carryFiles, fileIdentity, filesUnder, sameIdentity } from "../output/index.ts";
import { configureEleventy, type EleventyConfigApi } from "./eleventy.ts";
import { fileOf, pagesToRender, planSite, type PlannedPage } from "./plan.ts";
import { SearchIndexer } from "./search.ts";
import type { SiteState } from "./state.ts";

export { siteStateNamespace, type SiteState } from "./state.ts";

const templates = join(dirname(fileURLToPath(import.meta.url)), "templates");

/** Stories shown in full at the top of the front page and of each day; the rest are compact rows. */
export const LEAD_STORIES = 5;
/** Stories on the front page in all; the rest of the latest days are on their day pages. */
export const FRONT_STORIES = 50;

export interface SiteOptions {
  outputDir: string;
  config: DigestConfig;
  model: DigestModel;
  /** The live site and the state the build that wrote it left: unchanged pages are carried over from it. */
  previous?: { dir: string; state: SiteState | null } | null;
}

export interface SiteStats {
  /** Files of the site this stage wrote or carried over (pages and search files). */
  files: number;
  pages: number;
  rendered: number;
  carried: number;
  search: "built" | "carried";
  /** Milliseconds: planning and carrying over; Eleventy; what Pagefind still needed after it. */
  ms: { plan: number; eleventy: number; search: number };
}

export interface SiteResult {
  state: SiteState;
  stats: SiteStats;
}

/** Eleventy's own console lines ("[11ty] Wrote 17 files") are not Digest's to print; its warnings and errors are. */
const eleventyConsole = {
  log: () => {},
  info: () => {},
  warn: (message: string) => process.stderr.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`${message}\n`),
};

/** What every page shares: the rendering code and its packages, the templates, the site settings. */
function siteKey(site: object): string {
  const hash = createHash("sha256").update(codeHash([import.meta.url])).update("\n").update(JSON.stringify(site));
  for (const file of filesUnder(templates).sort()) hash.update(`\n${file}\n`).update(readFileSync(join(templates, file)));
  return hash.digest("hex").slice(0, 32);
}

/** The key of the pages that list across the whole model: the model with every paginated slice replaced by its page's key. */
function wholeKey(model: DigestModel, site: string, pages: readonly PlannedPage[]): string {
  const keys = new Map(pages.map((p) => [p.file, p.key]));
  const of = (path: string) => keys.get(fileOf(path));
  const outline = { ...model, stories: model.stories.map((s) => of(s.path)), days: model.days.map((d) => of(d.path)), months: model.months.map((m) => of(m.path)), redirects: model.redirects.map((r) => of(r.path)), front: model.front.map((s) => s.id) };
  return createHash("sha256").update(site).update("\n").update(JSON.stringify(outline)).digest("hex").slice(0, 32);
}

export async function renderSite(options: SiteOptions): Promise<SiteResult> {
  const started = performance.now();
  const { config, model } = options;
  const outputDir = resolve(options.outputDir);
  const site = { ...config, title: stripControlChars(config.title), description: stripControlChars(config.description), leadStories: LEAD_STORIES, frontStories: FRONT_STORIES };
  const key = siteKey(site);
  const plan = planSite(model, key);
  const whole = wholeKey(model, key, plan.pages);
  const before = options.previous?.state ?? null;
  const liveDir = options.previous?.dir ?? null;

  // A page is carried over when its key is the last build's and its file is still the one that build wrote.
  const unchanged = (file: string, fileKey: string): boolean => {
    const was = before?.pages[file];
    return !!was && !!liveDir && was[0] === fileKey && sameIdentity(fileIdentity(join(liveDir, file)), was);
  };
  const carried = new Set<string>();
  for (const page of plan.pages) if (unchanged(page.file, page.key)) carried.add(page.file);
  // The whole-site pages: carried only when nothing at all is rendered (Eleventy renders them every time it runs).
  const wholePages = before ? Object.keys(before.pages).filter((file) => before.pages[file]![0] === whole && !plan.slices.has(file)) : [];
  const renderNothing = carried.size === plan.pages.length && wholePages.length > 0 && wholePages.every((file) => unchanged(file, whole));

  const stories = plan.pages.filter((p) => p.kind === "story");
  const searchKey = createHash("sha256").update(key).update(stories.map((p) => `${p.file} ${p.key}`).join("\n")).digest("hex").slice(0, 32);
  const searchFiles = before?.search && before.search.key === searchKey && liveDir ? Object.keys(before.search.files) : null;
  const carrySearch = !!searchFiles && searchFiles.length > 0 && searchFiles.every((file) => sameIdentity(fileIdentity(join(liveDir!, "pagefind", file)), before!.search!.files[file]!));

  if (liveDir) {
    carryFiles(liveDir, outputDir, [...carried, ...(renderNothing ? wholePages : [])]);
    if (carrySearch) carryFiles(join(liveDir, "pagefind"), join(outputDir, "pagefind"), searchFiles!);
  }
  const planned = performance.now();

  const toRender = new Set(plan.pages.filter((p) => !carried.has(p.file)).map((p) => p.file));
  const indexer = carrySearch ? null : await SearchIndexer.start(stories.map((p) => ({ url: `/${p.file.replace(/index\.html$/, "")}`, carried: carried.has(p.file) })), outputDir, config.language);
  const written: string[] = [];
  try {
    if (!renderNothing) {
      const eleventy = await import("@11ty/eleventy");
      const pages = pagesToRender(plan, toRender);
      const onPage = (page: { url: string; outputPath: string }, html: string) => {
        written.push(page.outputPath);
        indexer?.offer(page.url, html);
      };
      const instance = new eleventy.default(templates, outputDir, {
        // No config file: everything is set up by configureEleventy.
        configPath: false,
        quietMode: true,
        config: (eleventyConfig: EleventyConfigApi) => configureEleventy(eleventyConfig, { site, model, pages, onPage }),
      });
      instance.logger.overrideLogger(eleventyConsole);
      await instance.write();
    }
  } catch (error) {
    if (indexer) await SearchIndexer.abandon();
    throw error;
  }
  const rendered = performance.now();
  await indexer?.finish();
  const searched = performance.now();

  const state: SiteState = { site: key, pages: {}, search: null };
  const record = (file: string, fileKey: string) => {
    const identity = fileIdentity(join(outputDir, file));
    if (identity) state.pages[file] = [fileKey, ...identity];
  };
  for (const page of plan.pages) record(page.file, page.key);
  const wholeFiles = renderNothing ? wholePages : written.map((file) => relative(outputDir, file)).filter((file) => !plan.slices.has(file));
  for (const file of wholeFiles) record(file, whole);
  const searchDir = join(outputDir, "pagefind");
  const search = filesUnder(searchDir);
  state.search = { key: searchKey, files: {} };
  for (const file of search) {
    const identity = fileIdentity(join(searchDir, file));
    if (identity) state.search.files[file] = identity;
  }
  const files = Object.keys(state.pages).length + search.length;
  const stats: SiteStats = {
    files,
    pages: Object.keys(state.pages).length,
    rendered: renderNothing ? 0 : toRender.size + wholeFiles.length,
    carried: carried.size + (renderNothing ? wholePages.length : 0),
    search: carrySearch ? "carried" : "built",
    ms: { plan: planned - started, eleventy: rendered - planned, search: searched - rendered },
  };
  return { state, stats };
}
