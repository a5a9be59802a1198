// A story's categories as a feed reader shows them: names, each once, never two names run together.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { storyCategories } from "../../src/digest/categories.ts";

const rows = readFileSync(new URL("../fixtures/categories/bbc-dev-names.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; text: string });
/** The article's first six paragraphs, as the digest reads them. */
const prose = (id: string) => rows.find((r) => r.id === id)!.text.split(/\n+/).filter(Boolean).slice(0, 6).join("\n");

describe("story categories", () => {
  it("part a name from its acronym in brackets and from the next name of a list", () => {
    // "…the Ministry of Economy, Trade and Industry (METI), the decline…" (bbc-dev)
    const japan = storyCategories([prose("bbc-business-046")], []);
    expect(japan).toContain("METI");
    expect(japan.filter((c) => /METI/.test(c) && c !== "METI")).toEqual([]);
    // "…web portals such as Google, Yahoo, Ebay and Amazon are gathering links…" (bbc-dev)
    const web = storyCategories([prose("bbc-tech-097")], [], 10);
    expect(web).toContain("Google");
    expect(web).toContain("Yahoo");
    expect(web.filter((c) => /Google \S/.test(c))).toEqual([]);
  });

  it("show a name and its acronym once", () => {
    const texts = ["Shares in General Motors fell on Monday after GM said it would cut jobs in Ohio.", "On Monday General Motors said GM would close two plants, and GM shares fell."];
    const categories = storyCategories(texts, []);
    expect(categories[0]).toBe("GM");
    expect(categories).not.toContain("General Motors");
    expect(categories).toContain("Ohio");
    // A name of other initials stays.
    expect(storyCategories(["The Bank of England said the BBC and the IMF met in London on Monday."], [], 5)).toEqual(expect.arrayContaining(["Bank of England", "BBC", "IMF"]));
  });

  it("keep names joined by white space, '&' and quotation marks whole", () => {
    expect(storyCategories(['Sales at Marks & Spencer rose on Monday.', 'Fans said "Dirty" Den Watts would return.'], [], 5)).toEqual(["Marks Spencer", "Dirty Den Watts"]);
  });
});
