// A feed's text to its title and items: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom and JSON Feed through feedsmith,
// which reads malformed XML (bare "&", HTML entities) where strict parsers give up. Links are made absolute
// (xml:base, then the feed's own URL); dates keep their offset; full text is kept when the item carries it.
import { parseFeed, type AnyFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from "feedsmith";
import { parseDocument, DomUtils } from "htmlparser2";
import { feedDate } from "./dates.ts";
import { shortHash } from "../text/hash.ts";
import { whereFeedBreaks, whereJsonBreaks } from "./feed-break.ts";

export interface FeedItem {
  /**
   * The article's page, absolute http(s), without fragment. An item with no link but its full text (a
   * newsletter's, a JSON Feed item without `url`) has instead a key made of the feed's URL and the item's
   * id, with `linked` false: there is no page to ask for, and the key is never shown as the article's address.
   */
  url: string;
  linked: boolean;
  title: string | null;
  /** ISO 8601, with the feed's offset when it gave one. */
  date: string | null;
  /** When the feed says the item last changed (Atom `updated`, JSON Feed `date_modified`, RSS `atom:updated` or
   * `dcterms:modified`), ISO 8601 as `date`. */
  updated: string | null;
  /** The item's full text when the feed carries it. */
  content: { html: string } | { text: string } | null;
}

export interface ParsedFeed {
  title: string | null;
  items: FeedItem[];
  /** Items left out, with why (no usable link). */
  skipped: string[];
}

export type FeedResult = { ok: true; feed: ParsedFeed } | { ok: false; reason: string };

/**
 * Why a feed's text could not be read, with the place it breaks when it is broken XML or JSON: a feed cut
 * short or with a mistyped tag is named where it breaks, not only as the parser's "Invalid feed format".
 */
function unreadable(text: string, error: Error, feedUrl: string): string {
  if (error.name === "DetectError") {
    // JSON that does not parse is not recognised as a JSON Feed at all: say where it breaks.
    const json = /^\uFEFF?\s*[{[]/.test(text) ? whereJsonBreaks(text.replace(/^\uFEFF/, "")) : null;
    if (json) return `not a readable feed: ${json}`;
    // A site's page given for its feed: the page names its feeds, and the subscriber can take one.
    const named = FEED_PAGE.test(text) ? namedFeeds(text, feedUrl) : [];
    if (named.length) return `not a feed but a web page, which names its feed${named.length > 1 ? "s" : ""}: ${named.join(", ")} (subscribe to ${named.length > 1 ? "one of those addresses" : "that address"} instead)`;
    return "not a feed (no RSS, Atom or JSON Feed in it)";
  }
  const where = whereFeedBreaks(text);
  return where ? `not a readable feed: ${where}` : `not a readable feed (${error.message})`;
}

/** An HTML page's start, before its head's links. */
const FEED_PAGE = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head)\b/i;
const FEED_TYPES: Readonly<Record<string, string>> = {
  "application/rss+xml": "RSS",
  "application/atom+xml": "Atom",
  "application/feed+json": "JSON Feed",
  "application/json": "JSON Feed",
};
/** How many of a page's feeds are named. */
const NAMED_FEEDS = 3;

/** The feeds a web page names in its head (`<link rel="alternate" type="application/rss+xml" href>`), absolute, with their kind. */
function namedFeeds(html: string, pageUrl: string): string[] {
  const out: string[] = [];
  for (const link of DomUtils.getElementsByTagName("link", parseDocument(html).children)) {
    const rel = (link.attribs.rel ?? "").toLowerCase().split(/\s+/);
    const kind = FEED_TYPES[(link.attribs.type ?? "").toLowerCase().split(";")[0]!.trim()];
    const url = kind && rel.includes("alternate") ? absolute(link.attribs.href, pageUrl) : null;
    const named = url ? `${url} (${kind})` : null;
    if (named && !out.includes(named)) out.push(named);
    if (out.length === NAMED_FEEDS) break;
  }
  return out;
}

export function readFeed(text: string, feedUrl: string): FeedResult {
  let parsed: AnyFeed<string>;
  try {
    parsed = parseFeed<string>(text);
  } catch (error) {
    return { ok: false, reason: unreadable(text, error as Error, feedUrl) };
  }
  const raw: RawItem[] = [];
  let title: string | null;
  switch (parsed.format) {
    case "rss":
      title = parsed.feed.title ?? null;
      for (const item of parsed.feed.items ?? []) raw.push(fromRss(item, resolveBase(feedUrl, parsed.feed.xml?.base)));
      break;
    case "rdf":
      title = parsed.feed.title ?? null;
      for (const item of parsed.feed.items ?? []) raw.push(fromRdf(item, feedUrl));
      break;
    case "atom": {
      title = parsed.feed.title?.value ? plain(parsed.feed.title.value, parsed.feed.title.type) : null;
      const base = resolveBase(feedUrl, parsed.feed.xml?.base);
      for (const entry of parsed.feed.entries ?? []) raw.push(fromAtom(entry, resolveBase(base, entry.xml?.base)));
      break;
    }
    case "json":
      title = parsed.feed.title ?? null;
      for (const item of parsed.feed.items ?? []) raw.push(fromJson(item, feedUrl));
      break;
  }
  const items: FeedItem[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const r of raw) {
    const link = absolute(r.link, r.base);
    if (!link && !r.content) {
      skipped.push(`item ${r.title ? `"${r.title}"` : "without a title"} has no http(s) link and no text of its own`);
      continue;
    }
    const url = link ?? `${feedUrl.replace(/#.*$/, "")}#item-${shortHash(r.id?.trim() || `${r.title ?? ""}\n${"html" in r.content! ? r.content!.html : r.content!.text}`, 16)}`;
    if (seen.has(url)) continue;
    seen.add(url);
    items.push({ url, linked: link !== null, title: r.title, date: feedDate(r.date), updated: feedDate(r.updated), content: r.content });
  }
  return { ok: true, feed: { title: title ? oneLine(title) : null, items, skipped } };
}

interface RawItem {
  link: string | undefined;
  /** The item's id in its feed (RSS guid, Atom id, JSON Feed id): the key of an item without a link. */
  id?: string | undefined;
  base: string;
  title: string | null;
  date: string | undefined;
  updated: string | undefined;
  content: FeedItem["content"];
}

function fromRss(item: RssFeed.Item<string>, feedBase: string): RawItem {
  const base = resolveBase(feedBase, item.xml?.base);
  const permalink = item.guid && item.guid.isPermaLink !== false && /^https?:\/\//i.test(item.guid.value ?? "") ? item.guid.value : undefined;
  const atomLink = item.atom?.links?.find((l) => !l.rel || l.rel === "alternate")?.href;
  const html = item.content?.encoded;
  return {
    link: item.link || permalink || atomLink,
    id: item.guid?.value,
    base,
    title: item.title ? oneLine(item.title) : null,
    date: item.pubDate ?? item.dc?.dates?.[0] ?? first(item.dcterms?.created) ?? first(item.dcterms?.modified),
    updated: item.atom?.updated ?? first(item.dcterms?.modified),
    content: html?.trim() ? { html } : null,
  };
}

function fromRdf(item: RdfFeed.Item<string>, base: string): RawItem {
  const html = item.content?.encoded;
  return {
    link: item.link || item.rdf?.about,
    base,
    title: item.title ? oneLine(item.title) : null,
    date: item.dc?.dates?.[0] ?? first(item.dcterms?.created),
    updated: first(item.dcterms?.modified),
    content: html?.trim() ? { html } : null,
  };
}

function fromAtom(entry: AtomFeed.Entry<string>, base: string): RawItem {
  const links = entry.links ?? [];
  const alternate = links.find((l) => (!l.rel || l.rel === "alternate") && (!l.type || /html/i.test(l.type))) ?? links.find((l) => !l.rel || l.rel === "alternate");
  const c = entry.content;
  let content: FeedItem["content"] = null;
  if (c?.value?.trim() && !c.src) {
    const type = (c.type ?? "text").toLowerCase();
    // "html", "xhtml", or a media type: text/html and the like are markup, other text/* is text.
    content = type.includes("html") ? { html: c.value } : type === "text" || type.startsWith("text/") ? { text: c.value } : null;
  }
  return {
    link: alternate?.href,
    id: entry.id,
    base,
    title: entry.title?.value ? plain(entry.title.value, entry.title.type) : null,
    date: entry.published ?? entry.updated,
    updated: entry.updated,
    content,
  };
}

function fromJson(item: JsonFeed.Item<string>, base: string): RawItem {
  return {
    link: item.url || item.external_url,
    id: item.id,
    base,
    title: item.title ? oneLine(item.title) : null,
    date: item.date_published ?? item.date_modified,
    updated: item.date_modified,
    content: item.content_html?.trim() ? { html: item.content_html } : item.content_text?.trim() ? { text: item.content_text } : null,
  };
}

/** xml:base is itself relative to the base around it. */
function resolveBase(outer: string, base: string | undefined): string {
  if (!base) return outer;
  try {
    return new URL(base.trim(), outer).href;
  } catch {
    return outer;
  }
}

function absolute(link: string | undefined, base: string): string | null {
  if (!link?.trim()) return null;
  try {
    const url = new URL(link.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/** An Atom text construct of type "html" or "xhtml" is markup; its title is the text in it. */
function plain(value: string, type: string | undefined): string {
  const t = (type ?? "text").toLowerCase();
  return oneLine(t === "html" || t === "xhtml" ? DomUtils.textContent(parseDocument(value).children) : value);
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
