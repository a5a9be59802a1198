// Search: Pagefind indexes the story pages (the element marked data-pagefind-body) into OUTPUT/pagefind/
// (and, on a larger site, further bundles beside it: ./bundles.ts), with its browser UI; the search page
// loads it.
//
// Pagefind numbers pages in the order they are added, and its files depend on that order, so pages are
// added in the model's order, whatever order they are rendered or carried over in. Each page is handed
// over as soon as Eleventy renders it (Pagefind parses it in its own process, on another core, while the
// rest renders), or read back from the site folder when it was carried over from the last build. Only
// the marked element travels, inside a bare document: Pagefind reads nothing else of a page when one is
// marked, so the index is the one it would build from the whole files (a page without the mark goes whole).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";

const BODY_MARK = "data-pagefind-body";

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

export class SearchIndexer {
  private next = 0;
  private readonly arrived = new Map<string, string>();
  private readonly pending: Array<Promise<{ errors: string[] }>> = [];
  private chain: Promise<void> = Promise.resolve();
  /** The story pages that are rendered this time (the others are read back from the site folder). */
  private readonly rendered: Set<string>;

  private constructor(
    private readonly index: pagefind.PagefindIndex,
    /** Story URLs ("/stories/s-1/") in model order, each with whether it is carried over (read from `siteDir`). */
    private readonly order: ReadonlyArray<{ url: string; carried: boolean }>,
    private readonly siteDir: string,
    /** Where in the site the index goes ("pagefind"). */
    private readonly folder: string,
    private readonly language: string,
  ) {
    this.rendered = new Set(order.filter((o) => !o.carried).map((o) => o.url));
  }

  /** A new index in the Pagefind service (started on first use; stop it with `SearchIndexer.close`). */
  static async start(order: ReadonlyArray<{ url: string; carried: boolean }>, siteDir: string, folder: string, language: string): Promise<SearchIndexer> {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: language.slice(0, 2).toLowerCase() || "en" });
    if (!index) throw new Error(`search index could not be started: ${errors.join("; ")}`);
    return new SearchIndexer(index, order, siteDir, folder, language);
  }

  /** A page Eleventy rendered (any page: those that are not stories are not indexed). */
  offer(url: string, html: string): void {
    if (!this.rendered.has(url)) return;
    this.arrived.set(url, searchDocument(html, this.language));
    this.pump(false);
  }

  /** Hands pages to Pagefind in order for as long as the next one is there (one chain, so reads keep the order). */
  private pump(final: boolean): void {
    while (this.next < this.order.length) {
      const { url, carried } = this.order[this.next]!;
      const html = this.arrived.get(url);
      if (html !== undefined) {
        this.arrived.delete(url);
        this.chain = this.chain.then(() => this.add(url, html));
      } else if (carried || final) {
        const file = join(this.siteDir, url.replace(/^\//, ""), "index.html");
        this.chain = this.chain.then(async () => this.add(url, searchDocument(await readFile(file, "utf8"), this.language)));
      } else return;
      this.next++;
    }
  }

  private add(url: string, html: string): void {
    this.pending.push(this.index.addHTMLFile({ url, content: html }));
  }

  /** Adds what is left and writes the index into its folder of the site. */
  async finish(): Promise<void> {
    this.pump(true);
    await this.chain;
    for (const added of await Promise.all(this.pending)) if (added.errors.length) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await this.index.writeFiles({ outputPath: join(this.siteDir, this.folder) });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
  }

  /** Stops the Pagefind service (after the indexes are written, or when the build failed). */
  static async close(): Promise<void> {
    await pagefind.close();
  }
}
