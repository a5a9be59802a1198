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
// Pagefind runs as a process of its own, so indexing goes on beside rendering: a bundle's index is
// started before Eleventy runs, its carried-over pages are sent at once (read from the site folder), and
// each page being rendered holds its place with an empty stand-in, sent again with its real content as
// Eleventy hands it over (Pagefind replaces a page added again under the same URL in place: the same
// pages in the same order, so the same bytes; test/site/search.test.ts). A bundle is written as soon as
// its last page is in. Bundles are indexed two at a time (one at a time once they are large), each index
// dropped once written, which bounds Pagefind's memory on a large site: the first ones beside rendering,
// the rest afterwards, read back from the site folder.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

const BODY_MARK = "data-pagefind-body";
/** Bundles indexed at once (one being written while the next is read in), while they are small enough; larger ones one by one. */
const AT_ONCE = 2;
const AT_ONCE_PAGES = 3_000;
/** What holds a page's place in its index until its content comes. */
const STAND_IN = "<html><body></body></html>";

/** The marked element of a page in a bare document, or the page as it is when it has none (or nests it). */
export function searchDocument(html: string, language: string): string {
  const mark = html.indexOf(BODY_MARK);
  const start = mark < 0 ? -1 : html.lastIndexOf("<", mark);
  const tag = start < 0 ? null : /^<([a-z][a-z0-9]*)[\s>]/i.exec(html.slice(start, mark + 1))?.[1];
  if (!tag) return html;
  const end = html.indexOf(`</${tag}>`, mark);
  if (end < 0 || html.slice(start + 1, end).includes(`<${tag}`)) return html;
  return `<html lang="${language.replace(/[^A-Za-z0-9-]/g, "")}"><body>${html.slice(start, end + tag.length + 3)}</body></html>`;
}

export interface SearchBundle {
  /** Its folder in the site ("pagefind", "pagefind-2", …). */
  folder: string;
  /** Its story pages' URLs ("/stories/s-1/"), in model order. */
  urls: string[];
}

export interface SearchIndexing {
  /** A page Eleventy has rendered, with the HTML it writes: indexed now if a bundle being built waits for it. */
  rendered(url: string, html: string): void;
  /** Once every page is written: finishes every bundle (the others read back from the site folder). */
  finish(): Promise<void>;
  /** Stops Pagefind (after `finish`, or when the build failed). */
  close(): Promise<void>;
}

/**
 * Starts indexing `bundles` into `siteDir`: the pages `carried` says are already there are read and sent
 * now; the others come through `rendered`.
 */
export async function startSearch(siteDir: string, bundles: readonly SearchBundle[], language: string, carried: (url: string) => boolean): Promise<SearchIndexing> {
  const forceLanguage = language.slice(0, 2).toLowerCase() || "en";
  const read = (url: string) => searchDocument(readFileSync(join(siteDir, url.replace(/^\//, ""), "index.html"), "utf8"), language);
  const largest = Math.max(0, ...bundles.map((b) => b.urls.length));
  const lanes = largest > AT_ONCE_PAGES ? 1 : Math.min(AT_ONCE, bundles.length);
  const beside: BundleIndex[] = [];
  try {
    for (const bundle of bundles.slice(0, lanes)) beside.push(await BundleIndex.start(siteDir, bundle, forceLanguage, (url) => (carried(url) ? read(url) : null)));
  } catch (error) {
    await pagefind.close();
    throw error;
  }
  const waiting = new Map<string, BundleIndex>();
  for (const index of beside) for (const url of index.missing) waiting.set(url, index);
  return {
    rendered(url, html) {
      const index = waiting.get(url);
      if (!index) return;
      waiting.delete(url);
      index.add(url, searchDocument(html, language));
    },
    async finish() {
      // Every bundle index answers all it was sent, so none is left waiting when another fails.
      const results = await Promise.allSettled(beside.map((index) => index.done()));
      for (const result of results) if (result.status === "rejected") throw result.reason;
      let next = lanes;
      const lane = async () => {
        while (next < bundles.length) {
          const bundle = bundles[next++]!;
          await (await BundleIndex.start(siteDir, bundle, forceLanguage, read)).done();
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
    },
    close: () => pagefind.close().then(() => undefined),
  };
}

/** One bundle's index in Pagefind: its pages sent in order, stand-ins for those still to come. */
class BundleIndex {
  /** URLs whose content is still to come. */
  readonly missing = new Set<string>();
  private readonly sent: Array<Promise<{ errors: string[] }>> = [];
  private written: Promise<{ errors: string[] }> | null = null;

  private constructor(
    private readonly index: pagefind.PagefindIndex,
    private readonly siteDir: string,
    private readonly folder: string,
  ) {}

  /** `content(url)`: the page's search document, or null when it is still to be rendered. */
  static async start(siteDir: string, bundle: SearchBundle, forceLanguage: string, content: (url: string) => string | null): Promise<BundleIndex> {
    const { index, errors } = await pagefind.createIndex({ forceLanguage });
    if (!index) throw new Error(`search index could not be started: ${errors.join("; ")}`);
    const self = new BundleIndex(index, siteDir, bundle.folder);
    for (const url of bundle.urls) {
      const document = content(url);
      if (document === null) self.missing.add(url);
      self.send(url, document ?? STAND_IN);
    }
    self.writeWhenComplete();
    return self;
  }

  add(url: string, document: string): void {
    if (!this.missing.delete(url)) return;
    this.send(url, document);
    this.writeWhenComplete();
  }

  /** Waits for the bundle's files; fails when a page never came or Pagefind reported an error. */
  async done(): Promise<void> {
    try {
      if (this.missing.size) throw new Error(`search index ${this.folder}: ${this.missing.size} pages were never rendered, such as ${[...this.missing][0]}`);
      for (const result of await Promise.all(this.sent)) if (result.errors.length) throw new Error(`search index: ${result.errors.join("; ")}`);
      const written = await this.written!;
      if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
    } finally {
      await this.index.deleteIndex();
    }
  }

  /** Each call queues its message at once; the answers are read by `done` (none is left unhandled meanwhile). */
  private send(url: string, content: string): void {
    const result = this.index.addHTMLFile({ url, content });
    result.catch(() => {});
    this.sent.push(result);
  }

  private writeWhenComplete(): void {
    if (this.missing.size || this.written) return;
    this.written = this.index.writeFiles({ outputPath: join(this.siteDir, this.folder) });
    this.written.catch(() => {});
  }
}
