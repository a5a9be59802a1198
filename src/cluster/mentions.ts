// What an article says that pins down one event rather than a kind of event: the names it gives (people,
// organisations, places), the numbers it reports, and the days it mentions. Read from capitalisation and
// digits, not from a dictionary, so it works for any name.
import { STOP_WORDS } from "../text/words.ts";
import { charClass, LETTER as CHAR_LETTER, MARK as CHAR_MARK, table as charTable } from "../text/chars.ts";
import { stem } from "../text/tfidf.ts";
import type { ArticleTerms } from "../types.ts";
import { DAY, Ints, NAME, NUMBER, QUANTITY, RecordWriter, termHash, termTag, UNIT, WORD } from "./term-record.ts";

export interface Mentions {
  /** Content words (lower case, unstemmed), for the article's word vector. */
  words: string[];
  /** Proper-name tokens, lower case: "sarah", "palin", "wasilla". */
  names: string[];
  /** Numbers as written without thousands separators: "1000000", "6.1", "3:33". */
  numbers: string[];
  /** Days of a month the text names: "6-8" (June 8). */
  days: string[];
  /** Weekdays the lead names (bit w-1 for weekday w, 1 = Monday): when the event happened. */
  weekdays: number;
  /** Months the text names (bit m-1 for month m). */
  months: number;
  /** Years the text names (four digits, 1900-2099, written without a separator). */
  years: number[];
  /** How many of `words` come from the headline (they come first). */
  titleWords: number;
  /** Where in `words` each of the first LEAD_SENTENCES body sentences begins (and where the last ends). */
  sentenceStarts: number[];
  /** How many of `words` and of `names` come from the headline and the lead (the first LEAD_WORDS words). */
  leadWords: number;
  leadNames: number;
  /** Counts and amounts the opening states, with what they count: "3500 people" is { unit: "people", value: "3500" }. */
  quantities: Quantity[];
}

export interface Quantity {
  /** The word right after the number, lower case ("people", "year", "million"), or "%". */
  unit: string;
  value: string;
}

/** The lead: the headline and about the first two sentences of the body. */
export const LEAD_WORDS = 50;
/** Quantities are read from this many first body tokens: what the event's own report states first. */
export const QUANTITY_TOKENS = 120;
/** Body sentences read one by one, to compare two reports fact by fact. */
export const LEAD_SENTENCES = 3;

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_OF = new Map<string, number>();
MONTHS.forEach((m, i) => {
  MONTH_OF.set(m, i + 1);
  MONTH_OF.set(m.slice(0, 3), i + 1);
});
MONTH_OF.set("sept", 9);
const WEEKDAY_OF = new Map(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d, i) => [d, i + 1]));

// Capitalised words that are not names wherever they stand.
const NOT_NAMES = new Set([...MONTHS, ...WEEKDAY_OF.keys(), "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "prof", "st", "today", "yesterday", "tomorrow"]);

/** A token: a run of letters/digits (with inner apostrophes, dots or dashes between digits). Read by hand (TokenReader). */
export const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\d+(?:[.,:]\d+)*/gu;
/** Text between two tokens that ends a sentence or opens a quotation: what follows is capitalised anyway. */
const OPENERS = new Set(Array.from('.!?:;"“”‘—–•', (c) => c.charCodeAt(0)));
/** Abbreviations whose full stop does not end the sentence ("Gov. Sarah Palin", "Dr. Jones"). */
const TITLES = new Set(["mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "prof", "st", "lt", "col", "sgt", "capt", "rev", "hon", "pres", "supt", "det", "insp", "adm", "maj", "cmdr", "jr", "sr"]);

interface Gap {
  /** What lies between two tokens starts a new sentence or quotation: ". ", ": ", " - ", '"'. */
  opens: boolean;
  /** A sentence ends in it (. ! ? then white space). */
  endsSentence: boolean;
  /** Only a full stop and white space (as after "Gov."). */
  fullStopOnly: boolean;
}

const GAP: Gap = { opens: false, endsSentence: false, fullStopOnly: false };

/** Reads the text between two tokens without copying it (this runs for every word of every article). */
function readGap(text: string, from: number, to: number): Gap {
  let opens = false;
  let endsSentence = false;
  let stops = 0;
  let other = false;
  let pendingEnd = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0;
    if (OPENERS.has(c)) opens = true;
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

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** What readMentions needs to know of a word token (one that does not start with a digit), worked out once per spelling. */
interface WordToken {
  /** Lower case, without a possessive "'s". */
  lower: string;
  /** Its stem when it is a content word (at least 3 letters, not a stop word), else null. */
  stem: string | null;
  /** Capitalised. */
  upper: boolean;
  /** Capitalised and not a stop word or a word that is never a name: a name, or a sentence's first word. */
  nameLike: boolean;
  /** MONTH_OF and WEEKDAY_OF of `lower` (0: none). */
  month: number;
  weekday: number;
  /** Where WordTokens keeps its hashes (`hashesOf`): valid until the table is next emptied. */
  index: number;
}

function wordTokenOf(token: string): WordToken {
  const lower = lowerWithoutPossessive(token);
  const upper = isUpper(token[0]!);
  const stop = STOP_WORDS.has(lower);
  const stemmed = lower.length >= 3 && !stop ? stem(lower) : null;
  const nameLike = upper && !stop && !NOT_NAMES.has(lower) && lower.length >= 2;
  return {
    lower,
    stem: stemmed,
    upper,
    nameLike,
    month: MONTH_OF.get(lower) ?? 0,
    weekday: WEEKDAY_OF.get(lower) ?? 0,
    index: 0,
  };
}

/**
 * Word tokens by spelling, looked up where they lie in the text (hashed in place, as in vocabulary.ts):
 * news vocabulary repeats, so most tokens were seen before, and one lookup without a new string
 * replaces a dozen steps. Emptied when full: at 16,384 spellings it was emptied every ~400 bench
 * articles and made three times as many tokens again (163,000 against 55,000 over 4,000 articles).
 */
class WordTokens {
  private static readonly LIMIT = 1 << 16;
  /** Two numbers a slot side by side (one memory access finds both): the spelling's hash and its index (-1: free). */
  private readonly slots = new Int32Array(4 * WordTokens.LIMIT).fill(-1);
  private readonly spellings: string[] = [];
  private readonly tokens: WordToken[] = [];
  /**
   * Four numbers a token (at 4 × its index): its stem's hash and tag as a WORD term and its lower case's
   * as a NAME term (term-record.ts), worked out once per spelling (as object fields, 32-bit numbers would be boxed).
   */
  readonly hashes = new Int32Array(4 * WordTokens.LIMIT);

  get(text: string, from: number, to: number): WordToken {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    let at = h & mask;
    for (;;) {
      const k = slots[2 * at + 1]!;
      if (k < 0) break;
      if (slots[2 * at] === h) {
        const s = this.spellings[k]!;
        if (s.length === to - from && text.startsWith(s, from)) return this.tokens[k]!;
      }
      at = (at + 1) & mask;
    }
    if (this.spellings.length >= WordTokens.LIMIT) {
      slots.fill(-1);
      this.spellings.length = 0;
      this.tokens.length = 0;
      return this.get(text, from, to);
    }
    const spelling = text.slice(from, to);
    const token = wordTokenOf(spelling);
    token.index = this.spellings.length;
    const k = 4 * token.index;
    if (token.stem !== null) {
      this.hashes[k] = termHash(WORD, token.stem);
      this.hashes[k + 1] = termTag(WORD, token.stem);
    }
    if (token.nameLike) {
      this.hashes[k + 2] = termHash(NAME, token.lower);
      this.hashes[k + 3] = termTag(NAME, token.lower);
    }
    slots[2 * at] = h;
    slots[2 * at + 1] = this.spellings.length;
    this.spellings.push(spelling);
    this.tokens.push(token);
    return token;
  }
}

const wordTokens = new WordTokens();

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
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : c >= 48 && c <= 57 ? DIGIT : OTHER;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const pair = text.slice(i, i + 2);
      return PAIR + (IS_LETTER.test(pair) ? LETTER : IS_MARK.test(pair) ? MARK : OTHER);
    }
  }
  if (c >= 0xd800 && c <= 0xdfff) return OTHER;
  const bits = charTable[c] || charClass(c);
  return bits & CHAR_LETTER ? LETTER : bits & CHAR_MARK ? MARK : OTHER;
}

/**
 * The tokens TOKEN matches, found by hand (no match object and no string per token): `next` finds the
 * one at or after `from` and sets `start` and `end` (false when there is none); `number` says which kind.
 */
class TokenReader {
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
        const c = text.charCodeAt(i);
        if ((c === 46 || c === 44 || c === 58) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i++;
        else break;
      }
      this.end = i;
      return true;
    }
    this.number = false;
    i += 1 + (p >> 3);
    while (i < n) {
      p = pointClass(text, i);
      k = p & 7;
      if (k !== LETTER && k !== MARK) break;
      i += 1 + (p >> 3);
    }
    // Then any number of apostrophe and letters (letters only: no marks after an apostrophe).
    for (;;) {
      const c = text.charCodeAt(i);
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

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether `s` is one or two digits. */
function dayDigits(s: string): boolean {
  const n = s.length;
  if (n < 1 || n > 2) return false;
  const a = s.charCodeAt(0);
  const b = n === 2 ? s.charCodeAt(1) : 48;
  return a >= 48 && a <= 57 && b >= 48 && b <= 57;
}

/**
 * Reads the mentions of one article. `title` is read for words only: headlines capitalise every word.
 * A capitalised word at a sentence start counts as a name only when the article also capitalises it
 * mid-sentence.
 */
export function readMentions(title: string, paragraphs: readonly string[]): Mentions {
  return read(title, paragraphs, false);
}

/** The word tokens behind `words` and `names`, one for each entry (for articleTerms). */
interface Refs {
  /** Hash and tag of each word, then of each name, side by side. */
  words: Ints;
  names: Ints;
}

/** As readMentions; `stemmed`: `words` holds each word's stem; `refs`: filled with the tokens behind words and names. */
function read(title: string, paragraphs: readonly string[], stemmed: boolean, refs?: Refs): Mentions {
  const words: string[] = [];
  const numbers: string[] = [];
  const days: string[] = [];
  const years: number[] = [];
  let weekdays = 0;
  let months = 0;
  const inner = new Set<string>();
  /** Words the article writes in lower case somewhere: common words, not names. */
  const lowered = new Set<string>();
  const names: string[] = [];
  const initial: Array<{ name: string; at: number }> = [];
  const nameRefs = refs ? new Ints() : null;
  const hashes = wordTokens.hashes;
  let leadWords = -1;
  let leadNames = -1;
  let bodyTokens = 0;
  const quantities: Quantity[] = [];
  /** A number of the opening whose unit may be the next token. */
  let pending: string | null = null;
  const t = new TokenReader();
  addWords(title, words, stemmed, t, refs);
  const titleWords = words.length;
  const sentenceStarts: number[] = [titleWords];
  for (const paragraph of paragraphs) {
    if (sentenceStarts.length <= LEAD_SENTENCES && words.length > sentenceStarts[sentenceStarts.length - 1]!) sentenceStarts.push(words.length);
    let last = 0;
    let prevLower = "";
    pending = null;
    for (let from = 0; t.next(paragraph, from); from = t.end) {
      const at = t.start;
      const end = t.end;
      const word = t.number ? null : wordTokens.get(paragraph, at, end);
      if (++bodyTokens === LEAD_WORDS) {
        leadWords = words.length;
        leadNames = names.length;
      }
      const gap = readGap(paragraph, last, at);
      if (pending !== null) {
        const unit = unitAfter(paragraph, last, at, word);
        if (unit) quantities.push({ unit, value: pending });
        pending = null;
      }
      last = end;
      // A sentence ends at . ! ? before white space (an initial or "Mr." may split one in two: harmless here).
      if (sentenceStarts.length <= LEAD_SENTENCES && gap.endsSentence && words.length > sentenceStarts[sentenceStarts.length - 1]!) sentenceStarts.push(words.length);
      if (word === null) {
        const token = paragraph.slice(at, end);
        const n = token.replace(/,/g, "").replace(/\.$/, "");
        numbers.push(n);
        // "June 8": a day of a month.
        const month = MONTH_OF.get(prevLower);
        const day = Number(n);
        if (month && Number.isInteger(day) && day >= 1 && day <= 31) days.push(`${month}-${day}`);
        const year = /^(?:19|20)\d\d$/.test(token);
        if (year) years.push(Number(token));
        if (!year && !month && bodyTokens <= QUANTITY_TOKENS) pending = n;
        prevLower = n;
        continue;
      }
      const lower = word.lower;
      const monthBefore = word.month !== 0 && dayDigits(prevLower) ? word.month : 0;
      if (monthBefore) days.push(`${monthBefore}-${Number(prevLower)}`);
      const named = word.upper ? word.month : 0;
      if (named && lower !== "may" && lower !== "mar") months |= 1 << (named - 1);
      else if (named && (/^\d/.test(prevLower) || /^\s*\d/.test(paragraph.slice(last, last + 4)))) months |= 1 << (named - 1);
      const weekday = word.weekday;
      if (weekday && bodyTokens <= 2 * LEAD_WORDS) weekdays |= 1 << (weekday - 1);
      const before = prevLower;
      prevLower = lower;
      if (!word.upper) lowered.add(lower);
      if (word.stem !== null) {
        words.push(stemmed ? word.stem : lower);
        refs?.words.push(hashes[4 * word.index]!);
        refs?.words.push(hashes[4 * word.index + 1]!);
      }
      if (!word.nameLike) continue;
      nameRefs?.push(hashes[4 * word.index + 2]!);
      nameRefs?.push(hashes[4 * word.index + 3]!);
      const afterTitle = TITLES.has(before) && gap.fullStopOnly;
      if (at === 0 || (gap.opens && !afterTitle)) {
        initial.push({ name: lower, at: names.length });
        names.push("");
      } else {
        inner.add(lower);
        names.push(lower);
      }
    }
  }
  // Sentence-initial capitals are names when the article capitalises the word mid-sentence too, or never
  // writes it in lower case (a short report may name "Clijsters" only at the start of sentences).
  for (const { name, at } of initial) if (inner.has(name) || !lowered.has(name)) names[at] = name;
  const lead = names.slice(0, leadNames < 0 ? names.length : leadNames).filter((n) => n !== "").length;
  if (refs && nameRefs) {
    names.forEach((n, k) => {
      if (n === "") return;
      refs.names.push(nameRefs.data[2 * k]!);
      refs.names.push(nameRefs.data[2 * k + 1]!);
    });
  }
  return { words, names: names.filter((n) => n !== ""), numbers, days, weekdays, months, years, titleWords, sentenceStarts: closeSentences(sentenceStarts, words.length), leadWords: leadWords < 0 ? words.length : leadWords, leadNames: lead, quantities };
}

/**
 * What the number just read counts: "%" when a per cent sign follows it, else the next word when only
 * spaces or a hyphen stand between ("12 people", "92-year-old", "36m"); nothing for a number that ends a
 * sentence or is followed by another number or by a month ("8 June" is a day, not a count).
 */
function unitAfter(text: string, from: number, to: number, next: WordToken | null): string | null {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 37) return "%";
    if (c !== 32 && c !== 45 && c !== 0xa0) return null;
  }
  if (next === null) return null;
  const lower = next.lower;
  if (MONTH_OF.has(lower) || STOP_WORDS.has(lower)) return null;
  return lower;
}

/** A token in lower case without its possessive "'s": "Palin's" is "palin". */
function lowerWithoutPossessive(token: string): string {
  const lower = token.toLowerCase();
  return lower.endsWith("'s") || lower.endsWith("’s") ? lower.slice(0, -2) : lower;
}

function addWords(text: string, out: string[], stemmed: boolean, t: TokenReader, refs: Refs | undefined): void {
  for (let from = 0; t.next(text, from); from = t.end) {
    if (t.number) continue;
    const word = wordTokens.get(text, t.start, t.end);
    if (word.stem === null) continue;
    out.push(stemmed ? word.stem : word.lower);
    refs?.words.push(wordTokens.hashes[4 * word.index]!);
    refs?.words.push(wordTokens.hashes[4 * word.index + 1]!);
  }
}

/** The sentence starts, ending with where the last counted sentence ends. */
function closeSentences(starts: number[], total: number): number[] {
  const out = starts.slice(0, LEAD_SENTENCES + 1);
  if (out.length <= LEAD_SENTENCES) out.push(total);
  return out;
}

const writer = new RecordWriter();
const wordPairs = new Ints();
const namePairs = new Ints();

/** The mentions of one article in the compact form a dated article carries (see `ArticleTerms`, term-record.ts). */
export function articleTerms(title: string, paragraphs: readonly string[]): ArticleTerms {
  const refs: Refs = { words: wordPairs, names: namePairs };
  wordPairs.length = 0;
  namePairs.length = 0;
  const m = read(title, paragraphs, true, refs);
  const w = writer;
  w.start();
  const words = new Int32Array(refs.words.length / 2);
  for (let k = 0; k < words.length; k++) words[k] = w.term(refs.words.data[2 * k]!, refs.words.data[2 * k + 1]!);
  const names = new Int32Array(refs.names.length / 2);
  for (let k = 0; k < names.length; k++) names[k] = w.term(refs.names.data[2 * k]!, refs.names.data[2 * k + 1]!);
  const numbers = Int32Array.from(m.numbers, (n) => w.term(termHash(NUMBER, n), termTag(NUMBER, n)));
  const days = Int32Array.from(m.days, (d) => w.term(termHash(DAY, d), termTag(DAY, d)));
  // Each quantity ("unit=value", the unit stemmed) once, with its unit.
  const quantities: number[] = [];
  const units: number[] = [];
  for (const q of m.quantities) {
    const unit = stem(q.unit);
    const text = `${unit}=${q.value}`;
    const id = w.term(termHash(QUANTITY, text), termTag(QUANTITY, text));
    if (quantities.includes(id)) continue;
    quantities.push(id);
    units.push(w.term(termHash(UNIT, unit), termTag(UNIT, unit)));
  }
  const wordCount = words.length;
  const nameCount = names.length;
  const run = (ids: ArrayLike<number>, from: number, to: number) => {
    for (let k = from; k < to; k++) w.add(ids[k]!, 1);
  };
  const titleWords = Math.min(m.titleWords, wordCount);
  w.open();
  run(words, 0, titleWords);
  // The headline counts twice: it states the event in the fewest words.
  w.open();
  run(words, 0, titleWords);
  run(words, 0, wordCount);
  w.open();
  run(words, 0, Math.min(m.leadWords, wordCount));
  w.open();
  run(names, 0, nameCount);
  w.open();
  run(names, 0, Math.min(m.leadNames, nameCount));
  w.open();
  run(numbers, 0, numbers.length);
  w.open();
  run(quantities, 0, quantities.length);
  w.open();
  run(units, 0, units.length);
  w.open();
  run(units, 0, units.length);
  w.open();
  run(days, 0, days.length);
  w.open();
  run(m.years, 0, m.years.length);
  for (let k = 0; k + 1 < m.sentenceStarts.length; k++) {
    const from = Math.min(m.sentenceStarts[k]!, wordCount);
    const to = Math.min(Math.max(m.sentenceStarts[k + 1]!, from), wordCount);
    w.open();
    run(words, from, to);
  }
  return w.finish(m.weekdays, m.months);
}
