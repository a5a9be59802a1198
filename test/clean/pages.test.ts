// Real pages (text dumps from the dev corpus, copied to test/fixtures/clean/): what a reader would see.
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
