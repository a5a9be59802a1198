// Searching Chinese and Japanese stories on a site in another language: a word from inside a sentence
// finds its story, and the results show the text as written, without the spaces the index splits it by.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { searchDocument } from "../../src/site/search.ts";
import { build, fixtures } from "./build.ts";
import { searchSite, type SearchedSite } from "./search-page.ts";

describe("the search document of a Chinese or Japanese story", () => {
  const page = `<html><body><main data-pagefind-body><h1 title="外国籍保有者">邦人１０人含む外国籍３６１人</h1><p>陸路でエジプトに退避したと発表した。Rafah crossing.</p></main></body></html>`;

  it("splits its Han and kana runs into words, and leaves tags, attributes and Latin text as written", () => {
    const doc = searchDocument(page, "en");
    // Where ICU's dictionary puts each break is its own; that the words stand apart, and nothing else changes, is ours.
    expect(doc).toContain(" 退避 ");
    expect(doc).toContain("エジプト ");
    const paragraph = /<p>(.*)<\/p>/.exec(doc)![1]!;
    expect(paragraph.replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, "")).toBe("陸路でエジプトに退避したと発表した。Rafah crossing.");
    expect(doc).toContain('<h1 title="外国籍保有者">');
    expect(doc).toContain("Rafah crossing.");
  });

  it("is left as written on a Japanese or Chinese site, whose own index segments it", () => {
    expect(searchDocument(page, "ja")).toContain("陸路でエジプトに退避したと発表した。");
    expect(searchDocument(page, "zh-Hans")).toContain("陸路でエジプトに退避したと発表した。");
  });
});

describe("searching Chinese and Japanese stories on an English site", () => {
  let site: SearchedSite;

  beforeAll(async () => {
    site = await searchSite((await build(join(fixtures, "unspaced"))).site);
  });

  afterAll(async () => {
    await site?.close();
  });

  async function search(words: string): Promise<{ titles: string[]; excerpt: string }> {
    const { page, titles } = await site.search(words);
    const excerpt = titles.length > 0 ? ((await page.locator(".pagefind-ui__result-excerpt").first().textContent()) ?? "") : "";
    await page.close();
    return { titles, excerpt };
  }

  it("finds a story by a word from inside a sentence, and shows its text without spaces between the words", async () => {
    const ja = await search("退避");
    expect(ja.titles).toEqual(["邦人１０人含む外国籍３６１人、ガザからエジプトに退避"]);
    expect(ja.excerpt).toContain("エジプトに退避");
    expect(ja.excerpt).not.toMatch(/[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}] [\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u);
    const zh = await search("传奇");
    expect(zh.titles.length).toBe(1);
    expect(zh.titles[0]).toMatch(/^益阳/);
  });

  it("finds a word that follows a comma, a full stop or a bracket of the script's own, and shows the marks as written", async () => {
    // Each word stands in the summary only after its mark: "通過し、陸路で", "予定している。上川外相は", "传奇。小区居民",
    // "笔下的《山乡巨变》".
    const afterComma = await search("陸路");
    expect(afterComma.titles).toEqual(["邦人１０人含む外国籍３６１人、ガザからエジプトに退避"]);
    expect(afterComma.excerpt).toContain("通過し、陸路で");
    expect((await search("上川")).titles).toEqual(["邦人１０人含む外国籍３６１人、ガザからエジプトに退避"]);
    const zh = await search("小区");
    expect(zh.titles.length).toBe(1);
    expect(zh.excerpt).toContain("传奇。小区居民");
    expect((await search("巨变")).titles.length).toBe(1);
    expect((await search("山乡")).titles.length).toBe(1);
  });

  it("finds it by words the reader types without spaces", async () => {
    expect((await search("エジプトに退避")).titles).toEqual(["邦人１０人含む外国籍３６１人、ガザからエジプトに退避"]);
  });
});
