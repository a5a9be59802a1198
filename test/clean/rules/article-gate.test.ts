import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../../src/clean/text.ts";
import { rulesWithout } from "../../../src/clean/rules/index.ts";

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

describe("article-gate", () => {
  // A real news page (extraction-dev, tuning half) with its article's lines taken out, as a scrape that
  // missed the body leaves it: menus, dateline, headline and byline, topic tags, trending teasers.
  const page = fixture("clean/news-page-without-its-article.txt");

  it("refuses a news page whose article is missing instead of publishing its furniture", () => {
    expect(cleanText("page.txt", page).rejected).toMatch(/reads as page furniture/);
  });

  it("is what refuses it: without the gate a promo line of the page is published as the story", () => {
    const result = cleanText("page.txt", page, undefined, rulesWithout("article-gate"));
    expect(result.rejected).toBeNull();
    expect(result.paragraphs.join(" ")).toMatch(/Follow AP's full coverage/);
  });

  it("keeps every seed article and the hard-wrapped blog post", () => {
    const seeds = readdirSync(new URL("../../fixtures/seeds/", import.meta.url)).filter((f) => f.endsWith(".txt"));
    expect(seeds.length).toBeGreaterThan(0);
    for (const name of [...seeds.map((f) => `seeds/${f}`), "clean/hard-wrapped-blog-post.txt"]) {
      const result = cleanText(name, fixture(name));
      expect(result.rejected, name).toBeNull();
      expect(result.paragraphs.length, name).toBeGreaterThan(2);
    }
  });
});
