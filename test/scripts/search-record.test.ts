// Story pages go to Pagefind as the records it would make of their HTML (scripts/search-record.ts): a search must
// find the same pages, rank them the same and show the same titles and excerpts, so the index made from the records
// must be byte for byte the one Pagefind makes from the pages' search documents, on real pages of every kind the
// site writes (several outlets with links, hostile text, other languages and scripts, a held-back page).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { searchDocument } from "../../src/site/search.ts";
import { searchRecord } from "../../scripts/search-record.ts";
import { build, fixtures, hostile, seeds } from "../site/build.ts";

/** Every file of an index of `documents` ([url, search document]), each page as a record when `records`, else as HTML. */
async function indexFiles(documents: Array<[string, string]>, language: string, records: boolean): Promise<Record<string, string>> {
  const { index } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error("Pagefind gave no index");
  for (const [url, document] of documents) {
    const record = records ? searchRecord(document) : null;
    if (records) expect(record, url).not.toBeNull();
    const added = record ? await index.addCustomRecord({ url, content: record.content, language, meta: record.meta }) : await index.addHTMLFile({ url, content: document });
    expect(added.errors).toEqual([]);
  }
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return Object.fromEntries(files.map((file) => [file.path, Buffer.from(file.content).toString("base64")]));
}

describe("search records", () => {
  let documents: Array<[string, string]>;
  let pages: Record<string, string>;

  beforeAll(async () => {
    const input = mkdtempSync(join(tmpdir(), "digest-search-record-"));
    for (const fixture of [seeds, hostile, join(fixtures, "site-languages"), join(fixtures, "unspaced"), join(fixtures, "held-back")]) cpSync(fixture, join(input, fixture.split("/").pop()!), { recursive: true });
    const { site } = await build(input);
    const urls = readdirSync(join(site, "stories"))
      .sort()
      .map((id) => `/stories/${id}/`);
    pages = Object.fromEntries(urls.map((url) => [url, readFileSync(join(site, url, "index.html"), "utf8")]));
    documents = urls.map((url) => [url, searchDocument(pages[url]!, "en")]);
  }, 300_000);

  afterAll(() => pagefind.close());

  it("make the index Pagefind makes from the pages' HTML, byte for byte", async () => {
    expect(documents.length).toBeGreaterThanOrEqual(10);
    // The pages hold what a record must carry: links to the outlets, other scripts, a page held back.
    expect(Object.values(pages).some((html) => html.includes('<a href="http'))).toBe(true);
    expect(Object.values(pages).some((html) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(html))).toBe(true);
    expect(Object.values(pages).some((html) => html.includes("held-back-note"))).toBe(true);
    const fromHtml = await indexFiles(documents, "en", false);
    expect(Object.keys(fromHtml)).toContain("pagefind-entry.json");
    expect(await indexFiles(documents, "en", true)).toEqual(fromHtml);
  }, 120_000);

  it("carries the headline as the result's title and weighs it as Pagefind weighs an h1", () => {
    const [url, document] = documents.find(([, doc]) => /<h1[^>]*>[^<]+<\/h1>/.test(doc) && !doc.includes("held-back-note"))!;
    const headline = /<h1[^>]*>([^<]+)<\/h1>/.exec(document)![1]!;
    const record = searchRecord(document)!;
    expect(record.meta.title, url).toBe(headline.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").trim());
    expect(record.content.startsWith(`___PAGEFIND_AUTO_WEIGHT___7 ${record.meta.title}`)).toBe(true);
  });

  it("leaves to Pagefind's own parse what it does not follow", () => {
    expect(searchRecord('<html lang="en"><body><article data-pagefind-body><h1 id="top">A</h1></article></body></html>')).toBeNull();
    expect(searchRecord('<html lang="en"><body><article data-pagefind-body><p>A &copy; B</p></article></body></html>')).toBeNull();
    expect(searchRecord('<html lang="en"><body><article data-pagefind-body><p>A<img src="x.png"></p></article></body></html>')).toBeNull();
    expect(searchRecord('<html lang="en"><body><article data-pagefind-body><p data-pagefind-weight="2">A</p></article></body></html>')).toBeNull();
  });
});
