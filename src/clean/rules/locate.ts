// Finds the article inside the page: the densest run of prose is the body, the headline sits above it.
import type { CleanRule } from "./types.ts";
import { dropLine, type Line, type TextDoc } from "../doc.ts";
import { normalise } from "../../text/words.ts";
import { densestRun } from "./density.ts";
import { BYLINE, BYLINE_OR_DATE, findTitle } from "./title.ts";

/**
 * An HTML page's lines are already the article element: only the headline and the chrome around
 * the first and last paragraphs (kickers, bylines, dates, share rows) go.
 */
function trimLocated(doc: TextDoc): void {
  const lines = doc.lines;
  const firstProse = lines.findIndex((l) => l.drop === null && l.prose);
  if (firstProse < 0) return;
  const want = doc.meta.title ? normalise(doc.meta.title) : null;
  let title = -1;
  for (let i = 0; i <= firstProse; i++) if (want && lines[i]!.norm === want) title = i;
  for (let i = 0; i < firstProse; i++) {
    const l = lines[i]!;
    if (i <= title || l.chrome || BYLINE.test(l.text) || (l.words <= 6 && !l.headline)) dropLine(doc, i, "page-header");
  }
  for (let i = lines.length - 1; i > firstProse; i--) {
    const l = lines[i]!;
    if (l.drop !== null) continue;
    if (l.prose || !(l.chrome || BYLINE.test(l.text))) break;
    dropLine(doc, i, "page-footer");
  }
  doc.title = title;
}

/**
 * Headline, standfirst, byline or date, then the article: a prose line or two at the top of the
 * body followed by a byline or date line is the standfirst, and the article starts below.
 */
function afterStandfirst(doc: TextDoc, start: number, end: number): number {
  let prose = 0;
  for (let i = start; i < Math.min(end, start + 6); i++) {
    const line = doc.lines[i]!;
    if (line.drop !== null) continue;
    if (line.prose) {
      if (++prose > 2) return start;
      continue;
    }
    if (prose > 0 && line.words <= 15 && (line.dated || BYLINE_OR_DATE.test(line.text))) return i + 1;
  }
  return start;
}

/**
 * A line that carries the article on past its last paragraph: sentence-case list items, one-line
 * paragraphs, a label introducing a list ("Dare to Play 3:"). Page furniture stops it.
 */
function continuesBody(line: Line): boolean {
  if (line.drop !== null || line.chrome || line.glued) return false;
  if (line.prose) return true;
  if (line.words < 3) return false;
  if (/:$/.test(line.text) && line.words <= 6) return true;
  return line.caps <= 0.5 && line.stops >= 0.1;
}

/**
 * Past the densest run the article may go on in lines too short to count as prose: list items,
 * one-line paragraphs, and rows that repeat the body's own lines (a plan printed per week).
 * Furniture stops it.
 */
function extendBody(doc: TextDoc, start: number, end: number): number {
  let own: Set<string> | null = null;
  const continues = (line: Line): boolean => {
    if (continuesBody(line)) return true;
    if (line.drop !== null || line.glued) return false;
    own ??= new Set(doc.lines.slice(start, end).filter((l) => l.drop === null).map((l) => l.norm));
    return own.has(line.norm);
  };
  while (end < doc.lines.length && continues(doc.lines[end]!)) end++;
  return end;
}

export const locateArticle: CleanRule = {
  name: "locate-article",
  apply(doc) {
    if (doc.origin === "html") return trimLocated(doc);
    const run = densestRun(doc.lines, doc.end);
    const firstKept = doc.lines.findIndex((l) => l.drop === null);
    if (!run || firstKept < 0) {
      doc.messages.push({ file: doc.path, stage: "clean", level: "warning", text: "no running prose found; kept every line" });
      doc.start = Math.max(0, firstKept);
      return;
    }
    let [start, end] = run;
    let title: number;
    [title, start, end] = findTitle(doc, start, end, firstKept);
    end = extendBody(doc, start, end);
    if (title >= 0) start = afterStandfirst(doc, start, end);
    if (title > start) title = -1;
    const from = title >= 0 ? title : start;
    for (let i = 0; i < from; i++) dropLine(doc, i, "page-header");
    // Between headline and body: bylines, dates, promos, and the standfirst too (it summarises the
    // story in other words; the article text starts below it).
    for (let i = title + 1; i < start; i++) dropLine(doc, i, "page-header");
    for (let i = end; i < doc.lines.length; i++) dropLine(doc, i, "page-footer");
    doc.title = title;
    doc.start = title >= 0 ? title + 1 : start;
    doc.end = end;
  },
};
