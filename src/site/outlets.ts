// The about page's table: every outlet seen in the stories, with how many stories credit it.
import type { Story } from "../types.ts";
import { storyCredits } from "../digest/credits.ts";
import { stripControlChars } from "../text/plain-text.ts";

export interface OutletCount {
  name: string;
  stories: number;
}

export interface OutletTally {
  outlets: OutletCount[];
  /** Stories with at least one article whose outlet is not known (credited by its headline instead). */
  storiesWithUnknown: number;
  totalStories: number;
}

/** Most-cited first, then by name, so the page never depends on input order. */
export function tallyOutlets(stories: readonly Story[]): OutletTally {
  const counts = new Map<string, OutletCount>();
  let storiesWithUnknown = 0;
  for (const story of stories) {
    let unknown = false;
    for (const credit of storyCredits(story)) {
      if (!credit.known) {
        unknown = true;
        continue;
      }
      const key = credit.name.toLowerCase();
      const entry = counts.get(key) ?? { name: stripControlChars(credit.name), stories: 0 };
      entry.stories++;
      counts.set(key, entry);
    }
    if (unknown) storiesWithUnknown++;
  }
  const outlets = [...counts.values()].sort((a, b) => b.stories - a.stories || a.name.localeCompare(b.name, "en") || (a.name < b.name ? -1 : 1));
  return { outlets, storiesWithUnknown, totalStories: stories.length };
}
