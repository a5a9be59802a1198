// Training for the learned part of short-line-context (src/clean/rules/short-lines.ts): examples,
// labels and fitting, shared by train:clean's step 4 and train/try-short-lines.ts.
import type { DevPage } from "../eval/lib/clean-corpus.ts";
import { scoreCorpus, scorePage, scoreSnippets, shingles, snippetCorpus, tokens } from "../eval/lib/extraction-score.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { cleanSource, rulesWith, rulesWithout } from "../src/clean/index.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { finish } from "../src/clean/text.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { locateWith } from "../src/clean/rules/locate.ts";
import { findHeadlineWith } from "../src/clean/rules/title.ts";
import type { HeadlineModels } from "../src/clean/headline-model.ts";
import { shortLineRule } from "../src/clean/rules/short-lines.ts";
import { listLinesRule, type ListLinesModel } from "../src/clean/rules/list-lines.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";
import type { BlockModels, DecodeSettings } from "../src/clean/block-model.ts";
import { SHORT_LINE_FEATURES, shortLineRows, type ShortLineRow } from "../src/clean/rules/short-line-features.ts";
import type { BoostedModel } from "../src/clean/boosted.ts";
import type { Example } from "./lib/logistic.ts";
import { trainBoosted } from "./lib/boost.ts";
import { FOLD_SEED, coverOf, foldIn, foldOf, labelsOf, prepared, type Item } from "./lib/clean-items.ts";
import { cachedResults, figuresOf, keepsPrior, meanOf, settleDraws, type PageResult, type SettleMode } from "./lib/settle.ts";

/**
 * webpages-dev labels a few lines a page; the rest of a page's lines take the HTML path's verdict
 * (the HTML body is far surer than the text dump's): a line the HTML body holds is article text (3),
 * one it lacks is furniture (4). Only lines the snippets leave unknown; extraction-dev has its truth.
 * `html` is the HTML block model of the same training run (never the committed one: a run must not
 * learn from what src/clean/weights/ happens to hold, nor a tuning-only run from all-data weights).
 */
export function silverLabels(page: DevPage, doc: TextDoc, labels: Int8Array, html: BlockModels): void {
  if (page.truth !== undefined || !page.html) return;
  let body: string;
  try {
    // The HTML path as it stood before top-byline (stop 53): its silver labels learned without it, and a
    // retrain that counts bylines as not held is a trial of its own.
    body = cleanSource(devSource(page.id, "html", page.html, page.url), rulesWith({ html }, rulesWithout("top-byline"))).paragraphs.join("\n");
  } catch {
    return;
  }
  const held = shingles(body);
  const heldTokens = ` ${tokens(body).join(" ").toLowerCase()} `;
  doc.lines.forEach((l, i) => {
    if (labels[i] !== -1) return;
    const ts = tokens(l.text);
    if (ts.length >= 4) {
      const cover = coverOf(l.text, held);
      if (cover >= 0.5) labels[i] = 3;
      else if (cover <= 0.15) labels[i] = 4;
    } else if (ts.length > 0) labels[i] = heldTokens.includes(` ${ts.join(" ").toLowerCase()} `) ? 3 : 4;
  });
}


export interface ShortLineOptions {
  /** A line's weight grows with its words: "sqrt", "words" or "one". */
  size: "sqrt" | "words" | "one";
  /** Weight of webpages-dev's snippet labels (0/1), and of labels by place or by the HTML path (2–4). */
  snippet: number;
  silver: number;
  /** A page with more labelled short lines than this weighs as this many. */
  pageRows: number;
  rounds: number;
  rate: number;
  minLeaf: number;
  /** Weight of webpages-dev's span labels (2: a line between two must-have snippets); unset: as `silver`. */
  span?: number;
  /** Which short lines it learns from: all, or only those the hand rule keeps (a drop model, tx49's trial). */
  rows?: "all" | "kept";
}

export const shortLineDefaults: ShortLineOptions = { size: "sqrt", snippet: 3, silver: 1, pageRows: 20, rounds: 100, rate: 0.1, minLeaf: 20 };

/** Every labelled short line of the items' bodies (after the rules before short-line-context). */
export function shortLineExamples(items: readonly Item[], o: ShortLineOptions = shortLineDefaults): Example[] {
  const out: Example[] = [];
  for (const item of items) {
    const snippet = item.page.set === "webpages" ? o.snippet : 1;
    const rows = shortLineRows(item.doc).filter((r) => item.labels[r.index]! >= 0 && (o.rows !== "kept" || handKeeps(r)));
    // One page of hundreds of short lines (a table of contents, a long list) must not outweigh the rest.
    const page = Math.min(1, o.pageRows / Math.max(1, rows.length));
    for (const r of rows) {
      const y = item.labels[r.index]!;
      const words = item.doc.lines[r.index]!.words;
      const size = o.size === "words" ? words : o.size === "sqrt" ? Math.sqrt(words) : 1;
      out.push({ x: r.x, y: y === 0 || y === 4 || y === 5 ? 0 : 1, weight: page * size * (y === 1 || y === 0 ? snippet : y === 2 ? (o.span ?? o.silver) : o.silver) });
    }
  }
  return out;
}

const HAND_KEEP = SHORT_LINE_FEATURES.indexOf("hand_keep");
/** The hand rule keeps the row's line (its hand_keep column). */
export const handKeeps = (r: ShortLineRow): boolean => r.x[HAND_KEEP] === 1;

export function fitShortLines(items: readonly Item[], o: ShortLineOptions = shortLineDefaults): BoostedModel {
  const examples = shortLineExamples(items, o);
  const features = [...SHORT_LINE_FEATURES];
  return trainBoosted(examples, { name: "clean/text-short-line", features, rounds: o.rounds, rate: o.rate, minLeaf: o.minLeaf });
}

/** The cuts tried: a line the hand rule drops is kept when the model's log-odds reach the cut. */
export const SHORT_CUTS = [0, 0.5, 1, 1.5];
const FOLDS = 4;
export const shortFoldOf = (id: string): number => foldIn("short", id, FOLD_SEED, FOLDS);

/**
 * Each page as short-line-context finds it: the rules before it, with block scores from the block
 * fold model fitted without the page (so they are as sure as on a page the models have not seen);
 * tuning pages with their URL and without. Labels as the block models', and for webpages-dev's
 * unlabelled lines the HTML path's with the `html` block model (silverLabels) unless that is null.
 */
export function shortLineItems(
  pages: readonly DevPage[],
  blockFolds: readonly Omit<BlockModels, "decode">[],
  decode: DecodeSettings,
  { silver, urls = [true, false], headline, listLines }: { silver: BlockModels | null; urls?: boolean[]; headline: HeadlineModels; listLines?: ListLinesModel },
): Item[] {
  const locateAt = defaultRules.findIndex((r) => r.name === "locate-article");
  const contextAt = defaultRules.findIndex((r) => r.name === "short-line-context");
  // The headline as the models just trained pick it (not the committed ones), so one run of the trainer settles.
  // keep-list-lines only when a list-line model is given (train-clean's SETTLE_LIST=1): see train/list-lines.ts.
  const between = defaultRules
    .slice(locateAt + 1, contextAt)
    .filter((r) => r.name !== "keep-list-lines" || listLines)
    .map((r) => (r.name === "find-headline" ? findHeadlineWith(headline) : r.name === "keep-list-lines" && listLines ? listLinesRule(() => listLines) : r));
  const items: Item[] = [];
  for (const page of pages) {
    for (const url of urls.map((keep) => (keep ? page.url : null))) {
      const doc = prepared({ ...page, url }, "text");
      if (!doc) continue;
      const labels = labelsOf(page, doc);
      if (silver) silverLabels(page, doc, labels, silver);
      for (const rule of [locateWith({ ...blockFolds[foldOf(page.id)]!, decode }), ...between]) rule.apply(doc);
      items.push({ page: { ...page, url }, path: "text", doc, labels });
    }
  }
  return items;
}

function cloneDoc(doc: TextDoc): TextDoc {
  return { ...doc, lines: doc.lines.map((l) => ({ ...l })), meta: { ...doc.meta }, messages: [] };
}

/** The body text a copy of the item's document gets from this short-line rule and the rules after it. */
export function cleanedBody(item: Item, rule: CleanRule): string {
  const doc = cloneDoc(item.doc);
  for (const r of [rule, ...RULES_AFTER]) r.apply(doc);
  const f = finish(doc);
  return f.rejected ? "" : f.paragraphs.join("\n\n");
}

// Without article-gate: it is trained last, on the bodies these rules give (train-clean.ts step 5).
const RULES_AFTER = defaultRules.slice(defaultRules.findIndex((r) => r.name === "short-line-context") + 1).filter((r) => r.name !== "article-gate");

/** extraction-dev's F1 and webpages-dev's snippet F1 of the items with this short-line rule and the rules after it. */
export function shortLineFigures(items: readonly Item[], rule: (item: Item) => CleanRule): { extraction: number; webpages: number } {
  const body = (item: Item): string => cleanedBody(item, rule(item));
  const extraction = scoreCorpus(items.filter((i) => i.page.set === "extraction").map((i) => scorePage(body(i), i.page.truth!))).f1;
  const webpages = snippetCorpus(items.filter((i) => i.page.set === "webpages").map((i) => scoreSnippets(body(i), i.page.with ?? [], i.page.without ?? []))).f1;
  return { extraction, webpages };
}

/**
 * train:clean's step 4: the model on all the items; the cut chosen on out-of-fold figures (each page
 * judged by a model fitted without it), the mean of the two sets' F1.
 */
export function trainShortLines(items: readonly Item[], o: ShortLineOptions = shortLineDefaults, settle?: SettleMode, prior?: number): { model: BoostedModel; cut: number; figures: { extraction: number; webpages: number } } {
  const folds = Array.from({ length: FOLDS }, (_, k) => fitShortLines(items.filter((i) => shortFoldOf(i.page.id) !== k), o));
  if (settle) return { model: fitShortLines(items, o), ...settledCut(items, folds, settle, prior) };
  let best: { cut: number; figures: { extraction: number; webpages: number }; mean: number } | null = null;
  for (const cut of SHORT_CUTS) {
    const figures = shortLineFigures(items, (i) => shortLineRule(() => ({ model: folds[shortFoldOf(i.page.id)]!, cut })));
    const mean = (figures.extraction + figures.webpages) / 2;
    // SHORT_CURVE=1: each cut's out-of-fold figures (aw67: how far the pooled halves' pick is from the next cut).
    if (process.env.SHORT_CURVE === "1") console.log(`    cut ${cut}: out-of-fold extraction F1 ${figures.extraction.toFixed(4)}, webpages F1 ${figures.webpages.toFixed(4)}, mean ${mean.toFixed(4)}`);
    if (!best || mean > best.mean + 1e-9) best = { cut, figures, mean };
  }
  return { model: fitShortLines(items, o), cut: best!.cut, figures: best!.figures };
}

/**
 * SETTLE=draws|folds (a trial, st68, train/lib/settle.ts): the cut as the mean of page draws' optima over SHORT_CUTS
 * (each draw's pages judged out-of-fold, as above), so it does not jump between cuts the objective cannot tell apart.
 */
function settledCut(items: readonly Item[], folds: readonly BoostedModel[], settle: SettleMode, prior?: number): { cut: number; figures: { extraction: number; webpages: number } } {
  const pages = items.map((i) => i.page);
  const results = cachedResults(
    (cut: number) => String(cut),
    (cut) =>
      items.map((item): PageResult => {
        if (item.page.set !== "extraction" && item.page.set !== "webpages") return null;
        const body = cleanedBody(item, shortLineRule(() => ({ model: folds[shortFoldOf(item.page.id)]!, cut })));
        return item.page.set === "extraction" ? { extraction: scorePage(body, item.page.truth!) } : { snippets: scoreSnippets(body, item.page.with ?? [], item.page.without ?? []) };
      }),
  );
  // The folds here are the short-line model's own (shortFoldOf), as its out-of-fold scores are.
  const byFold = Array.from({ length: FOLDS }, (_, k) => (id: string) => shortFoldOf(id) === k);
  const draws = settle === "draws" ? settleDraws(settle) : byFold;
  if (settle === "keep") {
    if (prior === undefined) throw new Error("SETTLE=keep needs the committed cut");
    let best: { cut: number; mean: number } | null = null;
    for (const cut of SHORT_CUTS) {
      const mean = figuresOf(pages, results(cut)).mean;
      if (!best || mean > best.mean + 1e-9) best = { cut, mean };
    }
    const gains = byFold.map((keep) => figuresOf(pages, results(best!.cut), keep).mean - figuresOf(pages, results(prior), keep).mean);
    const cut = keepsPrior(gains) ? prior : best!.cut;
    console.log(`    SETTLE=keep: optimum cut ${best!.cut}, gain over the committed ${prior} by fold ${gains.map((g) => g.toFixed(4)).join(" ")}: cut ${cut}`);
    return { cut, figures: figuresOf(pages, results(cut)) };
  }
  const optima = draws.map((keep) => {
    let best: { cut: number; mean: number } | null = null;
    for (const cut of SHORT_CUTS) {
      const mean = figuresOf(pages, results(cut), keep).mean;
      if (!best || mean > best.mean + 1e-9) best = { cut, mean };
    }
    return best!.cut;
  });
  const cut = meanOf(optima);
  console.log(`    SETTLE=${settle}: ${optima.length} draws' short-line cuts ${Math.min(...optima)}..${Math.max(...optima)}, mean ${cut}`);
  return { cut, figures: figuresOf(pages, results(cut)) };
}
