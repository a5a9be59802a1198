// The working document the cleaning rules read and mark: one entry per non-empty line of the scrape.
// Every feature a rule asks about is computed once per line (line-features.ts), so the rules stay
// linear and cheap.
import type { ArticleMeta, Message } from "../types.ts";
import * as features from "./line-features.ts";

// Bound once: under tsx every imported name is read through a getter on each use.
const { CHROME_MARK, MARK_ARROW, MARK_PIPE, foldLine, gluedTeaser, headlineShape, isDateOrTime, proseShape, wordStats } = features;

export { MARK_ARROW, MARK_COLON, MARK_COPYRIGHT, MARK_PIPE, MARK_SLASH, endsSentence, gluedTeaser } from "./line-features.ts";

export interface Line {
  text: string;
  /** Lower-cased, quotes folded, bullets stripped: for comparing one line with another. */
  norm: string;
  words: number;
  /** A blank line came before it: the scrape's paragraph boundary. */
  blankBefore: boolean;
  /** Share of words that are stop words (prose ≈ 0.4, menus and headlines far lower). */
  stops: number;
  /** Share of words starting with a capital letter (Title Case ≈ 1, prose ≈ 0.2). */
  caps: number;
  /** Running prose, see `isProse`. */
  prose: boolean;
  /** A headline glued to its teaser text ("…SteakhouseA party of six…"), as card links read in innerText. */
  glued: boolean;
  /** Shaped like a headline or subheading: 3–30 words and no sentence break inside. */
  headline: boolean;
  /** A date or time standing alone ("Nov 19, 2019 10:42", "2 hours ago"). */
  dated: boolean;
  /** Page chrome: one or two words, breadcrumb separators, a bullet, a date. */
  chrome: boolean;
  /** Which of the `MARK_*` characters the line contains: rules test these instead of scanning it. */
  marks: number;
  /** Name of the rule that removed the line, or null while it is kept. */
  drop: string | null;
}

export interface TextDoc {
  path: string;
  lines: Line[];
  /** Index of the headline line, or -1 when none was found. */
  title: number;
  /** Where the lines came from: a text scrape, or the article element of an HTML page already located. */
  origin: "text" | "html";
  /** First and one-past-last line of the article body. */
  start: number;
  end: number;
  meta: ArticleMeta;
  messages: Message[];
}

const BULLET = /^[\s•·▪●◦*‣⁃–—-]+\s*/u;
const ODD_SPACE = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]| {2}/;
const SPACE_RUN = /[ \u00a0\u2000-\u200b\u202f\u205f\u3000\t]{2,}|[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g;

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function tidy(text: string): string {
  return (ODD_SPACE.test(text) ? text.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g, " ").replace(/ {2,}/g, " ") : text).trim();
}

export function makeLine(text: string, blankBefore: boolean): Line {
  return lineOf(tidy(text), blankBefore);
}

function lineOf(t: string, blankBefore: boolean): Line {
  const stats = wordStats(t);
  const line: Line = {
    text: t,
    // White space is already collapsed: plain ASCII only needs lower case.
    norm: stats.ascii && isAsciiAlnum(t.charCodeAt(0)) ? t.toLowerCase() : foldLine(t.replace(BULLET, "")),
    words: stats.words,
    blankBefore,
    stops: stats.stops,
    caps: stats.caps,
    prose: false,
    // A headline glued to a sentence keeps a fifth of its words capitalised; running prose has fewer.
    glued: stats.glue && stats.caps >= 0.2 && gluedTeaser(t),
    marks: stats.marks,
    headline: false,
    dated: false,
    chrome: false,
    drop: null,
  };
  line.prose = proseShape(line.words, line.stops, line.caps, t);
  line.headline = headlineShape(line.words, t);
  line.dated = isDateOrTime(line.norm);
  line.chrome = line.words <= 2 || (line.marks & (MARK_PIPE | MARK_ARROW)) !== 0 || CHROME_MARK.test(t) || line.dated;
  return line;
}

export function makeDoc(path: string, text: string, meta: ArticleMeta, origin: "text" | "html" = "text"): TextDoc {
  const lines: Line[] = [];
  let blank = true;
  // Odd spaces folded in one pass over the whole text, not line by line.
  const spaced = text.replace(SPACE_RUN, " ");
  for (const raw of spaced.split("\n")) {
    const t = raw.trim();
    if (t === "") {
      blank = true;
      continue;
    }
    lines.push(lineOf(t, blank));
    blank = false;
  }
  return { path, lines, title: -1, origin, start: 0, end: lines.length, meta, messages: [] };
}

export function kept(doc: TextDoc): Line[] {
  return doc.lines.filter((l) => l.drop === null);
}

/** Indices of lines still kept inside the body range. */
export function bodyIndices(doc: TextDoc): number[] {
  const out: number[] = [];
  for (let i = doc.start; i < doc.end; i++) if (doc.lines[i]!.drop === null && i !== doc.title) out.push(i);
  return out;
}

export function dropLine(doc: TextDoc, index: number, rule: string): void {
  const line = doc.lines[index];
  if (line && line.drop === null) line.drop = rule;
}

/** Running prose: enough words, sentence punctuation, and the function words real sentences carry. */
export function isProse(line: Line): boolean {
  return line.prose;
}

/** A headline glued to its teaser text: see `Line.glued`. */
export function isGluedTeaser(line: Line): boolean {
  return line.glued;
}

