// Search: Pagefind indexes the story pages (the element marked data-pagefind-body) into OUTPUT/pagefind/
// (and, on a larger site, further bundles beside it: ./bundles.ts), with its browser UI; the search page
// loads it.
//
// Pagefind numbers pages in the order they are added, and its files depend on that order, so each
// bundle's pages go in the model's order (on every machine the same index; Pagefind's own walk of a
// folder goes in the file system's order). Only the marked element travels, inside a bare document:
// Pagefind reads nothing else of a page when one is marked, so the index is the one it would build from
// the whole files (a page without the mark goes whole).
//
// Pagefind runs as a process of its own, so indexing goes on beside rendering. Pagefind answers its
// messages one after another, on one core: every bundle's index is made before Eleventy runs, and the
// bundles are then fed in order, a few thousand pages' worth at a time. A bundle's
// carried-over pages are sent when it starts (read from the site folder); a page still to be rendered
// that comes before one of them holds its place with an empty stand-in, sent again with its real content
// as it comes (Pagefind replaces a page added again under the same URL in place: the same pages in the
// same order, so the same bytes; test/site/search.test.ts), and the pages after the last carried-over one
// are sent once each, in order, as they come (a cold build's pages: half the messages). A page's content
// comes as its template renders it, in Eleventy's first pass, which renders every page of a run before it
// writes any (a template is the whole page: it extends base.njk, and no Eleventy layout wraps it; the
// marked element is in story.njk), else from the written page. A bundle is written, and its index
// dropped, as soon as its last page is in, and the next bundle starts: Eleventy renders the story pages
// in model order, which is the bundles' order, so Pagefind indexes the whole time Eleventy renders, and
// its memory stays bounded on a large site. Pages of bundles not started yet wait in memory (few, as
// they come in order).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { launchWatched } from "./pagefind-process.ts";
import { indexSegmentsThem, spacedUnspacedWords } from "./unspaced-words.ts";

const BODY_MARK = "data-pagefind-body";
const IGNORE_MARK = "data-pagefind-ignore";
/**
 * The most pages the bundles being fed hold together (but always one bundle): what bounds Pagefind's
 * memory. A build that rebuilds a few bundles feeds them all at once, so Pagefind indexes their
 * carried-over pages while Eleventy starts.
 */
const OPEN_PAGES = 3_000;
/**
 * Story pages per fragment file: Pagefind writes a page's fragment (its title, URL and text, for the result
 * shown) to a file of its own unless told the most files an index may have (`maxFragments`), and then shares
 * them out into files of several pages. Each file costs Pagefind a compressor and a file's writes (about 0.1 ms
 * of its CPU; scripts/bench-pagefind.ts), and each build that carries the bundle a link and an identity; a
 * reader's search fetches a few more bytes a result (a file holds its neighbours' fragments too). The index,
 * and so what a search finds and how it ranks it, is the same (docs/scaling.md, "Stop 39").
 */
const PAGES_PER_FRAGMENT_FILE = 4;
/** What holds a page's place in its index until its content comes. */
const STAND_IN = "<html><body></body></html>";

/**
 * Where the marked element of `html` starts, and its tag, or null when it has none. The mark counts only
 * as an attribute of a tag: text and attribute values are escaped (no "<", ">" or '"' in them), so a
 * headline that reads "data-pagefind-body" (in the page's title, say) is not taken for it.
 */
function markedTag(html: string, attribute = BODY_MARK, from = 0): { start: number; mark: number; tag: string } | null {
  for (let mark = html.indexOf(attribute, from); mark >= 0; mark = html.indexOf(attribute, mark + 1)) {
    const start = html.lastIndexOf("<", mark);
    if (start < 0 || html.lastIndexOf(">", mark) > start) continue;
    if (!/\s/.test(html[mark - 1] ?? "") || !/[\s>/=]/.test(html[mark + attribute.length] ?? "")) continue;
    let quotes = 0;
    for (let i = html.indexOf('"', start); i >= 0 && i < mark; i = html.indexOf('"', i + 1)) quotes++;
    if (quotes % 2) continue;
    const tag = /^<([a-z][a-z0-9]*)\s/i.exec(html.slice(start, mark))?.[1];
    return tag ? { start, mark, tag } : null;
  }
  return null;
}

/** The marked element of `html`, or null when it has none or nests it. */
export function markedElement(html: string): string | null {
  const found = markedTag(html);
  if (!found) return null;
  const { start, mark, tag } = found;
  const end = html.indexOf(`</${tag}>`, mark);
  if (end < 0 || html.slice(start + 1, end).includes(`<${tag}`)) return null;
  return html.slice(start, end + tag.length + 3);
}

/**
 * `element` without the elements in it marked data-pagefind-ignore, which Pagefind would not index: what
 * it is sent is then what it indexes, so a page that changed only there is sent as it was, and its bundle
 * (keyed by what its pages are sent: ./index.ts) is not rebuilt. An ignored element whose end is not
 * found (a void tag, or the same tag nested in it in a way this does not follow) is left in.
 */
export function withoutIgnored(element: string): string {
  let out = element;
  for (let found = markedTag(out, IGNORE_MARK); found; found = markedTag(out, IGNORE_MARK, found.start)) {
    const end = closingEnd(out, found.tag, found.mark);
    if (end < 0) {
      found = { ...found, start: found.mark + IGNORE_MARK.length };
      continue;
    }
    // The white space before it goes too when white space follows it (the same words either way), so that
    // a page with an ignored element, as templates write one on a line of its own, reads as the page without it.
    let cut = found.start;
    if (end === out.length || /\s/.test(out[end]!)) while (cut > 0 && /\s/.test(out[cut - 1]!)) cut--;
    out = out.slice(0, cut) + out.slice(end);
    found = { ...found, start: cut };
  }
  return out;
}

/** Where the element of `tag` opened before `from` ends (past its closing tag), counting the same tag nested in it; -1 when it does not. */
function closingEnd(html: string, tag: string, from: number): number {
  const open = new RegExp(`<${tag}[\\s>/]|</${tag}>`, "gi");
  open.lastIndex = from;
  let depth = 1;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    depth += match[0][1] === "/" ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return -1;
}

/** The marked element of a page (without what Pagefind would ignore) in a bare document, or the page as it is when it has none (or nests it). */
export function searchDocument(html: string, language: string): string {
  const element = markedElement(html);
  return element === null ? html : bare(element, language);
}

function bare(element: string, language: string): string {
  const body = withoutIgnored(element);
  return `<html lang="${language.replace(/[^A-Za-z0-9-]/g, "")}"><body>${indexSegmentsThem(language) ? body : spacedUnspacedWords(body)}</body></html>`;
}

/** Pagefind's process ended before the index was written: `folder` is the bundle it was writing, if any; `reason` the OS error or signal. */
export class SearchStopped extends Error {
  constructor(
    siteDir: string,
    readonly folder: string | null,
    readonly reason: string,
  ) {
    super(folder === null ? `search index: Pagefind stopped: ${reason}` : `search index: Pagefind could not write ${join(siteDir, folder)}: ${reason}`);
  }
}

export interface SearchBundle {
  /** Its folder in the site ("pagefind", "pagefind-2", …). */
  folder: string;
  /** Its story pages' URLs ("/stories/s-1/"), in model order. */
  urls: string[];
}

export interface SearchIndexing {
  /**
   * A page as its template renders it, in Eleventy's first pass (it renders every page of a run before it
   * writes any), sooner than `rendered`: the whole page, as the templates extend base.njk and name no
   * Eleventy layout. Taken for the page when it holds the marked element.
   */
  content(url: string, html: string): void;
  /** A page Eleventy has rendered, with the HTML it writes: indexed now if a bundle being built waits for it. */
  rendered(url: string, html: string): void;
  /** Once every page is written: finishes every bundle. */
  finish(): Promise<void>;
  /** Stops Pagefind (after `finish`, or when the build failed); gives the CPU milliseconds its process used, where /proc tells (Linux), else null. */
  close(): Promise<number | null>;
}

/**
 * The CPU milliseconds (all its threads) of this process's child Pagefind, from /proc, or null. Pagefind
 * runs beside Eleventy on the other core, and `process.cpuUsage` does not count it.
 */
export function pagefindCpuMs(): number | null {
  try {
    let ms: number | null = null;
    for (const task of readdirSync("/proc/self/task")) {
      for (const pid of readFileSync(`/proc/self/task/${task}/children`, "utf8").split(" ").filter(Boolean)) {
        if (!readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("pagefind")) continue;
        // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        ms = (ms ?? 0) + (Number(fields[11]) + Number(fields[12])) * 10;
      }
    }
    return ms;
  } catch {
    return null;
  }
}

/**
 * Starts indexing `bundles` into `siteDir`: the pages `carried` says are already there are read when
 * their bundle starts; the others come through `rendered`. `taken` hears each page's search document once,
 * as it is taken (./index.ts keys the bundles by them).
 */
export async function startSearch(
  siteDir: string,
  bundles: readonly SearchBundle[],
  language: string,
  carried: (url: string) => boolean,
  taken: (url: string, document: string) => void = () => {},
): Promise<SearchIndexing> {
  const forceLanguage = language.slice(0, 2).toLowerCase() || "en";
  const read = (url: string) => searchDocument(readFileSync(join(siteDir, url.replace(/^\//, ""), "index.html"), "utf8"), language);
  const bundleOf = new Map<string, number>();
  bundles.forEach((bundle, i) => {
    for (const url of bundle.urls) bundleOf.set(url, i);
  });
  // Rendered pages of bundles not started yet (Eleventy renders the stories in bundle order, so few).
  const early = new Map<string, string>();
  const open = new Map<number, BundleIndex>();
  const started: BundleIndex[] = [];
  let next = 0;
  const content = (url: string): string | null => {
    if (carried(url)) {
      const document = read(url);
      taken(url, document);
      return document;
    }
    const document = early.get(url);
    early.delete(url);
    return document ?? null;
  };
  // Every bundle's index is made at once (an empty index costs Pagefind nothing), so that a bundle starts
  // without waiting for Pagefind to answer, which answers in turn after all it was sent before.
  // Pagefind's process is watched (./pagefind-process.ts): if it ends, nothing more is sent to it, and what
  // waits for its answers is released at once by closing the service (its answers are rejected).
  const launched = launchWatched(() => bundles.map((bundle) => pagefind.createIndex({ forceLanguage, maxFragments: Math.max(1, Math.ceil(bundle.urls.length / PAGES_PER_FRAGMENT_FILE)) })));
  const service = launched.process;
  const stopped = () => !!service?.failure;
  /** The bundles whose files Pagefind was told to write and has not answered for, in the order told (it answers in order). */
  const writing = new Set<string>();
  const stoppedError = () => new SearchStopped(siteDir, [...writing][0] ?? null, service!.failure!);
  if (service) service.onEnd = () => void pagefind.close();
  const made = await Promise.allSettled(launched.result);
  if (stopped()) throw stoppedError();
  const failed = made.find((result) => result.status === "rejected" || !result.value.index);
  if (failed) {
    service?.closing();
    await pagefind.close();
    throw failed.status === "rejected" ? failed.reason : new Error(`search index could not be started: ${failed.value.errors.join("; ")}`);
  }
  const indexes = made.map((result) => (result as PromiseFulfilledResult<pagefind.NewIndexResponse>).value.index!);
  // Bundles start in order, while those being fed hold at most OPEN_PAGES pages: a bundle is written once
  // its last page is in, and the next ones start.
  let openPages = 0;
  const startMore = (): void => {
    while (!stopped() && next < bundles.length && (open.size === 0 || openPages + bundles[next]!.urls.length <= OPEN_PAGES)) {
      const i = next++;
      openPages += bundles[i]!.urls.length;
      const index = new BundleIndex(indexes[i]!, siteDir, bundles[i]!.folder, stopped, writing);
      started.push(index);
      open.set(i, index);
      index.onComplete = () => {
        open.delete(i);
        openPages -= bundles[i]!.urls.length;
        startMore();
      };
      index.start(bundles[i]!.urls, content);
    }
  };
  startMore();
  /** Pages whose search document has come. */
  const have = new Set<string>();
  const take = (url: string, i: number, document: string) => {
    have.add(url);
    taken(url, document);
    const index = open.get(i);
    if (index) index.add(url, document);
    else if (i >= next) early.set(url, document);
  };
  return {
    content(url, html) {
      const i = bundleOf.get(url);
      if (i === undefined || have.has(url)) return;
      const element = markedElement(html);
      if (element !== null) take(url, i, bare(element, language));
    },
    rendered(url, html) {
      const i = bundleOf.get(url);
      if (i !== undefined && !have.has(url)) take(url, i, searchDocument(html, language));
    },
    async finish() {
      // Every bundle index answers all it was sent, so none is left waiting when another fails.
      const results = await Promise.allSettled(started.map((index) => index.done()));
      if (stopped()) throw stoppedError();
      for (const result of results) if (result.status === "rejected") throw result.reason;
      // A bundle waits for its turn only while one before it waits for pages (and that one failed above).
      if (next < bundles.length) throw new Error(`search index ${bundles[next]!.folder} was never started`);
      tagEntries(siteDir);
    },
    close: () => {
      const cpuMs = pagefindCpuMs();
      service?.closing();
      return pagefind.close().then(() => cpuMs);
    },
  };
}

/** The search page (templates/search.njk), and the mark it is written with where a bundle's entry tag goes. */
const SEARCH_PAGE = "search/index.html";
const ENTRY_TAG_MARK = /"digest-entry-tag:[^"]*?([^"/]+)\/"/g;

/**
 * Writes each bundle's tag into the search page, once every bundle is written: a hash of the bundle's
 * pagefind-entry.json, which names its metadata file (itself named by a hash of the bundle's index), so
 * the tag changes exactly when the bundle's files do, and the same bundle has the same tag whatever the
 * build that wrote it. Pagefind fetches the entry as pagefind-entry.json?ts=TAG (else ?ts=<now>, fetched
 * again on every visit). A bundle without an entry gets none (null: Pagefind's own ?ts=<now>). A search
 * page this build did not write (carried over) has its tags already, and is left as it is.
 */
export function tagEntries(siteDir: string): void {
  const page = join(siteDir, SEARCH_PAGE);
  let html: string;
  try {
    html = readFileSync(page, "utf8");
  } catch {
    return;
  }
  if (!html.includes('"digest-entry-tag:')) return;
  const tagged = html.replace(ENTRY_TAG_MARK, (_, folder: string) => {
    try {
      return JSON.stringify(createHash("sha256").update(readFileSync(join(siteDir, folder, "pagefind-entry.json"))).digest("hex").slice(0, 16));
    } catch {
      return "null";
    }
  });
  // A new file in its place: never written through a link another site folder shares.
  writeFileSync(`${page}.tagging`, tagged);
  renameSync(`${page}.tagging`, page);
}

/**
 * One bundle's index in Pagefind: its pages sent in order. A page still to come holds its place with a
 * stand-in only when a page after it is already there (a carried-over page, which is then indexed at once);
 * the pages after the last one there are sent as they come, in order (one that comes early waits here), so
 * a cold build sends each page once.
 */
class BundleIndex {
  /** URLs whose content is still to come. */
  readonly missing = new Set<string>();
  /** Called once the last page is in (the index is being written). */
  onComplete: (() => void) | null = null;
  private readonly sent: Array<Promise<{ errors: string[] }>> = [];
  private written: Promise<{ errors: string[] }> | null = null;
  private dropped: Promise<unknown> | null = null;
  /** The pages after the last one that was there at the start, to send in order; the first not sent yet. */
  private tail: readonly string[] = [];
  private readonly inTail = new Set<string>();
  private next = 0;
  /** Pages of the tail that came before their turn. */
  private readonly held = new Map<string, string>();

  constructor(
    private readonly index: pagefind.PagefindIndex,
    private readonly siteDir: string,
    private readonly folder: string,
    /** Whether Pagefind's process has ended: then nothing more is sent (it would start another). */
    private readonly stopped: () => boolean,
    /** Shared by the bundles: those whose files Pagefind is writing. */
    private readonly writing: Set<string>,
  ) {}

  /** Sends the pages: `content(url)` is the page's search document, or null when it is still to be rendered. */
  start(urls: readonly string[], content: (url: string) => string | null): void {
    const documents = urls.map((url) => content(url));
    let lastThere = documents.length - 1;
    while (lastThere >= 0 && documents[lastThere] === null) lastThere--;
    for (let i = 0; i <= lastThere; i++) {
      const document = documents[i];
      if (document === null) this.missing.add(urls[i]!);
      this.send(urls[i]!, document ?? STAND_IN);
    }
    this.tail = urls.slice(lastThere + 1);
    for (const url of this.tail) {
      this.missing.add(url);
      this.inTail.add(url);
    }
    this.writeWhenComplete();
  }

  /** A page's content, if the index still waits for it. */
  add(url: string, document: string): void {
    if (!this.missing.has(url) || this.held.has(url)) return;
    if (this.tail[this.next] === url || !this.inTail.has(url)) {
      this.missing.delete(url);
      this.send(url, document);
      if (this.tail[this.next] === url) this.sendHeld();
    } else this.held.set(url, document);
    this.writeWhenComplete();
  }

  /** Sends the tail's pages that wait for their turn, from the next one on. */
  private sendHeld(): void {
    this.next++;
    for (let url = this.tail[this.next]; url !== undefined && this.held.has(url); url = this.tail[++this.next]) {
      this.missing.delete(url);
      this.send(url, this.held.get(url)!);
      this.held.delete(url);
    }
  }

  /** Waits for the bundle's files; fails when a page never came or Pagefind reported an error. */
  async done(): Promise<void> {
    try {
      if (this.missing.size) throw new Error(`search index ${this.folder}: ${this.missing.size} pages were never rendered, such as ${[...this.missing][0]}`);
      for (const result of await Promise.all(this.sent)) if (result.errors.length) throw new Error(`search index: ${result.errors.join("; ")}`);
      const written = await this.written!;
      if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    } finally {
      if (!this.stopped()) await (this.dropped ?? this.index.deleteIndex());
    }
  }

  /** Each call queues its message at once; the answers are read by `done` (none is left unhandled meanwhile). */
  private send(url: string, content: string): void {
    if (this.stopped()) return;
    const result = this.index.addHTMLFile({ url, content });
    result.catch(() => {});
    this.sent.push(result);
  }

  private writeWhenComplete(): void {
    if (this.missing.size || this.written || this.stopped()) return;
    this.writing.add(this.folder);
    this.written = this.index.writeFiles({ outputPath: join(this.siteDir, this.folder) });
    this.written.then(() => this.writing.delete(this.folder), () => {});
    // Pagefind answers its messages one after another: the index is dropped once written, and its memory with it.
    this.dropped = this.index.deleteIndex();
    this.dropped.catch(() => {});
    this.onComplete?.();
  }
}
