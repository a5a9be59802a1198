import { describe, expect, it } from "vitest";
import { sourceUrl } from "../../src/text/paths.ts";

describe("a source link", () => {
  it("drops the campaign tags and click ids a feed or share button adds, and keeps the article's own parameters", () => {
    expect(sourceUrl("https://news.example.com/2025/05/bus-plan?utm_source=rss&utm_medium=feed&utm_campaign=daily")).toBe("https://news.example.com/2025/05/bus-plan");
    expect(sourceUrl("https://news.example.com/story.php?id=42&utm_source=rss&page=2#comments")).toBe("https://news.example.com/story.php?id=42&page=2#comments");
    expect(sourceUrl("https://news.example.com/a?fbclid=IwAR0xyz")).toBe("https://news.example.com/a");
    expect(sourceUrl("https://news.example.com/a?UTM_Source=x&gclid=1&q=rain")).toBe("https://news.example.com/a?q=rain");
  });

  it("leaves an address without tracking as given, and refuses what is not an http(s) address", () => {
    expect(sourceUrl("https://news.example.com/a?q=utm_source")).toBe("https://news.example.com/a?q=utm_source");
    expect(sourceUrl("https://news.example.com/a")).toBe("https://news.example.com/a");
    expect(sourceUrl("/news/a?utm_source=rss")).toBeNull();
    expect(sourceUrl("javascript:alert(1)")).toBeNull();
    expect(sourceUrl(null)).toBeNull();
  });
});
