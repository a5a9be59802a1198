// A Markdown article saved without its body (the writer filled in the front matter and stopped) is rejected
// with what the file holds, not with the cleaner's "only page furniture": a Markdown file has no furniture.
// The front matter is test/fixtures/front-matter-forms/capitalised.md's (a bbc-dev article), its body taken away.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanArticle } from "../../src/pipeline/article.ts";
import { devSource } from "../../eval/lib/dev-source.ts";

const whole = readFileSync(new URL("../fixtures/front-matter-forms/capitalised.md", import.meta.url), "utf8");
const front = whole.slice(0, whole.indexOf("---", 3) + 4);
const reason = (text: string) => {
  const out = cleanArticle(devSource("a.md", "markdown", text));
  return "rejected" in out ? out.rejected.reason : null;
};

describe("a Markdown file with no paragraph", () => {
  it("says it holds front matter and nothing after it", () => {
    for (const text of [front, `${front}\n\n   \n`]) expect(reason(text)).toBe("no article text: the file holds front matter and nothing after it");
  });

  it("says it holds no paragraph under its headline when it holds only a heading or an image", () => {
    expect(reason("# Nissan names successor to Ghosn\n\n![Carlos Ghosn](ghosn.jpg)\n")).toBe("no article text: no paragraph under its headline (only headings, images or markup)");
    expect(reason(`${front}\n![Carlos Ghosn](ghosn.jpg)\n`)).toBe("no article text: no paragraph under its headline (only front matter, headings, images or markup)");
  });

  it("reads the whole file as before", () => {
    expect(reason(whole)).toBeNull();
  });
});
