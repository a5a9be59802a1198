// The working document the cleaning rules read and mark: one entry per non-empty line of the scrape.
import type { ArticleMeta, Message } from "../types.ts";
import { normalise } from "../text/words.ts";
import { isFunctionWord } from "./function-words.ts";

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
  /** Running prose, see `isProse`; computed once. */
  prose: boolean;
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

const WORD = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)?/gu;
const UPPER = /^\p{Lu}/u;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/gu;
const LETTER = /^\p{L}/u;

export function makeLine(text: string, blankBefore: boolean): Line {
  const t = text.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g, " ").replace(/ {2,}/g, " ").trim();
  const ws = t.match(WORD) ?? [];
  // Chinese and Japanese write without spaces: about two characters to a word.
  const cjk = t.match(CJK)?.length ?? 0;
  let stops = 0, caps = 0, lettered = 0;
  for (const w of ws) {
    if (isFunctionWord(w)) stops++;
    if (LETTER.test(w)) {
      lettered++;
      if (UPPER.test(w)) caps++;
    }
  }
  const line: Line = {
    text: t,
    norm: normalise(t.replace(BULLET, "")),
    words: cjk > 0 ? Math.max(ws.length, Math.round(cjk / 2)) : ws.length,
    blankBefore,
    stops: cjk > t.length / 3 ? 0.3 : ws.length ? stops / ws.length : 0,
    caps: lettered ? caps / lettered : 0,
    prose: false,
    drop: null,
  };
  line.prose = proseShape(line);
  return line;
}

export function makeDoc(path: string, text: string, meta: ArticleMeta, origin: "text" | "html" = "text"): TextDoc {
  const lines: Line[] = [];
  let blank = true;
  for (const raw of text.split("\n")) {
    if (raw.trim() === "") {
      blank = true;
      continue;
    }
    lines.push(makeLine(raw, blank));
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

const SENTENCE_END = /[.!?…]["'”’)\]]*(\s|$)/u;

export function endsSentence(text: string): boolean {
  return /[.!?。！？]["'”’)\]」』]*$/u.test(text);
}

/** Running prose: enough words, sentence punctuation, and the function words real sentences carry. */
export function isProse(line: Line): boolean {
  return line.prose;
}

function proseShape(line: Line): boolean {
  if (line.words < 10) return false;
  if (!endsSentence(line.text) && !(line.words >= 20 && SENTENCE_END.test(line.text))) return false;
  return line.stops >= 0.15 && line.caps <= 0.6;
}

/** Share of words starting with a capital letter: Title Case Headlines score near 1, prose near 0.2. */
export function capitalisedShare(text: string): number {
  const ws = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (ws.length === 0) return 0;
  return ws.filter((w) => /^["'“‘(]?\p{Lu}/u.test(w)).length / ws.length;
}

/** A line shaped like a headline or subheading: a handful of words and no sentence inside it. */
export function isHeadlineLike(line: Line): boolean {
  if (line.words < 3 || line.words > 30) return false;
  // A full stop after a lower-case word starts a new sentence; "U.S. Envoy" and "Why? Here's" do not.
  if (/\p{Ll}{2,}[.!]["'”’]?\s+\p{Lu}/u.test(line.text)) return false;
  return !/[:;,]$/.test(line.text);
}
