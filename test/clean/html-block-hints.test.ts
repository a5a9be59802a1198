import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/clean/html.ts";
import { featureNames, localFeatures } from "../../src/clean/block-features.ts";
import { docOf, makeLine } from "../../src/clean/doc.ts";

const story = "Council approves the new river bridge after a long debate over its cost and the route it takes through town.";
const page = (jsonLd: string) => `<html><head><title>Bridge approved | Town News</title>${jsonLd}</head><body>
<div class="top"><a href="/a">Home</a> <a href="/b">Sport</a></div>
<div class="wrap"><div class="story"><h1>Bridge approved</h1><p>${story}</p><p>Work starts in spring and should end within two years, the council said.</p></div>
<div class="teaser-box"><p>Another story about a school fair that has nothing to do with the bridge at all.</p></div></div>
</body></html>`;
const ld = `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge approved","articleBody":"${story} Work starts in spring and should end within two years, the council said."}</script>`;

function features(html: string): { text: string; f: Record<string, number> }[] {
  const parsed = parseHtml(html, null);
  const doc = docOf("t", parsed.blocks.map((b) => makeLine(b.text, true, b.dom)), parsed.meta, "html");
  const names = featureNames(true);
  return localFeatures(doc, true).map((row, i) => ({ text: doc.lines[i]!.text, f: Object.fromEntries(names.map((n, k) => [n, row[k]!])) }));
}

describe("what an HTML block's place says about it", () => {
  it("marks the blocks the page's JSON-LD articleBody also holds, and the ones it does not", () => {
    const rows = features(page(ld));
    const body = rows.find((r) => r.text.startsWith("Council"))!;
    const teaser = rows.find((r) => r.text.startsWith("Another"))!;
    expect(body.f["ld-known"]).toBe(1);
    expect(body.f["ld-share"]).toBe(1);
    expect(teaser.f["ld-share"]).toBeLessThan(0.5);
  });

  it("says nothing of a structured body the page does not have", () => {
    for (const r of features(page(""))) expect([r.f["ld-known"], r.f["ld-share"]]).toEqual([0, 0]);
  });

  it("places blocks before and after the headline, and names furniture words near a block", () => {
    const rows = features(page(""));
    const menu = rows.find((r) => r.text.startsWith("Home"))!;
    const body = rows.find((r) => r.text.startsWith("Council"))!;
    const teaser = rows.find((r) => r.text.startsWith("Another"))!;
    expect(menu.f["before-headline"]).toBe(1);
    expect(body.f["before-headline"]).toBe(0);
    expect(body.f["after-headline"]).toBeGreaterThan(0);
    expect(teaser.f["near-negative"]).toBe(1);
    expect(body.f["near-negative"]).toBe(0);
    expect(body.f["container-share"]).toBeGreaterThan(teaser.f["container-share"]!);
  });
});
