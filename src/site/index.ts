// Stage 8: the site. Eleventy renders the view model into pages (templates in ./templates, settings in
// ./eleventy.ts), the story pages with the same templates and Eleventy's Nunjucks without Eleventy
// (./direct.ts, held to Eleventy's bytes), and Pagefind indexes the story pages for search (./search.ts).
//
// Incremental: a page whose inputs are what they were in the last build (./plan.ts) is carried over
// from the live site (a hard link, or a copy) instead of rendered again, and Eleventy renders only the
// others; the search index is carried over when no story page changed. What was written, with each
// file's key and identity, is the site's state (./state.ts), kept in the build cache for the next build.
import { lstatSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import type { DigestConfig } from "../config.ts";
import { LEAD_STORIES, type DigestModel } from "../digest/index.ts";
import { stripControlChars } from "../text/plain-text.ts";
import { codeHash, moduleUrl } from "../cache/code-hash.ts";
import { carryInto, fileIdentity, filesUnder, sameIdentity, type FileIdentity, type FolderListing } from "../output/index.ts";
import { finerThanSeconds, racyMargins } from "../ingest/index.ts";
import { pathPrefix, resolveHref } from "../text/paths.ts";
import type { StoryView } from "../digest/index.ts";
import { shareBundles } from "./bundles.ts";
import { nunjucksVersion, renderDirect } from "./direct.ts";
import { configureEleventy, type EleventyConfigApi, type EleventySetup } from "./eleventy.ts";
import { fileOf, pagesToRender, planSite, type PagesToRender } from "./plan.ts";
import { searchDocument, SearchStopped, startSearch } from "./search.ts";
import { indexSegmentsThem, UNSPACED_LETTERS } from "./unspaced-words.ts";
import type { SiteState } from "./state.ts";

export { siteStateNamespace, stateIdentities, type SiteState } from "./state.ts";

const templates = join(dirname(fileURLToPath(import.meta.url)), "templates");

/**
 * At most this many pages (besides those across the whole model) an incremental build renders without
 * Eleventy (./direct.ts). One new article renders a dozen or two, where loading Eleventy was most of the
 * rendering's cost; a build that renders more loads Eleventy for the pages besides the stories (renderPages).
 */
const DIRECT_PAGES = 500;

/** Stories on the front page in all; the rest of the latest days are on their day pages. */
export const FRONT_STORIES = 50;

export interface SiteOptions {
  outputDir: string;
  config: DigestConfig;
  model: DigestModel;
  /** The live site and the state the build that wrote it left: unchanged pages are carried over from it. */
  previous?: { dir: string; state: SiteState | null } | null;
  /**
   * Other writing into the site folder (the feeds) to do while Pagefind writes the search index, once
   * Eleventy is done: the index is the last step of the stage, in a process of its own. It is given the
   * pages this stage wrote (absolute paths, each written whole by then), for work on them that would
   * otherwise wait for the index (the build hashes them for its record there).
   */
  alongside?: (written: readonly string[]) => Promise<void>;
  /** Where what the stage moves out of the site folder goes to be removed (OutputFolders.discard). */
  discard?: (paths: readonly string[]) => void;
  /** Every page rendered by Eleventy, story pages too (tests: the bytes the pages rendered without it are held to). */
  eleventyOnly?: boolean;
}

export interface SiteStats {
  /** Files of the site this stage wrote or carried over (pages and search files). */
  files: number;
  pages: number;
  rendered: number;
  /** Of those, rendered without Eleventy (./direct.ts): an incremental build's few, or a larger build's story pages. */
  renderedDirect: number;
  carried: number;
  /** Search bundles, and how many were rebuilt (the others were carried over). */
  bundles: number;
  rebuilt: number;
  /** Folders of a site folder taken from an earlier build: known from its listing, read (src/output carryInto). */
  folders: { known: number; read: number };
  /** Milliseconds: planning and carrying over; Eleventy; what Pagefind still needed after it; the work done alongside it (`alongside`). */
  ms: { plan: number; eleventy: number; search: number; alongside: number };
  /** CPU milliseconds of this process (its threads too) while it planned and carried over (`ms.plan`). */
  planCpuMs: number;
  /** CPU milliseconds of Pagefind's process (in no stage's CPU: it is not this process), or null where unknown. */
  searchCpuMs: number | null;
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

/**
 * How old a folder's change time must be for its listing to be kept (src/output carryInto): the inputs'
 * racy margin (src/ingest: racyMargins, finerThanSeconds), but at least two ticks of the clock that stamps change times (at most 10 ms).
 */
function folderMargin(): (ctimeMs: number) => number {
  const { coarse, fine } = racyMargins();
  return (ctimeMs) => Math.max(finerThanSeconds(ctimeMs) ? fine : coarse, 20);
}

/** A hash of the template files (Eleventy reads them, so no code hash sees them). */
export function templatesKey(): string {
  const hash = createHash("sha256");
  for (const file of filesUnder(templates).sort()) hash.update(`${file}\n`).update(readFileSync(join(templates, file))).update("\n");
  return hash.digest("hex").slice(0, 32);
}

/** What every page shares: the rendering code and its packages, the templates, the site settings. */
function siteKey(site: object): string {
  return createHash("sha256").update(codeHash([import.meta.url])).update(` nunjucks@${nunjucksVersion()}\n`).update(templatesKey()).update("\n").update(JSON.stringify(site)).digest("hex").slice(0, 32);
}

/** The key of the pages that list across the whole model: the model with every paginated slice replaced by its page's key. */
function wholeKey(model: DigestModel, site: string, keys: ReadonlyMap<string, string>): string {
  return createHash("sha256").update(site).update("\n").update(wholeOutline(model, keys)).digest("hex").slice(0, 32);
}

/** What `wholeKey` hashes of the model (`keys`: the pages' keys, by file). */
export function wholeOutline(model: DigestModel, keys: ReadonlyMap<string, string>): string {
  const of = (path: string) => keys.get(fileOf(path));
  // The front page's days are days of the model: their pages' keys stand for them (each covers its day and its stories), not their stories made JSON again.
  const outline = { ...model, stories: model.stories.map((s) => of(s.path)), days: model.days.map((d) => of(d.path)), months: model.months.map((m) => of(m.path)), redirects: model.redirects.map((r) => of(r.path)), front: model.front.map((s) => s.id), frontDays: model.frontDays.map((d) => of(d.path)) };
  return JSON.stringify(outline);
}

export async function renderSite(options: SiteOptions): Promise<SiteResult> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const { config, model } = options;
  const outputDir = resolve(options.outputDir);
  const site = { ...config, title: stripControlChars(config.title), description: stripControlChars(config.description), leadStories: LEAD_STORIES, frontStories: FRONT_STORIES };
  const key = siteKey(site);
  const plan = planSite(model, key);
  // The search bundles (./bundles.ts), newest stories' first; the search page names them, so the pages across the whole model depend on them too.
  const stories = plan.pages.filter((p) => p.kind === "story");
  const storyFiles = new Set(stories.map((p) => p.file));
  const shares = shareBundles(stories.map((p) => (plan.slices.get(p.file) as StoryView).id));
  const before = options.previous?.state ?? null;
  const liveDir = options.previous?.dir ?? null;

  // A page is carried over when its key is the last build's and its file is still the one that build wrote.
  const unchanged = (file: string, fileKey: string): boolean => {
    const was = before?.pages[file];
    return !!was && !!liveDir && was[0] === fileKey && sameIdentity(fileIdentity(join(liveDir, file)), was);
  };
  const bundles = shares.map((share) => ({ folder: share.folder, pages: share.stories.map((i) => stories[i]!), key: "", carry: false, intact: false }));
  // The keys of the pages and of the pages across the whole model. Hashed at once when the last build
  // left a state to carry pages over from; else (a cold build) only for the state this build leaves,
  // while Pagefind writes the last bundles and this thread would wait.
  let keys: { pages: ReadonlyMap<string, string>; whole: string } | null = null;
  const keyAll = () => {
    if (keys) return keys;
    const pages = plan.keys();
    keys = { pages, whole: wholeKey(model, `${key} ${shares.map((s) => s.folder).join(" ")}`, pages) };
    return keys;
  };
  // A bundle's index is made of what Pagefind is sent of its pages, in order (and Pagefind's code and
  // settings, in the site key): its key is made of its pages' search documents' hashes, so a page that
  // changed only where Pagefind does not look (what is marked data-pagefind-ignore, as the date line is)
  // leaves its bundle as it was. A rendered page's hash is taken from the document Pagefind is sent (or,
  // rendered before Pagefind starts, from the page); a carried one's is the last build's (the file is the one
  // it wrote), or its file's where that build recorded none.
  const searchHashes = new Map<string, string>();
  const documentHash = (document: string) => createHash("sha256").update(document).digest("hex").slice(0, 32);
  const searchHash = (html: string) => documentHash(searchDocument(html, config.language));
  const searchedAs = (file: string, dir: string): string => {
    let hash = searchHashes.get(file) ?? before?.searched?.[file];
    if (hash === undefined) hash = searchHash(readFileSync(join(dir, file), "utf8"));
    searchHashes.set(file, hash);
    return hash;
  };
  const bundleKey = (bundle: (typeof bundles)[number], dir: string) =>
    createHash("sha256").update(`${key}\nsearch documents\n${bundle.folder}\n`).update(bundle.pages.map((p) => `${p.file} ${searchedAs(p.file, dir)}`).join("\n")).digest("hex").slice(0, 32);
  const carried = new Set<string>();
  let wholePages: string[] = [];
  let renderNothing = false;
  if (before) {
    const { pages: pageKeys, whole } = keyAll();
    for (const page of plan.pages) if (unchanged(page.file, pageKeys.get(page.file)!)) carried.add(page.file);
    // The whole-site pages: carried only when nothing at all is rendered (Eleventy renders them every time it runs).
    wholePages = Object.keys(before.pages).filter((file) => before.pages[file]![0] === whole && !plan.slices.has(file));
    renderNothing = carried.size === plan.pages.length && wholePages.length > 0 && wholePages.every((file) => unchanged(file, whole));
  }

  const toRender = new Set(plan.pages.filter((p) => !carried.has(p.file)).map((p) => p.file));
  // A build from a last one's state that renders few pages renders them without loading Eleventy (./direct.ts),
  // and before Pagefind starts: a bundle some of whose pages are rendered is carried over when what they
  // render for Pagefind is what it was. Its files are carried in meanwhile, and moved out if it is rebuilt.
  const direct = !!before && !renderNothing && toRender.size <= DIRECT_PAGES;
  // Each bundle whose files are still those the last build wrote is carried over when its key is that build's, else rebuilt.
  for (const bundle of bundles) {
    const was = before?.search[bundle.folder];
    const files = was && liveDir ? Object.keys(was.files) : [];
    bundle.intact = files.length > 0 && files.every((file) => sameIdentity(fileIdentity(join(liveDir!, bundle.folder, file)), was!.files[file]!));
    if (!bundle.intact || !bundle.pages.every((p) => carried.has(p.file))) continue;
    bundle.key = bundleKey(bundle, liveDir!);
    bundle.carry = bundle.key === was!.key;
  }
  const tentative = (bundle: (typeof bundles)[number]) => direct && bundle.intact && !bundle.carry;

  // What is carried over, by the inode the last build recorded (checked above). The site folder may be one
  // an earlier build wrote (src/output): all else in it goes before anything is written. Hard-linked, a
  // carried file is the very file the last build recorded.
  const carry = new Map<string, number>();
  for (const file of [...carried, ...(renderNothing ? wholePages : [])]) carry.set(file, before!.pages[file]![1]);
  for (const bundle of bundles) if (bundle.carry || tentative(bundle)) for (const [file, identity] of Object.entries(before!.search[bundle.folder]!.files)) carry.set(`${bundle.folder}/${file}`, identity[0]);
  // The listing of this site folder an earlier build took (by its top's inode): its folders still as they were are not read again.
  const topIno = String(lstatSync(outputDir).ino);
  const { linked, listing, folders: sorted } = carryInto(liveDir ?? outputDir, outputDir, carry, { discard: options.discard, listing: before?.folders?.[topIno] ?? null, margin: folderMargin() });
  const folders: Record<string, FolderListing> = {};
  if (Object.keys(listing).length) folders[topIno] = listing;
  // The live site's own listing, for the build after next (this build's swap puts that folder aside).
  const liveIno = liveDir ? lstatSync(liveDir, { throwIfNoEntry: false })?.ino : undefined;
  const liveListing = liveIno === undefined ? undefined : before?.folders?.[String(liveIno)];
  if (liveListing && String(liveIno) !== topIno) folders[String(liveIno)] = liveListing;
  const planned = performance.now();
  const planCpu = process.cpuUsage(cpuStarted);

  const written: string[] = [];
  const urlOf = (file: string) => `/${file.replace(/index\.html$/, "")}`;
  const merge = bundles.map((b) => ({ bundlePath: resolveHref(`/${b.folder}/`, pathPrefix(config.baseUrl)) }));
  const setup = { site, model, pages: pagesToRender(plan, toRender), search: { merge, unspacedLetters: indexSegmentsThem(config.language) ? null : UNSPACED_LETTERS } };
  const onRendered = (page: { url: string; outputPath: string; content: string }) => {
    written.push(page.outputPath);
    const file = fileOf(page.url);
    // Rendered before Pagefind starts, a page is keyed here; else as Pagefind takes it (below), so its search document is made once.
    if (direct && storyFiles.has(file)) searchHashes.set(file, searchHash(page.content));
  };
  if (direct) {
    await renderDirect(outputDir, setup, onRendered);
    for (const bundle of bundles) {
      if (!tentative(bundle)) continue;
      bundle.key = bundleKey(bundle, outputDir);
      bundle.carry = bundle.key === before!.search[bundle.folder]!.key;
      // Rebuilt: its carried files go first, so that Pagefind writes none of them in place (each is the live file's link).
      if (!bundle.carry) rmSync(join(outputDir, bundle.folder), { recursive: true, force: true });
    }
  }
  // Pagefind indexes beside Eleventy (./search.ts): the carried-over story pages now, the rendered ones as they come
  // (all of them there already when rendered without it).
  const rebuilt = bundles.filter((b) => !b.carry).map((b) => ({ folder: b.folder, urls: b.pages.map((p) => urlOf(p.file)) }));
  const search = await startSearch(outputDir, rebuilt, config.language, (url) => direct || carried.has(fileOf(url)), (url, document) => {
    const file = fileOf(url);
    if (!searchHashes.has(file)) searchHashes.set(file, documentHash(document));
  }).catch((error: unknown) => {
    throw shown(error, liveDir ?? outputDir);
  });
  let rendered = planned;
  let renderedDirect = direct ? written.length : 0;
  let searched = planned;
  let alongsideMs = 0;
  let searchCpuMs: number | null = null;
  try {
    if (!renderNothing && !direct) {
      renderedDirect = await renderPages(outputDir, { ...setup, onContent: (page) => search.content(page.url, page.content) }, options.eleventyOnly ?? false, (page) => {
        onRendered(page);
        search.rendered(page.url, page.content);
      });
    }
    rendered = performance.now();
    const finished = search.finish().then(() => performance.now());
    // Both are waited for, whichever fails first, before Pagefind is stopped.
    const beside = options.alongside ? options.alongside(written).then(() => performance.now()) : Promise.resolve(rendered);
    keyAll();
    const [indexed, besideDone] = await Promise.allSettled([finished, beside]);
    if (indexed.status === "rejected") throw shown(indexed.reason, liveDir ?? outputDir);
    if (besideDone.status === "rejected") throw besideDone.reason;
    searched = indexed.value;
    alongsideMs = besideDone.value - rendered;
  } finally {
    searchCpuMs = await search.close();
  }

  const { pages: pageKeys, whole } = keyAll();
  for (const bundle of bundles) if (!bundle.carry) bundle.key = bundleKey(bundle, outputDir);
  const state: SiteState = { site: key, pages: {}, search: {}, folders, searched: Object.fromEntries(stories.map((p) => [p.file, searchedAs(p.file, outputDir)])) };
  const record = (file: string, fileKey: string) => {
    const was = linked && (carried.has(file) || renderNothing) ? before!.pages[file] : undefined;
    const identity: FileIdentity | null = was ? [was[1], was[2], was[3]] : fileIdentity(join(outputDir, file));
    if (identity) state.pages[file] = [fileKey, ...identity];
  };
  for (const page of plan.pages) record(page.file, pageKeys.get(page.file)!);
  const wholeFiles = renderNothing ? wholePages : written.map((file) => relative(outputDir, file)).filter((file) => !plan.slices.has(file));
  for (const file of wholeFiles) record(file, whole);
  let searchFiles = 0;
  for (const bundle of bundles) {
    const dir = join(outputDir, bundle.folder);
    const files: Record<string, FileIdentity> = bundle.carry && linked ? { ...before!.search[bundle.folder]!.files } : {};
    if (!(bundle.carry && linked)) for (const file of filesUnder(dir)) {
      const identity = fileIdentity(join(dir, file));
      if (identity) files[file] = identity;
    }
    state.search[bundle.folder] = { key: bundle.key, files };
    searchFiles += Object.keys(files).length;
  }
  const files = Object.keys(state.pages).length + searchFiles;
  const stats: SiteStats = {
    files,
    pages: Object.keys(state.pages).length,
    rendered: renderNothing ? 0 : toRender.size + wholeFiles.length,
    renderedDirect,
    carried: carried.size + (renderNothing ? wholePages.length : 0),
    bundles: bundles.length,
    rebuilt: bundles.filter((b) => !b.carry).length,
    folders: sorted,
    ms: { plan: planned - started, eleventy: rendered - planned, search: searched - rendered, alongside: alongsideMs },
    planCpuMs: (planCpu.user + planCpu.system) / 1000,
    searchCpuMs,
  };
  return { state, stats };
}

/**
 * A failed search write told by the site folder the user named (this build writes beside it, and the failed
 * build's folder is gone by the time the message is read): the site there is left as it was.
 */
function shown(error: unknown, siteDir: string): unknown {
  if (!(error instanceof SearchStopped)) return error;
  const what = error.folder === null ? "Pagefind stopped" : `Pagefind could not write the search index (${error.folder}/)`;
  return new Error(`${siteDir}: ${what}: ${error.reason}; the site there is left as it was`);
}

/**
 * Renders `setup.pages`: the story pages first, without Eleventy (./direct.ts: each written as rendered and
 * sent to Pagefind, so none is held), in model order, then every other page in one Eleventy run (it holds
 * every page it renders until it has written them all: a few hundred days and months). Pagefind falls
 * behind the rendering, so the stories it indexes last are indexed while Eleventy loads and renders the
 * rest, not alone at the end; and a story page costs less rendered without Eleventy (its data cascade and
 * pagination per page: 2.3 M instructions a story page, callgrind; docs/scaling.md, stop 54). `eleventyOnly`:
 * every page in the Eleventy run.
 * How many pages it rendered without Eleventy.
 */
async function renderPages(outputDir: string, setup: Omit<EleventySetup, "onPage" | "storiesOnly">, eleventyOnly: boolean, onPage: NonNullable<EleventySetup["onPage"]>): Promise<number> {
  const { pages } = setup;
  const direct = eleventyOnly ? [] : pages.stories;
  if (direct.length) await renderDirect(outputDir, { ...setup, pages: { stories: direct, days: [], months: [], redirects: [] }, storiesOnly: true }, onPage);
  // Eleventy registers an ESM resolve hook (a loader thread every later import goes through) to re-import
  // changed JavaScript templates and data in watch mode; the site has neither, and the hook cost about 9%
  // of a small build's instructions (callgrind). It is skipped unless the caller's environment says otherwise.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  const eleventy = await import("@11ty/eleventy");
  const instance = new eleventy.default(templates, outputDir, {
    // No config file: everything is set up by configureEleventy.
    configPath: false,
    quietMode: true,
    config: (eleventyConfig: EleventyConfigApi) => configureEleventy(eleventyConfig, { ...setup, pages: { ...pages, stories: eleventyOnly ? pages.stories : [] }, onPage }),
  });
  instance.logger.overrideLogger(eleventyConsole);
  await instance.write();
  return direct.length;
}
