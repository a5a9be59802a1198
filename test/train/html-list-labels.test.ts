import { describe, expect, it } from "vitest";
import { loadExtraction } from "../../eval/lib/clean-corpus.ts";
import { labelsOf, prepared } from "../../train/lib/clean-items.ts";
import { htmlListLabels } from "../../train/lib/html-list-labels.ts";

// tx70's silver list labels: a text dump's list and table lines read from the page's own HTML, inside the article
// region (the deepest element holding 90% of the gold article lines) or outside it. Two tuning extraction pages.
function silverOf(id: string) {
  const page = loadExtraction().find((p) => p.id.startsWith(id))!;
  const doc = prepared(page, "text")!;
  const { labels, region } = htmlListLabels(doc, labelsOf(page, doc), page.html);
  const at = (text: string) => labels[doc.lines.findIndex((l) => l.text.trim() === text)];
  return { region, at };
}

describe("silver list labels from a page's HTML", () => {
  it("label a recipe's ingredients inside its article and the blog's teaser and menu lists outside it", () => {
    const { region, at } = silverOf("4219d096");
    expect(region).toBe(true);
    expect(at("1 tsp cinnamon")).toBe(1);
    expect(at("8-9 ripe pears, cored and peeled")).toBe(1);
    expect(at("Easy Tres Leches Cake Recipe")).toBe(0);
    expect(at("Media Kit")).toBe(0);
  });

  it("leave the share buttons listed inside the article element unknown, not article", () => {
    expect(silverOf("4219d096").at("Flipboard")).toBe(-1);
  });

  it("find the article where the page shows it, not in the JSON-LD copy of its body in the head", () => {
    const { region, at } = silverOf("c90731f0");
    expect(region).toBe(true);
    expect(at("Top Stories")).toBe(0);
    expect(at("Budget 2019")).toBe(0);
  });
});
