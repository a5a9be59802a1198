// The stories' categories worked out before the view model asks for them: a build does it on this
// thread while the summaries' threads summarise (src/cli/build.ts), where it used to wait for them, and
// the view model then reads them back. A few stories at a time between the event loop's turns, so that
// the threads this thread feeds are never kept waiting for their next stories.
import type { Story } from "../types.ts";
import type { Categorise, ProseSource } from "./categories.ts";
import { namedOutletsOf } from "./model.ts";

/** Stories between two turns of the event loop: about a millisecond's work. */
const STEP = 8;

/**
 * `categorise` asked now for every story, with the outlets its view will leave out; what it returns
 * answers the same questions from memory (and any other by asking `categorise`).
 */
export async function categoriesAhead(stories: readonly Story[], categorise: Categorise): Promise<Categorise> {
  const found = new Map<readonly ProseSource[], { exclude: readonly string[]; categories: string[] }>();
  for (let i = 0; i < stories.length; i++) {
    if (i % STEP === 0) await new Promise((resolve) => setImmediate(resolve));
    const members = stories[i]!.members;
    const exclude = namedOutletsOf(members);
    found.set(members, { exclude, categories: categorise(members, exclude) });
  }
  return (members, exclude) => {
    const known = found.get(members);
    if (known && known.exclude.length === exclude.length && known.exclude.every((e, k) => e === exclude[k])) return known.categories;
    return categorise(members, exclude);
  };
}
