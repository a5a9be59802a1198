// Search: Pagefind indexes the story pages (the element marked data-pagefind-body) into OUTPUT/pagefind/
// (and, on a larger site, further bundles beside it: ./bundles.ts), with its browser UI; the search page
// loads it.
//
// Pagefind numbers pages in the order they are added, and its files depend on that order, so each
// bundle's pages are added in the model's order, read back from the site folder once written (and so on
// every machine the same index; Pagefind's own walk of a folder goes in the file system's order). Only
// the marked element travels, inside a bare document: Pagefind reads nothing else of a page when one is
// marked, so the index is the one it would build from the whole files (a page without the mark goes
// whole). Bundles are built two at a time (one at a time once they are large), each index dropped once
// written, which bounds Pagefind's memory on a large site.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pagefind from "pagefind";

const BODY_MARK = "data-pagefind-body";
/** Bundles indexed at once (one being written while the next is read in), while they are small enough; larger ones one by one. */
const AT_ONCE = 2;
const AT_ONCE_PAGES = 3_000;

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

/** Writes each bundle's index into its folder of the site, from the story pages already written there. */
export async function indexSearch(siteDir: string, bundles: readonly SearchBundle[], language: string): Promise<void> {
  if (!bundles.length) return;
  const forceLanguage = language.slice(0, 2).toLowerCase() || "en";
  try {
    let next = 0;
    const lane = async () => {
      while (next < bundles.length) await indexBundle(siteDir, bundles[next++]!, forceLanguage, language);
    };
    const largest = Math.max(...bundles.map((b) => b.urls.length));
    await Promise.all(Array.from({ length: largest > AT_ONCE_PAGES ? 1 : Math.min(AT_ONCE, bundles.length) }, lane));
  } finally {
    await pagefind.close();
  }
}

async function indexBundle(siteDir: string, bundle: SearchBundle, forceLanguage: string, language: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage });
  if (!index) throw new Error(`search index could not be started: ${errors.join("; ")}`);
  try {
    // Read and sent in order (each call queues its message at once); answered together.
    const added = bundle.urls.map((url) => index.addHTMLFile({ url, content: searchDocument(readFileSync(join(siteDir, url.replace(/^\//, ""), "index.html"), "utf8"), language) }));
    for (const result of await Promise.all(added)) if (result.errors.length) throw new Error(`search index: ${result.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, bundle.folder) });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join("; ")}`);
  } finally {
    await index.deleteIndex();
  }
}
