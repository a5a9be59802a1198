import { describe, expect, it } from "vitest";
import { parseHtml } from "../../src/clean/html.ts";
import { cleanSource } from "../../src/clean/index.ts";

const p = (s: string) => `<p>${s}, and the council, which met on Monday, said the work would take about three months to finish.</p>`;
const page = `<html><head><title>Bridge to close for repairs | Town News</title>
<meta property="og:site_name" content="Town News"><link rel="canonical" href="https://news.example/bridge">
<meta property="article:published_time" content="2024-03-05T09:00:00Z"><meta name="author" content="Jane Smith"></head>
<body><nav><a href="/">Home</a><a href="/news">News</a></nav>
<div class="pageRow"><article><h1>Bridge to close for repairs</h1>${p("The old bridge will close next week")}${p("Drivers will be sent through the town centre")}
<div class="related-stories"><a href="/a">Another story about roads and traffic in the town</a></div>${p("A temporary footbridge will stay open")}</article></div>
<div class="comments">${p("I think this is a terrible idea")}</div><footer>Copyright Town News</footer></body></html>`;

describe("HTML cleaning", () => {
  it("reads the page's metadata, its headline without the site's name, and its blocks in order with their hints", () => {
    const parts = parseHtml(page);
    expect(parts.meta).toMatchObject({ title: "Bridge to close for repairs", source: "Town News", url: "https://news.example/bridge", author: "Jane Smith", date: "2024-03-05T09:00:00Z" });
    const texts = parts.blocks.map((b) => b.text);
    expect(texts.findIndex((t) => t.startsWith("The old bridge"))).toBeLessThan(texts.findIndex((t) => t.startsWith("A temporary footbridge")));
    // Navigation, footers and boxes plainly named as furniture (related stories, comments) are never page text.
    expect(texts.join(" ")).not.toMatch(/Copyright Town News|^Home|Another story|terrible idea/);
    expect(parts.blocks.find((b) => b.text.startsWith("The old bridge"))!.dom).toMatchObject({ tag: "p", inArticle: true, linkDensity: 0, negative: 0 });
  });

  it("gives the paragraphs without headline, menus or comments", () => {
    const a = cleanSource({ path: "p.html", format: "html", text: page, encoding: "utf-8", mtime: new Date(0) });
    expect(a.title).toBe("Bridge to close for repairs");
    expect(a.paragraphs).toHaveLength(3);
    expect(a.paragraphs[0]).toMatch(/^The old bridge/);
    expect(a.paragraphs.join(" ")).not.toMatch(/terrible idea|Another story/);
  });
});
