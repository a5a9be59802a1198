// SETTLE (a trial, st68): train:clean's searched settings (step 2's decode, step 4's short-line cut) chosen as the
// mean of many page draws' optima instead of the one optimum of all pages. The out-of-fold objective is flat over
// these settings (aw67: the short-line cut's four values within .0013) while the argmax jumps between grid points
// with any change in the pages; a mean of draws' optima moves by a fraction of a step when a few pages change.
import { createHash } from "node:crypto";
import { scoreCorpus, snippetCorpus, type PageScore, type SnippetCounts } from "../../eval/lib/extraction-score.ts";
import type { DevPage } from "../../eval/lib/clean-corpus.ts";
import { FOLDS, foldOf } from "./clean-items.ts";

/**
 * SETTLE=draws: 32 draws of about half the pages each; SETTLE=folds: the four folds' own held-out pages; SETTLE=keep:
 * the committed tuning-only set's setting unless the pooled optimum beats it by more than the folds' spread (keepsPrior).
 */
export type SettleMode = "draws" | "folds" | "keep";
export const SETTLE_DRAWS = 32;

export function settleFrom(value: string | undefined): SettleMode | undefined {
  if (value === undefined || value === "") return undefined;
  if (value !== "draws" && value !== "folds" && value !== "keep") throw new Error(`SETTLE=${value}: draws, folds or keep`);
  return value;
}

/** The page draws, as tests on a page id: each draw a page is in (a page's copies with and without its URL share its id). */
export function settleDraws(mode: SettleMode): ((id: string) => boolean)[] {
  if (mode !== "draws") return Array.from({ length: FOLDS }, (_, k) => (id: string) => foldOf(id) === k);
  return Array.from({ length: SETTLE_DRAWS }, (_, d) => (id: string) => createHash("sha256").update(`settle:${d}:${id}`).digest()[0]! < 128);
}

/** One page's result under one setting: its extraction-dev score or its webpages-dev snippet counts. */
export type PageResult = { extraction: PageScore } | { snippets: SnippetCounts } | null;

export interface Figures {
  extraction: number;
  webpages: number;
  mean: number;
}

/** The dev sets' metrics over the pages `keep` accepts (the same corpus figures as train:clean's objective). */
export function figuresOf(pages: readonly DevPage[], results: readonly PageResult[], keep: (id: string) => boolean = () => true): Figures {
  const ext: PageScore[] = [];
  const snip: SnippetCounts[] = [];
  results.forEach((r, i) => {
    if (!r || !keep(pages[i]!.id)) return;
    if ("extraction" in r) ext.push(r.extraction);
    else snip.push(r.snippets);
  });
  const extraction = scoreCorpus(ext).f1;
  const webpages = snippetCorpus(snip).f1;
  return { extraction, webpages, mean: (extraction + webpages) / 2 };
}

/** Each page's results under a setting, computed once per setting (by its key) and reused by every draw. */
export function cachedResults<S>(key: (s: S) => string, compute: (s: S) => PageResult[]): (s: S) => PageResult[] {
  const cache = new Map<string, PageResult[]>();
  return (s) => {
    const k = key(s);
    let r = cache.get(k);
    if (!r) cache.set(k, (r = compute(s)));
    return r;
  };
}

/** A mean rounded to 1e-4: the written setting stays short and the same on any machine. */
export const meanOf = (values: readonly number[]): number => Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 1e4) / 1e4;

/**
 * SETTLE=keep: the prior setting stays unless the optimum's out-of-fold gain over it, fold by fold (each fold's own
 * held-out pages), has a mean above its standard deviation across the folds.
 */
export function keepsPrior(gains: readonly number[]): boolean {
  const mean = gains.reduce((s, g) => s + g, 0) / gains.length;
  const sd = Math.sqrt(gains.reduce((s, g) => s + (g - mean) ** 2, 0) / (gains.length - 1));
  return !(mean > sd);
}
