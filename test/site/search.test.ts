// The search index is built beside rendering: carried-over pages are sent first, the pages being
// rendered before them hold their place with a stand-in until Eleventy hands them over, in whatever order
// it does, and those after them are sent in order as they come (one that comes early waits its turn).
// Whatever the mix, the index must be byte for byte the one made from the finished pages in order.
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { searchDocument, startSearch } from "../../src/site/search.ts";
import { build, hostile, seeds, tree } from "./build.ts";

describe("search index beside rendering", () => {
  let site: string;
  let digests: string;
  let urls: string[];
  const html = (url: string) => readFileSync(join(site, url, "index.html"), "utf8");

  beforeAll(async () => {
    const input = mkdtempSync(join(tmpdir(), "digest-search-"));
    for (const fixture of [seeds, hostile]) cpSync(fixture, join(input, fixture.split("/").pop()!), { recursive: true });
    ({ site, digests } = await build(input));
    urls = readdirSync(join(site, "stories"))
      .sort()
      .map((id) => `/stories/${id}/`)
      .filter((url) => html(url).includes("data-pagefind-body"));
  });

  /** The bundle's files when the pages in `late` come through `rendered`, in that order, and the rest are read from the site. */
  async function index(late: string[]): Promise<Record<string, string>> {
    const out = mkdtempSync(join(tmpdir(), "digest-search-out-"));
    const search = await startSearch(site, [{ folder: "bundle", urls }], "en", (url) => !late.includes(url));
    for (const url of late) search.rendered(url, html(url));
    await search.finish();
    await search.close();
    // The index is written into the site folder given: move the comparison off it.
    cpSync(join(site, "bundle"), out, { recursive: true });
    return tree(out);
  }

  it("writes the same files whichever pages are rendered and in whatever order they come", async () => {
    expect(urls.length).toBeGreaterThanOrEqual(4);
    const read = await index([]);
    expect(Object.keys(read)).toContain("pagefind-entry.json");
    expect(JSON.parse(read["pagefind-entry.json"]!).languages.en.page_count).toBe(urls.length);
    expect(await index([...urls].reverse())).toEqual(read);
    expect(await index([urls[2]!, urls[0]!])).toEqual(read);
    // A stand-in before a carried-over page, and the last pages coming out of order after it.
    expect(await index([urls.at(-1)!, urls[1]!, urls.at(-2)!])).toEqual(read);
  });

  it("is the index the build wrote for the same pages in the same order", async () => {
    // The build adds its story pages in model order: the days newest first, each day's stories as its digest lists them.
    const built = tree(join(site, "pagefind"));
    const days = readdirSync(digests).filter((name) => /^\d{4}-\d\d-\d\d\.md$/.test(name)).sort().reverse();
    const inModelOrder = days.flatMap((day) => [...readFileSync(join(digests, day), "utf8").split("\n---")[0]!.matchAll(/^ {2}- (\S+)$/gm)].map((m) => `/stories/${m[1]}/`));
    expect([...inModelOrder].sort()).toEqual(urls);
    const search = await startSearch(site, [{ folder: "again", urls: inModelOrder }], "en", () => false);
    for (const url of [...urls].reverse()) search.rendered(url, html(url));
    await search.finish();
    await search.close();
    expect(tree(join(site, "again"))).toEqual(built);
  });

  it("takes a page's own content before its layout, for the same index", async () => {
    const built = tree(join(site, "pagefind"));
    const days = readdirSync(digests).filter((name) => /^\d{4}-\d\d-\d\d\.md$/.test(name)).sort().reverse();
    const inModelOrder = days.flatMap((day) => [...readFileSync(join(digests, day), "utf8").split("\n---")[0]!.matchAll(/^ {2}- (\S+)$/gm)].map((m) => `/stories/${m[1]}/`));
    const search = await startSearch(site, [{ folder: "from-content", urls: inModelOrder }], "en", () => false);
    // What story.njk renders before base.njk wraps it: the page between <main> and </main> (newest last).
    for (const url of [...inModelOrder].reverse()) {
      const page = html(url);
      search.content(url, page.slice(page.indexOf('<main id="main" class="wrap">') + 29, page.indexOf("</main>")));
    }
    await search.finish();
    await search.close();
    expect(tree(join(site, "from-content"))).toEqual(built);
  });

  it("shares the pages' fragments out into files of a few pages, each page in one file once", () => {
    // What a search result shows (title, URL, text) comes from the page's fragment; a file per page would cost
    // Pagefind a compressor and the file's writes for each page.
    const folder = join(site, "pagefind", "fragment");
    const files = readdirSync(folder);
    expect(urls.length).toBeGreaterThanOrEqual(4);
    expect(files).toHaveLength(Math.ceil(urls.length / 4));
    const found = files.flatMap((file) => {
      const text = gunzipSync(readFileSync(join(folder, file))).toString("utf8");
      expect(text.startsWith("pagefind_dcd")).toBe(true);
      return Object.values(JSON.parse(text.slice("pagefind_dcd".length)) as Record<string, { url: string }>).map((fragment) => fragment.url);
    });
    expect(found.sort()).toEqual(urls);
  });

  it("takes the marked element only from a tag, not from a headline that names the mark", () => {
    const page = `<html><head><title>Why data-pagefind-body matters</title><meta name="description" content="A data-pagefind-body &gt; story"></head><body><p>data-pagefind-body</p><article class="story-page" data-pagefind-body><h1>Why data-pagefind-body matters</h1></article></body></html>`;
    expect(searchDocument(page, "en")).toBe(`<html lang="en"><body><article class="story-page" data-pagefind-body><h1>Why data-pagefind-body matters</h1></article></body></html>`);
  });

  it("leaves out what Pagefind would ignore, so a page that changed only there is sent as it was", () => {
    const page = (follow: string) =>
      `<body><article data-pagefind-body>\n<h1>Ferry fares</h1>\n<p class="meta" data-pagefind-ignore>Monday · 2 outlets</p>\n<p>Fares go up.</p>${follow}\n</article></body>`;
    const withLinks = page(`\n<div data-pagefind-ignore>\n<h2>The story continues</h2>\n<div><p>Followed up by <a href="/s/">more</a></p></div>\n</div>`);
    expect(searchDocument(withLinks, "en")).toBe(`<html lang="en"><body><article data-pagefind-body>\n<h1>Ferry fares</h1>\n<p>Fares go up.</p>\n</article></body></html>`);
    expect(searchDocument(withLinks, "en")).toBe(searchDocument(page(""), "en"));
    // Words on either side of an ignored inline element stay apart; text that only names the mark is kept.
    expect(searchDocument(`<body><p data-pagefind-body>one <span data-pagefind-ignore>two</span>three data-pagefind-ignore</p></body>`, "en")).toBe(`<html lang="en"><body><p data-pagefind-body>one three data-pagefind-ignore</p></body></html>`);
  });

  it("fails, naming a page, when a page it waits for never comes", async () => {
    const search = await startSearch(site, [{ folder: "unfinished", urls }], "en", (url) => url !== urls[1]);
    await expect(search.finish()).rejects.toThrow(urls[1]!);
    await search.close();
  });
});
