// The one reader of the names and numbers a text gives, for the clustering (src/cluster/mentions.ts, an
// article at a time, through a word table of its own for speed) and the summaries' same-fact model
// (src/summarise/same-fact.ts, a story's sentences). The rules, written once here:
// - tokens: runs of letters (inner apostrophes: "O'Neill", "Palin's"), or of digits with inner . , : ("6.1",
//   "2,000", "3:33"); "92-year-old" is 92, year, old;
// - a name is a capitalised word of two letters or more that is no stop word and never a name wherever it
//   stands (months, weekdays, titles such as "Mr", "today"), lower-cased, without a possessive "'s";
// - a capitalised word opening a sentence or a quotation ("Police said", "“Doctors…") is a name only when the
//   text read with it capitalises it mid-sentence too, or never writes it in lower case; a full stop after a
//   title ("Gov. Sarah Palin") ends no sentence;
// - a number is as written without thousands separators ("2,000" is "2000").
import { STOP_WORDS } from "./words.ts";
import { charClass, LETTER as CHAR_LETTER, MARK as CHAR_MARK, table as charTable } from "./chars.ts";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** The month a word names (1-12), by its lower case: full names, three-letter abbreviations and "sept". */
export const MONTH_OF: ReadonlyMap<string, number> = new Map([...MONTHS.flatMap((m, i) => [[m, i + 1], [m.slice(0, 3), i + 1]] as [string, number][]), ["sept", 9]]);
/** The weekday a word names (1 = Monday), by its lower case. */
export const WEEKDAY_OF: ReadonlyMap<string, number> = new Map(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d, i) => [d, i + 1]));

// Capitalised words that are not names wherever they stand.
const NOT_NAMES = new Set([...MONTHS, ...WEEKDAY_OF.keys(), "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "prof", "st", "today", "yesterday", "tomorrow"]);

/** A token: a run of letters/digits (with inner apostrophes, dots or dashes between digits). Read by hand (TokenReader). */
export const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\d+(?:[.,:]\d+)*/gu;
/** Text between two tokens that ends a sentence or opens a quotation: what follows is capitalised anyway. */
const OPENERS = new Set(Array.from('.!?:;"“”‘—–•', (c) => c.charCodeAt(0)));
/** Abbreviations whose full stop does not end the sentence ("Gov. Sarah Palin", "Dr. Jones"). */
const TITLES = new Set(["mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "prof", "st", "lt", "col", "sgt", "capt", "rev", "hon", "pres", "supt", "det", "insp", "adm", "maj", "cmdr", "jr", "sr"]);

/** What a word token (one that does not start with a digit) is to the reader, by its spelling. */
export interface WordReading {
  /** Lower case, without a possessive "'s". */
  lower: string;
  /** Capitalised. */
  upper: boolean;
  stop: boolean;
  /** Capitalised and not a stop word or a word that is never a name: a name, or a sentence's first word. */
  nameLike: boolean;
  /** A title whose full stop ends no sentence ("Gov."). */
  title: boolean;
  /** MONTH_OF and WEEKDAY_OF of `lower` (0: none). */
  month: number;
  weekday: number;
}

export function readWord(token: string): WordReading {
  const lower = lowerWithoutPossessive(token);
  const upper = isUpper(token[0]!);
  const stop = STOP_WORDS.has(lower);
  const nameLike = upper && !stop && !NOT_NAMES.has(lower) && lower.length >= 2;
  return { lower, upper, stop, nameLike, title: TITLES.has(lower), month: MONTH_OF.get(lower) ?? 0, weekday: WEEKDAY_OF.get(lower) ?? 0 };
}

/** A token in lower case without its possessive "'s": "Palin's" is "palin". */
function lowerWithoutPossessive(token: string): string {
  const lower = token.toLowerCase();
  return lower.endsWith("'s") || lower.endsWith("’s") ? lower.slice(0, -2) : lower;
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** A number token's value: as written without thousands separators (a token never ends with a full stop). */
export function numberValue(token: string): string {
  return token.indexOf(",") < 0 ? token : token.replace(/,/g, "");
}

/**
 * Whether a name-like word is a name: always mid-sentence; opening a sentence, when the text read with it
 * capitalises it mid-sentence too, or never writes it in lower case (a short report may name "Clijsters"
 * only at the start of sentences).
 */
export function isName(opensSentence: boolean, capitalisedInside: boolean, writtenLower: boolean): boolean {
  return !opensSentence || capitalisedInside || !writtenLower;
}

/** Whether a token opens a sentence or quotation: the text's first, or after a gap that opens one (not a title's full stop). */
export function opensSentence(at: number, gap: Gap, afterTitle: boolean): boolean {
  return at === 0 || (gap.opens && !(afterTitle && gap.fullStopOnly));
}

export interface Gap {
  /** What lies between two tokens starts a new sentence or quotation: ". ", ": ", " - ", '"'. */
  opens: boolean;
  /** A sentence ends in it (. ! ? then white space). */
  endsSentence: boolean;
  /** Only a full stop and white space (as after "Gov."). */
  fullStopOnly: boolean;
}

const GAP: Gap = { opens: false, endsSentence: false, fullStopOnly: false };

/** Reads the text between two tokens without copying it (this runs for every word of every article); the answer is reused by the next call. */
export function readGap(text: string, from: number, to: number): Gap {
  let opens = false;
  let endsSentence = false;
  let stops = 0;
  let other = false;
  let pendingEnd = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
    if (opener(c)) opens = true;
    if (c === 45 && i > from && i + 1 < to && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i + 1) === 32) opens = true;
    if (c === 46 || c === 33 || c === 63) pendingEnd = true;
    else if (space && pendingEnd) endsSentence = true;
    else if (!space && c !== 34 && c !== 39 && c !== 0x201d && c !== 0x2019 && c !== 41) pendingEnd = false;
    if (c === 46) stops++;
    else if (!space) other = true;
  }
  GAP.opens = opens;
  GAP.endsSentence = endsSentence;
  GAP.fullStopOnly = stops === 1 && !other && to - from > 1;
  return GAP;
}

/** True for the code units of OPENERS. */
function opener(c: number): boolean {
  return c < 0x80 ? OPENS[c] === 1 : c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2014 || c === 0x2013 || c === 0x2022;
}
const OPENS = new Uint8Array(0x80);
for (const c of OPENERS) if (c < 0x80) OPENS[c] = 1;
for (const c of OPENERS) if (c >= 0x80 && !opener(c)) throw new Error("names-numbers: opener() misses an opener");

/** What a code point is to TOKEN: LETTER (\p{L}), MARK (\p{M}), DIGIT (0-9) or OTHER. */
const OTHER = 1;
const LETTER = 2;
const MARK = 3;
const DIGIT = 4;
/** Added to pointClass's answer for a code point of two code units (a surrogate pair). */
const PAIR = 8;
const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;

/**
 * What the code point at `i` is, plus PAIR when it is a surrogate pair (read whole; a lone surrogate
 * is OTHER): `& 7` the class, `>> 3` the code units past one.
 */
function pointClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 0x80 ? ASCII_CLASS[c]! : wideClass(text, i, c);
}

/** pointClass of a code point beyond ASCII (kept out of pointClass, which is inlined into the token loops). */
function wideClass(text: string, i: number, c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return surrogateClass(text, i, c);
  const bits = charTable[c] || charClass(c);
  return bits & CHAR_LETTER ? LETTER : bits & CHAR_MARK ? MARK : OTHER;
}

/** pointClass of a surrogate code unit `c` at `i`: a pair read whole, a lone surrogate OTHER. */
function surrogateClass(text: string, i: number, c: number): number {
  if (c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const pair = text.slice(i, i + 2);
      return PAIR + (IS_LETTER.test(pair) ? LETTER : IS_MARK.test(pair) ? MARK : OTHER);
    }
  }
  return OTHER;
}

/** pointClass of each ASCII character. */
const ASCII_CLASS = new Uint8Array(0x80).map((_, c) => ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : c >= 48 && c <= 57 ? DIGIT : OTHER));

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The tokens TOKEN matches, found by hand (no match object and no string per token): `next` finds the
 * one at or after `from` and sets `start` and `end` (false when there is none); `number` says which kind.
 */
export class TokenReader {
  start = 0;
  end = 0;
  number = false;

  next(text: string, from: number): boolean {
    const n = text.length;
    let i = from;
    let k = OTHER;
    let p = OTHER;
    while (i < n) {
      p = pointClass(text, i);
      k = p & 7;
      if (k !== OTHER) break;
      i += 1 + (p >> 3);
    }
    if (i >= n) return false;
    this.start = i;
    if (k === DIGIT) {
      this.number = true;
      i++;
      for (;;) {
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        // Never read past the end: V8 compiles code that did out again.
        const c = i < n ? text.charCodeAt(i) : 0;
        if ((c === 46 || c === 44 || c === 58) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i++;
        else break;
      }
      this.end = i;
      return true;
    }
    this.number = false;
    i += 1 + (p >> 3);
    while (i < n) {
      // Most letters: ASCII ones, a-z or A-Z (bit 5 folds the capitals), read without their class.
      const c = text.charCodeAt(i);
      if (((c | 32) - 97) >>> 0 <= 25) {
        i++;
        continue;
      }
      p = c < 0x80 ? ASCII_CLASS[c]! : wideClass(text, i, c);
      k = p & 7;
      if (k !== LETTER && k !== MARK) break;
      i += 1 + (p >> 3);
    }
    // Then any number of apostrophe and letters (letters only: no marks after an apostrophe).
    for (;;) {
      const c = i < n ? text.charCodeAt(i) : 0;
      if (c !== 39 && c !== 0x2019) break;
      if (i + 1 >= n) break;
      p = pointClass(text, i + 1);
      if ((p & 7) !== LETTER) break;
      i += 2 + (p >> 3);
      for (p = i < n ? pointClass(text, i) : OTHER; i < n && (p & 7) === LETTER; p = i < n ? pointClass(text, i) : OTHER) i += 1 + (p >> 3);
    }
    this.end = i;
    return true;
  }
}

/** The tokens of `text` as TokenReader finds them (for tests: they are TOKEN's matches). */
export function tokens(text: string): string[] {
  const out: string[] = [];
  const t = new TokenReader();
  for (let from = 0; t.next(text, from); from = t.end) out.push(text.slice(t.start, t.end));
  return out;
}

// Number words as the digits they stand for, and ordinals as "11th" reads ("first" and "second" say too much
// else: "the first time", "second-degree"). Read for sentences only: the clustering's number terms are digits
// as written (its models were learned on them, and merging must not change).
const NUMBER_WORDS = new Map<string, string>([
  ["one", "1"], ["two", "2"], ["three", "3"], ["four", "4"], ["five", "5"], ["six", "6"], ["seven", "7"], ["eight", "8"], ["nine", "9"], ["ten", "10"],
  ["eleven", "11"], ["twelve", "12"], ["twenty", "20"], ["thirty", "30"], ["forty", "40"], ["fifty", "50"], ["hundred", "100"], ["thousand", "1000"],
  ["third", "3"], ["fourth", "4"], ["fifth", "5"], ["sixth", "6"], ["seventh", "7"], ["eighth", "8"], ["ninth", "9"], ["tenth", "10"], ["eleventh", "11"], ["twelfth", "12"],
]);

/** The digits a number word stands for ("seven": "7", "eleventh": "11"), by its lower case; undefined for any other word. */
export function numberWord(lower: string): string | undefined {
  return NUMBER_WORDS.get(lower);
}

/** The names and numbers of one sentence: each once, sorted. */
export interface SentenceMentions {
  names: string[];
  numbers: string[];
}

/**
 * Reads sentences' names and numbers as parts of one text (a story's sentences: what one outlet capitalises
 * mid-sentence tells whether another's sentence opens with a name). Number words count as numbers here.
 */
export class SentenceNames {
  /** Lower cases the text capitalises mid-sentence, and lower cases it writes in lower case. */
  private readonly inside = new Set<string>();
  private readonly lowered = new Set<string>();
  private readonly marks: Marks = { inside: this.inside, lowered: this.lowered };
  /** Each text's name-like words and numbers, read once. */
  private readonly parsed = new Map<string, Parsed>();

  /** `texts`: the whole text, a sentence or more each. */
  constructor(texts: Iterable<string>) {
    for (const text of texts) if (!this.parsed.has(text)) this.parsed.set(text, parse(text, this.marks));
  }

  /** The names and numbers of `sentence`, one of the text's (or read as if it were). */
  read(sentence: string): SentenceMentions {
    return mentionsOf(this.parsed.get(sentence) ?? parse(sentence, null), this.inside, this.lowered);
  }
}

/** The names and numbers of one sentence read alone: the sentence is the text the sentence-start rule reads. */
export function readSentence(sentence: string): SentenceMentions {
  const marks: Marks = { inside: new Set(), lowered: new Set() };
  return mentionsOf(parse(sentence, marks), marks.inside, marks.lowered);
}

/** What a text capitalises mid-sentence, and what it writes in lower case (lower cases both). */
interface Marks {
  inside: Set<string>;
  lowered: Set<string>;
}

/** The name-like words and numbers of `text`, in one pass; what it capitalises and writes in lower case goes into `marks`. */
function parse(text: string, marks: Marks | null): Parsed {
  const out: Parsed = { words: [], opens: [], numbers: [] };
  const t = TOKENS;
  let last = 0;
  let prevTitle = false;
  for (let from = 0; t.next(text, from); from = t.end) {
    const gap = readGap(text, last, t.start);
    last = t.end;
    if (t.number) {
      prevTitle = false;
      out.numbers.push(numberValue(text.slice(t.start, t.end)));
      continue;
    }
    const w = readingOf(text.slice(t.start, t.end));
    const opens = opensSentence(t.start, gap, prevTitle);
    prevTitle = w.title;
    if (marks) {
      if (!w.upper) marks.lowered.add(w.lower);
      else if (!opens && w.nameLike) marks.inside.add(w.lower);
    }
    const digits = numberWord(w.lower);
    if (digits !== undefined) out.numbers.push(digits);
    else if (w.nameLike) out.words.push(w.lower), out.opens.push(opens);
  }
  return out;
}

function mentionsOf(p: Parsed, inside: ReadonlySet<string>, lowered: ReadonlySet<string>): SentenceMentions {
  const names = new Set<string>();
  for (let k = 0; k < p.words.length; k++) {
    const lower = p.words[k]!;
    if (isName(p.opens[k]!, inside.has(lower), lowered.has(lower))) names.add(lower);
  }
  return { names: [...names].sort(), numbers: [...new Set(p.numbers)].sort() };
}

interface Parsed {
  /** Name-like words (lower case) and whether each opens a sentence. */
  words: string[];
  opens: boolean[];
  numbers: string[];
}

const TOKENS = new TokenReader();
/** Readings of the spellings met so far, for every SentenceNames (news vocabulary repeats); emptied when it holds MAX_READINGS. */
const READINGS = new Map<string, WordReading>();
const MAX_READINGS = 1 << 16;

function readingOf(token: string): WordReading {
  let w = READINGS.get(token);
  if (!w) {
    if (READINGS.size >= MAX_READINGS) READINGS.clear();
    READINGS.set(token, (w = readWord(token)));
  }
  return w;
}
