// Feed entries from the view model: one per day for the daily feed, one per story for the story feed.
// Every date comes from the model (the stories' days and the corrections their feeds stated), never the build clock; every link is absolute.
import { LEAD_STORIES, publishedDays, type DayView, type DigestModel, type StoryView } from "../digest/index.ts";
import { absoluteUrl } from "../text/paths.ts";
import { isolatedBidi, selfContainedBidi } from "../text/bidi.ts";
import { joinSentences } from "../text/sentences.ts";
import { primaryLanguage, storyHtml } from "./html.ts";
import { dayEntryKey, storyEntryKey } from "./entry-keys.ts";

export interface FeedEntry {
  /** Absolute URL: the entry's id and link in every format. */
  url: string;
  title: string;
  published: string;
  /** Moves when the entry's content gains a story or a source, or a member's feed states a correction (src/digest/stamps.ts `stamped`). */
  updated: string;
  /** Outlet names. Every text here is plain, its bidi controls kept within it (src/text/bidi.ts). */
  authors: string[];
  categories: string[];
  /** Plain text. */
  summary: string;
  contentHtml: string;
  /** A story's language when it is not the feed's (a primary subtag), else null. */
  language: string | null;
}

/** A day's stories in a feed item: the leading ones in full, the rest as headlines with their outlets. `language`: the feed's. */
export function dayEntry(day: DayView, baseUrl: string, language: string): FeedEntry {
  const own = primaryLanguage(language);
  const html = day.stories.map((s, i) => storyHtml(s, baseUrl, i < LEAD_STORIES ? "full" : "brief", own)).join("");
  return {
    url: absoluteUrl(day.path, baseUrl),
    title: day.title,
    published: day.published,
    updated: day.updated,
    authors: day.namedOutlets.map(selfContainedBidi),
    categories: day.categories.map(selfContainedBidi),
    // Each headline isolated: its direction neither turns the next nor reorders the list (src/text/bidi.ts).
    summary: day.stories.map((s) => isolatedBidi(s.headline)).join(" · "),
    contentHtml: html,
    language: null,
  };
}

export function storyEntry(story: StoryView, baseUrl: string, language: string): FeedEntry {
  const own = primaryLanguage(language);
  const lang = story.language.lang;
  return {
    url: absoluteUrl(story.path, baseUrl),
    title: selfContainedBidi(story.headline),
    published: story.published,
    updated: story.updated,
    authors: story.namedOutlets.map(selfContainedBidi),
    categories: story.categories.map(selfContainedBidi),
    // Each sentence self-contained: a control left open in one does not turn the next.
    summary: joinSentences(story.summary, selfContainedBidi) || selfContainedBidi(story.headline),
    contentHtml: storyHtml(story, baseUrl, "page", own),
    language: lang && lang !== own ? lang : null,
  };
}

/**
 * An entry as a feed takes it: its change (what dates the feed), how to make it, and, where the view model
 * gives one, a key standing for everything it is made from (./entry-keys.ts), so that an item remembered
 * from an earlier build is taken without making the entry.
 */
export interface FeedSource {
  key: string | null;
  updated: string;
  entry: () => FeedEntry;
}

/** Made once, when first asked for. */
function once(make: () => FeedEntry): () => FeedEntry {
  let made: FeedEntry | undefined;
  return () => (made ??= make());
}

/** The newest `days` days with a story published (a day of held-back stories only has no item, and lends none). */
function feedDays(model: DigestModel, days: number): DayView[] {
  return publishedDays(model.days).slice(0, days);
}

/** The stories of the newest `days` days, most recently changed first, at most `max` of them (`DayView.stories`: none held back). */
function newestStories(model: DigestModel, days: number, max: number): StoryView[] {
  return feedDays(model, days)
    .flatMap((d) => d.stories)
    .sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.date < b.date ? 1 : a.date > b.date ? -1 : a.rank - b.rank))
    .slice(0, max);
}

/** The newest `days` days' entries, newest first: keyed where every story of the day has a view key. */
export function dailySources(model: DigestModel, baseUrl: string, days: number, language: string): FeedSource[] {
  return feedDays(model, days).map((d) => ({ key: dayEntryKey(d, model.viewKeys, baseUrl, language), updated: d.updated, entry: once(() => dayEntry(d, baseUrl, language)) }));
}

/** The entries of `newestStories`: keyed where the story has a view key. */
export function storySources(model: DigestModel, baseUrl: string, days: number, max: number, language: string): FeedSource[] {
  return newestStories(model, days, max).map((s) => ({ key: storyEntryKey(s, model.viewKeys, baseUrl, language), updated: s.updated, entry: once(() => storyEntry(s, baseUrl, language)) }));
}
