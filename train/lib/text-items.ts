// The text-dump pages of the clean dev sets as train:clean's items, split into halves, and the rules that
// run after locate-article, for the try-* scripts that swap in another way of locating the article.
// URL=0 withholds the URL; SHORT=learned keeps the learned short-line rule instead of the hand one.
import { defaultRules } from "../../src/clean/rules/index.ts";
import { handShortLineContext } from "../../src/clean/rules/context.ts";
import type { CleanRule } from "../../src/clean/rules/types.ts";
import { loadExtraction, loadWebpages } from "../../eval/lib/clean-corpus.ts";
import type { BlockModels } from "../../src/clean/block-model.ts";
import { trainBlocks } from "../train-clean.ts";
import { labelsOf, prepared, type Item } from "./clean-items.ts";

export interface TextItems {
  withUrl: boolean;
  learnedShort: boolean;
  tune: Item[];
  check: Item[];
  /** The rules after locate-article. */
  after: CleanRule[];
}

/** The text-dump pages of both clean dev sets as items, by half (URL withheld when `withUrl` is false). */
export function textItemsByHalf(withUrl: boolean): { tune: Item[]; check: Item[] } {
  const tune: Item[] = [];
  const check: Item[] = [];
  const seen = new Set<string>();
  for (const page of [...loadExtraction(), ...loadWebpages()]) {
    const key = `${page.set}:${page.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const p = withUrl ? page : { ...page, url: null };
    const doc = prepared(p, "text");
    if (doc) (page.half === "tune" ? tune : check).push({ page: p, path: "text", doc, labels: labelsOf(p, doc) });
  }
  return { tune, check };
}

/**
 * The text block models of train:clean's folds, trained on the tuning items (each page once): what scores
 * a tuning page out of fold (`folds[foldOf(id)]`).
 */
export function outOfFoldBlocks(tune: readonly Item[]): Omit<BlockModels, "decode">[] {
  const folds: Omit<BlockModels, "decode">[] = [];
  const seen = new Set<string>();
  trainBlocks(tune.filter((i) => !seen.has(i.page.id) && !!seen.add(i.page.id)), "text", folds);
  return folds;
}

/** The rules that run after locate-article, as the cleaner has them. */
export function rulesAfterLocate(): CleanRule[] {
  return defaultRules.slice(defaultRules.findIndex((r) => r.name === "locate-article") + 1);
}

export function textItems(): TextItems {
  const withUrl = process.env.URL !== "0";
  const learnedShort = process.env.SHORT === "learned";
  const after = rulesAfterLocate().map((r) => (!learnedShort && r.name === "short-line-context" ? handShortLineContext : r));
  return { withUrl, learnedShort, ...textItemsByHalf(withUrl), after };
}
