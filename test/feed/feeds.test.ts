// The feeds as feed readers get them: parsed back with npm feed parsers and compared, item by item,
// with the digests the same build wrote.
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { XMLValidator } from "fast-xml-parser";
import { splitFrontMatter } from "../../src/clean/front-matter.ts";
import { build, hostile, seeds, type Built } from "../site/build.ts";

const BASE = "https://digest.example.org/";

interface ExpectedItem {
  date: string;
  url: string;
  title: string;
  storyIds: string[];
}

/** What each feed item must be, read from the digest files: newest first. */
function expectedItems(out: Built, dates: string[]): ExpectedItem[] {
  return [...dates].sort().reverse().map((date) => {
    const front = splitFrontMatter(out.digest(date));
    const data = front.kind === "data" ? front.data : {};
    return { date, url: `${BASE}${date.replace(/-/g, "/")}/`, title: String(data.title), storyIds: (data.stories as string[]).map(String) };
  });
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
}

describe.each([
  ["hostile fixture", hostile, ["2025-03-14", "2025-03-15"]],
  ["seeds", seeds, ["2025-05-29", "2025-06-23"]],
])("feeds built from the %s", (_name, input, dates) => {
  let out: Built;
  let expected: ExpectedItem[];
  beforeAll(async () => {
    out = await build(input);
    expected = expectedItems(out, dates);
  });

  it("are well-formed XML", () => {
    for (const file of ["feed.xml", "atom.xml"]) expect(XMLValidator.validate(out.read(file)), file).toBe(true);
  });

  it("parse back with rss-parser to one item per digest, newest first, with its day's URL, title, date and stories", async () => {
    const parser = new Parser();
    for (const file of ["feed.xml", "atom.xml"]) {
      const feed = await parser.parseString(out.read(file));
      expect(feed.items.map((i) => i.link), file).toEqual(expected.map((e) => e.url));
      feed.items.forEach((item, i) => {
        const want = expected[i]!;
        expect(item.title, file).toBe(want.title);
        expect(item.isoDate, file).toBe(`${want.date}T00:00:00.000Z`);
        expect(file === "feed.xml" ? item.guid : item.id, file).toBe(want.url);
        const content = String(item["content:encoded"] ?? item.content);
        for (const id of want.storyIds) {
          expect(content).toContain(`<h2 id="${id}">`);
          expect(content).toContain(`href="${want.url}#${id}"`);
        }
        for (const href of hrefs(content)) expect(href).toMatch(/^https?:\/\//);
      });
    }
  });

  it("parse back with feed-extractor the same way, JSON Feed included", () => {
    const feeds = {
      "feed.xml": extractFromXml(out.read("feed.xml"), { descriptionMaxLen: 0 }),
      "atom.xml": extractFromXml(out.read("atom.xml"), { descriptionMaxLen: 0 }),
      "feed.json": extractFromJson(out.read("feed.json"), { descriptionMaxLen: 0 }),
    };
    for (const [file, feed] of Object.entries(feeds)) {
      expect(feed.title, file).toBe("Digest");
      const entries = feed.entries ?? [];
      expect(entries.map((e) => e.id), file).toEqual(expected.map((e) => e.url));
      expect(entries.map((e) => e.link), file).toEqual(expected.map((e) => e.url));
      expect(entries.map((e) => e.title), file).toEqual(expected.map((e) => e.title));
      expect(entries.map((e) => e.published), file).toEqual(expected.map((e) => `${e.date}T00:00:00.000Z`));
    }
  });

  it("date the feed by its newest day, never the build clock", () => {
    const newest = expected[0]!.date;
    expect(out.read("atom.xml")).toContain(`<updated>${newest}T00:00:00.000Z</updated>\n    <generator>`);
    expect(out.read("feed.xml")).toContain(`<lastBuildDate>${new Date(`${newest}T00:00:00Z`).toUTCString()}</lastBuildDate>`);
  });

  it("write JSON Feed 1.1 with authors, language and date_published", () => {
    const json = JSON.parse(out.read("feed.json")) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.authors).toEqual([{ name: "Digest", url: BASE }]);
    expect(json.author).toBeUndefined();
    expect(json.language).toBe("en");
    expect(json.feed_url).toBe(`${BASE}feed.json`);
    for (const item of json.items) {
      expect(typeof item.date_published).toBe("string");
      expect(item.date_modified).toBeUndefined();
      for (const href of hrefs(String(item.content_html))) expect(href).toMatch(/^https?:\/\//);
    }
  });
});

describe("feed options", () => {
  it("carry the latest feedDays days only", async () => {
    const out = await build(hostile, { config: { feedDays: 1 } });
    const feed = await new Parser().parseString(out.read("atom.xml"));
    expect(feed.items.map((i) => i.link)).toEqual([`${BASE}2025/03/15/`]);
  });

  it("use --base-url for every absolute URL", async () => {
    const out = await build(seeds, { baseUrl: "https://news.example.com/daily" });
    const atom = out.read("atom.xml");
    expect(atom).toContain('<link rel="self" href="https://news.example.com/daily/atom.xml"/>');
    expect(atom).toContain("<id>https://news.example.com/daily/2025/06/23/</id>");
    expect(out.read("feed.xml")).toContain('<atom:link href="https://news.example.com/daily/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(atom).not.toContain("digest.example.org");
  });

  it("keep every existing item's id when a rebuild has one more article", async () => {
    const work = mkdtempSync(join(tmpdir(), "digest-ids-"));
    cpSync(hostile, join(work, "in"), { recursive: true });
    rmSync(join(work, "in/ferry-strike-7.md"));
    const [before, after] = await Promise.all([build(join(work, "in")), build(hostile)]);
    for (const file of ["feed.xml", "atom.xml"]) {
      const ids = async (b: Built) => (await new Parser().parseString(b.read(file))).items.map((i) => [i.title, i.guid ?? i.id]);
      expect(await ids(after), file).toEqual(await ids(before));
    }
    const jsonIds = (b: Built) => (JSON.parse(b.read("feed.json")) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(jsonIds(after)).toEqual(jsonIds(before));
    expect(after.read("feed.json")).not.toEqual(before.read("feed.json"));
  });
});
