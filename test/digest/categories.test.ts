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
  it("part a name from its acronym in brackets, and keep a name with a comma in it whole", () => {
    // "…the Ministry of Economy, Trade and Industry (METI), the decline…" (bbc-dev): one name, shown once
    const japan = storyCategories([prose("bbc-business-046")], []);
    expect(japan).toContain("METI");
    expect(japan.filter((c) => /METI|Ministry|Trade/.test(c) && c !== "METI")).toEqual([]);
    // A comma is not a parting: official names hold one, so "Google, Yahoo, Ebay" still runs together (left).
    expect(storyCategories(["The Ministry of Economy, Trade and Industry said on Monday that exports fell."], [], 5)).toEqual(["Ministry of Economy Trade and Industry"]);
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

  it("keep names joined by white space, '&', quotation marks and commas whole", () => {
    expect(storyCategories(['Sales at Marks & Spencer rose on Monday.', 'Fans said "Dirty" Den Watts would return.'], [], 5)).toEqual(["Marks Spencer", "Dirty Den Watts"]);
  });
});
