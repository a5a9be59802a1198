// keep-head: the standfirst between a text dump's headline and its body comes back, the byline,
// date and share row between them stay out.
import { describe, expect, it } from "vitest";
import { cleanSource, rulesWithout } from "../../../src/clean/index.ts";
import { textFixture } from "../text-fixture.ts";

// A webpages-dev page (tuning half): headline, standfirst, byline, date and a row of twelve share
// buttons, then the article. The run grown up from the body stopped at the share row.
const url = "https://www.pcmag.com/news/next-gen-hamr-platters-promise-80tb-hard-drives";
const page = (withUrl: boolean) => textFixture("standfirst-above-share-row.txt", withUrl ? url : null);

describe("the article's head on a text dump", () => {
  for (const withUrl of [true, false]) {
    it(`opens the body with the standfirst under the headline, not with the paragraph after the share row (${withUrl ? "with" : "without"} the URL)`, () => {
      const a = cleanSource(page(withUrl));
      expect(a.title).toBe("Next-Gen HAMR Platters Promise 80TB Hard Drives");
      expect(a.paragraphs[0]).toBe("We're about to get 20 terabyte hard drives, but the path looks clear to scale up to 80TB.");
      expect(a.paragraphs[1]).toMatch(/^As the world's demand for storage continues to grow/);
      const body = a.paragraphs.join("\n");
      expect(body).not.toMatch(/By Matthew Humphries|February 7, 2020|Flipboard|Copy Link/);
    });
  }

  it("is the keep-head rule that brings it back", () => {
    const a = cleanSource(page(true), rulesWithout("keep-head"));
    expect(a.paragraphs[0]).toMatch(/^As the world's demand for storage continues to grow/);
  });
});
