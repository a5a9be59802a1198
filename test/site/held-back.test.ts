// A held-back story (every page in it one the article gate doubts is an article: the tuning half's consent wall
// notice-13) where a reader looks on the site, built by the real `digest` command: no search result finds it (the real
// headless browser, the search page's Pagefind UI), the about page counts only published stories, and the front page
// lists no day of held-back stories only. The real article (bbc-dev business 001) is a day earlier than the notice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, fixtures, type Built } from "./build.ts";
import { searchSite, type SearchedSite } from "./search-page.ts";

const input = join(mkdtempSync(join(tmpdir(), "digest-held-back-site-")), "in");
cpSync(join(fixtures, "held-back"), input, { recursive: true });
const at = (day: number) => new Date(Date.UTC(2024, 2, day, 10));
utimesSync(join(input, "bbc-dev-bbc-business-001-untitled.txt"), at(5), at(5));
utimesSync(join(input, "notice-13-consent.txt"), at(6), at(6));
const REAL_HEADLINE = "Quarterly profits at US media giant TimeWarner";

describe("a held-back story on the site", () => {
  let built: Built;
  let site: SearchedSite;

  beforeAll(async () => {
    built = await build(input);
    site = await searchSite(built.site);
  });

  afterAll(async () => {
    await site?.close();
  });

  async function search(words: string): Promise<string[]> {
    const { page, titles } = await site.search(words);
    await page.close();
    return titles;
  }

  it("is found by no search, by its headline or its text; the published story is", async () => {
    expect(await search("cookies")).toEqual([]);
    expect(await search("Before you continue")).toEqual([]);
    expect((await search("TimeWarner")).length).toBe(1);
    // Its page still says what it is.
    expect(built.read("2024/03/06/index.html")).toContain("Held back: these pages may not be articles");
  });

  it("is not counted on the about page, which says it is held back", () => {
    const about = built.read("about/index.html");
    expect(about).toContain("1 story includes articles whose outlet nothing names");
    expect(about).toContain("Not counted: 1 story held back because its pages may not be articles");
  });

  it("leaves its day, with held-back stories only, off the front page's days; the archive lists it", () => {
    const home = built.read("index.html");
    expect(home).toContain(REAL_HEADLINE);
    expect(home).toContain('href="/2024/03/05/"');
    expect(home).not.toContain('href="/2024/03/06/"');
    expect(home).toContain("Older digests are in the archive");
    expect(built.read("archive/index.html")).toMatch(/href="\/2024\/03\/06\/".*· 0 stories, 1 held back/);
  });
});
