// fs63: the text-dump line model's first step (a line alone) as a reading of a cleaned article's lines (its
// paragraphs, or their sentences): log-odds that each is article text rather than page furniture the cleaner
// kept (an outdated-browser notice, an author's bio, a "Watch:" teaser, an app promotion), and the features
// it weighs. A line is read where it stands in no page: the features that say where a line stands on its
// page (position, words before it, the URL's terms, a rule's drop) are left out of the rows and set to the
// training mean for the log-odds, so they weigh nothing.
import { logit } from "../../src/model/logistic.ts";
import { blockModels } from "../../src/clean/block-model.ts";
import { featureNames, localFeatures } from "../../src/clean/block-features.ts";
import { docOf, makeLine } from "../../src/clean/doc.ts";
import { emptyMeta } from "../../src/clean/text.ts";

const PLACE_FEATURES: ReadonlySet<string> = new Set(["position", "position-words", "dropped-by-rule", "slug-share"]);

/** The names of `lineReading`'s feature rows: the text line model's features but those of a line's place. */
export const LINE_FEATURES: readonly string[] = featureNames(false).filter((f) => !PLACE_FEATURES.has(f));

const kept = featureNames(false).flatMap((f, k) => (PLACE_FEATURES.has(f) ? [] : [k]));
const places = featureNames(false).flatMap((f, k) => (PLACE_FEATURES.has(f) ? [k] : []));

export interface LineReading {
  /** Log-odds, line by line, that each reads as article text (below 0: more like furniture). */
  odds: Float64Array;
  /** Each line's features, in `LINE_FEATURES`' order. */
  rows: Float64Array[];
}

/** The text line model's reading of each line alone; lines that read the same count as repeats of each other. */
export function lineReading(lines: readonly string[]): LineReading {
  const odds = new Float64Array(lines.length);
  if (lines.length === 0) return { odds, rows: [] };
  const model = blockModels(false).local;
  const all = localFeatures(docOf("", lines.map((p) => makeLine(p, true)), emptyMeta(), "text"), false, 0, true, new Set());
  const rows: Float64Array[] = [];
  for (let i = 0; i < all.length; i++) {
    const x = all[i]!;
    rows.push(Float64Array.from(kept, (k) => x[k]!));
    for (const k of places) x[k] = model.mean[k]!;
    odds[i] = logit(model, x);
  }
  return { odds, rows };
}
