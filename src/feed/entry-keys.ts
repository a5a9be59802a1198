// Keys of feed entries, made from the view model without making the entries: a story's view key
// (src/digest/view-cache.ts) stands for every field its view takes from its articles and its own id,
// title and summary; what other stories lend the view and the build settles is named here field by field.
// Two entries with one key are the same entry (test/feed/entry-keys.test.ts holds ./entries.ts to it).
import type { DayView, StoryView } from "../digest/index.ts";

/** The fields of a story's view its view key stands for (src/digest/model.ts `storyView`: its parts, its id and summary). */
export const STORY_FIELDS_BY_VIEW_KEY = ["id", "path", "headline", "summary", "sources", "listed", "outlets", "credit", "namedOutlets", "breadth", "dayFromFiles", "categories", "language"] as const;

/** The fields of a story's view an entry may read that its view key does not stand for: each is in the key as it is. */
export const STORY_FIELDS_KEYED = ["date", "published", "updated", "followUpOf", "followUps"] as const;

/** A day's own fields an entry may read (its stories are keyed each as a story is). */
export const DAY_FIELDS_KEYED = ["path", "title", "published", "updated", "namedOutlets", "categories", "stories"] as const;

/** A story's part of a key: its view key and the keyed fields, or null when it has no view key. */
function storyPart(story: StoryView, viewKeys: ReadonlyMap<string, string>): unknown[] | null {
  const viewKey = viewKeys.get(story.id);
  if (viewKey === undefined) return null;
  return [viewKey, ...STORY_FIELDS_KEYED.map((f) => story[f])];
}

/** The key of a story's entry (./entries.ts `storyEntry`), or null when the story has no view key. */
export function storyEntryKey(story: StoryView, viewKeys: ReadonlyMap<string, string> | undefined, baseUrl: string, language: string): string | null {
  const part = viewKeys ? storyPart(story, viewKeys) : null;
  return part === null ? null : JSON.stringify(["story", baseUrl, language, part]);
}

/** The key of a day's entry (./entries.ts `dayEntry`), or null when one of its stories has no view key. */
export function dayEntryKey(day: DayView, viewKeys: ReadonlyMap<string, string> | undefined, baseUrl: string, language: string): string | null {
  if (!viewKeys) return null;
  const stories: unknown[] = [];
  for (const story of day.stories) {
    const part = storyPart(story, viewKeys);
    if (part === null) return null;
    stories.push(part);
  }
  return JSON.stringify(["day", baseUrl, language, ...DAY_FIELDS_KEYED.map((f) => (f === "stories" ? stories : day[f]))]);
}
