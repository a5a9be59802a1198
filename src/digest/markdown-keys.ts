// Keys of the days' Markdown (./markdown.ts), made from the view model without making it: a story's view
// key (./view-cache.ts) stands for every field its view takes from its articles and its own id, title
// and summary; the follow-up links other stories lend it are in the key as they are. Two days with one
// key have the same Markdown (test/digest/markdown-keys.test.ts holds ./markdown.ts to it).
import { createHash } from "node:crypto";
import type { DayView } from "./model.ts";

/** The fields of a story's view its view key stands for that the Markdown reads (./model.ts `storyView`). */
export const MARKDOWN_FIELDS_BY_VIEW_KEY = ["id", "path", "headline", "heldBack", "summary", "listed"] as const;

/** The fields of a story's view the Markdown may read that its view key does not stand for: each is in the key as it is. */
export const MARKDOWN_FIELDS_KEYED = ["followUpOf", "followUps"] as const;

/** A day's own fields the Markdown may read (its stories are keyed each by their view key and the keyed fields). */
export const MARKDOWN_DAY_FIELDS_KEYED = ["date", "title", "stories", "heldBack"] as const;

/** A hash of what a day's Markdown is made from, or null when one of its stories has no view key. */
export function dayMarkdownKey(day: DayView, viewKeys: ReadonlyMap<string, string> | undefined): string | null {
  if (!viewKeys) return null;
  const listed: Record<"stories" | "heldBack", unknown[]> = { stories: [], heldBack: [] };
  for (const list of ["stories", "heldBack"] as const) {
    for (const story of day[list]) {
      const viewKey = viewKeys.get(story.id);
      if (viewKey === undefined) return null;
      listed[list].push([viewKey, ...MARKDOWN_FIELDS_KEYED.map((f) => story[f])]);
    }
  }
  const key = JSON.stringify(MARKDOWN_DAY_FIELDS_KEYED.map((f) => (f === "stories" || f === "heldBack" ? listed[f] : day[f])));
  return createHash("sha256").update(key).digest("hex").slice(0, 32);
}
