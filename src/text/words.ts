// Word-level helpers shared by the cleaning, clustering and summarising stages.
import { charClass, CJK as CHAR_CJK, DIGIT as CHAR_DIGIT, LETTER as CHAR_LETTER, table } from "./chars.ts";

const WORD = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)?/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * How many words `words` finds, without making them: a scan of the text by UTF-16 unit, each looked
 * up in a table (the pattern's Unicode classes cost most of the time; most characters are ASCII, and
 * the rest are classed once each). Only a surrogate pair is read as one code point.
 */
export function countWords(text: string): number {
  const reader = new WordReader();
  let n = 0;
  for (let i = 0; reader.next(text, i); i = reader.end) n++;
  return n;
}

/**
 * An article's length in words as a reader counts them: the words `words` finds, except that each Han,
 * Hiragana or Katakana character is a word of its own. Chinese and Japanese put no space between words,
 * so a paragraph of them is a few long letter runs (three paragraphs of Japanese news are some 15 runs
 * against 300 characters); word processors count such text a character a word. Hangul is spaced: its
 * runs are words.
 */
export function countTextWords(text: string): number {
  // `WordReader.next`'s scan, with each word's Han and kana code units counted as it passes them (one pass over
  // the text, not a second over every word found): the same words, the same units tested.
  const end = text.length;
  let n = 0;
  let i = 0;
  for (;;) {
    let c = 0;
    let k = 0;
    for (;;) {
      if (i >= end) return n;
      c = text.charCodeAt(i);
      k = c < 0x80 ? ASCII_KIND[c]! : c >= 0xd800 && c <= 0xdbff ? pointKind(text, i) : kindOf(c);
      if (k & WORD_CHAR) break;
      i += k & ASTRAL ? 2 : 1;
    }
    let unspaced = 0;
    // [\p{L}\p{N}_]+ …
    do {
      if (c >= 0x2e80) unspaced += unspacedUnits(text, i, k);
      i += k & ASTRAL ? 2 : 1;
      // A run of lower-case ASCII letters: none of them is Han or kana.
      for (c = i < end ? text.charCodeAt(i) : 0; c >= 0x61 && c <= 0x7a; c = i < end ? text.charCodeAt(i) : 0) i++;
      if (i >= end) return n + Math.max(1, unspaced);
      k = c < 0x80 ? ASCII_KIND[c]! : c >= 0xd800 && c <= 0xdbff ? pointKind(text, i) : kindOf(c);
    } while (k & WORD_CHAR);
    // … (?:['’]\p{L}+)? (the apostrophe itself is neither Han nor kana)
    if ((c === 0x27 || c === 0x2019) && i + 1 < end && (unitKind(text, i + 1) & LETTER_CHAR) !== 0) {
      i++;
      while (i < end) {
        const kk = unitKind(text, i);
        if ((kk & LETTER_CHAR) === 0) break;
        unspaced += unspacedUnits(text, i, kk);
        i += kk & ASTRAL ? 2 : 1;
      }
    }
    n += Math.max(1, unspaced);
  }
}

/** How many of the code units of the code point at `i` (two when `kind` says ASTRAL) are Han or kana. */
function unspacedUnits(text: string, i: number, kind: number): number {
  let u = isUnspacedLetter(text.charCodeAt(i)) ? 1 : 0;
  if (kind & ASTRAL && isUnspacedLetter(text.charCodeAt(i + 1))) u++;
  return u;
}

/** A Han, Hiragana or Katakana code unit (the `CJK` class less Hangul; Han outside the BMP is not counted apart). */
function isUnspacedLetter(c: number): boolean {
  if (c < 0x2e80) return false;
  if (c >= 0xac00 && c <= 0xd7af) return false;
  if ((c >= 0x3130 && c <= 0x318f) || (c >= 0xa960 && c <= 0xa97f)) return false;
  return ((table[c] || charClass(c)) & CHAR_CJK) !== 0;
}

/**
 * The words `words` finds, found in place (no string per word): `next(text, from)` finds the one at or
 * after `from` and sets `start` and `end`; false when there is none.
 */
export class WordReader {
  start = 0;
  end = 0;

  next(text: string, from: number): boolean {
    const end = text.length;
    let i = from;
    let c = 0;
    let k = 0;
    for (;;) {
      if (i >= end) return false;
      c = text.charCodeAt(i);
      k = c < 0x80 ? ASCII_KIND[c]! : c >= 0xd800 && c <= 0xdbff ? pointKind(text, i) : kindOf(c);
      if (k & WORD_CHAR) break;
      i += k & ASTRAL ? 2 : 1;
    }
    this.start = i;
    // [\p{L}\p{N}_]+ …
    do {
      i += k & ASTRAL ? 2 : 1;
      for (c = i < end ? text.charCodeAt(i) : 0; c >= 0x61 && c <= 0x7a; c = i < end ? text.charCodeAt(i) : 0) i++;
      if (i >= end) {
        this.end = end;
        return true;
      }
      k = c < 0x80 ? ASCII_KIND[c]! : c >= 0xd800 && c <= 0xdbff ? pointKind(text, i) : kindOf(c);
    } while (k & WORD_CHAR);
    // … (?:['’]\p{L}+)?
    if ((c === 0x27 || c === 0x2019) && i + 1 < end && (unitKind(text, i + 1) & LETTER_CHAR) !== 0) {
      i++;
      while (i < end) {
        const kk = unitKind(text, i);
        if ((kk & LETTER_CHAR) === 0) break;
        i += kk & ASTRAL ? 2 : 1;
      }
    }
    this.end = i;
    return true;
  }
}

/** `kindOf` bits: a word character ([\p{L}\p{N}_]), a letter (\p{L}), a code point of two units. */
const WORD_CHAR = 1;
const LETTER_CHAR = 2;
const ASTRAL = 4;
const ASCII_KIND = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  ASCII_KIND[c] = letter ? WORD_CHAR | LETTER_CHAR : (c >= 0x30 && c <= 0x39) || c === 0x5f ? WORD_CHAR : 0;
}

/** The kind of the code point at `i` (a surrogate pair read whole, a lone surrogate as itself). */
function unitKind(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 0x80 ? ASCII_KIND[c]! : c >= 0xd800 && c <= 0xdbff ? pointKind(text, i) : kindOf(c);
}

function pointKind(text: string, i: number): number {
  const cp = text.codePointAt(i)!;
  return cp > 0xffff ? kindOf(cp) | ASTRAL : kindOf(cp);
}

const LETTER = /^\p{L}$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/** A code point's kind: from the shared table below 0x10000, else (a code point of two units) by pattern. */
function kindOf(cp: number): number {
  if (cp < 0x10000) {
    const bits = table[cp] || charClass(cp);
    return (bits & (CHAR_LETTER | CHAR_DIGIT) ? WORD_CHAR : 0) | (bits & CHAR_LETTER ? LETTER_CHAR : 0);
  }
  const c = String.fromCodePoint(cp);
  return (LETTER_OR_NUMBER.test(c) ? WORD_CHAR : 0) | (LETTER.test(c) ? LETTER_CHAR : 0);
}

const NON_ASCII = /[^\x00-\x7f]/;
const WHITE_RUN = /\s{2,}|[^\S ]/;
const TYPOGRAPHIC = /[\u2018\u2019\u201b\u2032\u201c\u201d\u201f\u2033\u2013\u2014]/;

/** Each run of white space one plain space (the text itself when it has none to fold). */
export function collapseSpaces(text: string): string {
  return WHITE_RUN.test(text) ? text.replace(/\s+/g, " ") : text;
}

/** Lower case, typographic quotes and dashes folded, white space collapsed: for comparing lines. */
export function normalise(text: string): string {
  // Most lines are plain ASCII: NFKC and the quote folding cannot change them.
  if (!NON_ASCII.test(text)) return collapseSpaces(text).toLowerCase().trim();
  let out = text.normalize("NFKC").toLowerCase();
  if (TYPOGRAPHIC.test(out)) out = out.replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201f\u2033]/g, '"').replace(/[\u2013\u2014]/g, "-");
  return collapseSpaces(out).trim();
}

// A compact English stop-word list (function words only): enough for density and content-word signals.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each few for from further had has have having " +
    "he her here hers herself him himself his how i if in into is it its itself just me more most my myself no " +
    "nor not now of off on once only or other our ours ourselves out over own same she should so some such than " +
    "that the their theirs them themselves then there these they this those through to too under until up very " +
    "was we were what when where which while who whom why will with would you your yours yourself yourselves " +
    "said says say s t can't don't it's that's he's she's they're we're i'm isn't wasn't aren't weren't won't " +
    "would've could've should've may might must shall us upon among within without across around since per via " +
    "yet though although however whether either neither one two three"
  ).split(" "),
);

/** Lower-cased words that are not stop words and are at least `minLength` long. */
export function contentWords(text: string, minLength = 3): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().match(WORD) ?? []) {
    const w = contentWord(token, minLength);
    if (w !== null) out.push(w);
  }
  return out;
}

/** What `contentWords` makes of one word of lower-cased text (as `words` finds it): the word, or null. */
export function contentWord(token: string, minLength = 3): string | null {
  let w = token;
  if (w.length > 2 && w[w.length - 1] === "s" && (w[w.length - 2] === "'" || w[w.length - 2] === "’")) w = w.slice(0, -2);
  return w.length >= minLength && !STOP_WORDS.has(w) && !allDigits(w) ? w : null;
}

function allDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
