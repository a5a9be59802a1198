// A feed that cannot be read is named where it breaks: a subscriber can tell a feed cut short in transfer from
// a publisher's mistyped tag, and find the place, instead of reading only "Invalid feed format".
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { readFeed } from "../../src/fetch/feed.ts";

const dir = join(import.meta.dirname, "../fixtures/fetch/feeds");
const FEED = "https://news.example.com/feeds/x.xml";
const fixture = (file: string) => readFileSync(join(dir, file), "utf8");

function reason(text: string): string {
  const r = readFeed(text, FEED);
  if (r.ok) throw new Error("the feed was read");
  return r.reason;
}

describe("a feed that cannot be read", () => {
  it("cut short inside an item's link: where it ends and what is left open", () => {
    const rss = fixture("rss2.xml");
    const cut = rss.slice(0, rss.indexOf("/ferry"));
    expect(reason(cut)).toBe(
      'not a readable feed: it ends at line 17, column 39 with <link> (opened at line 17, column 1) and 3 elements around it never closed (after "<link>https://news.example.com/2025/05"): cut short?',
    );
  });

  it("cut short inside a tag", () => {
    const rss = fixture("rss2.xml");
    expect(reason(rss.slice(0, rss.indexOf('="false"')))).toBe("not a readable feed: it ends at line 10, column 18 inside the tag <guid> begun at line 10, column 1: cut short?");
  });

  it("a mistyped closing tag: the line and column, and the tag it should close", () => {
    const atom = fixture("atom-xmlbase.xml").replace("Atom story with entry base</title>", "Atom story with entry base</titel>");
    expect(reason(atom)).toBe(
      'not a readable feed: at line 8, column 34, </titel> where </title> should close <title> (opened at line 8, column 1) (after "<title>Atom story with entry base")',
    );
  });

  it("a JSON Feed cut short is a broken feed, not \"not a feed\"", () => {
    const json = fixture("jsonfeed-1.1.json");
    expect(reason(json.slice(0, json.indexOf('"content_text"') + 8))).toBe("not a readable feed: it ends at line 3, column 80 inside a string begun at line 3, column 72: cut short?");
    expect(reason(json.slice(0, json.indexOf('{"id":"b"')))).toMatch(/^not a readable feed: it ends at line 3, column 1 with a list \(opened at line 1, column \d+\) never closed/);
  });

  it("JSON with a stray character: where JSON.parse stops", () => {
    const json = fixture("jsonfeed-1.1.json").replace('"title":"JSON 1.1 two"', '"title":"JSON 1.1 two" "x"');
    expect(reason(json)).toMatch(/^not a readable feed: at line 3, column \d+, not valid JSON \(Expected ',' or '}' after property value\)/);
  });

  it("a site's page given for its feed: the feed the page names", () => {
    // dates-dev (tuning half) 1332e04683b9b252, a blog post's page as saved, at its own address.
    const page = gunzipSync(readFileSync(join(dir, "../site-pages/blog-post-page.html.gz"))).toString("utf8");
    const r = readFeed(page, "https://disfunctions.de/tutorials/podcasts-in-plex-einbinden/");
    expect(r.ok ? "read" : r.reason).toBe("not a feed but a web page, which names its feed: https://disfunctions.de/feed/ (RSS) (subscribe to that address instead)");
    expect(reason(fixture("html-page.html"))).toBe(
      "not a feed but a web page, which names its feed: https://news.example.com/feed.xml (RSS) (subscribe to that address instead)",
    );
  });

  it("what is not a feed at all is still said so, and a whole feed is read", () => {
    expect(reason("<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome.</p></body></html>")).toBe("not a feed (no RSS, Atom or JSON Feed in it)");
    expect(reason('{"status": "ok", "results": []}')).toBe("not a feed (no RSS, Atom or JSON Feed in it)");
    expect(readFeed(fixture("rss2.xml"), FEED).ok).toBe(true);
  });
});
