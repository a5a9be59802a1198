// feed@6.0.0 writes JSON Feed version 1 (singular author, one author per item, no language). This turns
// its output into JSON Feed 1.1: version 1.1, authors arrays, language, date_published on every item.
import { stripControlChars } from "../text/plain-text.ts";
import type { FeedEntry } from "./entries.ts";

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
  author?: Author;
  items: Array<{
    id?: string;
    url?: string;
    title?: string;
    content_html?: string;
    summary?: string;
    date_published?: string;
    date_modified?: string;
    tags?: string[];
  }>;
}

/** `channel`: what JSON Feed 1.1 adds of the feed's channel (./formats.ts FeedChannel). */
export function toJsonFeed11(v1Text: string, entries: readonly FeedEntry[], channel: { favicon: string; language: string }): string {
  const v1 = JSON.parse(v1Text) as JsonFeedV1;
  const feed = {
    version: JSON_FEED_VERSION,
    title: v1.title,
    home_page_url: v1.home_page_url,
    feed_url: v1.feed_url,
    description: v1.description,
    favicon: channel.favicon,
    language: channel.language,
    ...(v1.author ? { authors: [v1.author] } : {}),
    items: v1.items.map((item, i) => {
      const entry = entries[i];
      return {
        id: item.id ?? item.url ?? entry?.url,
        url: item.url,
        title: item.title,
        content_html: item.content_html,
        summary: item.summary,
        date_published: item.date_published ?? entry?.published,
        date_modified: item.date_modified ?? entry?.updated,
        ...(entry?.authors.length ? { authors: entry.authors.map((name) => ({ name })) } : {}),
        ...(item.tags?.length ? { tags: item.tags } : {}),
        ...(entry?.language ? { language: entry.language } : {}),
      };
    }),
  };
  return stripControlChars(JSON.stringify(feed, null, 2));
}
