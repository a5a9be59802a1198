// What feed@6.0.0 gets wrong, and that the feeds come out right anyway.
import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import Parser from "rss-parser";
import { extractFromJson } from "@extractus/feed-extractor";
import { JSDOM } from "jsdom";
import { defaultConfig } from "../../src/config.ts";
import { buildFeeds } from "../../src/feed/formats.ts";
import { feedDays, type FeedDay } from "../../src/feed/days.ts";
import { absolutizeHtml } from "../../src/feed/absolute.ts";
import type { DigestFile } from "../../src/digest/index.ts";

const config = { ...defaultConfig, title: "Tom & Jerry <3 News\u0008", description: "Cats \u0001& mice", author: "Ed <ed> & Co" };

function day(date: string, title: string, content: string): FeedDay {
  const url = `https://digest.example.org/${date.replace(/-/g, "/")}/`;
  return { date, url, title, published: new Date(`${date}T00:00:00Z`), storyTitles: [title], contentHtml: content };
}

const days = [
  day("2025-03-15", "Tom & Jerry <3 \u0008\u001b\uFFFE\uD800end", "<p>bell\u0007 and escape\u001b gone, ]]> kept</p>"),
  day("2025-03-14", "Plain day", "<p>plain</p>"),
];
const feeds = buildFeeds(days, config);

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

  it("writes Atom titles marked type=html as HTML, so & and < read back as text", () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(feeds.atom) as {
      feed: { title: string; author: { name: string }; entry: { title: { "#text": string; "@type": string } }[] };
    };
    const title = parsed.feed.entry[0]!.title;
    expect(title["@type"]).toBe("html");
    expect(htmlText(title["#text"])).toBe("Tom & Jerry <3 end");
    expect(parsed.feed.title).toBe("Tom & Jerry <3 News");
    expect(parsed.feed.author.name).toBe("Ed <ed> & Co");
  });

  it("gives RSS readers the plain titles and permalink guids", async () => {
    const feed = await new Parser().parseString(feeds.rss);
    expect(feed.title).toBe("Tom & Jerry <3 News");
    expect(feed.items[0]!.title).toBe("Tom & Jerry <3 end");
    expect(feeds.rss).toContain('<guid isPermaLink="true">https://digest.example.org/2025/03/15/</guid>');
    expect(feeds.rss).toContain("<pubDate>Sat, 15 Mar 2025 00:00:00 GMT</pubDate>");
  });

  it("writes JSON Feed 1.1 rather than feed@6's version 1", () => {
    const json = JSON.parse(feeds.json) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.authors).toEqual([{ name: "Ed <ed> & Co", url: "https://digest.example.org/" }]);
    expect(json).not.toHaveProperty("author");
    expect(json.language).toBe("en");
    expect(json.items.map((i) => [i.id, i.date_published])).toEqual([
      ["https://digest.example.org/2025/03/15/", "2025-03-15T00:00:00.000Z"],
      ["https://digest.example.org/2025/03/14/", "2025-03-14T00:00:00.000Z"],
    ]);
    expect(extractFromJson(feeds.json).entries?.[0]?.published).toBe("2025-03-15T00:00:00.000Z");
  });

  it("gives the same bytes for the same days", () => {
    expect(buildFeeds(days, config)).toEqual(feeds);
  });
});

describe("feed content", () => {
  const digest: DigestFile = {
    date: "2025-03-15",
    fileName: "2025-03-15.md",
    markdown: [
      "---",
      "date: 2025-03-15",
      'title: "Digest for Saturday 15 March 2025"',
      "stories:",
      "  - s-0123abcd45",
      "---",
      "",
      "## A \\<b\\>bold\\</b\\> claim \u0008 {#s-0123abcd45}",
      "",
      "Text with \\<script\\>alert(1)\\</script\\> in it.",
      "",
      "Sources: [Outlet](https://outlet.example/a?b=1&c=2)",
      "",
      "Follow-up to [Earlier](/2025/03/14/#s-89abcdef01)",
      "",
    ].join("\n"),
  };

  it("renders the digest as the site does, escaped, with every link absolute", () => {
    const [item] = feedDays([digest], { ...defaultConfig, baseUrl: "https://example.org/news/" });
    expect(item!.url).toBe("https://example.org/news/2025/03/15/");
    expect(item!.storyTitles).toEqual(["A <b>bold</b> claim"]);
    expect(item!.contentHtml).toContain('<h2 id="s-0123abcd45">A &lt;b&gt;bold&lt;/b&gt; claim</h2>');
    expect(item!.contentHtml).toContain("Text with &lt;script&gt;alert(1)&lt;/script&gt; in it.");
    expect(item!.contentHtml).toContain('<a href="https://example.org/news/2025/03/14/#s-89abcdef01">Earlier</a>');
    expect(item!.contentHtml).toContain('<a href="https://example.org/news/2025/03/15/#s-0123abcd45">Link to this story</a>');
    expect(item!.contentHtml).toContain('<a href="https://outlet.example/a?b=1&amp;c=2">Outlet</a>');
    expect(item!.contentHtml).not.toMatch(/[\u0000-\u0008]/);
  });

  it("resolves any relative href or src against the day page", () => {
    const html = '<a href="#s-1">x</a> <img src="pic.png" alt=""> <a href="https://a.example/?q=1&amp;r=2">y</a>';
    expect(absolutizeHtml(html, "https://example.org/2025/03/15/")).toBe(
      '<a href="https://example.org/2025/03/15/#s-1">x</a> <img src="https://example.org/2025/03/15/pic.png" alt=""> <a href="https://a.example/?q=1&amp;r=2">y</a>',
    );
  });
});
