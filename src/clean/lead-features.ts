// The lines between a text dump's headline and the body run the block model found: a standfirst or
// the article's lead, or page furniture (bylines, dates, share rows, captions, menus). What each
// looks like, for the learned lead model (rules/lead.ts): shape, place in the gap, words shared with
// the headline and with the body's first lines, and the date or byline lines around it.
import { endsSentence, type Line, type TextDoc } from "./doc.ts";

export const LEAD_FEATURES = [
  "log-words", "prose", "ends-sentence", "stop-share", "caps-share", "block-score", "log-from-headline", "log-to-run",
  "log-gap", "headline-share", "body-share", "byline-or-date", "byline-or-date-beside", "byline-or-date-above",
  "byline-or-date-below", "lexicon-share", "chrome", "headline-shape", "log-sentences", "long", "first-after-headline",
  "log-repeats", "glued", "has-url", "number-share", "digit-share", "furniture-beside",
] as const;

export interface LeadRow {
  index: number;
  x: Float64Array;
}

/** The body's first kept lines whose words a lead shares. */
const BODY_LINES = 8;

/** Dropped by a furniture rule before the article was located (a share row, a credit, an advertisement). */
const furniture = (l: Line): boolean => l.drop !== null && l.drop !== "page-header" && l.drop !== "locate-article";

const datedLine = (l: Line): boolean => l.dated || l.dateOrNumber || l.bylineOrDate;

/** The lines between the headline and the run's start that the run left out (none when the headline is inside the run). */
export function leadGap(doc: TextDoc): number[] {
  const out: number[] = [];
  if (doc.title < 0 || doc.title >= doc.start || !doc.scores) return out;
  for (let i = doc.title + 1; i < doc.start; i++) if (doc.lines[i]!.drop === "page-header") out.push(i);
  return out;
}

/** Each gap line with its features, in page order. */
export function leadRows(doc: TextDoc, gap: readonly number[] = leadGap(doc)): LeadRow[] {
  if (gap.length === 0) return [];
  const lines = doc.lines;
  const title = doc.title, start = doc.start;
  const scores = doc.scores!;
  const headline = new Set(lines[title]!.terms);
  const body = new Set<number>();
  for (let i = start, seen = 0; i < doc.end && seen < BODY_LINES; i++) {
    const l = lines[i]!;
    if (l.drop !== null) continue;
    seen++;
    for (const t of l.terms) body.add(t);
  }
  let firstDated = -1, lastDated = -1;
  for (let i = title + 1; i < start; i++) if (datedLine(lines[i]!)) (firstDated < 0 && (firstDated = i), (lastDated = i));
  return gap.map((i) => {
    const l = lines[i]!;
    let inHeadline = 0, inBody = 0;
    for (const t of l.terms) (headline.has(t) && inHeadline++, body.has(t) && inBody++);
    const terms = Math.max(1, l.terms.length);
    const beside = (i - 1 > title && datedLine(lines[i - 1]!)) || (i + 1 < start && datedLine(lines[i + 1]!));
    const x = new Float64Array(LEAD_FEATURES.length);
    let k = 0;
    x[k++] = Math.log1p(l.words);
    x[k++] = l.prose ? 1 : 0;
    x[k++] = endsSentence(l.text) ? 1 : 0;
    x[k++] = l.stops;
    x[k++] = l.caps;
    x[k++] = Math.max(-20, Math.min(20, scores[i]!));
    x[k++] = Math.log(i - title);
    x[k++] = Math.log(start - i);
    x[k++] = Math.log(start - title);
    x[k++] = inHeadline / terms;
    x[k++] = inBody / terms;
    x[k++] = datedLine(l) ? 1 : 0;
    x[k++] = beside ? 1 : 0;
    x[k++] = firstDated >= 0 && firstDated < i ? 1 : 0;
    x[k++] = lastDated > i ? 1 : 0;
    x[k++] = l.lexiconWords / Math.max(1, l.words);
    x[k++] = l.chrome ? 1 : 0;
    x[k++] = l.headline ? 1 : 0;
    x[k++] = Math.log1p(l.sentences);
    x[k++] = l.words >= 15 ? 1 : 0;
    x[k++] = i === title + 1 ? 1 : 0;
    x[k++] = Math.log(l.repeats);
    x[k++] = l.glued ? 1 : 0;
    x[k++] = doc.meta.url ? 1 : 0;
    x[k++] = l.numbers / Math.max(1, l.words);
    x[k++] = l.digits;
    x[k++] = furniture(lines[i - 1]!) || (i + 1 < lines.length && furniture(lines[i + 1]!)) ? 1 : 0;
    return { index: i, x };
  });
}
