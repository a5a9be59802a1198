// The stories' categories found ahead of the view model, a few stories at a time, while the summaries'
// threads summarise (src/parallel/summaries.ts `beside`): on two cores the digest stage is this thread
// alone, and finding the categories was most of it. The model then takes each story's categories from
// here, when it asks for them with the outlets they were found without; anything else is found as before.
import { namedOutletsOf, outletOf, type Categorise, type Categoriser } from "../digest/index.ts";
import type { Story } from "../types.ts";

/** Stories a step finds the categories of: about a millisecond, so the threads' answers are not kept waiting. */
const STEP = 8;

export interface CategoriesAhead {
  /** Finds the next few stories' categories; false once all are found (or finding one failed: the model finds them then). */
  step: () => boolean;
  /** `categorise` answering from what `step` found. */
  categorise: Categorise;
}

export function categoriesAhead(stories: readonly Story[], categorise: Categoriser): CategoriesAhead {
  const found = new Map<readonly unknown[], { exclude: readonly string[]; categories: string[]; language: string | null }>();
  let next = 0;
  let failed = false;
  return {
    step() {
      if (failed) return false;
      try {
        for (const end = Math.min(stories.length, next + STEP); next < end; next++) {
          const members = stories[next]!.members;
          const exclude = namedOutletsOf(members.map((m) => outletOf(m).name));
          found.set(members, { exclude, ...categorise.find(members, exclude) });
        }
      } catch {
        failed = true;
        return false;
      }
      return next < stories.length;
    },
    categorise(members, exclude, language) {
      const ahead = found.get(members);
      // Found in the language of the prose; the model asks in the language the story declares (read from its
      // summary, made meanwhile): a declared language other than English is asked anew unless the prose is in it too.
      if (ahead && sameList(ahead.exclude, exclude) && (!language || language === "en" || ahead.language === language)) {
        found.delete(members);
        return ahead.categories;
      }
      return categorise(members, exclude, language);
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
