// Real pages (text dumps from the dev corpus, copied to test/fixtures/clean/): what a reader would see.
import { describe, expect, it } from "vitest";
import { cleanSource, InputRejected } from "../../src/clean/index.ts";
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
