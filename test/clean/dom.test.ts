import { describe, expect, it } from "vitest";
import { findAll, MAX_DEPTH, parsePage, textOf, type El } from "../../src/clean/dom.ts";
import { cleanSource } from "../../src/clean/index.ts";

const para = (n: number) =>
  `<p>The harbour wall, which was damaged by the storms of last winter, will be repaired in ${n} stages over the coming year, the council said on Monday after a long debate.</p>`;

describe("page tree", () => {
  it("reads elements, attributes and text, with HTML's implied closes", () => {
    const root = parsePage(`<html><body><div class="a">One<p>Two<p>Three</div><ul><li>x<li>y</ul><script>var s = "<p>no</p>";</script></body></html>`);
    expect(findAll(root, (e) => e.name === "p").map(textOf)).toEqual(["Two", "Three"]);
    expect(findAll(root, (e) => e.name === "li").map(textOf)).toEqual(["x", "y"]);
    expect(findAll(root, (e) => e.name === "div")[0]!.attrs.class).toBe("a");
    expect(textOf(root)).not.toContain("no");
  });

  it("keeps the text of JSON-LD scripts and of <title>, decoding entities", () => {
    const root = parsePage(`<head><title>Fish &amp; Chips</title><script type="application/ld+json">{"headline":"A"}</script></head>`);
    expect(textOf(findAll(root, (e) => e.name === "title")[0]!)).toBe("Fish & Chips");
    expect(textOf(findAll(root, (e) => e.name === "script")[0]!)).toBe('{"headline":"A"}');
  });

  it("reads a page nested 200,000 elements deep, flattening past the depth limit", () => {
    const depth = 200_000;
    const html = `<html><body>${"<div>".repeat(depth)}<p>Deep text</p>${"</div>".repeat(depth)}<p>After</p></body></html>`;
    const root = parsePage(html);
    expect(textOf(root)).toBe("Deep textAfter");
    let deepest = 0;
    const stack: [El, number][] = [[root, 0]];
    while (stack.length > 0) {
      const [e, d] = stack.pop()!;
      deepest = Math.max(deepest, d);
      for (const c of e.children) if (typeof c !== "string") stack.push([c, d + 1]);
    }
    expect(deepest).toBeLessThanOrEqual(MAX_DEPTH + 1);
  });
});

describe("deeply nested pages", () => {
  it("cleans an article nested 200,000 levels deep instead of refusing it", () => {
    const depth = 200_000;
    const html = `<html><head><title>Harbour wall repairs</title></head><body>${"<div>".repeat(depth)}<article><h1>Harbour wall repairs</h1>${[1, 2, 3, 4, 5].map(para).join("")}</article>${"</div>".repeat(depth)}</body></html>`;
    const article = cleanSource({ path: "deep.html", format: "html", text: html, encoding: "utf-8", mtime: new Date(0) });
    expect(article.title).toBe("Harbour wall repairs");
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[0]).toMatch(/^The harbour wall/);
  });
});
