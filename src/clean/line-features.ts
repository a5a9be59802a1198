// What each line of a scrape looks like, computed once per line: its words, function-word and
// capital shares, punctuation marks, a lower-cased form, and the shapes the rules ask about.
import { FUNCTION_WORDS as functionWords } from "../text/function-words.ts";
import * as chars from "./chars.ts";
import { lexiconEntries } from "./lexicon.ts";

// Bound once: under tsx every imported name is read through a getter, too slow for a per-character loop.
const { CJK, DIGIT, FOLD_NON_ASCII, FOLD_SPACE, FOLD_TYPOGRAPHIC, FOLD_UNSTABLE, LETTER, LOWER, UPPER, charClass, foldClass, foldTable: FOLD, lowerOf, table: CLASS } = chars;
/** Class bits of a lower-case ASCII letter (all share them). */
const ASCII_LOWER = charClass(97);

export const MARK_COLON = 1;
export const MARK_SLASH = 2;
export const MARK_PIPE = 4;
/** » or ›, the separators of breadcrumbs. */
export const MARK_ARROW = 8;
export const MARK_COPYRIGHT = 16;
export const MARK_AT = 32;
/** "www." somewhere in the line (case as written): URL-shaped text is looked for only then or with "@" or "http". */
export const MARK_WWW = 64;
/** Mark bits by character code, for the Latin-1 range; › (U+203A) is tested on its own. */
const MARK_OF = new Uint8Array(256);
MARK_OF[58] = MARK_COLON;
MARK_OF[47] = MARK_SLASH;
MARK_OF[124] = MARK_PIPE;
MARK_OF[0xbb] = MARK_ARROW;
MARK_OF[0xa9] = MARK_COPYRIGHT;
MARK_OF[64] = MARK_AT;

/** Hash step of one lower-cased code unit, as `wordStats` takes it while scanning. */
const step = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;
/** Keys are kept to 30 bits so they stay small integers (a 32-bit one would be boxed on every lookup). */
const SMALL = 0x3fffffff;
const pair = (a: number, b: number): number => (Math.imul(a, 0x9e3779b1) ^ b) & SMALL;

/** Hash of a word folded to lower case, as `wordStats` computes it (letters, digits, inner apostrophes). */
export function wordHash(w: string): number {
  let h = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    h = step(h, c < 128 ? (c >= 65 && c <= 90 ? c | 32 : c) : lowerOf(c));
  }
  return h & SMALL;
}

// Function words and furniture phrases are matched by hashes of the folded words (no substring, no
// allocation per word); the rare collision only nudges a share. One look-up per word gives all a
// single word can say: its lexicon groups (low bits), whether it is a function word, and whether a
// longer lexicon phrase starts with it.
const FUNCTION_WORD = 1 << 20;
const STARTS_TWO = 1 << 21;
const STARTS_THREE = 1 << 22;
const GROUPS = (1 << 20) - 1;
const WORD_INFO = new Map<number, number>();
const mark = (w: number, bits: number) => WORD_INFO.set(w, (WORD_INFO.get(w) ?? 0) | bits);
for (const w of functionWords) mark(wordHash(w), FUNCTION_WORD);
/** Two- and three-word lexicon phrases by their chained hashes, to group bits. */
const PHRASES = new Map<number, number>();
for (const e of lexiconEntries()) {
  const first = wordHash(e.words[0]!);
  if (e.words.length === 1) {
    mark(first, e.bits);
    continue;
  }
  mark(first, e.words.length === 2 ? STARTS_TWO : STARTS_THREE);
  let k = first;
  for (let i = 1; i < e.words.length; i++) k = pair(k, wordHash(e.words[i]!));
  PHRASES.set(k, (PHRASES.get(k) ?? 0) | e.bits);
}

/**
 * A map from word hashes to non-zero bit sets, read once per word of every line: an open-addressed
 * table of typed arrays answers faster than a Map. `get` gives 0 for a key not in it.
 */
class BitTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(map: ReadonlyMap<number, number>) {
    // At most a quarter full, so a look-up ends within a slot or two.
    let bits = 4;
    while (1 << bits < 4 * map.size) bits++;
    this.keys = new Int32Array(1 << bits).fill(-1);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    for (const [key, value] of map) {
      let j = this.slot(key);
      while (this.keys[j] !== -1) j = (j + 1) & this.mask;
      this.keys[j] = key;
      this.values[j] = value;
    }
  }

  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  get(key: number): number {
    for (let j = this.slot(key); ; j = (j + 1) & this.mask) {
      const k = this.keys[j]!;
      if (k === key) return this.values[j]!;
      if (k === -1) return 0;
    }
  }
}

const WORD_TABLE = new BitTable(WORD_INFO);
const PHRASE_TABLE = new BitTable(PHRASES);

export interface WordStats {
  words: number;
  stops: number;
  caps: number;
  /** No character outside ASCII. */
  ascii: boolean;
  marks: number;
  /** A capital right after a lower-case letter, digit or closing mark in the first 200 characters. */
  glue: boolean;
  /** Furniture lexicon groups the line's words hit (`GROUP_BIT`). */
  lexicon: number;
  /** How many of the line's words are part of a lexicon phrase. */
  lexiconWords: number;
  /** Lexicon groups of a phrase among the line's first two words ("Subscribe to…", "Skip to…"). */
  lexiconFirst: number;
  /** Words that start with a digit. */
  numbers: number;
  /** Words with a capital after a lower-case letter inside them ("NewsRetail"): menus glued together. */
  innerCaps: number;
  /** Hashes of the line's content words (four letters or more, not function words): what it is about. */
  terms: number[];
  /** Digits among letters and digits. */
  digits: number;
  /** Sentence marks (. ! ? and their CJK forms) followed by a space or the end. */
  sentences: number;
  commas: number;
  /** Characters that are neither letters, digits nor white space, per character. */
  punctuation: number;
  /** What `foldLine` must do for the line: `FOLD_*` bits of its characters past ASCII (chars.ts). */
  fold: number;
  /** Two spaces in a row, a tab, or white space past ASCII: white space not yet folded to single plain spaces. */
  spaces: boolean;
}

/** Word count, function-word share, capitalised share and the rest, in one pass over the line's characters. */
export function wordStats(t: string): WordStats {
  let marks = 0;
  let n = 0, stops = 0, caps = 0, lettered = 0, cjk = 0, digitChars = 0, alnum = 0, sentences = 0, commas = 0, punct = 0;
  let start = -1, first = 0, h = 0, ascii = true;
  let lexicon = 0, lexiconWords = 0, lexiconFirst = 0, numbers = 0, h1 = 0, h2 = 0, info1 = 0, info2 = 0;
  const terms: number[] = [];
  let innerCaps = 0, wordInner = false;
  // A capital right after a lower-case letter, digit or closing mark near the start: a possible glue.
  let glue = false, prev = 32, prevK = 0, prevLower = false;
  let fold = 0, doubleSpace = false;
  const len = t.length;
  // Words as /[\p{L}\p{N}_]+(?:['’]\p{L}+)?/u finds them, by table look-up; i === len closes the last word.
  for (let i = 0; i <= len; i++) {
    let c = i < len ? t.charCodeAt(i) : 32;
    // Most characters: a run of lower-case ASCII letters inside a word, which only extends the word.
    if (c >= 97 && c <= 122 && start >= 0) {
      const from = i;
      do {
        h = step(h, c);
        c = ++i < len ? t.charCodeAt(i) : 32;
      } while (c >= 97 && c <= 122);
      alnum += i - from;
      prev = t.charCodeAt(i - 1);
      prevK = ASCII_LOWER;
      prevLower = true;
    }
    const k = CLASS[c] || charClass(c);
    if (k & UPPER && !glue && i < 202 && ((prevK & (LOWER | DIGIT)) !== 0 || isGlueEnd(prev))) glue = true;
    if (c === 32 && prev === 32 && i < len) doubleSpace = true;
    prev = c;
    prevK = k;
    if (k & (LETTER | DIGIT)) {
      if (start < 0) {
        start = i;
        first = k;
        h = 0;
        wordInner = false;
      } else if (k & UPPER && prevLower) wordInner = true;
      prevLower = (k & LOWER) !== 0;
      alnum++;
      if (k & DIGIT) digitChars++;
      if (c < 128) h = step(h, c >= 65 && c <= 90 ? c | 32 : c);
      else {
        h = step(h, lowerOf(c));
        if (k & CJK) cjk++;
        fold |= FOLD[c] || foldClass(c);
      }
      continue;
    }
    if (c !== 32) {
      punct++;
      if (c === 9) doubleSpace = true;
      if (c === 44 || c === 0xff0c || c === 0x3001) commas++;
      else if (c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f) {
        const d = i + 1 < len ? t.charCodeAt(i + 1) : 32;
        if (d === 32 || d === 34 || d === 0x201d || d === 41 || c > 0x3000) sentences++;
        if (c === 46 && i >= 3 && t.charCodeAt(i - 1) === 119 && t.charCodeAt(i - 2) === 119 && t.charCodeAt(i - 3) === 119) marks |= MARK_WWW;
      }
    }
    if (c >= 128) {
      ascii = false;
      fold |= FOLD[c] || foldClass(c);
    }
    if (c < 256) marks |= MARK_OF[c]!;
    else if (c === 0x203a) marks |= MARK_ARROW;
    if (start < 0) continue;
    // An apostrophe between letters stays inside the word: "don't", "l’homme".
    if ((c === 39 || c === 0x2019) && i + 1 < len && (first & LETTER) !== 0) {
      const d = t.charCodeAt(i + 1);
      if ((CLASS[d] || charClass(d)) & LETTER) {
        h = step(h, 39);
        continue;
      }
    }
    n++;
    if (wordInner) innerCaps++;
    if (first & LETTER) {
      lettered++;
      if (first & UPPER) caps++;
    } else numbers++;
    const w = h & SMALL;
    const info = WORD_TABLE.get(w);
    if (info & FUNCTION_WORD) stops++;
    else if (i - start >= 4 && (first & LETTER) !== 0) terms.push(w);
    const one = info & GROUPS;
    if (one !== 0) {
      lexicon |= one;
      lexiconWords++;
      if (n <= 2) lexiconFirst |= one;
    }
    if (info1 & STARTS_TWO) {
      const two = PHRASE_TABLE.get(pair(h1, w));
      if (two !== 0) {
        lexicon |= two;
        lexiconWords += 2;
        if (n === 2) lexiconFirst |= two;
      }
    }
    if (info2 & STARTS_THREE) {
      const three = PHRASE_TABLE.get(pair(pair(h2, h1), w));
      if (three !== 0) (lexicon |= three, lexiconWords += 3);
    }
    info2 = info1;
    info1 = info;
    h2 = h1;
    h1 = w;
    start = -1;
  }
  // Chinese and Japanese write without spaces: about two characters to a word.
  return {
    words: cjk > 0 ? Math.max(n, Math.round(cjk / 2)) : n,
    stops: cjk > len / 3 ? 0.3 : n ? stops / n : 0,
    caps: lettered ? caps / lettered : 0,
    ascii,
    marks,
    glue,
    lexicon,
    lexiconWords: Math.min(lexiconWords, n),
    lexiconFirst,
    numbers,
    innerCaps,
    terms,
    digits: alnum ? digitChars / alnum : 0,
    sentences,
    commas,
    punctuation: len ? punct / len : 0,
    fold: fold & (FOLD_NON_ASCII | FOLD_TYPOGRAPHIC | FOLD_UNSTABLE),
    spaces: doubleSpace || (fold & FOLD_SPACE) !== 0,
  };
}

const PLAIN = chars.TYPOGRAPHIC_PLAIN;
const TYPOGRAPHIC = new RegExp(`[${Object.keys(PLAIN).join("")}]`, "g");
/**
 * `normalise` for a line whose white space is already collapsed: the same result, fewer passes.
 * `fold` is `WordStats.fold` of the line, or of a longer line it ends (a line less its bullet): most
 * lines need no normalising pass (their characters are all ones NFKC leaves alone) and hold no
 * typographic quote or dash.
 */
export function foldLine(t: string, fold: number): string {
  if ((fold & FOLD_NON_ASCII) === 0) return t.toLowerCase().trim();
  if ((fold & FOLD_UNSTABLE) === 0) {
    // Lower-casing and the quote folding make no space: the white space stays collapsed.
    const out = t.toLowerCase();
    return ((fold & FOLD_TYPOGRAPHIC) !== 0 ? out.replace(TYPOGRAPHIC, (ch) => PLAIN[ch]!) : out).trim();
  }
  // NFKC may make spaces ("¨" reads " ̈"; a wide space, a plain one).
  const out = t.normalize("NFKC").toLowerCase().replace(TYPOGRAPHIC, (ch) => PLAIN[ch]!);
  return out.includes("  ") ? out.replace(/ {2,}/g, " ").trim() : out.trim();
}

/** Ends with "..." or "…" (read from the end, no scan). */
export function endsWithEllipsis(text: string): boolean {
  const n = text.length;
  // Never read before the start: that deoptimises the callers V8 has inlined this into.
  const c = n > 0 ? text.charCodeAt(n - 1) : 0;
  return c === 0x2026 || (c === 46 && n >= 3 && text.charCodeAt(n - 2) === 46 && text.charCodeAt(n - 3) === 46);
}

export const SENTENCE_END = /[.!?…]["'”’)\]]*(\s|$)/u;
/** . ! ? and their CJK forms. */
const isSentenceMark = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
/** " ' ” ’ ) ] 」 』 */
const isCloser = (c: number): boolean => c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 0x300d || c === 0x300f;

/** Ends with sentence punctuation, perhaps inside closing quotes or brackets (read from the end, no scan). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--;
  return i >= 0 && isSentenceMark(text.charCodeAt(i));
}

/** Running prose: enough words, sentence punctuation, and the function words real sentences carry. */
export function proseShape(words: number, stops: number, caps: number, text: string): boolean {
  if (words < 10) return false;
  if (!endsSentence(text) && !(words >= 20 && SENTENCE_END.test(text))) return false;
  return stops >= 0.15 && caps <= 0.6;
}

/** A full stop after a lower-case word, then a capital: a new sentence ("U.S. Envoy" and "Why? Here's" are not). */
function hasInnerSentence(t: string): boolean {
  // The full stops and exclamation marks from the third character on, in order, by native search.
  let dot = t.indexOf(".", 2), bang = t.indexOf("!", 2);
  while (dot >= 0 || bang >= 0) {
    let p: number;
    if (bang < 0 || (dot >= 0 && dot < bang)) (p = dot), (dot = t.indexOf(".", dot + 1));
    else (p = bang), (bang = t.indexOf("!", bang + 1));
    if (p >= t.length - 2) break;
    if ((charClass(t.charCodeAt(p - 1)) & LOWER) === 0 || (charClass(t.charCodeAt(p - 2)) & LOWER) === 0) continue;
    // A title before a name is no sentence end: "Rep. Ilhan Omar", "Gov. Newsom", "Capt. Smith".
    let w = p - 1;
    while (w > 0 && (charClass(t.charCodeAt(w - 1)) & LETTER) !== 0) w--;
    if (p - w <= 4 && (charClass(t.charCodeAt(w)) & UPPER) !== 0) continue;
    let q = p + 1;
    const quote = t.charCodeAt(q);
    if (quote === 34 || quote === 39 || quote === 0x201d || quote === 0x2019) q++;
    const gap = q;
    while (q < t.length && (t.charCodeAt(q) === 32 || t.charCodeAt(q) === 10)) q++;
    if (q > gap && q < t.length && (charClass(t.charCodeAt(q)) & UPPER) !== 0) return true;
  }
  return false;
}

/** A headline or subheading: a handful of words, no sentence inside, not a label ending in a colon. */
export function headlineShape(words: number, text: string): boolean {
  if (words < 3 || words > 30) return false;
  if (hasInnerSentence(text)) return false;
  const last = text[text.length - 1];
  return last !== ":" && last !== ";" && last !== ",";
}

const DATE_OR_TIME =
  /^(?:(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2}?,?\s*\d{0,4}(?:[\s,|]+\d{1,2}[:.]\d{2}.*)?$|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}:\d{2})/i;
/** "3 hours ago": tested only on lines ending so, the pattern is not anchored at the start. */
const AGO = /\bago$/;

export function isDateOrTime(norm: string): boolean {
  return (mayOpenDate(norm.charCodeAt(0)) && DATE_OR_TIME.test(norm)) || (norm.endsWith("ago") && AGO.test(norm));
}

/** DATE_OR_TIME opens with a digit, or a weekday's or a month's first letter (a d f j m n o s t w). */
function mayOpenDate(c: number): boolean {
  if (c >= 48 && c <= 57) return true;
  const l = c | 32;
  return l === 97 || l === 100 || l === 102 || l === 106 || l === 109 || l === 110 || l === 111 || l === 115 || l === 116 || l === 119;
}

/** A bullet opening the line (• · ▪ ● ◦ ‣ ⁃): a menu or list entry. */
export function opensWithBullet(t: string): boolean {
  const c = t.charCodeAt(0);
  return c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25cf || c === 0x25e6 || c === 0x2023 || c === 0x2043;
}

const CAPPED_WORD = /^["'“‘(]?[\p{Lu}\p{N}$]/u;
const SENTENCE_BREAK = /[.!]\s/;
/** Characters that may end a headline glued to the next text: closing punctuation (letters and digits by class). */
function isGlueEnd(c: number): boolean {
  return c === 63 || c === 33 || c === 39 || c === 34 || c === 41 || c === 0x2019 || c === 0x201d;
}

/**
 * Where a headline's last character meets the teaser's first word without a space, or -1:
 * "SteakhouseA party", "MondayYou can", "To 250,000The state".
 */
function glueAt(text: string, limit: number): number {
  const end = Math.min(text.length - 2, limit);
  let prev = text.charCodeAt(0);
  let prevClass = CLASS[prev] || charClass(prev);
  for (let j = 0; j < end; j++) {
    const c = text.charCodeAt(j + 1);
    const k = CLASS[c] || charClass(c);
    if (k & UPPER && ((prevClass & (LOWER | DIGIT)) !== 0 || isGlueEnd(prev))) {
      const d = text.charCodeAt(j + 2);
      // The teaser's first word: "Xy…", or the one-letter words "A" and "I".
      if ((CLASS[d] || charClass(d)) & LOWER || ((c === 65 || c === 73) && d === 32 && (prevClass & LOWER) !== 0)) return j;
    }
    prev = c;
    prevClass = k;
  }
  return -1;
}

/** A quotation mark that opens a quote: at the start or after a space ("to Her 'Ride or Die Partner'"). */
const OPENING_QUOTE = /(^|\s)['"‘“’”]/g;

/**
 * For a headline candidate `gluedTeaser` already holds of (`Line.glued`): whether it still holds with
 * the quotes opened after a space taken out. Such a quote is not a headline's closing mark meeting a
 * teaser ("Tribute to Her 'Ride or Die Partner' Steve Hawk" is one headline).
 */
export function gluedPastOpeningQuotes(text: string): boolean {
  return gluedTeaser(text.replace(OPENING_QUOTE, "$1"));
}

export function gluedTeaser(text: string): boolean {
  // A headline is short: a glue point past the first 200 characters is not a card's.
  const at = glueAt(text, 200);
  if (at < 12) return false;
  // "McPherson", "DeSantis", "LaGuardia": a short prefix is a name's own capital, not a glue.
  let w = at;
  while (w > 0 && (charClass(text.charCodeAt(w - 1)) & (LETTER | DIGIT)) !== 0) w--;
  if (at - w + 1 < 4 && (charClass(text.charCodeAt(at)) & LOWER) !== 0) return false;
  const head = text.slice(0, at + 1);
  if (SENTENCE_BREAK.test(head)) return false;
  const ws = head.split(" ");
  if (ws.length < 4) return false;
  let capped = 0;
  for (const w of ws) if (CAPPED_WORD.test(w)) capped++;
  if (capped / ws.length < 0.8) return false;
  // The teaser is a sentence or another headline, not the rest of a name ("Toyota 4Runner SUVs").
  let tail = 0;
  for (let i = at + 1; i < text.length && tail < 4; i++) if (text.charCodeAt(i) === 32) tail++;
  return tail >= 4;
}
