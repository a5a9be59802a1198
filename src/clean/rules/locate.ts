// Finds the article inside the page: the densest run of prose is the body, the headline sits above it.
import type { CleanRule } from "./types.ts";
import { dropLine, isHeadlineLike, isProse, type Line, type TextDoc } from "../doc.ts";
import { normalise } from "../../text/words.ts";
import { isGluedTeaser } from "./context.ts";

const DATE_OR_TIME =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}?,?\s*\d{0,4}(?:[\s,|]+\d{1,2}[:.]\d{2}.*)?$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\bago$|^\d{1,2}:\d{2}/i;

function isChrome(line: Line): boolean {
  return line.words <= 2 || /[»›|]/.test(line.text) || /^[•·▪●◦‣⁃]/.test(line.text) || DATE_OR_TIME.test(line.norm);
}

/** Gain of keeping a line in the body: prose earns its word count, page furniture costs. */
function gain(line: Line): number {
  if (line.drop !== null) return 0;
  if (isGluedTeaser(line)) return -5;
  if (isProse(line)) return line.words;
  // A date between paragraphs marks a list of other stories ("date, teaser, date, teaser"): costly.
  if (DATE_OR_TIME.test(line.norm)) return -30;
  if (isChrome(line)) return -5;
  if (isHeadlineLike(line)) return 0;
  return -2;
}

/** The run of lines with the largest total gain (maximum subarray), trimmed to positive ends. */
export function densestRun(lines: Line[], limit: number): [number, number] | null {
  let best = 0, bestStart = -1, bestEnd = -1, sum = 0, start = 0;
  for (let i = 0; i < limit; i++) {
    const g = gain(lines[i]!);
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += g;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  if (bestStart < 0) return null;
  while (bestStart < bestEnd && gain(lines[bestStart]!) <= 0) bestStart++;
  return [bestStart, bestEnd + 1];
}

function titleScore(doc: TextDoc, index: number, firstKept: number, counts: Map<string, number>): number {
  const line = doc.lines[index]!;
  let score = 2 * Math.min(3, (counts.get(line.norm) ?? 1) - 1);
  if (index === firstKept) score += 2;
  const caps = line.text.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length;
  if (caps / Math.max(1, line.words) > 0.6) score += 1;
  if (line.words >= 5 && line.words <= 25) score += 1;
  return score;
}

function isTitleCandidate(line: Line, first: boolean): boolean {
  if (line.drop !== null || line.words < 3 || isChrome(line)) return false;
  return isHeadlineLike(line) || (first && line.words <= 30);
}

const BYLINE = /^(by|von|par|por|oleh|от)\s+\p{Lu}/iu;

/**
 * An HTML page's lines are already the article element: only the headline and the chrome around
 * the first and last paragraphs (kickers, bylines, dates, share rows) go.
 */
function trimLocated(doc: TextDoc): void {
  const lines = doc.lines;
  const firstProse = lines.findIndex((l) => l.drop === null && isProse(l));
  if (firstProse < 0) return;
  const want = doc.meta.title ? normalise(doc.meta.title) : null;
  let title = -1;
  for (let i = 0; i <= firstProse; i++) if (want && lines[i]!.norm === want) title = i;
  for (let i = 0; i < firstProse; i++) {
    const l = lines[i]!;
    if (i <= title || isChrome(l) || BYLINE.test(l.text) || (l.words <= 6 && !isHeadlineLike(l))) dropLine(doc, i, "page-header");
  }
  for (let i = lines.length - 1; i > firstProse; i--) {
    const l = lines[i]!;
    if (l.drop !== null) continue;
    if (isProse(l) || !(isChrome(l) || BYLINE.test(l.text))) break;
    dropLine(doc, i, "page-footer");
  }
  doc.title = title;
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
    const counts = new Map<string, number>();
    for (const l of doc.lines) counts.set(l.norm, (counts.get(l.norm) ?? 0) + 1);

    let title = -1;
    const known = doc.meta.title ? doc.lines.findIndex((l, i) => i < end && l.norm === normalise(doc.meta.title!)) : -1;
    if (known >= 0) title = known;
    else {
      let bestScore = -Infinity;
      for (let i = Math.max(0, start - 80); i < start; i++) {
        if (!isTitleCandidate(doc.lines[i]!, i === firstKept)) continue;
        // Nearer the body wins ties: `>=` keeps the later line.
        const s = titleScore(doc, i, firstKept, counts);
        if (s >= bestScore) {
          bestScore = s;
          title = i;
        }
      }
      if (title < 0 && start === firstKept && doc.lines[start]!.words <= 30 && !doc.meta.title) {
        // The first line is the headline even when it reads as a sentence; the body is what follows.
        title = start;
        const rest = densestRun(doc.lines.map((l, i) => (i <= title ? { ...l, drop: "title" } : l)), doc.end);
        if (rest) [start, end] = [rest[0], Math.max(rest[1], end)];
        else start = title + 1;
      }
    }
    if (title > start) title = -1;
    const from = title >= 0 ? title : start;
    for (let i = 0; i < from; i++) dropLine(doc, i, "page-header");
    for (let i = title + 1; i < start; i++) {
      const line = doc.lines[i]!;
      // Between headline and body: a standfirst in prose may stay; bylines, dates and promos go.
      if (title < 0 || !isProse(line)) dropLine(doc, i, "page-header");
    }
    for (let i = end; i < doc.lines.length; i++) dropLine(doc, i, "page-footer");
    doc.title = title;
    doc.start = title >= 0 ? title + 1 : start;
    doc.end = end;
  },
};
