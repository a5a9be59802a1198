// Training for keep-list-lines (src/clean/rules/list-lines.ts), train:clean's step 3b: which of the weak
// lines locate-article set aside inside the run, or cut under it, are article text. Each tuning page
// (text dump with its URL) is located with block scores from the fold model fitted without it, as on an
// unseen page; its candidates are labelled from the page's truth / snippets as the block models' lines are
// (article: 1 and 2; furniture: 0 and 5; others left out). Logistic, L2 1; a candidate is kept from
// log-odds LIST_LINES_CUT on. The figures behind the features, the window and the cut: train/try-list-keep.ts.
// The short-line and gate models (steps 4 and 5) still learn from the pipeline without keep-list-lines.
// Settling them on it (SETTLE_LIST=1 npm run train:clean) measured and dropped (tx52; try-text-figures,
// with URL / without, tune ext / web · check ext / web): keep-list-lines alone .9531 / .9089 · .9324 / .9008,
// .9577 / .9026 · .9356 / .8884; settled .9565 / .9100 · .9334 / .8986, .9611 / .9026 · .9365 / .8853:
// extraction gains on both halves, webpages' checking half loses a page's snippets (-.0022 / -.0031), under
// the .8995 / .8871 it had before keep-list-lines.
import type { BlockModels, DecodeSettings } from "../src/clean/block-model.ts";
import { locateWith } from "../src/clean/rules/locate.ts";
import { LIST_LINES_FEATURES, listLineRows, type ListLinesModel } from "../src/clean/rules/list-lines.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { foldOf, type Item } from "./lib/clean-items.ts";

/** Chosen on the tuning half's out-of-fold figures (try-list-keep: log-odds 2 and 2.5 within a snippet). */
export const LIST_LINES_CUT = 2;
export const LIST_LINES_L2 = 1;

function located(item: Item, folds: readonly Omit<BlockModels, "decode">[], decode: DecodeSettings): TextDoc {
  const doc: TextDoc = { ...item.doc, lines: item.doc.lines.map((l) => ({ ...l })), meta: { ...item.doc.meta }, messages: [], scores: null, noArticle: null, core: null, sandwiched: [], head: [] };
  locateWith({ ...folds[foldOf(item.page.id)]!, decode }).apply(doc);
  return doc;
}

/** Each item's candidates as examples, block scores out of fold. */
export function listLineExamples(items: readonly Item[], folds: readonly Omit<BlockModels, "decode">[], decode: DecodeSettings): Example[] {
  const ex: Example[] = [];
  for (const item of items) {
    const doc = located(item, folds, decode);
    for (const r of listLineRows(doc, doc.scores!)) {
      const y = item.labels[r.index]!;
      if (y === 1 || y === 2) ex.push({ x: r.x, y: 1, weight: 1 });
      else if (y === 0 || y === 5) ex.push({ x: r.x, y: 0, weight: 1 });
    }
  }
  return ex;
}

export function fitListLines(examples: readonly Example[]): ListLinesModel {
  return { model: trainLogistic(examples, { name: "clean/text-list-lines", features: [...LIST_LINES_FEATURES], l2: LIST_LINES_L2 }), cut: LIST_LINES_CUT };
}
