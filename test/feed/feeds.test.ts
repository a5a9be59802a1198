// The feeds as feed readers get them: parsed back with npm feed parsers and compared, item by item,
// with the stories the same build reported. The daily feed has one item per day; the story feed one
// item per story, whose id and link are its permalink.
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Parser from "rss-parser";
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { XMLValidator } from "fast-xml-parser";
import { build, hostile, seeds, type Built } from "../site/build.ts";

const BASE = "https://digest.example.org/";

interface ReportStory {
  id: string;
  date: string;
  title: string;
  sources: { outlet: string | null }[];
}

const stories = (out: Built) => (JSON.parse(out.read("build-report.json")) as { stories: ReportStory[] }).stories;
const dayUrl = (date: string) => `${BASE}${date.replace(/-/g, "/")}/`;
const dayTitle = (date: string) => `Digest for ${new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).replace(",", "")}`;

function hrefs(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
}

describe.each([
  ["hostile fixture", hostile, ["2025-03-15", "2025-03-14"]],
  ["seeds", seeds, ["2025-06-23", "2025-05-29"]],
])("feeds built from the %s", (_name, input, dates) => {
  let out: Built;
  beforeAll(async () => {
    out = await build(input);
  });

  it("are well-formed XML", () => {
    for (const file of ["feed.xml", "atom.xml", "stories.xml", "stories-atom.xml"]) expect(XMLValidator.validate(out.read(file)), file).toBe(true);
  });

  it("give one daily item per day, newest first, with its day's URL as id, its title and stories, and absolute links", async () => {
    const parser = new Parser();
    for (const file of ["feed.xml", "atom.xml"]) {
      const feed = await parser.parseString(out.read(file));
      expect(feed.items.map((i) => i.link), file).toEqual(dates.map(dayUrl));
      expect(feed.items.map((i) => (file === "feed.xml" ? i.guid : i.id)), file).toEqual(dates.map(dayUrl));
      expect(feed.items.map((i) => i.title), file).toEqual(dates.map(dayTitle));
      feed.items.forEach((item, i) => {
        const content = String(item["content:encoded"] ?? item.content);
        for (const s of stories(out).filter((s) => s.date === dates[i])) expect(content).toContain(`<a href="${BASE}stories/${s.id}/">`);
        for (const href of hrefs(content)) expect(href).toMatch(/^https?:\/\//);
      });
    }
  });

  it("give one story item per story, its permalink as id and link, its outlets as authors", async () => {
    const all = stories(out);
    const rss = await new Parser({ customFields: { item: [["dc:creator", "creators", { keepArray: true }]] } }).parseString(out.read("stories.xml"));
    expect(rss.items.map((i) => i.guid).sort()).toEqual(all.map((s) => `${BASE}stories/${s.id}/`).sort());
    for (const item of rss.items as (Parser.Item & { creators?: string[] })[]) {
      const story = all.find((s) => item.link === `${BASE}stories/${s.id}/`)!;
      expect(item.title).toBe(story.title);
      const named = [...new Set(story.sources.map((s) => s.outlet).filter((o): o is string => o !== null))];
      expect(item.creators ?? []).toEqual(named);
    }
    const atom = extractFromXml(out.read("stories-atom.xml"), { descriptionMaxLen: 0 });
    const json = extractFromJson(out.read("stories.json"), { descriptionMaxLen: 0 });
    for (const feed of [atom, json]) expect((feed.entries ?? []).map((e) => e.id).sort()).toEqual(all.map((s) => `${BASE}stories/${s.id}/`).sort());
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
      expect(entries.map((e) => e.id), file).toEqual(dates.map(dayUrl));
      expect(entries.map((e) => e.title), file).toEqual(dates.map(dayTitle));
      for (const e of entries) expect(e.published, file).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it("date every item by its stories' days, never the build clock", () => {
    const atom = out.read("atom.xml");
    expect(atom).toContain(`<published>${dates[0]}T00:00:00.000Z</published>`);
    expect(atom).toMatch(new RegExp(`<updated>${dates[0]}T00:00:\\d\\d\\.000Z</updated>\\n {4}<generator>`));
  });

  it("write JSON Feed 1.1 with authors, language and both dates", () => {
    for (const file of ["feed.json", "stories.json"]) {
      const json = JSON.parse(out.read(file)) as Record<string, unknown> & { items: Record<string, unknown>[] };
      expect(json.version).toBe("https://jsonfeed.org/version/1.1");
      expect(json.authors).toEqual([{ name: "Digest", url: BASE }]);
      expect(json.language).toBe("en");
      expect(json.feed_url).toBe(`${BASE}${file}`);
      for (const item of json.items) {
        expect(typeof item.date_published).toBe("string");
        expect(String(item.date_modified) >= String(item.date_published)).toBe(true);
        for (const href of hrefs(String(item.content_html))) expect(href).toMatch(/^https?:\/\//);
      }
    }
  });
});

describe("feed options", () => {
  it("carry the latest feedDays days only", async () => {
    const out = await build(hostile, { config: { feedDays: 1 } });
    expect((await new Parser().parseString(out.read("atom.xml"))).items.map((i) => i.link)).toEqual([`${BASE}2025/03/15/`]);
    expect((await new Parser().parseString(out.read("stories-atom.xml"))).items).toHaveLength(1);
    // The story feed holds the latest days' stories (at most STORY_FEED_MAX), not the archive: it must not promise every story.
    for (const file of ["stories.xml", "stories-atom.xml", "stories.json"]) expect(out.read(file), file).not.toMatch(/Every story/i);
    expect(out.read("about/index.html")).toContain("<p>The most recently changed stories of those days, one entry each, updated when another outlet joins it:");
  });

  it("use --base-url for every absolute URL", async () => {
    const out = await build(seeds, { baseUrl: "https://news.example.com/daily" });
    const atom = out.read("atom.xml");
    expect(atom).toContain('<link rel="self" href="https://news.example.com/daily/atom.xml"/>');
    expect(atom).toContain("<id>https://news.example.com/daily/2025/06/23/</id>");
    expect(out.read("feed.xml")).toContain('<atom:link href="https://news.example.com/daily/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(out.read("stories-atom.xml")).toContain('<link rel="self" href="https://news.example.com/daily/stories-atom.xml"/>');
    for (const file of ["atom.xml", "stories-atom.xml", "feed.json", "stories.json"]) expect(out.read(file)).not.toContain("digest.example.org");
  });
});

describe("a rebuild with one more article", () => {
  let before: Built;
  let after: Built;
  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), "digest-ids-"));
    cpSync(hostile, join(work, "in"), { recursive: true });
    rmSync(join(work, "in/ferry-strike-7.md"));
    cpSync(hostile, join(work, "more"), { recursive: true });
    writeFileSync(
      join(work, "more/keepers.md"),
      '---\ntitle: "Last lighthouse keepers retire from the islands"\ndate: 2025-03-15\nsource: "Coast Radio"\nurl: "https://coastradio.example/keepers"\n---\n\nThe last lighthouse keepers on the islands retired on Saturday after forty years of service, the harbour authority said in a statement issued at noon.\n\nThe lights will now be run automatically from the mainland control room, which the authority said was both safer and cheaper to run.\n',
    );
    [before, after] = await Promise.all([build(join(work, "in")), build(join(work, "more"))]);
  });

  const atomEntries = async (b: Built, file: string) =>
    (await new Parser<Record<string, never>, { id?: string; updated?: string }>({ customFields: { item: ["updated"] } }).parseString(b.read(file))).items.map((i) => ({ id: i.id, updated: i.updated }));

  it("keeps every daily item's id, and moves the updated date of the day that gained a story and a source", async () => {
    const [was, now] = [await atomEntries(before, "atom.xml"), await atomEntries(after, "atom.xml")];
    expect(now.map((e) => e.id)).toEqual(was.map((e) => e.id));
    expect(now[0]!.updated! > was[0]!.updated!).toBe(true);
    expect(now[1]!.updated).toBe(was[1]!.updated);
  });

  it("adds the new story to the story feed and moves the updated date of the story that gained an outlet", async () => {
    const [was, now] = [await atomEntries(before, "stories-atom.xml"), await atomEntries(after, "stories-atom.xml")];
    expect(now).toHaveLength(was.length + 1);
    const ferry = stories(after).find((s) => s.title.startsWith("Ferry"))!;
    const id = `${BASE}stories/${ferry.id}/`;
    expect(now.find((e) => e.id === id)!.updated! > was.find((e) => e.id === id)!.updated!).toBe(true);
  });
});
