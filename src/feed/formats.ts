// The three feeds from the same days. Each format gets its own Feed object because each needs the
// items given slightly differently to come out right (see ./fixes.ts for what is corrected after).
import { Feed } from "feed";
import type { DigestConfig } from "../config.ts";
import { escapeHtml, stripControlChars } from "../text/plain-text.ts";
import type { FeedDay } from "./days.ts";
import { toJsonFeed11 } from "./fixes.ts";

export const FEED_FILES = { rss: "feed.xml", atom: "atom.xml", json: "feed.json" } as const;

type Format = keyof typeof FEED_FILES;

export interface Feeds {
  rss: string;
  atom: string;
  json: string;
}

/** Before any text can reach the feed: a one-line summary of the day, its headlines. */
function summaryOf(day: FeedDay): string {
  return day.storyTitles.join(" · ");
}

function makeFeed(days: readonly FeedDay[], config: DigestConfig, format: Format): Feed {
  const links = {
    rss: new URL(FEED_FILES.rss, config.baseUrl).href,
    atom: new URL(FEED_FILES.atom, config.baseUrl).href,
    json: new URL(FEED_FILES.json, config.baseUrl).href,
  };
  const feed = new Feed({
    id: config.baseUrl,
    link: config.baseUrl,
    title: stripControlChars(config.title),
    description: stripControlChars(config.description),
    language: config.language,
    // The newest entry's day, so the same digests always give the same bytes.
    updated: days[0]?.published ?? new Date(0),
    generator: "Digest",
    feedLinks: links,
    author: { name: stripControlChars(config.author), link: config.baseUrl },
    favicon: new URL("favicon.svg", config.baseUrl).href,
  });
  for (const day of days) {
    const summary = stripControlChars(summaryOf(day));
    const title = stripControlChars(day.title);
    feed.addItem({
      // feed@6 marks Atom titles type="html" but writes them raw: give it HTML, i.e. the text escaped.
      title: format === "atom" ? escapeHtml(title) : title,
      // For RSS, an id would be written as guid isPermaLink="false"; with only a link the guid is the permalink.
      ...(format === "rss" ? {} : { id: day.url }),
      link: day.url,
      date: day.published,
      published: day.published,
      // RSS description and Atom summary are HTML; the JSON Feed summary is plain text.
      description: format === "json" ? summary : escapeHtml(summary),
      content: stripControlChars(day.contentHtml),
    });
  }
  return feed;
}

export function buildFeeds(days: readonly FeedDay[], config: DigestConfig): Feeds {
  return {
    rss: `${makeFeed(days, config, "rss").rss2()}\n`,
    atom: `${makeFeed(days, config, "atom").atom1()}\n`,
    json: `${toJsonFeed11(makeFeed(days, config, "json").json1(), days, config)}\n`,
  };
}
