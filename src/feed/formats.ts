// RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the same entries. Each format gets its own Feed object because
// each needs the items given slightly differently to come out right (see ./fixes.ts for what is
// corrected after feed@6.0.0 has written them).
import { Feed, type Item } from "feed";
import { escapeHtml, stripControlChars } from "../text/plain-text.ts";
import type { FeedEntry } from "./entries.ts";
import { toJsonFeed11 } from "./fixes.ts";

export interface FeedChannel {
  title: string;
  description: string;
  /** The site page the feed belongs to. */
  homeUrl: string;
  /** Absolute URLs of the three files: each feed's rel=self. */
  links: { rss: string; atom: string; json: string };
  language: string;
  author: string;
  authorUrl: string;
  favicon: string;
}

export interface Feeds {
  rss: string;
  atom: string;
  json: string;
}

type Format = "rss" | "atom" | "json";

/** The newest entry's change, so the same inputs always give the same bytes. */
export function feedUpdated(entries: readonly FeedEntry[]): Date {
  const newest = entries.reduce((d, e) => (e.updated > d ? e.updated : d), "");
  return newest ? new Date(newest) : new Date(0);
}

function item(entry: FeedEntry, format: Format): Item {
  const title = stripControlChars(entry.title);
  const summary = stripControlChars(entry.summary);
  const updated = new Date(entry.updated);
  const authors = entry.authors.map((name) => stripControlChars(name));
  return {
    // feed@6 marks Atom titles type="html" but writes them raw: give it HTML, i.e. the text escaped.
    title: format === "atom" ? escapeHtml(title) : title,
    // For RSS, an id would be written as guid isPermaLink="false"; with only a link the guid is the permalink.
    ...(format === "rss" ? {} : { id: entry.url }),
    link: entry.url,
    // Atom's <updated> and JSON's date_modified come from `date`. RSS has one date per item, pubDate:
    // it carries the last change too, so that a reader comparing it sees a day that gained stories.
    date: updated,
    published: format === "rss" ? updated : new Date(entry.published),
    // RSS description and Atom summary are HTML; the JSON Feed summary is plain text.
    description: format === "json" ? summary : escapeHtml(summary),
    content: stripControlChars(entry.contentHtml),
    // RSS <author> must be an e-mail address; outlets go in dc:creator instead (below).
    ...(format === "atom" && authors.length ? { author: authors.map((name) => ({ name })) } : {}),
    ...(format === "rss" && authors.length ? { extensions: [{ name: "dc:creator", objects: repeated(authors) }] } : {}),
    // feed@6 writes Atom's category term as an attribute with only "&" escaped: keep <, > and " out of it.
    category: entry.categories
      .map((c) => stripControlChars(c))
      .map((name) => (format === "atom" ? { term: name.replace(/[<>"]/g, "") } : { name }))
      .filter((c) => (c.term ?? c.name) !== ""),
  };
}

/** xml-js (under feed@6) writes an array as one element per value, which feed@6's Extension type does not admit. */
function repeated(texts: readonly string[]): Record<string, unknown> {
  return texts.map((text) => ({ _text: text })) as unknown as Record<string, unknown>;
}

function makeFeed(entries: readonly FeedEntry[], channel: FeedChannel, format: Format): Feed {
  const feed = new Feed({
    id: channel.homeUrl,
    link: channel.homeUrl,
    title: stripControlChars(channel.title),
    description: stripControlChars(channel.description),
    language: channel.language,
    updated: feedUpdated(entries),
    generator: "Digest",
    feedLinks: channel.links,
    author: { name: stripControlChars(channel.author), link: channel.authorUrl },
    favicon: channel.favicon,
  });
  for (const entry of entries) feed.addItem(item(entry, format));
  return feed;
}

export function buildFeeds(entries: readonly FeedEntry[], channel: FeedChannel): Feeds {
  return {
    rss: `${makeFeed(entries, channel, "rss").rss2()}\n`,
    atom: `${makeFeed(entries, channel, "atom").atom1()}\n`,
    json: `${toJsonFeed11(makeFeed(entries, channel, "json").json1(), entries, channel)}\n`,
  };
}
