// A headline is a line: a page whose <h1> or title field holds a paragraph's worth (or a hostile 10,000
// characters) gets it cut at a word boundary, with a warning, instead of making it every page's heading.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { boundedHeadline, cleanSource, MAX_HEADLINE } from "../../src/clean/index.ts";
import type { SourceFile } from "../../src/types.ts";

const seeds = join(import.meta.dirname, "../fixtures/seeds");
const body = readFileSync(join(seeds, readdirSync(seeds).sort()[3]!), "utf8").split("\n").slice(1, 40).join("\n\n");
const long = "Council ".repeat(1250).trim();

const source = (path: string, format: SourceFile["format"], text: string): SourceFile => ({ path, format, text, encoding: "utf-8", mtime: new Date(0) });

describe("a headline of 10,000 characters", () => {
  it("is cut to at most MAX_HEADLINE characters at a word boundary, from an HTML page and from front matter, with a warning", () => {
    const html = `<html><head><title>${long}</title></head><body><article><h1>${long}</h1>${body.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    for (const a of [cleanSource(source("a.html", "html", html)), cleanSource(source("a.md", "markdown", `---\ntitle: "${long}"\n---\n${body}\n`))]) {
      expect(a.title.length, a.path).toBeLessThanOrEqual(MAX_HEADLINE);
      expect(a.title, a.path).toMatch(/^Council( Council)+…$/);
      expect(a.messages, a.path).toContainEqual(expect.objectContaining({ stage: "clean", rule: "long-headline", level: "warning", text: "headline of 9999 characters cut to 300" }));
    }
  });

  it("leaves a headline of ordinary length alone, and never splits a character in two", () => {
    expect(boundedHeadline("Bridge to close for repairs")).toBe("Bridge to close for repairs");
    const emoji = boundedHeadline("😀".repeat(400));
    expect(emoji.length).toBeLessThanOrEqual(MAX_HEADLINE);
    expect(emoji).toMatch(/^(😀)+…$/u);
  });
});

describe("an outlet or author name of 14,000 characters", () => {
  it("is no name: ignored with a warning, so no page or feed shows it as the outlet", () => {
    const name = "Outlet ".repeat(2000).trim();
    const a = cleanSource(source("a.md", "markdown", `---\ntitle: Budget approved\nsource: "${name}"\nauthor: "${name}"\n---\n${body}\n`));
    expect(a.meta.source).toBeNull();
    expect(a.meta.author).toBeNull();
    expect(a.messages.filter((m) => m.rule === "long-name").map((m) => m.text)).toEqual(["source of 13999 characters is no name; ignored", "author of 13999 characters is no name; ignored"]);
    const html = `<html><head><meta property="og:site_name" content="${name}"><title>Budget approved</title></head><body><article><h1>Budget approved</h1>${body.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    expect(cleanSource(source("a.html", "html", html)).meta.siteName).toBeNull();
    expect(cleanSource(source("b.md", "markdown", `---\ntitle: Budget approved\nsource: Town News\n---\n${body}\n`)).meta.source).toBe("Town News");
  });
});
