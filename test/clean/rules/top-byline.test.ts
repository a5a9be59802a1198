// top-byline: the byline under a page's headline is not the article's first paragraph.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanSource, rulesWithout } from "../../../src/clean/index.ts";
import { devSource } from "../../../eval/lib/dev-source.ts";

// A bbc-dev story (tuning half) as `digest fetch` saves an outlet's page: headline, byline, paragraphs.
const story = JSON.parse(readFileSync(new URL("../../../../shared/corpus/bbc-dev.jsonl", import.meta.url), "utf8").split("\n")[0]!) as { id: string; title: string; text: string };
const paragraphs = story.text.split(/\n\n+/).filter((p) => p.trim());
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(story.title)} | Daily Lantern</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${esc(story.title)}</h1><p class="byline">By Staff Reporter</p>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}
</article><footer>© Daily Lantern</footer></body></html>`;
const text = [story.title, "By Jane Smith and John Doe", "", ...paragraphs].join("\n\n");

describe("a byline at the top of the body", () => {
  it("is left out of the cleaned body of a page whose byline sits inside <article>", () => {
    const a = cleanSource(devSource(story.id, "html", html, null));
    expect(a.title).toBe(story.title);
    expect(a.paragraphs[0]).toBe(paragraphs[0]);
    expect(a.paragraphs.join("\n")).not.toContain("By Staff Reporter");
    // It is this rule that leaves it out: without it the body opens with the byline.
    expect(cleanSource(devSource(story.id, "html", html, null), rulesWithout("top-byline")).paragraphs[0]).toBe("By Staff Reporter");
  });

  it("is left out of a text dump's body too", () => {
    const a = cleanSource(devSource(story.id, "text", text, null));
    expect(a.paragraphs[0]).toBe(paragraphs[0]);
    expect(a.paragraphs.join("\n")).not.toContain("By Jane Smith");
  });

  it("keeps a sentence that opens with 'By' and a capital", () => {
    const opening = "By Monday the strike had spread to every port on the coast, union officials said.";
    const a = cleanSource(devSource(story.id, "text", [story.title, opening, ...paragraphs].join("\n\n"), null));
    expect(a.paragraphs[0]).toBe(opening);
  });
});
