// feed@6.0.0 writes JSON Feed version 1 (singular author, date_modified only, no language). This turns
// its output into JSON Feed 1.1: version 1.1, an authors array, language, date_published on every item.
import type { DigestConfig } from "../config.ts";
import { stripControlChars } from "../text/plain-text.ts";
import type { FeedDay } from "./days.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

interface Author {
  name?: string;
  url?: string;
  avatar?: string;
}

interface JsonFeedV1 {
  title: string;
  home_page_url?: string;
  feed_url?: string;
  description?: string;
  icon?: string;
  favicon?: string;
  author?: Author;
  items: Array<{
    id?: string;
    url?: string;
    title?: string;
    content_html?: string;
    summary?: string;
    date_published?: string;
    date_modified?: string;
    author?: Author;
  }>;
}

export function toJsonFeed11(v1Text: string, days: readonly FeedDay[], config: DigestConfig): string {
  const v1 = JSON.parse(v1Text) as JsonFeedV1;
  const authors = v1.author ? [v1.author] : [];
  const feed = {
    version: JSON_FEED_VERSION,
    title: v1.title,
    home_page_url: v1.home_page_url,
    feed_url: v1.feed_url,
    description: v1.description,
    favicon: new URL("favicon.svg", config.baseUrl).href,
    language: config.language,
    ...(authors.length ? { authors } : {}),
    items: v1.items.map((item, i) => {
      const published = item.date_published ?? item.date_modified ?? days[i]?.published.toISOString();
      return {
        id: item.id ?? item.url ?? days[i]?.url,
        url: item.url,
        title: item.title,
        content_html: item.content_html,
        summary: item.summary,
        date_published: published,
        ...(item.author ? { authors: [item.author] } : {}),
      };
    }),
  };
  return stripControlChars(JSON.stringify(feed, null, 2));
}
