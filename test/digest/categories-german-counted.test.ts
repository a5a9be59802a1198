// A German noun after a number or a quantifier ("40 Minuten", "276 Euro", "zwei Wochen") is counted, a common
// noun: not one of a story's categories, which are the names it is about. Real dev text (tuning-half
// webpages-dev pages as the cleaner keeps them: test/fixtures/categories/german-counted.jsonl).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { storyCategories } from "../../src/digest/categories.ts";

const rows = readFileSync(new URL("../fixtures/categories/german-counted.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; text: string });
const categoriesOf = (id: string) => storyCategories([rows.find((r) => r.id === id)!.text], []);

describe("German story categories", () => {
  it("never show a noun that follows a number in most of its uses", () => {
    // An ice hockey report: "nach 40 Minuten", …; the teams are the names
    const hockey = categoriesOf("webpages-dev/08e2278bf7d565f4");
    expect(hockey).not.toContain("Minuten");
    expect(hockey).toEqual(expect.arrayContaining(["Roten Bullen", "Tappara Tampere"]));
    // A pension page: "276 Euro", "552 Euro", "160 Euro"
    expect(categoriesOf("webpages-dev/df40cbf7b62e0a9c")).not.toContain("Euro");
  });
});
