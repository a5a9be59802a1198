// What the last build published of each feed item, and what an item shows: a reader that goes by an
// item's date must see it move when the item changes, and only then (./stamps.ts `settle`).
import { shortHash } from "../text/hash.ts";
import type { PublishedItem } from "./stamps.ts";
import type { DayView, StoryView } from "./model.ts";
import { UNKNOWN_OUTLET } from "./outlets.ts";

export type { PublishedItem } from "./stamps.ts";

/**
 * The feed items a build published: what the last build left in the story-id state beside the digests
 * (src/pipeline.ts reads it), and what this build's model publishes (kept there for the next build).
 */
export interface PublishedItems {
  /** By story id. */
  stories: ReadonlyMap<string, PublishedItem>;
  /** By day (YYYY-MM-DD). */
  days: ReadonlyMap<string, PublishedItem>;
}

/** What a story's feed item shows (src/feed: its headline, summary, sources, follow-up links, outlets, categories, language), as data. */
function storyShows(s: StoryView): unknown[] {
  const ref = (r: { path: string; headline: string }) => [r.path, r.headline];
  return [
    s.path,
    s.published,
    s.headline,
    s.summary,
    s.listed.map((l) => [l.label, l.url, l.headline]),
    s.outlets,
    sourcesShown(s),
    s.breadth,
    s.namedOutlets,
    s.categories,
    [s.language.lang, s.language.dir],
    s.followUpOf ? ref(s.followUpOf) : null,
    s.followUps.map(ref),
  ];
}

/**
 * How many sources a story's item counts: src/feed/html.ts `reach` shows the number of its articles when one names no
 * outlet, else its outlets (`breadth`, beside this). Otherwise the number listed: a copy of a page already in the story
 * (saved twice, the same outlet, address and headline) changes nothing the item shows, and the item is not shown as
 * updated for it. (The number of articles stood here before; for a story with no such copy the number listed is the
 * same, so its published hash stays valid.)
 */
function sourcesShown(s: StoryView): number {
  return s.outlets.includes(UNKNOWN_OUTLET) ? s.sources.length : s.listed.length;
}

/** A hash of what a story's item shows. */
export function storyShown(story: StoryView): string {
  return shortHash(JSON.stringify(storyShows(story)), 16);
}

/** A hash of what a day's item shows: its leading `lead` stories in full, the rest as headlines with their outlets. */
export function dayShown(day: DayView, lead: number): string {
  const stories = day.stories.map((s, i) => (i < lead ? storyShows(s) : [s.path, s.headline, s.outlets, [s.language.lang, s.language.dir]]));
  return shortHash(JSON.stringify([day.path, day.published, day.title, day.namedOutlets, day.categories, stories]), 16);
}
