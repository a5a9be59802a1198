// Reading feeds, broken ones included: the items a reader would expect, with absolute links and dates.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readFeed } from "../../src/fetch/feed.ts";
import { decodeBody } from "../../src/fetch/decode.ts";
import { feedDate } from "../../src/fetch/dates.ts";

const dir = join(import.meta.dirname, "../fixtures/fetch/feeds");
const FEED = "https://news.example.com/feeds/x.xml";

function read(file: string) {
  const decoded = decodeBody(readFileSync(join(dir, file)), null, file.endsWith(".json") ? "json" : "xml");
  if (!decoded.ok) return { ok: false as const, reason: decoded.reason };
  return readFeed(decoded.text, FEED);
}

function items(file: string) {
  const r = read(file);
  if (!r.ok) throw new Error(r.reason);
  return r.feed.items.map((i) => [i.title, i.url, i.date]);
}

describe("readFeed", () => {
  it("reads RSS 2.0 with its title, dates (offset kept) and full text", () => {
    const r = read("rss2.xml");
    expect(r.ok && r.feed.title).toBe("Harbour Gazette");
    expect(items("rss2.xml")).toEqual([
      ["Council approves new harbour bridge", "https://news.example.com/2025/05/bridge", "2025-05-29T10:15:00+03:00"],
      ["Ferry timetable changes", "https://news.example.com/2025/05/ferry", "2025-05-28T08:00:00Z"],
    ]);
    expect(r.ok && r.feed.items[0]!.content).toEqual({ html: "<p>The council voted 7–2 on Thursday to build the bridge.</p>" });
    expect(r.ok && r.feed.items[1]!.content).toBeNull();
  });

  it("reads when each kind of feed says an item last changed, and nothing when it does not say", () => {
    const stamps = (text: string) => {
      const r = readFeed(text, FEED);
      if (!r.ok) throw new Error(r.reason);
      return r.feed.items.map((i) => i.updated);
    };
    expect(stamps(`<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>R</title>
      <item><title>a</title><link>https://news.example.com/a</link><atom:updated>2025-05-29T11:00:00+02:00</atom:updated></item>
      <item><title>b</title><link>https://news.example.com/b</link><dcterms:modified>2025-05-30</dcterms:modified></item>
      <item><title>c</title><link>https://news.example.com/c</link><pubDate>Thu, 29 May 2025 10:15:00 +0300</pubDate></item></channel></rss>`)).toEqual(["2025-05-29T11:00:00+02:00", "2025-05-30", null]);
    expect(stamps(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id><updated>2025-05-29T12:00:00Z</updated>
      <entry><title>a</title><id>1</id><link href="https://news.example.com/a"/><published>2025-05-29T08:00:00Z</published><updated>2025-05-29T09:30:00-04:00</updated></entry></feed>`)).toEqual(["2025-05-29T09:30:00-04:00"]);
    expect(stamps(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items: [{ id: "1", url: "https://news.example.com/a", date_published: "2025-05-29T10:00:00Z", date_modified: "2025-05-29T12:00:00+05:30" }, { id: "2", url: "https://news.example.com/b" }] }))).toEqual(["2025-05-29T12:00:00+05:30", null]);
  });

  it("reads feeds that are not well-formed XML: a bare & and HTML entities", () => {
    expect(items("unescaped-amp.xml").map((i) => i[1])).toEqual(["https://news.example.com/story?id=1&ref=rss", "https://news.example.com/story?id=2&ref=rss"]);
    expect(items("unescaped-amp.xml")[0]![0]).toBe("Salt & vinegar prices rise");
    expect(items("html-entities.xml")[0]![0]).toBe("Minister’s café visit — reaction");
  });

  it("reads the charset from a BOM, the XML declaration, or falls back from bad UTF-8 to Windows-1252", () => {
    for (const f of ["wrong-charset.xml", "no-charset-cp1252.xml", "bom-utf8.xml", "bom-utf16le.xml"]) expect(items(f)[0]![0], f).toBe("“Quoted” café costs €5");
    expect(items("latin1-declared.xml")[0]![0]).toBe("'Quoted' café costs '5");
  });

  it("resolves relative links against the feed's URL and Atom's nested xml:base", () => {
    expect(items("relative-links.xml").map((i) => i[1])).toEqual(["https://news.example.com/news/relative-1", "https://news.example.com/feeds/news/relative-2"]);
    expect(items("atom-xmlbase.xml")).toEqual([
      ["Atom story with entry base", "https://news.example.com/2025/atom-one", "2025-05-29T10:15:00-04:00"],
      ["Atom story two", "https://news.example.com/atom/stories/atom-two", "2025-05-29T09:00:00Z"],
    ]);
  });

  it("reads RSS 0.91, RSS 1.0 (RDF) and JSON Feed 1.0 and 1.1", () => {
    expect(items("rss091.xml").map((i) => i[1])).toEqual(["https://news.example.com/old1", "https://news.example.com/old2"]);
    expect(items("rdf.xml")[0]).toEqual(["RDF story one", "https://news.example.com/rdf1", "2025-05-29T10:15:00+02:00"]);
    expect(items("jsonfeed-1.0.json")[0]).toEqual(["JSON one", "https://news.example.com/json1", "2025-05-29T10:15:00+01:00"]);
    expect(items("jsonfeed-1.1.json")).toEqual([
      ["JSON 1.1 relative url", "https://news.example.com/j11a", "2025-05-29T10:15:00+05:30"],
      ["JSON 1.1 two", "https://news.example.com/j11b", "2025-05-29T11:15:00Z"],
    ]);
    const r = read("jsonfeed-1.0.json");
    expect(r.ok && r.feed.items.map((i) => i.content)).toEqual([{ html: "<p>First JSON story.</p>" }, { text: "Second JSON story." }]);
  });

  it("leaves a missing or unreadable date out rather than guessing one", () => {
    expect(items("missing-dates.xml").map((i) => i[2])).toEqual([null, null]);
  });

  it("refuses an HTML page and an empty body as not a feed", () => {
    expect(read("html-page.html")).toEqual({ ok: false, reason: "not a feed but a web page, which names its feed: https://news.example.com/feed.xml (RSS) (subscribe to that address instead)" });
    expect(read("empty.xml")).toEqual({ ok: false, reason: "empty response" });
  });

  it("skips items without an http(s) link, saying which", () => {
    const r = readFeed(`<rss version="2.0"><channel><title>T</title><item><title>Mail me</title><link>mailto:a@b.c</link></item><item><title>Fine</title><link>https://a.example/x#top</link></item></channel></rss>`, FEED);
    expect(r.ok && r.feed.items.map((i) => i.url)).toEqual(["https://a.example/x"]);
    expect(r.ok && r.feed.skipped).toEqual(['item "Mail me" has no http(s) link and no text of its own']);
  });
});

describe("feedDate", () => {
  it("keeps the feed's offset and reads RFC 822 as real feeds bend it", () => {
    expect(feedDate("Thu, 29 May 2025 10:15:00 +0300")).toBe("2025-05-29T10:15:00+03:00");
    expect(feedDate("Mon, 29 May 2025 10:15:00 GMT")).toBe("2025-05-29T10:15:00Z"); // wrong weekday
    expect(feedDate("Sunday, 29 June 2025 08:00 EST")).toBe("2025-06-29T08:00:00-05:00");
    expect(feedDate("29 may 2025 10:15:00 +03:00")).toBe("2025-05-29T10:15:00+03:00");
    expect(feedDate("2025-05-29T10:15:00.5-04:00")).toBe("2025-05-29T10:15:00.500-04:00");
    expect(feedDate("2025-05-29")).toBe("2025-05-29");
    expect(feedDate("2025-05-29 10:15:00")).toBe("2025-05-29T10:15:00Z");
    expect(feedDate("yesterday")).toBeNull();
    expect(feedDate(undefined)).toBeNull();
  });
});
