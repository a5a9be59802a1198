// The built site as a reader gets it: whole pages, a front page with hierarchy, story pages at their
// permalinks, sources credited as outlets with links, input text shown as text.
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, fixtures, hostile, seeds, tree, type Built } from "./build.ts";

interface Report {
  stories: { id: string; date: string; title: string; followUpOf?: string; sources: { path: string; outlet: string | null; url: string | null; headline: string }[] }[];
}

const report = (out: Built) => JSON.parse(out.read("build-report.json")) as Report;
const FEED_LINKS = [
  '<link rel="alternate" type="application/rss+xml" title="Digest: daily digest (RSS)" href="/feed.xml">',
  '<link rel="alternate" type="application/atom+xml" title="Digest: daily digest (Atom)" href="/atom.xml">',
  '<link rel="alternate" type="application/feed+json" title="Digest: daily digest (JSON Feed)" href="/feed.json">',
  '<link rel="alternate" type="application/rss+xml" title="Digest: stories (RSS)" href="/stories.xml">',
  '<link rel="alternate" type="application/atom+xml" title="Digest: stories (Atom)" href="/stories-atom.xml">',
  '<link rel="alternate" type="application/feed+json" title="Digest: stories (JSON Feed)" href="/stories.json">',
];

describe("site built from the hostile fixture", () => {
  let out: Built;
  let ferry: string;
  let mural: string;
  beforeAll(async () => {
    out = await build(hostile);
    const stories = report(out).stories;
    ferry = stories.find((s) => s.title.startsWith("Ferry"))!.id;
    mural = stories.find((s) => s.title.startsWith("Tom"))!.id;
  });

  const pages = () => ["index.html", "archive/index.html", "about/index.html", "search/index.html", "2025/03/index.html", "2025/03/14/index.html", "2025/03/15/index.html", `stories/${ferry}/index.html`, "404.html"];

  it("wraps every page in the base layout, with both feeds linked, a search form or box, and a favicon", () => {
    for (const page of pages()) {
      const html = out.read(page);
      expect(html, page).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(html, page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      for (const link of FEED_LINKS) expect(html, page).toContain(link);
      expect(html, page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      expect(html, page).toContain('<a href="/search/"');
      expect(html, page).toContain("@media (prefers-color-scheme:dark)");
      if (page !== "search/index.html") {
        expect(html, page).toContain('<form class="search-form" role="search" action="/search/" method="get">');
        expect(html, page).not.toMatch(/<script\b/i);
      }
    }
    expect(out.read("favicon.svg")).toMatch(/^<svg /);
  });

  it("gives each story a page at its permalink, with every source as outlet and linked headline", () => {
    const page = out.read(`stories/${ferry}/index.html`);
    expect(page).toContain("<title>Ferry workers strike over new rota, halting island crossings · Digest</title>");
    expect(page).toContain(`<link rel="canonical" href="https://digest.example.org/stories/${ferry}/">`);
    expect(page).toContain("<h1>Ferry workers strike over new rota, halting island crossings</h1>");
    expect(page).toContain("data-pagefind-body");
    for (const [outlet, url] of [["Northern Courier", "https://northern-courier.example/ferry"], ["Harbour Weekly", "https://harbourweekly.example/2025/ferry"]]) {
      expect(page).toContain(`<li><bdi class="outlet">${outlet}</bdi>: <a href="${url}"><bdi>Ferry workers strike over new rota, halting island crossings</bdi></a></li>`);
    }
    expect(page).toContain('<li><bdi class="outlet">Ferry Gazette</bdi>: <bdi>Ferry workers strike over new rota, halting island crossings</bdi></li>');
    expect(page).toContain(`<a href="/2025/03/15/#${ferry}">Saturday 15 March 2025</a>`);
  });

  it("shows a day's stories with headlines linking to their permalinks, and folds a long list of sources", () => {
    const day = out.read("2025/03/15/index.html");
    expect(day).toContain("<title>Digest for Saturday 15 March 2025 · Digest</title>");
    expect(day).toContain("<h1>Digest for Saturday 15 March 2025</h1>");
    expect(day).toContain(`<h2 id="${ferry}"><a href="/stories/${ferry}/">Ferry workers strike over new rota, halting island crossings</a></h2>`);
    expect(day).toContain(`<time datetime="2025-03-15">Saturday 15 March 2025</time> · 7 outlets`);
    expect(day).toContain("<details><summary>and 2 more sources</summary>");
    expect(day).toContain('<a href="/2025/03/14/" rel="prev">← Friday 14 March 2025</a>');
  });

  it("shows article text that looks like markup or template code as text", () => {
    const day = out.read("2025/03/14/index.html");
    expect(day).toContain(`<h2 id="${mural}"><a href="/stories/${mural}/">Tom &amp; Jerry &lt;3 &lt;script&gt;window.__pwned=1&lt;/script&gt;</a></h2>`);
    expect(day).toContain("&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;");
    expect(day).toContain("{{ 7*7 }}");
    expect(day).toContain('<bdi class="outlet">The &lt;b&gt;Bold&lt;/b&gt; Times &amp; Co</bdi>: <a href="https://example.com/news/a?x=1&amp;y=2">');
    expect(out.read(`stories/${mural}/index.html`)).toContain("<title>Tom &amp; Jerry &lt;3 &lt;script&gt;window.__pwned=1&lt;/script&gt; · Digest</title>");
    for (const [path, html] of Object.entries(tree(out.site))) {
      if (!path.endsWith(".html")) continue;
      expect(html, path).not.toMatch(/<(img|b)\b/i);
      expect(html, path).not.toContain("onerror=\"");
      if (path !== "search/index.html") expect(html, path).not.toMatch(/<script\b/i);
    }
  });

  it("ranks the front page by breadth and recency: the lead stories in full, linked to their permalinks", () => {
    const home = out.read("index.html");
    expect(home).toContain('<h2 class="section-title">Top stories</h2>');
    const first = home.indexOf(`<h3 id="${ferry}"><a href="/stories/${ferry}/">Ferry workers strike`);
    const second = home.indexOf(`<h3 id="${mural}">`);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
  });

  it("has an archive by month and month pages that link each story's permalink with its outlets", () => {
    const archive = out.read("archive/index.html");
    expect(archive).toContain('<h2 id="m-2025-03"><a href="/2025/03/">March 2025</a></h2>');
    expect(archive).toContain('<a href="/2025/03/15/">Saturday 15 March 2025</a> <span class="muted">· 1 story</span>');
    const month = out.read("2025/03/index.html");
    expect(month).toContain(`<li><a href="/stories/${mural}/"><bdi>Tom &amp; Jerry &lt;3 &lt;script&gt;window.__pwned=1&lt;/script&gt;</bdi></a> <span class="credit"><bdi>The &lt;b&gt;Bold&lt;/b&gt; Times &amp; Co</bdi></span></li>`);
    expect(month).toContain(`<span class="credit"><bdi>Northern Courier, Daily Lantern, Coast Radio and 4 other sources</bdi></span>`);
  });

  it("lists the outlets seen on the about page with how many stories each", () => {
    const about = out.read("about/index.html");
    expect(about).toContain('<tr><td>The &lt;b&gt;Bold&lt;/b&gt; Times &amp; Co</td><td class="num">1</td></tr>');
    expect(about).toContain('<tr><td>Northern Courier</td><td class="num">1</td></tr>');
    expect(about).toContain("8 outlets across 2 stories");
  });

  it("indexes the story pages for search, and only them", () => {
    expect(existsSync(join(out.site, "pagefind/pagefind-ui.js"))).toBe(true);
    expect(existsSync(join(out.site, "pagefind/pagefind-entry.json"))).toBe(true);
    const entry = JSON.parse(out.read("pagefind/pagefind-entry.json")) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0)).toBe(2);
    const search = out.read("search/index.html");
    expect(search).toContain('<script src="/pagefind/pagefind-ui.js" defer></script>');
    expect(search).toContain('<link rel="stylesheet" href="/pagefind/pagefind-ui.css">');
  });
});

describe("site built from the seeds", () => {
  let out: Built;
  beforeAll(async () => {
    out = await build(seeds);
  });

  it("credits the four-outlet story to outlets, not headlines: NewsX by name, the aggregator copies as unknown", () => {
    const story = report(out).stories.find((s) => s.date === "2025-05-29")!;
    expect(story.sources.map((s) => s.outlet)).toEqual([null, null, null, "NewsX"]);
    const page = out.read(`stories/${story.id}/index.html`);
    expect(page).toContain('<li><bdi class="outlet">NewsX</bdi>: <bdi>Did Serbia Stab Russia In The Back By Allegedly Sending Arms To Ukraine? Here’s What Happened</bdi></li>');
    expect(page).toContain('<li><bdi class="outlet">Unknown outlet</bdi>: <bdi>Russia accuses ally Serbia of betrayal for supplying arms to Ukraine</bdi></li>');
    expect(page).toContain("NewsX and 3 other sources");
    for (const [path, text] of Object.entries(tree(out.site))) if (/\.(html|xml|json)$/.test(path)) expect(text, path).not.toMatch(/Al Arabiya|Arab News/);
  });

  it("counts a story with unnamed outlets in sources, not as four outlets it cannot tell apart, on the story, day and feeds", () => {
    const story = report(out).stories.find((s) => s.date === "2025-05-29")!;
    const page = out.read(`stories/${story.id}/index.html`);
    expect(page).toContain('<time datetime="2025-05-29">Thursday 29 May 2025</time> · <bdi>NewsX and 3 other sources</bdi></p>');
    expect(out.read("2025/05/29/index.html")).toContain('<time datetime="2025-05-29">Thursday 29 May 2025</time> · 4 sources</p>');
    expect(out.read("index.html")).toContain('<time datetime="2025-05-29">Thursday 29 May 2025</time> · 4 sources</p>');
    expect(out.read("stories.xml")).toContain("Sources (4 sources):");
    for (const [path, text] of Object.entries(tree(out.site))) if (/\.(html|xml|json)$/.test(path)) expect(text, path).not.toMatch(/4 outlets/);
  });

  it("links the follow-up and the story it follows, both ways", () => {
    const stories = report(out).stories;
    const june = stories.find((s) => s.followUpOf)!;
    const may = stories.find((s) => s.id === june.followUpOf)!;
    expect(out.read(`stories/${june.id}/index.html`)).toContain(`Follow-up to <a href="/stories/${may.id}/" rel="prev"><bdi>Russia accuses ally Serbia of betrayal for supplying arms to Ukraine</bdi></a>`);
    expect(out.read(`stories/${may.id}/index.html`)).toContain(`Followed up by <a href="/stories/${june.id}/" rel="next"><bdi>Russia&#39;s spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic</bdi></a>`);
  });
});

describe("site options", () => {
  it("limits the front page to homeDays and points to the archive", async () => {
    const out = await build(hostile, { config: { homeDays: 1, feedDays: 1 } });
    // The story feed keeps only the latest days' stories: its links are not named "every story".
    expect(out.read("about/index.html")).toContain("The daily digest of the latest day, one entry per day:");
    expect(out.read("index.html")).toContain('title="Digest: stories (Atom)"');
    expect(out.read("index.html")).not.toContain("every story (");
    const home = out.read("index.html");
    expect(home).toContain("Ferry workers strike");
    expect(home).not.toContain("Tom &amp; Jerry");
    expect(home).toContain('<a href="/archive/">Older digests are in the archive</a>');
  });

  it("keeps every internal link under the path of a base URL with a path", async () => {
    const out = await build(seeds, { baseUrl: "https://example.org/news/" });
    for (const page of ["index.html", "search/index.html"]) {
      const html = out.read(page);
      expect(html).toContain('href="/news/feed.xml"');
      expect(html).toContain('<a class="site-title" href="/news/">');
      const hrefs = [...html.matchAll(/(?:href|src|action)="(\/[^"]*)"/g)].map((m) => m[1]!);
      expect(hrefs.length).toBeGreaterThan(5);
      for (const href of hrefs) expect(href).toMatch(/^\/news\//);
    }
    expect(out.read("index.html")).toContain('<link rel="canonical" href="https://example.org/news/">');
    expect(out.read("search/index.html")).toContain('baseUrl: "/news/"');
  });

  it("builds a byte-identical site, feeds and search index from the same input", async () => {
    const work = mkdtempSync(join(tmpdir(), "digest-same-"));
    cpSync(seeds, join(work, "a"), { recursive: true });
    writeFileSync(join(work, "unused"), "");
    const [a, b] = await Promise.all([build(seeds), build(join(work, "a"))]);
    expect(tree(b.site)).toEqual(tree(a.site));
  });
});

describe("site built from two reports that name no outlet", () => {
  let out: Built;
  beforeAll(async () => {
    // events-dev: two reports of the fire at Sarah Palin's church, neither naming its outlet.
    out = await build(join(fixtures, "pipeline", "headline"));
  });

  it("counts them as sources, not as outlets it cannot tell apart, on the story, day and feed", () => {
    const story = report(out).stories[0]!;
    expect(story.sources.map((s) => s.outlet)).toEqual([null, null]);
    const page = out.read(`stories/${story.id}/index.html`);
    expect(page).toContain('<time datetime="2008-12-14">Sunday 14 December 2008</time> · <bdi>2 sources, outlets unknown</bdi></p>');
    expect(page).not.toMatch(/2 outlets/);
    expect(out.read("2008/12/14/index.html")).toContain('<time datetime="2008-12-14">Sunday 14 December 2008</time> · 2 sources</p>');
    expect(out.read("stories.xml")).toContain("Sources (2 sources):");
  });
});
