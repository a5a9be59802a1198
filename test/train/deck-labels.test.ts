import { describe, expect, it } from "vitest";
import { deckTexts } from "../../train/lib/deck-labels.ts";

// The silver standfirst labels (sf59) read a page's own markup of its dek: the description metas and elements whose
// class names a dek, never a teaser rail, a caption or an author's bio.
const page = `<html><head>
<meta name="description" content="The government has unveiled a plan to help the industry cut the cost of panels.">
<meta property="og:title" content="South Korea's roadmap to drive down solar costs">
</head><body>
<h1>South Korea's roadmap to drive down solar costs</h1>
<p class="article-dek">Officials expect the price of a module to halve within five years, the ministry said.</p>
<figure><figcaption class="summary">Workers install panels on a roof in Seoul on a sunny day in May.</figcaption></figure>
<div class="author-description">I am a writer and a professor of energy systems at a university.</div>
<ul class="related-list"><li class="teaser">Another story about wind farms that opened in the north last year</li></ul>
<p>South Korea's Ministry of Trade has unveiled a plan to help the PV industry reduce costs.</p>
</body></html>`;

describe("deckTexts", () => {
  it("takes the description meta and the element marked as a dek", () => {
    const texts = deckTexts(page).map((d) => d.text);
    expect(texts).toContain("The government has unveiled a plan to help the industry cut the cost of panels.");
    expect(texts).toContain("Officials expect the price of a module to halve within five years, the ministry said.");
  });

  it("leaves out captions, an author's bio and a list of other stories' teasers", () => {
    const texts = deckTexts(page).map((d) => d.text).join("\n");
    expect(texts).not.toContain("Workers install panels");
    expect(texts).not.toContain("I am a writer");
    expect(texts).not.toContain("wind farms");
    expect(deckTexts(page)).toHaveLength(2);
  });
});
