// What tells a standfirst (dek) from a story's first paragraph in a text dump (sf59, stop 59, issue 8), read from the
// line and its neighbours only (no place on the page, no site): a dek is one or two sentences, often without a final
// stop, over a byline or date line and a longer first paragraph, right under the headline; a first paragraph runs
// on into more prose.
import type { Line, TextDoc } from "../../src/clean/doc.ts";
import { logit, type LogisticModel } from "../../src/model/logistic.ts";

export const DECK_FEATURES = [
  "log-words", "sentences", "ends-stop", "ends-question", "stops", "caps", "commas", "prose",
  "score", "next-score", "next-log-ratio", "log-gap-next", "byline-between", "byline-above", "headline-just-above",
  "heading-overlap", "next-prose", "prose-below", "blank-before", "starts-dateline",
] as const;

const LONG = 8;
const clamp = (v: number): number => Math.max(-20, Math.min(20, v));

/** The next line of LONG+ words under i (kept or not: a dump reads the same either way), or -1 within `reach`. */
export function nextLong(doc: TextDoc, i: number, reach = 15): number {
  for (let j = i + 1; j < Math.min(doc.lines.length, i + 1 + reach); j++) if (doc.lines[j]!.words >= LONG && !doc.lines[j]!.glued) return j;
  return -1;
}

const shared = (a: Line, b: Line): number => {
  if (!a.terms.length) return 0;
  const s = new Set(b.terms);
  let k = 0;
  for (const t of a.terms) if (s.has(t)) k++;
  return k / a.terms.length;
};

export function deckFeatures(doc: TextDoc, i: number): number[] {
  const lines = doc.lines;
  const l = lines[i]!;
  const sc = (j: number) => (doc.scores && j >= 0 && j < lines.length ? clamp(doc.scores[j]!) : 0);
  const n = nextLong(doc, i);
  const nl = n >= 0 ? lines[n]! : null;
  let bylineBetween = 0;
  if (n >= 0) for (let j = i + 1; j < n; j++) if (lines[j]!.bylineOrDate || lines[j]!.dated) bylineBetween = 1;
  let bylineAbove = 0, headlineAbove = 0, heading = -1;
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const o = lines[j]!;
    if (o.bylineOrDate || o.dated) bylineAbove = 1;
    if (o.words >= 3 && o.headline && !o.prose && heading < 0) heading = j;
  }
  if (heading === i - 1 || (heading >= 0 && lines.slice(heading + 1, i).every((o) => o.words < 3))) headlineAbove = 1;
  let proseBelow = 0;
  for (let j = i + 1; j < Math.min(lines.length, i + 9); j++) if (lines[j]!.prose && lines[j]!.words >= 15) proseBelow++;
  const t = l.text.trim();
  return [
    Math.log1p(l.words), Math.min(l.sentences, 4), /[.!…]["”»’)]?$/.test(t) ? 1 : 0, /\?["”»’]?$/.test(t) ? 1 : 0, l.stops, l.caps,
    Math.min(l.commas, 6), l.prose ? 1 : 0, sc(i), nl ? sc(n) : 0, nl ? Math.log((nl.words + 1) / (l.words + 1)) : 0,
    n >= 0 ? Math.log1p(n - i - 1) : Math.log1p(16), bylineBetween, bylineAbove, headlineAbove,
    heading >= 0 ? shared(l, lines[heading]!) : 0, nl?.prose ? 1 : 0, proseBelow / 8, l.blankBefore ? 1 : 0,
    /^[\p{Lu}][\p{Lu}\p{L} .,'-]{1,40}(\([^)]{1,20}\))?\s*[—–-]\s/u.test(t) ? 1 : 0,
  ];
}

/** The body's anchor moved off a standfirst: when the anchor line (8+ words) reads as a dek above `bar` (log-odds), the next line of 8+ words under it. */
export function deckStart(doc: TextDoc, a: number, model: LogisticModel, bar: number): number {
  if (a < 0 || doc.lines[a]!.words < LONG) return a;
  if (logit(model, deckFeatures(doc, a)) <= bar) return a;
  let n = nextLong(doc, a);
  // DECK_STEPS=k: on past up to k-1 more lines that read as deks too (a dek over a caption over the first paragraph).
  for (let k = 1; n >= 0 && k < Number(process.env.DECK_STEPS ?? 1) && logit(model, deckFeatures(doc, n)) > bar; k++) {
    const m = nextLong(doc, n);
    if (m < 0) break;
    n = m;
  }
  return n >= 0 ? n : a;
}

const railLine = (l: Line): boolean => l.words >= 4 && l.words <= 25 && l.headline && !l.prose && !/[.!?…:]["”»’]?$/.test(l.text.trim());

/**
 * RAIL (sf59's trial): the anchor on a rail of other stories' headlines (it and the RAIL_RUN-1 lines under it
 * headline-shaped, 4-25 words, no prose, no final stop) moves past the rail to the first prose line of 12+ words
 * within 30 lines; else it stays.
 */
export function railStart(doc: TextDoc, a: number): number {
  const run = Number(process.env.RAIL_RUN ?? 3);
  if (a < 0 || a + run > doc.lines.length) return a;
  for (let j = a; j < a + run; j++) if (!railLine(doc.lines[j]!)) return a;
  for (let j = a + run; j < Math.min(doc.lines.length, a + 30); j++) {
    const l = doc.lines[j]!;
    if (l.prose && l.words >= 12) return j;
  }
  return a;
}
