// The headline. An HTML page states it (og:title, JSON-LD, <h1>, <title>: reconciled in
// headline.ts); its line in the blocks is found and kept out of the body. A text dump's headline is
// the line near the body's start that the learned headline models rate highest (headline-model.ts),
// never a line that cannot be one (headline-features.ts).
import type { CleanRule } from "./types.ts";
import { dropLine, type TextDoc } from "../doc.ts";
import { bodyAnchor } from "../headline-features.ts";
import { pickHeadline, type HeadlineModels } from "../headline-model.ts";
import { headlineTokens, tokenF1 } from "../headline.ts";

export { BYLINE, BYLINE_OR_DATE } from "../bylines.ts";

/** The line of an HTML page's blocks that prints its known headline, near the body's start, or -1. */
function knownHeadlineLine(doc: TextDoc, title: string): number {
  const want = headlineTokens(title);
  if (want.length === 0) return -1;
  let best = -1;
  let bestF1 = 0.8;
  const anchor = bodyAnchor(doc);
  const from = Math.max(0, anchor - 40);
  const to = Math.min(doc.lines.length, anchor + 4);
  for (let i = from; i < to; i++) {
    const l = doc.lines[i]!;
    if (l.words > 60) continue;
    const f1 = tokenF1(headlineTokens(l.text), want);
    // Nearer the body wins ties, unless body text the block model kept stands between the two: the
    // headline printed again below the article's first paragraphs (a document's title, a repeated
    // header block) is not where the article starts, and the cut above the headline would take them.
    if (f1 > bestF1 || (f1 === bestF1 && (best < 0 || !keptBetween(doc, best, i)))) {
      bestF1 = f1;
      best = i;
    }
  }
  return best;
}

/** Whether a line between `from` and `to` (both excluded) is in the located body and still kept. */
function keptBetween(doc: TextDoc, from: number, to: number): boolean {
  for (let i = Math.max(from + 1, doc.start); i < Math.min(to, doc.end); i++) if (doc.lines[i]!.drop === null) return true;
  return false;
}

/** The find-headline rule with these headline models (training passes the ones it has just learned). */
export function findHeadlineWith(models?: HeadlineModels): CleanRule {
  return {
    name: "find-headline",
    apply(doc) {
      find(doc, doc.origin === "text" && !doc.meta.title, models);
    },
  };
}

export const findHeadline: CleanRule = findHeadlineWith();

function find(doc: TextDoc, learned: boolean, models: HeadlineModels | undefined): void {
  if (doc.noArticle) return;
  let title = -1;
  if (doc.origin === "html" || doc.meta.title) {
    if (doc.meta.title) title = knownHeadlineLine(doc, doc.meta.title);
  } else if (learned) {
    title = pickHeadline(doc, models);
  }
  if (title < 0) return;
  doc.title = title;
  // The headline is not body text; nor is anything above it (a banner paragraph that came first).
  if (title >= doc.start) {
    for (let i = doc.start; i < title; i++) dropLine(doc, i, "page-header");
    doc.start = title + 1;
  }
}
