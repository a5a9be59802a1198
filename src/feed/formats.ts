// RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the same entries. Each format gets its own Feed object because
// each needs the items given slightly differently to come out right (see ./fixes.ts for what is
// corrected after feed@6.0.0 has written them).
import { Feed, type Item } from "feed";
import { escapeHtml, stripControlChars } from "../text/plain-text.ts";
import { selfContainedBidi } from "../text/bidi.ts";
import type { FeedEntry, FeedSource } from "./entries.ts";
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

export type Format = "rss" | "atom" | "json";

/** The newest entry's change, so the same inputs always give the same bytes. */
export function feedUpdated(entries: readonly Pick<FeedEntry, "updated">[]): Date {
  const newest = entries.reduce((d, e) => (e.updated > d ? e.updated : d), "");
  return newest ? new Date(newest) : new Date(0);
}

/** A title on one line, as a reader's list shows it; and no line break can make an entry's text look like the next element. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A channel's text (the config's): without the characters XML cannot hold, its bidi controls kept within it (src/text/bidi.ts). */
function plain(text: string): string {
  return selfContainedBidi(stripControlChars(text));
}

/**
 * feed@6 marks every Atom entry title type="html"; the title Digest gives is text, and a reader that shows
 * the element's text (rss-parser) would show "&quot;" and "&amp;". The entry's title follows its <entry>
 * tag; a title is on one line, so its text cannot hold that pair of lines.
 */
function atomTextTitles(xml: string): string {
  return xml.replace(/(<entry>\n\s*)<title type="html">/g, '$1<title type="text">');
}

/**
 * Atom's languages, which feed@6 does not write: the feed's on <feed> (xml:lang), and on the title and
 * summary of an entry whose story is in another (a Spanish story in an English digest), as the site's
 * pages mark them with lang. The entry's content marks its own parts (./html.ts), and its "Sources" line
 * is in the feed's language, so the entry itself is not marked. `entries`: the feed's, in order.
 */
function atomLanguages(xml: string, entries: readonly FeedEntry[], language: string): string {
  const parts = xml.split("<entry>\n");
  parts[0] = parts[0]!.replace(/(<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom")>/, `$1 xml:lang="${escapeHtml(language)}">`);
  for (let i = 1; i < parts.length; i++) {
    const lang = entries[i - 1]?.language;
    if (!lang) continue;
    const mark = ` xml:lang="${escapeHtml(lang)}"`;
    // The entry's own title and summary: feed@6 writes them first in it, before any text of the entry.
    parts[i] = parts[i]!.replace(/^(\s*<title type="text")>/, `$1${mark}>`).replace(/(\n\s*<summary type="html")>/, `$1${mark}>`);
  }
  return parts.join("<entry>\n");
}

function item(entry: FeedEntry, format: Format): Item {
  // The entry's texts keep their bidi controls to themselves already (./entries.ts).
  const title = oneLine(stripControlChars(entry.title));
  const summary = stripControlChars(entry.summary);
  const updated = new Date(entry.updated);
  const authors = entry.authors.map((name) => stripControlChars(name));
  return {
    // Atom titles are marked type="text" after writing (atomTextTitles), and written as CDATA: the text as it is.
    title,
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

function makeFeed(entries: readonly FeedEntry[], channel: FeedChannel, format: Format, updated = feedUpdated(entries)): Feed {
  const feed = new Feed({
    id: channel.homeUrl,
    link: channel.homeUrl,
    title: plain(channel.title),
    description: plain(channel.description),
    language: channel.language,
    updated,
    generator: "Digest",
    feedLinks: channel.links,
    author: { name: plain(channel.author), link: channel.authorUrl },
    favicon: channel.favicon,
  });
  for (const entry of entries) feed.addItem(item(entry, format));
  return feed;
}

/**
 * Where a feed's items are, written by feed@6 (and ./fixes.ts): `open` marks the first, which nothing
 * before it can hold (XML escapes the channel's texts, JSON writes no raw newline in a string), and
 * belongs to the item in XML; `between` joins the items; `end` follows the last.
 */
const ITEMS = {
  rss: { open: "\n        <item>", inItem: true, between: "", end: "\n    </channel>\n</rss>" },
  atom: { open: "\n    <entry>", inItem: true, between: "", end: "\n</feed>" },
  json: { open: '\n  "items": [\n    ', inItem: false, between: ",\n    ", end: "\n  ]\n}" },
} as const;

/**
 * An entry's item as the feed writes it, from a store of earlier builds' items by the entry's key (what
 * it is made from: ./entry-keys.ts, or the entry itself as JSON), or `render()` (which the store keeps).
 * The item is the same text wherever it stands in the feed: xml-js writes each element of a list on its
 * own, at its depth, and JSON.stringify each value of an array.
 */
export type ItemMemo = (format: Format, key: string, render: () => string) => string;

/** An entry already made, as a source. */
function given(entry: FeedEntry): FeedSource {
  return { key: null, updated: entry.updated, entry: () => entry };
}

/**
 * A feed, written whole by `write`. With `memo`, it is assembled from its items' texts (each cut out of
 * a feed of that entry alone) and the channel's (cut out of a feed of one entry with content, since RSS
 * declares the content namespace only then): the same bytes as the whole feed written at once, and
 * only the items the store lacks cost their writing (and their entries' making, where they have a key).
 */
function assembled(sources: readonly FeedSource[], format: Format, write: (list: readonly FeedEntry[]) => string, memo?: ItemMemo): string {
  const whole = () => write(sources.map((s) => s.entry()));
  if (!memo || sources.length === 0) return whole();
  const { open, inItem, between, end } = ITEMS[format];
  const cut = (doc: string): { head: string; item: string } | null => {
    const at = doc.indexOf(open);
    if (at < 0 || !doc.endsWith(end)) return null;
    const from = inItem ? at : at + open.length;
    return { head: doc.slice(0, from), item: doc.slice(from, doc.length - end.length) };
  };
  const withContent = sources.find((s) => stripControlChars(s.entry().contentHtml) !== "") ?? sources[0]!;
  const shell = cut(write([withContent.entry()]));
  if (!shell) return whole();
  const items: string[] = [];
  for (const source of sources) {
    const text = memo(format, source.key ?? JSON.stringify(source.entry()), () => cut(write([source.entry()]))?.item ?? "");
    // A feed that did not come out in the expected shape is written whole.
    if (text === "") return whole();
    items.push(text);
  }
  return `${shell.head}${items.join(between)}${end}`;
}

/** The three feeds of `entries`; with `memo`, assembled from remembered items (the same bytes). */
export function buildFeeds(entries: readonly FeedEntry[], channel: FeedChannel, memo?: ItemMemo): Feeds {
  return buildFeedsFrom(entries.map(given), channel, memo);
}

/** `buildFeeds` of entries made only where their items are not remembered. */
export function buildFeedsFrom(sources: readonly FeedSource[], channel: FeedChannel, memo?: ItemMemo): Feeds {
  // Every feed is dated by its newest entry, also when written a piece at a time.
  const updated = feedUpdated(sources);
  // An entry without a key is remembered under its whole text, made once for the three formats.
  if (memo) sources = sources.map((s) => (s.key === null ? { ...s, key: JSON.stringify(s.entry()) } : s));
  return {
    rss: `${assembled(sources, "rss", (list) => makeFeed(list, channel, "rss", updated).rss2(), memo)}\n`,
    atom: `${assembled(sources, "atom", (list) => atomLanguages(atomTextTitles(makeFeed(list, channel, "atom", updated).atom1()), list, channel.language), memo)}\n`,
    json: `${assembled(sources, "json", (list) => toJsonFeed11(makeFeed(list, channel, "json").json1(), list, channel), memo)}\n`,
  };
}
