// Real pages (text dumps from the dev corpus, copied to test/fixtures/clean/): what a reader would see.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cleanSource, InputRejected, rulesWith } from "../../src/clean/index.ts";
import { blockModels } from "../../src/clean/block-model.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { textFixture as fixture } from "./text-fixture.ts";

describe("pages that are mostly furniture", () => {
  it("refuses a page that holds only a login form and a cookie notice, and says why", () => {
    const page = fixture("login-and-cookie-notice-only.txt");
    expect(() => cleanSource(page)).toThrow(InputRejected);
    const out = runPipeline([page], { zone: "UTC" });
    expect(out.stories).toEqual([]);
    expect(out.rejected).toHaveLength(1);
    expect(out.rejected[0]!.reason).toMatch(/page furniture|no article/);
  });

  it("keeps a one-line blog post and leaves the cookie notice under it out", () => {
    const article = cleanSource(fixture("short-post-cookie-notice.txt", "https://example.wordpress.com/2009/12/23/monstergesprache-1/"));
    const body = article.paragraphs.join(" ");
    expect(body).toContain("Wer rutscht als nächstes aus auf dem Glatteis?");
    expect(body).not.toMatch(/Cookies|Datenschutz|Teilen Sie dies/);
    expect(article.title).toBe("Monstergespräche #1");
  });
});

describe("cleaning with models a caller brings (training learns from its own run's models, never from src/clean/weights)", () => {
  it("refuses a text dump when only the HTML block model was given, rather than fall back on the committed text models", () => {
    const rules = rulesWith({ html: blockModels(true) });
    expect(() => cleanSource(fixture("short-post-cookie-notice.txt"), rules)).toThrow(/no text models/);
  });
});

describe("HTML pages whose headline is printed twice", () => {
  // A webpages-dev page (zamg.ac.at): the page's title above the article and again below its two
  // paragraphs, as the heading of its document list. The copy nearer the body used to win, and the cut
  // above the headline took the whole article with it, leaving the link list under it as the story.
  it("starts the article under the first copy, not under the one printed again below its paragraphs", () => {
    const html = gunzipSync(readFileSync(join(import.meta.dirname, "../fixtures/clean/pages/headline-repeated-below-lead.html.gz"))).toString("utf8");
    const a = cleanSource({ path: "p.html", format: "html", text: html, encoding: "utf-8", mtime: new Date(0), url: "https://www.zamg.ac.at/cms/de/klima/news/histalp/histalp-oesterreich-jahresbericht-2021" });
    expect(a.title).toBe("HISTALP Österreich Jahresbericht 2021");
    expect(a.paragraphs[0]).toMatch(/^HISTALP ist eine internationale Klimadatensammlung der ZAMG für den Großraum Alpen/);
    expect(a.paragraphs.join("\n")).not.toMatch(/Auskunft über vergangenes Wetter/);
  });
});
