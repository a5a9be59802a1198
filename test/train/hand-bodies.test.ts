import { describe, expect, it } from "vitest";
import { loadDates, loadWebpages } from "../../eval/lib/clean-corpus.ts";
import { halfOf } from "../../eval/lib/split.ts";
import { handBody, handLabels, handTruths } from "../../train/lib/hand-bodies.ts";
import { handLabelled, labelsOf, prepared } from "../../train/lib/clean-items.ts";

// tx61's hand-labelled text-dump bodies (train/labels/text-bodies.jsonl): tuning-half pages only, each label naming
// lines of its own dump, and a labelled page's snippets keeping their word where the trainer reads both.
const pages = [...loadWebpages(), ...loadDates()];
const byId = new Map(pages.map((p) => [p.id, p]));

describe("hand-labelled text bodies", () => {
  it("label only tuning-half pages of the dev corpus, within their dumps", () => {
    const labels = handLabels();
    expect(labels.length).toBeGreaterThanOrEqual(25);
    for (const l of labels) {
      expect(halfOf(l.id)).toBe("tune");
      const page = byId.get(l.id);
      expect(page, l.id).toBeDefined();
      expect(l.last).toBeLessThan(page!.text.split("\n").length);
      expect(handBody(page!, l).length).toBeGreaterThan(200);
    }
  });

  it("give a recipe's story, ingredients and steps, and neither its nutrition table nor its comments", () => {
    const recipe = handTruths(pages).get("b459522e13b4924f")!;
    expect(recipe).toContain("▢ 6 tablespoons all-purpose flour");
    expect(recipe).toContain("Combine and sift together the flour");
    expect(recipe).toContain("My best friend, Sharon, asked me");
    expect(recipe).not.toContain("Saturated Fat");
    expect(recipe).not.toContain("Reply");
    expect(recipe).not.toContain("Bebs says:");
  });

  it("leave a webpages-dev page's snippet labels as they were and label the lines they leave unknown", () => {
    const page = byId.get("3c2fcc11681c85bc")!;
    expect(page.set).toBe("webpages");
    const doc = prepared(page, "text")!;
    const own = labelsOf(page, doc);
    const { labels, hand } = handLabelled(page, handTruths([page]).get(page.id)!, doc);
    let filled = 0;
    own.forEach((y, i) => {
      if (y === 0 || y === 1) expect(labels[i]).toBe(y);
      if (hand[i]) (filled++, expect(own[i] === -1 || own[i] === 2).toBe(true));
    });
    expect(filled).toBeGreaterThan(50);
    // A reader's comment under the how-to is furniture, a step of it article.
    const line = (start: string) => doc.lines.findIndex((l) => l.text.startsWith(start));
    expect(labels[line("I have grown a lemon tree from seed.")]).toBe(0);
    expect(labels[line("Cut the lemon and gather its plumpest seeds.")]).toBe(1);
  });
});
