// What feed@6.0.0 gets wrong, and that the feeds come out right anyway; and what an item holds.
import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { extractFromJson, extractFromXml } from "@extractus/feed-extractor";
import { JSDOM } from "jsdom";
import { buildFeeds, buildFeedsFrom, type FeedChannel, type ItemMemo } from "../../src/feed/formats.ts";
import { storyEntry, type FeedEntry, type FeedSource } from "../../src/feed/entries.ts";
import { storyHtml } from "../../src/feed/html.ts";
import { buildDigest } from "../../src/digest/index.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { ResolvedArticle } from "../../src/types.ts";

const channel: FeedChannel = {
  title: "Tom & Jerry <3 News\u0008",
  description: "Cats \u0001& mice",
  homeUrl: "https://digest.example.org/",
  links: { rss: "https://digest.example.org/feed.xml", atom: "https://digest.example.org/atom.xml", json: "https://digest.example.org/feed.json" },
  language: "en",
  author: "Ed <ed> & Co",
  authorUrl: "https://digest.example.org/",
  favicon: "https://digest.example.org/favicon.svg",
};

function entry(date: string, title: string, content: string, extra: Partial<FeedEntry> = {}): FeedEntry {
  return {
    url: `https://digest.example.org/${date.replace(/-/g, "/")}/`,
    title,
    published: `${date}T00:00:00.000Z`,
    updated: `${date}T00:00:02.000Z`,
    authors: ["The <b>Bold</b> Times & Co", "Island Times"],
    categories: ["Harbour & Port", "Ferry"],
    summary: title,
    contentHtml: content,
    language: null,
    ...extra,
  };
}

const entries = [entry("2025-03-15", "Tom & Jerry <3 \u0008\u001b\uFFFE\uD800end", "<p>bell\u0007 and escape\u001b gone, ]]> kept</p>"), entry("2025-03-14", "Plain day", "<p>plain</p>")];
const feeds = buildFeeds(entries, channel);

function htmlText(html: string): string {
  return JSDOM.fragment(`<div>${html}</div>`).textContent ?? "";
}

describe("feed fixes", () => {
  it("strips XML-illegal control characters from every text, so every feed stays well-formed", () => {
    for (const xml of [feeds.rss, feeds.atom]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
      expect(xml).toContain("bell and escape gone, ]]");
    }
    expect(feeds.json).not.toMatch(/\\u00(0|1)[0-9a-f]|\\ud800/i);
    expect(JSON.parse(feeds.json).items[0].title).toBe("Tom & Jerry <3 end");
  });

  it("writes Atom titles as text (type=text), so & < and \" read back as written; authors and categories as text", () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(feeds.atom) as {
      feed: { title: string; author: { name: string }; entry: { title: { "#text": string; "@type": string }; author: { name: string }[]; category: { "@term": string }[] }[] };
    };
    const first = parsed.feed.entry[0]!;
    expect(first.title["@type"]).toBe("text");
    expect(first.title["#text"]).toBe("Tom & Jerry <3 end");
    expect(parsed.feed.title).toBe("Tom & Jerry <3 News");
    expect(parsed.feed.author.name).toBe("Ed <ed> & Co");
    expect(first.author.map((a) => a.name)).toEqual(["The <b>Bold</b> Times & Co", "Island Times"]);
    expect(first.category.map((c) => c["@term"])).toEqual(["Harbour & Port", "Ferry"]);
  });

  it("gives readers of the Atom feed (rss-parser, feed-extractor) the titles as written, quotes and ampersands included", async () => {
    const quoted = [entry("2025-03-15", 'S&P 500 "rallies" as <b>AT&T</b>\n  falls', "<p>x</p>")];
    const atom = buildFeeds(quoted, channel).atom;
    const item = (await new Parser().parseString(atom)).items[0]!;
    expect(item.title).toBe('S&P 500 "rallies" as <b>AT&T</b> falls');
    expect(extractFromXml(atom).entries?.[0]?.title).toBe('S&P 500 "rallies" as <b>AT&T</b> falls');
  });

  it("gives RSS readers the plain titles, permalink guids, the outlets as dc:creator and the categories", async () => {
    const feed = await new Parser({ customFields: { item: [["dc:creator", "creators", { keepArray: true }]] } }).parseString(feeds.rss);
    expect(feed.title).toBe("Tom & Jerry <3 News");
    const item = feed.items[0]! as Parser.Item & { creators?: string[] };
    expect(item.title).toBe("Tom & Jerry <3 end");
    expect(item.creators).toEqual(["The <b>Bold</b> Times & Co", "Island Times"]);
    expect(item.categories).toEqual(["Harbour & Port", "Ferry"]);
    expect(feeds.rss).toContain('<guid isPermaLink="true">https://digest.example.org/2025/03/15/</guid>');
    expect(feeds.rss).not.toContain("<author>");
    // RSS has one date per item: it carries the last change, so a reader comparing it sees a day that grew.
    expect(feeds.rss).toContain("<pubDate>Sat, 15 Mar 2025 00:00:02 GMT</pubDate>");
  });

  it("writes JSON Feed 1.1 rather than feed@6's version 1, with every item's authors, tags and both dates", () => {
    const json = JSON.parse(feeds.json) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.authors).toEqual([{ name: "Ed <ed> & Co", url: "https://digest.example.org/" }]);
    expect(json).not.toHaveProperty("author");
    expect(json.language).toBe("en");
    expect(json.items.map((i) => [i.id, i.date_published, i.date_modified])).toEqual([
      ["https://digest.example.org/2025/03/15/", "2025-03-15T00:00:00.000Z", "2025-03-15T00:00:02.000Z"],
      ["https://digest.example.org/2025/03/14/", "2025-03-14T00:00:00.000Z", "2025-03-14T00:00:02.000Z"],
    ]);
    expect(json.items[0]!.authors).toEqual([{ name: "The <b>Bold</b> Times & Co" }, { name: "Island Times" }]);
    expect(json.items[0]!.tags).toEqual(["Harbour & Port", "Ferry"]);
    expect(extractFromJson(feeds.json).entries?.[0]?.published).toBe("2025-03-15T00:00:00.000Z");
  });

  it("gives the same bytes for the same entries", () => {
    expect(buildFeeds(entries, channel)).toEqual(feeds);
  });

  it("gives the same bytes when assembled from items remembered from an earlier build", () => {
    // Items of every shape: no content first (RSS declares the content namespace only for content), no
    // authors or categories, markup and CDATA ends in the texts, a later date than the rest.
    const odd = [
      entry("2025-03-13", "Empty", "", { authors: [], categories: [] }),
      ...entries,
      entry("2025-03-16", "<item> and </channel> ]]> &amp; <entry>", "<p>x</p>", { summary: "a ]]> b", categories: ["A \"q\" <b>"] }),
      entry("2025-03-12", 'Line\n  "items": [\n    break \u0001 \uDC00', "<p>\n  ]\n}</p>", { summary: "" }),
    ];
    const remembered = new Map<string, string>();
    let rendered = 0;
    const memo: ItemMemo = (format, e, render) => {
      const key = `${format} ${JSON.stringify(e)}`;
      if (!remembered.has(key)) {
        rendered++;
        remembered.set(key, render());
      }
      return remembered.get(key)!;
    };
    for (const list of [odd, odd.slice(1), odd.slice(2, 3), odd.slice(0, 1), []]) {
      expect(buildFeeds(list, channel, memo), `${list.length} entries`).toEqual(buildFeeds(list, channel));
    }
    // Each entry's item in each format was written once.
    expect(rendered).toBe(3 * odd.length);
    // Keyed sources (as the build gives them): the same bytes, an entry without content first among them.
    const keyed = (list: readonly FeedEntry[]): FeedSource[] => list.map((e) => ({ key: `key ${JSON.stringify(e)}`, updated: e.updated, entry: () => e }));
    for (const list of [odd, odd.slice(1), odd.slice(1, 2), odd.slice(2, 3), odd.slice(0, 1), odd, odd.slice(1)]) {
      expect(buildFeedsFrom(keyed(list), channel, memo), `${list.length} keyed entries`).toEqual(buildFeeds(list, channel));
    }
  });
});

describe("feed content", () => {
  const member = (path: string, title: string, meta: Partial<ResolvedArticle["meta"]>): ResolvedArticle => ({
    path, format: "markdown", raw: "", title, paragraphs: ["Text."], meta: { ...emptyMeta(), ...meta }, context: "", mtime: new Date(0), messages: [],
    evidence: { date: "2025-03-15", dateSource: "front-matter", weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-03-15" }, date: "2025-03-15", dateSource: "front-matter",
  });
  const earlier = { id: "s-89abcdef01", date: "2025-03-14", title: "Earlier", members: [{ ...member("e.md", "Earlier", {}), date: "2025-03-14" }], summary: ["Before."], followUpOf: null };
  const story = {
    id: "s-0123abcd45", date: "2025-03-15", title: "A <b>bold</b> claim \u0008", summary: ["Text with <script>alert(1)</script> in it."], followUpOf: "s-89abcdef01",
    members: [member("a.md", "A <b>bold</b> claim \u0008", { source: "Outlet & Co", url: "https://outlet.example/a?b=1&c=2" })],
  };
  const model = buildDigest([story, earlier]).model;
  const view = model.stories.find((s) => s.id === "s-0123abcd45")!;

  it("renders a story escaped, with its sources and follow-up links absolute", () => {
    const html = storyHtml(view, "https://example.org/news/", "full", "en");
    expect(html).toContain('<h2><a href="https://example.org/news/stories/s-0123abcd45/">A &lt;b&gt;bold&lt;/b&gt; claim</a></h2>');
    expect(html).toContain("<p>Text with &lt;script&gt;alert(1)&lt;/script&gt; in it.</p>");
    expect(html).toContain('<li><bdi>Outlet &amp; Co</bdi>: <a href="https://outlet.example/a?b=1&amp;c=2"><bdi>A &lt;b&gt;bold&lt;/b&gt; claim</bdi></a></li>');
    expect(html).toContain('Follow-up to <a href="https://example.org/news/stories/s-89abcdef01/"><bdi>Earlier</bdi></a>');
    expect(html).not.toMatch(/[\u0000-\u0008]/);
    const back = storyHtml(model.stories.find((s) => s.id === "s-89abcdef01")!, "https://example.org/news/", "full", "en");
    expect(back).toContain('Followed up by <a href="https://example.org/news/stories/s-0123abcd45/"><bdi>A &lt;b&gt;bold&lt;/b&gt; claim</bdi></a>');
  });

  it("marks a story in another language than the feed's: its words in the item's HTML, and the JSON Feed item's language", () => {
    const german = {
      id: "s-0123abcd46", date: "2025-03-15", title: "Hamburger Hafen meldet Rekord", followUpOf: null,
      summary: ["Der Hamburger Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie zuvor, teilte die Behörde am Freitag mit."],
      members: [member("h.md", "Hamburger Hafen meldet Rekord", { source: "Nordkurier" })],
    };
    const de = buildDigest([german]).model.stories[0]!;
    const item = storyEntry(de, "https://example.org/news/", "en-GB");
    expect(item.language).toBe("de");
    expect(item.contentHtml).toContain('<p lang="de">Der Hamburger Hafen');
    expect(storyHtml(de, "https://example.org/news/", "full", "en")).toContain('<h2 lang="de">');
    const json = JSON.parse(buildFeeds([item, { ...storyEntry(view, "https://example.org/news/", "en-GB") }], { ...channel, language: "en-GB" }).json) as { items: { language?: string }[] };
    expect(json.items.map((i) => i.language ?? null)).toEqual(["de", null]);
    expect(storyEntry(de, "https://example.org/news/", "de").language).toBe(null);
  });

  it("marks the Atom feed's language, and an entry's title and summary in another (feed@6 writes no xml:lang)", () => {
    const german = {
      id: "s-0123abcd46", date: "2025-03-15", title: "Hamburger Hafen meldet Rekord", followUpOf: null,
      summary: ["Der Hamburger Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie zuvor, teilte die Behörde am Freitag mit."],
      members: [member("h.md", "Hamburger Hafen meldet Rekord", { source: "Nordkurier" })],
    };
    const de = storyEntry(buildDigest([german]).model.stories[0]!, "https://example.org/news/", "en-GB");
    const en = storyEntry(view, "https://example.org/news/", "en-GB");
    const list = [de, en];
    const atom = buildFeeds(list, { ...channel, language: "en-GB" }).atom;
    expect(XMLValidator.validate(atom)).toBe(true);
    type Text = { "#text": string; "@xml:lang"?: string };
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(atom) as { feed: { "@xml:lang"?: string; entry: { title: Text; summary: Text; content: Text }[] } };
    expect(parsed.feed["@xml:lang"]).toBe("en-GB");
    const [first, second] = parsed.feed.entry;
    expect([first!.title["@xml:lang"], first!.summary["@xml:lang"]]).toEqual(["de", "de"]);
    expect(first!.title["#text"]).toBe("Hamburger Hafen meldet Rekord");
    // The content marks its own parts: its "Sources" line is in the feed's language.
    expect(first!.content["@xml:lang"]).toBeUndefined();
    expect([second!.title["@xml:lang"], second!.summary["@xml:lang"]]).toEqual([undefined, undefined]);
    // Written a piece at a time from remembered items, the same bytes.
    const store = new Map<string, string>();
    const memo: ItemMemo = (format, key, render) => store.get(`${format} ${key}`) ?? (store.set(`${format} ${key}`, render()), store.get(`${format} ${key}`)!);
    expect(buildFeeds(list, { ...channel, language: "en-GB" }, memo).atom).toBe(atom);
    expect(buildFeeds([en, de], { ...channel, language: "en-GB" }, memo).atom).toBe(buildFeeds([en, de], { ...channel, language: "en-GB" }).atom);
  });

  it("dates no item and not the feed itself after the newest time its articles state (a build the same morning)", () => {
    const morning = Array.from({ length: 30 }, (_, i) => ({
      id: `s-${String(i).padStart(10, "0")}`, date: "2025-03-15", title: `Story ${i}`, summary: ["Text."], followUpOf: null,
      members: [member(`m${i}.md`, `Story ${i}`, { source: "Outlet", date: "2025-03-15T09:00:00Z" }), member(`n${i}.md`, `Story ${i}`, { source: "Other", date: "2025-03-15T07:12:00Z" })],
    }));
    const items = buildDigest(morning).model.stories.map((s) => storyEntry(s, "https://example.org/news/", "en"));
    const feeds = buildFeeds(items, channel);
    const atom = new XMLParser().parse(feeds.atom) as { feed: { updated: string; entry: { updated: string }[] } };
    const rss = new XMLParser().parse(feeds.rss) as { rss: { channel: { lastBuildDate: string; item: { pubDate: string }[] } } };
    const json = JSON.parse(feeds.json) as { items: { date_modified: string }[] };
    const stated = Date.parse("2025-03-15T09:00:02Z");
    const dates = [atom.feed.updated, ...atom.feed.entry.map((e) => e.updated), rss.rss.channel.lastBuildDate, ...rss.rss.channel.item.map((i) => i.pubDate), ...json.items.map((i) => i.date_modified)];
    expect(dates).toHaveLength(2 + 3 * 30);
    for (const d of dates) expect(Date.parse(d), d).toBeLessThanOrEqual(stated);
    expect(new Set(atom.feed.entry.map((e) => e.updated)).size).toBe(30);
  });

  it("dates bare-day stories in their day's first minutes, no two RSS items in the same second", () => {
    const bare = Array.from({ length: 120 }, (_, i) => ({
      id: `s-${String(i).padStart(10, "0")}`, date: "2025-03-15", title: `Story ${i}`, summary: ["Text."], followUpOf: null,
      members: [member(`m${i}.md`, `Story ${i}`, { source: "Outlet", date: "2025-03-15" })],
    }));
    const items = buildDigest(bare).model.stories.map((s) => storyEntry(s, "https://example.org/news/", "en"));
    const feeds = buildFeeds(items, channel);
    const rss = new XMLParser().parse(feeds.rss) as { rss: { channel: { lastBuildDate: string; item: { pubDate: string }[] } } };
    const pubDates = rss.rss.channel.item.map((i) => i.pubDate);
    expect(pubDates).toHaveLength(120);
    expect(new Set(pubDates).size).toBe(120);
    for (const d of [rss.rss.channel.lastBuildDate, ...pubDates]) expect(Date.parse(d), d).toBeLessThanOrEqual(Date.parse("2025-03-15T00:15:00Z"));
  });

  it("makes a story item whose id and link are the permalink, its outlets the authors", () => {
    const item = storyEntry(view, "https://example.org/news/", "en");
    expect(item.url).toBe("https://example.org/news/stories/s-0123abcd45/");
    expect(item.authors).toEqual(["Outlet & Co"]);
    expect(item.published).toBe("2025-03-15T00:00:00.000Z");
    expect(item.updated > item.published).toBe(true);
  });
});
