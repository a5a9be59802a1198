// The draws of the small-build trials (try-small-corpus.ts, try-small-merge-errors.ts, try-context-keys.ts):
// one day of a few articles, drawn in the same random order in each, so their figures are of the same builds.
import type { LabelledArticle } from "../../eval/lib/merge-set.ts";
import type { DatedArticle } from "../../src/types.ts";

export const SMALL_DAY = "2025-06-13";

/** The drawn articles as one day's build: all dated SMALL_DAY, the nth named `a<n>.txt` (so a cluster's member names its draw). */
export function onOneDay(pick: readonly LabelledArticle[]): DatedArticle[] {
  return pick.map((x, n) => ({ ...x.article, path: `a${n}.txt`, meta: { ...x.article.meta, date: SMALL_DAY }, evidence: { ...x.article.evidence, date: SMALL_DAY, mtimeDate: SMALL_DAY } }));
}

/** `pick` filled up to `size` with articles of `items` drawn with `rand`, no two of one story. */
export function withOtherStories(pick: LabelledArticle[], items: readonly LabelledArticle[], size: number, rand: () => number): LabelledArticle[] {
  while (pick.length < size) {
    const x = items[Math.floor(rand() * items.length)]!;
    if (!pick.some((p) => p.gold === x.gold)) pick.push(x);
  }
  return pick;
}

/** The articles of `items` by story. */
export function byStory(items: readonly LabelledArticle[]): Map<string, LabelledArticle[]> {
  const out = new Map<string, LabelledArticle[]>();
  for (const x of items) (out.get(x.gold) ?? out.set(x.gold, []).get(x.gold)!).push(x);
  return out;
}

/** Two articles of one of `stories` (each of two or more), then others of `items` up to `size`: a true pair among unrelated articles. */
export function truePairDraw(stories: readonly LabelledArticle[][], items: readonly LabelledArticle[], size: number, rand: () => number): LabelledArticle[] {
  const story = stories[Math.floor(rand() * stories.length)]!;
  const i = Math.floor(rand() * story.length);
  const j = (i + 1 + Math.floor(rand() * (story.length - 1))) % story.length;
  return withOtherStories([story[i]!, story[j]!], items, size, rand);
}
