// An incremental build that renders few pages renders them without Eleventy (src/site/direct.ts), and a
// cold build its story pages: the site it writes is byte for byte the one Eleventy writes from the same
// model (`eleventyOnly`), every kind of page
// (stories, days, months, moved stories, the pages across the whole model, the search module), with
// text that needs escaping and a site under a path prefix.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDigest } from "../../src/digest/index.ts";
import { renderSite } from "../../src/site/index.ts";
import { splitFrontMatter, urlOfPermalink } from "../../src/site/direct.ts";
import { tree } from "./build.ts";
import { defaultConfig, withBaseUrl } from "../../src/config.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle, Story } from "../../src/types.ts";

function member(path: string, date: string, title: string, source: string): ResolvedArticle {
  return {
    path, format: "markdown", raw: "", title, paragraphs: [`${title}: the first paragraph says what happened.`], meta: { ...emptyMeta(), source },
    context: "", mtime: new Date(0), messages: [], evidence: { date, dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: date },
    date, dateSource: "front-matter",
  };
}

function stories(summary: string): Story[] {
  const make = (id: string, date: string, title: string, extra: Partial<Story> = {}): Story => ({
    id, date, title, members: [member(`${id}-a.md`, date, title, "Island Times"), member(`${id}-b.md`, date, `${title} (update)`, "Harbour <News> & Co")], summary: [summary, "Second sentence with \"quotes\" and 'apostrophes'."], followUpOf: null, ...extra,
  });
  return [
    make("s-1111111111", "2025-03-14", "Ferry <script>alert(1)</script> timetable & fares"),
    make("s-2222222222", "2025-03-15", "Council votes on the harbour wall", { followUpOf: "s-1111111111" }),
    make("s-3333333333", "2025-04-02", "Éclairs and ümlauts: a bakery reopens", { formerIds: ["s-0000000000"] }),
  ];
}

const fresh = () => mkdtempSync(join(tmpdir(), "digest-site-direct-"));

describe("pages rendered without Eleventy", () => {
  for (const baseUrl of ["https://digest.example.org/", "https://example.org/news/"]) {
    it(`writes Eleventy's bytes for every page (${baseUrl})`, async () => {
      const config = withBaseUrl(defaultConfig, baseUrl);
      const model = buildDigest(stories("The ferry runs twice a day <b>from</b> November.")).model;
      const cold = fresh();
      const first = await renderSite({ outputDir: cold, config, model, eleventyOnly: true });
      expect(first.stats.renderedDirect).toBe(0);
      expect(first.stats.rendered).toBeGreaterThan(8);
      // A state that carries nothing: every page is rendered again, few enough to leave Eleventy unloaded.
      const again = fresh();
      const second = await renderSite({ outputDir: again, config, model, previous: { dir: cold, state: { ...first.state, pages: {} } } });
      expect(second.stats.rendered).toBe(first.stats.rendered);
      expect(tree(again)).toEqual(tree(cold));
    });
  }

  it("renders only what changed, as a cold build would have written it", async () => {
    const live = fresh();
    const first = await renderSite({ outputDir: live, config: defaultConfig, model: buildDigest(stories("The ferry runs twice a day.")).model });
    const changed = buildDigest(stories("The ferry now runs three times a day & at night.")).model;
    const next = fresh();
    const second = await renderSite({ outputDir: next, config: defaultConfig, model: changed, previous: { dir: live, state: first.state } });
    expect(second.stats.rendered).toBeLessThan(first.stats.rendered + 1);
    const cold = fresh();
    await renderSite({ outputDir: cold, config: defaultConfig, model: changed });
    expect(tree(next)).toEqual(tree(cold));
    expect(readFileSync(join(next, "stories/s-1111111111/index.html"), "utf8")).toContain("three times a day &amp; at night");
  });

  it("renders a cold site's story pages without Eleventy, to the same bytes and search index", async () => {
    const model = buildDigest(stories("The ferry runs twice a day <b>from</b> November.")).model;
    const eleventy = fresh();
    const whole = await renderSite({ outputDir: eleventy, config: defaultConfig, model, eleventyOnly: true });
    expect(whole.stats.renderedDirect).toBe(0);
    const split = fresh();
    const first = await renderSite({ outputDir: split, config: defaultConfig, model });
    expect(first.stats.renderedDirect).toBe(3);
    expect(first.stats.rendered).toBe(whole.stats.rendered);
    expect(tree(split)).toEqual(tree(eleventy));
    expect(first.state.searched).toEqual(whole.state.searched);
    expect(Object.fromEntries(Object.entries(first.state.search).map(([folder, s]) => [folder, s.key]))).toEqual(Object.fromEntries(Object.entries(whole.state.search).map(([folder, s]) => [folder, s.key])));
  });

  it("splits front matter and makes page URLs as Eleventy does", () => {
    expect(splitFrontMatter("---\npermalink: /a/index.html\ntitle: A\n---\n{% block x %}\n")).toEqual({ data: { permalink: "/a/index.html", title: "A" }, body: "{% block x %}\n" });
    expect(splitFrontMatter("no front matter\n")).toEqual({ data: {}, body: "no front matter\n" });
    expect(urlOfPermalink("/index.html")).toBe("/");
    expect(urlOfPermalink("/stories/s-1/index.html")).toBe("/stories/s-1/");
    expect(urlOfPermalink("/404.html")).toBe("/404.html");
    expect(urlOfPermalink("search/pagefind.js")).toBe("/search/pagefind.js");
  });
});
