// The built site as a reader gets it: whole pages, stories with anchors and credits, input text shown as text.
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, hostile, seeds, tree, type Built } from "./build.ts";

const PAGES = ["index.html", "archive/index.html", "about/index.html", "2025/03/index.html", "2025/03/14/index.html", "2025/03/15/index.html", "404.html"];

describe("site built from the hostile fixture", () => {
  let out: Built;
  beforeAll(async () => {
    out = await build(hostile);
  });

  it("wraps every page, day pages included, in the base layout with feed links and a favicon", () => {
    for (const page of PAGES) {
      const html = out.read(page);
      expect(html, page).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html, page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(html, page).toContain('<link rel="alternate" type="application/rss+xml" title="Digest (RSS)" href="/feed.xml">');
      expect(html, page).toContain('<link rel="alternate" type="application/atom+xml" title="Digest (Atom)" href="/atom.xml">');
      expect(html, page).toContain('<link rel="alternate" type="application/feed+json" title="Digest (JSON Feed)" href="/feed.json">');
      expect(html, page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      expect(html, page).toContain("@media (prefers-color-scheme:dark)");
      expect(html, page).not.toMatch(/<script\b/i);
    }
    expect(out.read("favicon.svg")).toMatch(/^<svg /);
  });

  it("gives each day page its date as title, and each story its id as anchor, date and permalink", () => {
    const day = out.read("2025/03/15/index.html");
    expect(day).toContain("<title>Digest for Saturday 15 March 2025 · Digest</title>");
    expect(day).toContain("<h1>Digest for Saturday 15 March 2025</h1>");
    const id = /^ {2}- (s-[0-9a-f]+)$/m.exec(out.digest("2025-03-15"))![1]!;
    expect(day).toContain(`<h2 id="${id}">Ferry workers strike over new rota, halting island crossings</h2>`);
    expect(day).toContain(`<time datetime="2025-03-15">Saturday 15 March 2025</time> · <a href="/2025/03/15/#${id}">Link to this story</a>`);
    expect(day).toContain('<a href="/2025/03/14/" rel="prev">← Friday 14 March 2025</a>');
  });

  it("credits every outlet, folding all but three behind “and 4 other outlets” when there are seven", () => {
    const day = out.read("2025/03/15/index.html");
    expect(day).toContain(
      '<p>Sources: <a href="https://northern-courier.example/ferry">Northern Courier</a>, <a href="https://lantern.example/ferry-strike">Daily Lantern</a>, <a href="https://coastradio.example/news/ferry">Coast Radio</a></p><details><summary>and 4 other outlets</summary>',
    );
    for (const name of ["The Evening Post", "Island Times", "Harbour Weekly"]) expect(day).toMatch(new RegExp(`<li><a href="https://[^"]+">${name}</a></li>`));
    expect(day).toContain("<li>Ferry Gazette</li>");
  });

  it("shows article text that looks like markup or template code as text", () => {
    const day = out.read("2025/03/14/index.html");
    expect(day).toContain("<h2 id=\"s-");
    expect(day).toContain("Tom &amp; Jerry &lt;3 &lt;script&gt;window.__pwned=1&lt;/script&gt;</h2>");
    expect(day).toContain("&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;");
    expect(day).toContain("{{ 7*7 }}");
    expect(day).toContain('<a href="https://example.com/news/a?x=1&amp;y=2">The &lt;b&gt;Bold&lt;/b&gt; Times &amp; Co</a>');
    for (const [path, html] of Object.entries(tree(out.site))) {
      if (!path.endsWith(".html")) continue;
      expect(html, path).not.toMatch(/<(script|img|b)\b/i);
      expect(html, path).not.toContain("onerror=\"");
    }
  });

  it("lists the latest days newest first on the home page, with their stories", () => {
    const home = out.read("index.html");
    const first = home.indexOf('<h2 id="d-2025-03-15">');
    const second = home.indexOf('<h2 id="d-2025-03-14">');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(home).toMatch(/<h3 id="s-[0-9a-f]+">Ferry workers strike/);
    expect(home).toContain("<summary>and 4 other outlets</summary>");
  });

  it("has an archive by month and month pages that link each story's anchor", () => {
    const archive = out.read("archive/index.html");
    expect(archive).toContain('<h2 id="m-2025-03"><a href="/2025/03/">March 2025</a></h2>');
    expect(archive).toContain('<a href="/2025/03/15/">Saturday 15 March 2025</a> <span class="muted">· 1 story</span>');
    const month = out.read("2025/03/index.html");
    expect(month).toMatch(/<a href="\/2025\/03\/14\/#s-[0-9a-f]+">Tom &amp; Jerry &lt;3 &lt;script&gt;/);
  });

  it("lists the outlets seen on the about page with how many stories each", () => {
    const about = out.read("about/index.html");
    expect(about).toContain("<tr><td>The &lt;b&gt;Bold&lt;/b&gt; Times &amp; Co</td><td class=\"num\">1</td></tr>");
    expect(about).toContain("<tr><td>Northern Courier</td><td class=\"num\">1</td></tr>");
    expect(about).toContain("8 outlets across 2 stories");
  });
});

describe("site options", () => {
  it("limits the home page to homeDays and points to the archive", async () => {
    const out = await build(hostile, { config: { homeDays: 1 } });
    const home = out.read("index.html");
    expect(home).toContain('id="d-2025-03-15"');
    expect(home).not.toContain('id="d-2025-03-14"');
    expect(home).toContain('<a href="/archive/">Older digests are in the archive</a>');
  });

  it("keeps every internal link under the path of a base URL with a path", async () => {
    const out = await build(seeds, { baseUrl: "https://example.org/news/" });
    const home = out.read("index.html");
    expect(home).toContain('href="/news/feed.xml"');
    expect(home).toContain('<a class="site-title" href="/news/">');
    expect(home).toContain('<link rel="canonical" href="https://example.org/news/">');
    const hrefs = [...home.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^\/news\//);
  });

  it("builds a byte-identical site and feeds from the same input", async () => {
    const work = mkdtempSync(join(tmpdir(), "digest-same-"));
    cpSync(seeds, join(work, "a"), { recursive: true });
    writeFileSync(join(work, "unused"), "");
    const [a, b] = await Promise.all([build(seeds), build(join(work, "a"))]);
    expect(tree(b.site)).toEqual(tree(a.site));
  });
});
