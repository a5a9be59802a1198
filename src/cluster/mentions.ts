// What an article says that pins down one event rather than a kind of event: the names it gives (people,
// organisations, places), the numbers it reports, and the days it mentions. Read from capitalisation and
// digits, not from a dictionary, so it works for any name.
import { isDigit, isName, numberValue, opensSentence, readGap, readWord, TokenReader, tokens, type WordReading } from "../text/names-numbers.ts";
import { stem } from "../text/tfidf.ts";
import type { ArticleTerms } from "../types.ts";
import { DAY, Ints, NAME, NUMBER, QUANTITY, RecordWriter, TermRecord, termHash, termTag, UNIT, WORD } from "./term-record.ts";

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

/** A word token's stem when it is a content word (at least 3 letters, not a stop word), else null. */
function stemOf(token: WordReading): string | null {
  return token.lower.length >= 3 && !token.stop ? stem(token.lower) : null;
}

/** A spelling's flags in the word table (entry field FLAGS, below its length): what readWord says, as bits. */
const UPPER = 1;
const NAME_LIKE = 2;
/** A content word: it has a stem. */
const STEMMED = 4;
/** Its lower case is a title whose full stop does not end a sentence (TITLES). */
const TITLE = 8;
const STOP = 16;
/** "may" or "mar": a month only next to a number. */
const MAY_MAR = 32;
const MONTH_SHIFT = 6;
const WEEKDAY_SHIFT = 10;
const FLAG_BITS = 13;

/**
 * An entry of the word table: 7 numbers and then the spelling's characters, two UTF-16 code units a
 * number (low half first), side by side, so one token's look-up reads one stretch of memory.
 */
const HEADER = 7;
/** The spelling's FNV-1a hash. */
const HASH = 0;
/** Its length << FLAG_BITS | its flags. */
const FLAGS = 1;
/** The id of its lower case (the same for "Church" and "church"), for the per-article sets of lower cases. */
const LOWER_ID = 2;
/** Its stem's hash and tag as a WORD term, its lower case's as a NAME term (term-record.ts). */
const WORD_HASH = 3;
const WORD_TAG = 4;
const NAME_HASH = 5;
const NAME_TAG = 6;
/** Longer spellings are worked out each time (in the entry past the last, without their characters) rather than kept. */
const LONGEST_KEPT = 1 << 12;
/** An entry of the lower-case table: its hash, length (not shifted: a lower case may be longer than LONGEST_KEPT), id, then its characters as above. */
const LOWER_HEADER = 3;
const LOWER_ID_FIELD = 2;

/**
 * The slot of `index` (open addressing, -1: free) that holds the entry of text[from, to), whose hash
 * is h, or else the free slot where it goes. An entry starts with the hash and the length << shift, and
 * its characters, two a number, start `chars` numbers in.
 */
function probe(index: Int32Array, entries: Int32Array, chars: number, shift: number, text: string, from: number, to: number, h: number): number {
  const mask = index.length - 1;
  const length = to - from;
  let at = h & mask;
  for (;;) {
    const base = index[at]!;
    if (base < 0) return at;
    if (entries[base + HASH] === h && entries[base + FLAGS]! >>> shift === length) {
      let i = 0;
      let k = base + chars;
      while (i + 1 < length && entries[k] === (text.charCodeAt(from + i) | (text.charCodeAt(from + i + 1) << 16))) {
        i += 2;
        k++;
      }
      if (i + 1 >= length && (i === length || entries[k] === text.charCodeAt(from + i))) return at;
    }
    at = (at + 1) & mask;
  }
}

/** Writes text[from, to) into entries from `at`, two code units a number; the number past the last. */
function putChars(entries: Int32Array, at: number, text: string, from: number, to: number): number {
  let i = from;
  for (; i + 1 < to; i += 2) entries[at++] = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
  if (i < to) entries[at++] = text.charCodeAt(i);
  return at;
}

/** Numbers an entry of `length` characters takes after its header. */
const charNumbers = (length: number): number => (length + 1) >> 1;

/**
 * Word tokens by spelling, looked up where they lie in the text (hashed in place, as in vocabulary.ts):
 * news vocabulary repeats, so most tokens were seen before, and one look-up without a new string
 * replaces a dozen steps. All a token's reading needs is in its entry (flags, ids, term hashes, and
 * its characters right after them, so that the compare reads the line the hash was read from): a token
 * costs a probe and a compare, no object or string. The hash index holds only where entries start, and
 * entries lie in the order spellings were first met, so the common words (met first) share a few cache
 * lines: with the entries in the index itself, 4 MB of them, the look-up was a cache miss per token, and
 * with the characters in an arena of their own, a third read. Emptied at the start of an article once it
 * holds 65,536 spellings, half its index (at 16,384 spellings it was emptied every ~400 bench articles and made three
 * times as many tokens again); an article with more distinct words grows it. Ids are valid for the
 * article being read.
 */
class WordTable {
  /** Slots of a fresh index (`size`; 1 << 17 for articles); the table is emptied once it holds half as many spellings. */
  private readonly size: number;
  /** Where each entry starts in `slots`, by hash (-1: a free slot), at most half full. */
  private index: Int32Array<ArrayBuffer>;
  /** The entries; HEADER more numbers than `used` always fit (the place of a spelling not kept). */
  slots: Int32Array<ArrayBuffer>;
  private count = 0;
  private used = 0;
  /** Where each lower case's entry starts in `lowerEntries`, by its hash (-1: a free slot), at most half full. */
  private lowerIndex: Int32Array<ArrayBuffer>;
  private lowerEntries: Int32Array<ArrayBuffer>;
  private lowerUsed = 0;
  /** Lower cases by id. */
  readonly lowers: string[] = [];
  /** Per lower case id: the article (`serial`) that wrote it in lower case, and that named it mid-sentence. */
  lowered: Int32Array<ArrayBuffer>;
  inner: Int32Array<ArrayBuffer>;
  serial = 0;

  constructor(size: number) {
    this.size = size;
    this.index = new Int32Array(size).fill(-1);
    this.lowerIndex = new Int32Array(size).fill(-1);
    this.slots = new Int32Array(8 * size);
    this.lowerEntries = new Int32Array(4 * size);
    this.lowered = new Int32Array(size / 2);
    this.inner = new Int32Array(size / 2);
  }

  /** Starts an article: its serial number marks its lower cases in `lowered` and `inner`. */
  begin(): void {
    if (2 * this.count >= this.size || this.serial === 0x7fffffff) {
      if (this.index.length === this.size) this.index.fill(-1);
      else this.index = new Int32Array(this.size).fill(-1);
      this.count = 0;
      this.used = 0;
      if (this.lowerIndex.length === this.size) this.lowerIndex.fill(-1);
      else this.lowerIndex = new Int32Array(this.size).fill(-1);
      this.lowerUsed = 0;
      this.lowers.length = 0;
      this.lowered.fill(0);
      this.inner.fill(0);
      this.serial = 0;
    }
    this.serial++;
  }

  /** The entry (index of its first number in `slots`) of the spelling text[from, to). */
  find(text: string, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h |= 0;
    const length = to - from;
    if (length > LONGEST_KEPT) {
      this.slots = room(this.slots, this.used + HEADER);
      return this.fill(this.used, text.slice(from, to), h);
    }
    const at = probe(this.index, this.slots, HEADER, FLAG_BITS, text, from, to, h);
    const found = this.index[at]!;
    if (found >= 0) return found;
    if (2 * (this.count + 1) > this.index.length) {
      this.index = rehash(this.index, this.slots, this.used, HEADER, FLAG_BITS);
      return this.find(text, from, to);
    }
    // Room for this entry and for the place of a spelling not kept after it.
    const slots = (this.slots = room(this.slots, this.used + 2 * HEADER + charNumbers(length)));
    const base = this.used;
    this.used = putChars(slots, base + HEADER, text, from, to);
    this.index[at] = base;
    this.count++;
    return this.fill(base, text.slice(from, to), h);
  }

  /** Works out the spelling's entry at `base` (all but its characters). */
  private fill(base: number, spelling: string, h: number): number {
    const token = readWord(spelling);
    const { lower } = token;
    const stemmed = stemOf(token);
    let flags = (token.month << MONTH_SHIFT) | (token.weekday << WEEKDAY_SHIFT);
    if (token.upper) flags |= UPPER;
    if (token.nameLike) flags |= NAME_LIKE;
    if (stemmed !== null) flags |= STEMMED;
    if (token.title) flags |= TITLE;
    if (token.stop) flags |= STOP;
    if (lower === "may" || lower === "mar") flags |= MAY_MAR;
    const slots = this.slots;
    slots[base + HASH] = h;
    slots[base + FLAGS] = (spelling.length << FLAG_BITS) | flags;
    slots[base + LOWER_ID] = this.lowerId(lower);
    if (stemmed !== null) {
      slots[base + WORD_HASH] = termHash(WORD, stemmed);
      slots[base + WORD_TAG] = termTag(WORD, stemmed);
    }
    if (token.nameLike) {
      slots[base + NAME_HASH] = termHash(NAME, lower);
      slots[base + NAME_TAG] = termTag(NAME, lower);
    }
    return base;
  }

  private lowerId(lower: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < lower.length; i++) h = Math.imul(h ^ lower.charCodeAt(i), 0x01000193);
    h |= 0;
    const at = probe(this.lowerIndex, this.lowerEntries, LOWER_HEADER, 0, lower, 0, lower.length, h);
    const found = this.lowerIndex[at]!;
    if (found >= 0) return this.lowerEntries[found + LOWER_ID_FIELD]!;
    const id = this.lowers.length;
    this.lowers.push(lower);
    if (id >= this.lowered.length) {
      const size = 2 * this.lowered.length;
      const [lowered, inner] = [new Int32Array(size), new Int32Array(size)];
      lowered.set(this.lowered);
      inner.set(this.inner);
      [this.lowered, this.inner] = [lowered, inner];
    }
    const entries = (this.lowerEntries = room(this.lowerEntries, this.lowerUsed + LOWER_HEADER + charNumbers(lower.length)));
    const base = this.lowerUsed;
    entries[base + HASH] = h;
    entries[base + FLAGS] = lower.length;
    entries[base + LOWER_ID_FIELD] = id;
    this.lowerUsed = putChars(entries, base + LOWER_HEADER, lower, 0, lower.length);
    this.lowerIndex[at] = base;
    if (2 * this.lowers.length > this.lowerIndex.length) this.lowerIndex = rehash(this.lowerIndex, entries, this.lowerUsed, LOWER_HEADER, 0);
    return id;
  }
}

/** `entries`, or a copy twice as large when it holds fewer than `size` numbers. */
function room(entries: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= entries.length) return entries;
  const grown = new Int32Array(2 * size);
  grown.set(entries);
  return grown;
}

/** An index twice as large over the entries entries[0 … used - 1] (each `header` numbers, its length << shift second, and its characters). */
function rehash(index: Int32Array, entries: Int32Array, used: number, header: number, shift: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(2 * index.length).fill(-1);
  const mask = grown.length - 1;
  for (let base = 0; base < used; base += header + charNumbers(entries[base + FLAGS]! >>> shift)) {
    let at = entries[base + HASH]! & mask;
    while (grown[at]! >= 0) at = (at + 1) & mask;
    grown[at] = base;
  }
  return grown;
}

const table = new WordTable(1 << 17);

/**
 * Reads the mentions of one article. `title` is read for words only: headlines capitalise every word.
 * A capitalised word at a sentence start counts as a name only when the article also capitalises it
 * mid-sentence.
 */
export function readMentions(title: string, paragraphs: readonly string[]): Mentions {
  const s = scan(title, paragraphs);
  const lowers = table.lowers;
  const words: string[] = [];
  for (let k = 0; k < s.wordCount; k++) words.push(lowers[s.words.data[3 * k + 2]!]!);
  const names: string[] = [];
  let leadNames = 0;
  for (let k = 0; k < s.nameCount; k++) {
    if (!keptName(s, k)) continue;
    names.push(lowers[s.names.data[4 * k + 2]!]!);
    if (k < s.leadNames) leadNames++;
  }
  return {
    words,
    names,
    numbers: s.numbers.slice(),
    days: s.days.slice(),
    weekdays: s.weekdays,
    months: s.months,
    years: s.years.slice(),
    titleWords: s.titleWords,
    sentenceStarts: closeSentences(s.sentenceStarts, s.wordCount),
    leadWords: s.leadWords,
    leadNames,
    quantities: s.quantities.slice(),
  };
}

/** What `scan` reads of an article: words and names as the word table's entries, the rest as Mentions has it. Reused from article to article. */
class Scan {
  /** Per word: its WORD term's hash and tag, and its lower case's id. */
  words = new Ints();
  wordCount = 0;
  /** Per capitalised word that may be a name: its NAME term's hash and tag, its lower case's id, and 1 when it opens a sentence. */
  names = new Ints();
  nameCount = 0;
  numbers: string[] = [];
  days: string[] = [];
  years: number[] = [];
  quantities: Quantity[] = [];
  weekdays = 0;
  months = 0;
  titleWords = 0;
  sentenceStarts: number[] = [];
  leadWords = 0;
  /** How many of the name candidates come from the lead. */
  leadNames = 0;
}

const scanned = new Scan();

/** Whether name candidate k is a name (isName: the article is the text read with it). */
function keptName(s: Scan, k: number): boolean {
  const id = s.names.data[4 * k + 2]!;
  return isName(s.names.data[4 * k + 3] === 1, table.inner[id] === table.serial, table.lowered[id] === table.serial);
}

/** The article's words, names, numbers, days and quantities into `scanned` (its ids valid until the next article). */
function scan(title: string, paragraphs: readonly string[]): Scan {
  table.begin();
  const s = scanned;
  s.words.length = 0;
  s.names.length = 0;
  s.numbers.length = 0;
  s.days.length = 0;
  s.years.length = 0;
  s.quantities.length = 0;
  s.sentenceStarts.length = 0;
  const serial = table.serial;
  let weekdays = 0;
  let months = 0;
  let wordCount = 0;
  let nameCount = 0;
  let leadWords = -1;
  let leadNames = -1;
  let bodyTokens = 0;
  const t = new TokenReader();
  for (let from = 0; t.next(title, from); from = t.end) {
    if (t.number) continue;
    const base = table.find(title, t.start, t.end);
    const slots = table.slots;
    if ((slots[base + FLAGS]! & STEMMED) === 0) continue;
    s.words.push3(slots[base + WORD_HASH]!, slots[base + WORD_TAG]!, slots[base + LOWER_ID]!);
    wordCount++;
  }
  const titleWords = wordCount;
  const sentenceStarts = s.sentenceStarts;
  sentenceStarts.push(titleWords);
  for (const paragraph of paragraphs) {
    if (sentenceStarts.length <= LEAD_SENTENCES && wordCount > sentenceStarts[sentenceStarts.length - 1]!) sentenceStarts.push(wordCount);
    let last = 0;
    /** What the token before says (nothing at the paragraph's start): its month (a word), the day it is (a number of one or two digits), whether it is a number, whether a title ("Gov"). */
    let prevMonth = 0;
    let prevDay = -1;
    let prevNumber = false;
    let prevTitle = false;
    /** A number of the opening whose unit may be the next token. */
    let pending: string | null = null;
    for (let from = 0; t.next(paragraph, from); from = t.end) {
      const at = t.start;
      const end = t.end;
      const base = t.number ? -1 : table.find(paragraph, at, end);
      if (++bodyTokens === LEAD_WORDS) {
        leadWords = wordCount;
        leadNames = nameCount;
      }
      const gap = readGap(paragraph, last, at);
      if (pending !== null) {
        const unit = unitAfter(paragraph, last, at, base);
        if (unit) s.quantities.push({ unit, value: pending });
        pending = null;
      }
      last = end;
      // A sentence ends at . ! ? before white space (an initial or "Mr." may split one in two: harmless here).
      if (sentenceStarts.length <= LEAD_SENTENCES && gap.endsSentence && wordCount > sentenceStarts[sentenceStarts.length - 1]!) sentenceStarts.push(wordCount);
      if (base < 0) {
        const token = paragraph.slice(at, end);
        // Written without thousands separators (a token never ends with a full stop).
        const n = numberValue(token);
        s.numbers.push(n);
        // "June 8": a day of a month.
        const month = prevMonth;
        const day = Number(n);
        if (month && Number.isInteger(day) && day >= 1 && day <= 31) s.days.push(`${month}-${day}`);
        const year = isYear(token);
        if (year) s.years.push(Number(token));
        if (!year && !month && bodyTokens <= QUANTITY_TOKENS) pending = n;
        prevMonth = 0;
        prevDay = n.length <= 2 ? day : -1;
        prevNumber = true;
        prevTitle = false;
        continue;
      }
      const slots = table.slots;
      const flags = slots[base + FLAGS]!;
      const lowerId = slots[base + LOWER_ID]!;
      const month = (flags >> MONTH_SHIFT) & 15;
      if (month !== 0 && prevDay >= 0) s.days.push(`${month}-${prevDay}`);
      const upper = (flags & UPPER) !== 0;
      if (upper && month !== 0) {
        if ((flags & MAY_MAR) === 0) months |= 1 << (month - 1);
        else if (prevNumber || /^\s*\d/.test(paragraph.slice(last, last + 4))) months |= 1 << (month - 1);
      }
      const weekday = (flags >> WEEKDAY_SHIFT) & 7;
      if (weekday && bodyTokens <= 2 * LEAD_WORDS) weekdays |= 1 << (weekday - 1);
      const afterTitle = prevTitle;
      prevMonth = month;
      prevDay = -1;
      prevNumber = false;
      prevTitle = (flags & TITLE) !== 0;
      if (!upper) table.lowered[lowerId] = serial;
      if ((flags & STEMMED) !== 0) {
        s.words.push3(slots[base + WORD_HASH]!, slots[base + WORD_TAG]!, lowerId);
        wordCount++;
      }
      if ((flags & NAME_LIKE) === 0) continue;
      s.names.push3(slots[base + NAME_HASH]!, slots[base + NAME_TAG]!, lowerId);
      const opens = opensSentence(at, gap, afterTitle);
      if (!opens) table.inner[lowerId] = serial;
      s.names.push(opens ? 1 : 0);
      nameCount++;
    }
  }
  s.wordCount = wordCount;
  s.nameCount = nameCount;
  s.weekdays = weekdays;
  s.months = months;
  s.titleWords = titleWords;
  s.leadWords = leadWords < 0 ? wordCount : leadWords;
  s.leadNames = leadNames < 0 ? nameCount : leadNames;
  return s;
}

/** Four digits, 1900-2099. */
function isYear(token: string): boolean {
  if (token.length !== 4) return false;
  const a = token.charCodeAt(0);
  const b = token.charCodeAt(1);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigit(token.charCodeAt(2)) && isDigit(token.charCodeAt(3));
}

/**
 * What the number just read counts: "%" when a per cent sign follows it, else the next word when only
 * spaces or a hyphen stand between ("12 people", "92-year-old", "36m"); nothing for a number that ends a
 * sentence or is followed by another number or by a month ("8 June" is a day, not a count). `next`: the
 * next token's slot in the word table (-1: a number).
 */
function unitAfter(text: string, from: number, to: number, next: number): string | null {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 37) return "%";
    if (c !== 32 && c !== 45 && c !== 0xa0) return null;
  }
  if (next < 0) return null;
  const flags = table.slots[next + FLAGS]!;
  if ((flags >> MONTH_SHIFT) & 15 || flags & STOP) return null;
  return table.lowers[table.slots[next + LOWER_ID]!]!;
}

/** The sentence starts, ending with where the last counted sentence ends. */
function closeSentences(starts: number[], total: number): number[] {
  const out = starts.slice(0, LEAD_SENTENCES + 1);
  if (out.length <= LEAD_SENTENCES) out.push(total);
  return out;
}

const writer = new RecordWriter();
// Small at first: `prime` grows them (see there).
let wordIds = new Int32Array(16);
let nameIds = new Int32Array(4);
const numberIds = new Ints();
const dayIds = new Ints();

/** The writer's ids of `texts` as terms of `kind`, in order, into `into`. */
function termIds(w: RecordWriter, kind: number, texts: readonly string[], into: Ints): void {
  into.length = 0;
  into.room(texts.length);
  for (const text of texts) into.data[into.length++] = w.term(termHash(kind, text), termTag(kind, text));
}

/** The mentions of one article in the compact form a dated article carries (see `ArticleTerms`, term-record.ts). */
export function articleTerms(title: string, paragraphs: readonly string[]): ArticleTerms {
  const s = scan(title, paragraphs);
  const w = writer;
  w.start();
  const wordCount = s.wordCount;
  if (wordCount > wordIds.length) wordIds = new Int32Array(2 * wordCount);
  const words = wordIds;
  const wordData = s.words.data;
  for (let k = 0; k < wordCount; k++) words[k] = w.term(wordData[3 * k]!, wordData[3 * k + 1]!);
  if (s.nameCount > nameIds.length) nameIds = new Int32Array(2 * s.nameCount);
  const names = nameIds;
  const nameData = s.names.data;
  let nameCount = 0;
  let leadNames = 0;
  for (let k = 0; k < s.nameCount; k++) {
    if (!keptName(s, k)) continue;
    names[nameCount++] = w.term(nameData[4 * k]!, nameData[4 * k + 1]!);
    if (k < s.leadNames) leadNames++;
  }
  termIds(w, NUMBER, s.numbers, numberIds);
  termIds(w, DAY, s.days, dayIds);
  // Each quantity ("unit=value", the unit stemmed) once, with its unit.
  const quantities: number[] = [];
  const units: number[] = [];
  for (const q of s.quantities) {
    const unit = stem(q.unit);
    const text = `${unit}=${q.value}`;
    const id = w.term(termHash(QUANTITY, text), termTag(QUANTITY, text));
    if (quantities.includes(id)) continue;
    quantities.push(id);
    units.push(w.term(termHash(UNIT, unit), termTag(UNIT, unit)));
  }
  const titleWords = Math.min(s.titleWords, wordCount);
  w.open();
  w.add(words, 0, titleWords);
  // The headline counts twice: it states the event in the fewest words.
  w.open();
  w.add(words, 0, titleWords);
  w.add(words, 0, wordCount);
  w.open();
  w.add(words, 0, Math.min(s.leadWords, wordCount));
  w.open();
  w.add(names, 0, nameCount);
  w.open();
  w.add(names, 0, Math.min(leadNames, nameCount));
  w.open();
  w.add(numberIds.data, 0, numberIds.length);
  w.open();
  w.add(quantities, 0, quantities.length);
  w.open();
  w.add(units, 0, units.length);
  w.open();
  w.add(units, 0, units.length);
  w.open();
  w.add(dayIds.data, 0, dayIds.length);
  w.open();
  w.add(s.years, 0, s.years.length);
  const starts = closeSentences(s.sentenceStarts, wordCount);
  for (let k = 0; k + 1 < starts.length; k++) {
    const from = Math.min(starts[k]!, wordCount);
    const to = Math.min(Math.max(starts[k + 1]!, from), wordCount);
    w.open();
    w.add(words, from, to);
  }
  return w.finish(s.weekdays, s.months);
}

/** Each distinct term of run `run` of the record just written, once, to `visit`; how many there are. */
export type WrittenTerms = (run: number, visit: (hash: number, tag: number) => void) => number;

const writtenTerms: WrittenTerms = (run, visit) => writer.eachTermOf(run, visit);

/**
 * The article's terms and their key (DatedArticle.termsKey), made from the bytes just written rather than
 * decoded again. `readWritten` reads the record's terms while the writer still holds them (the copy step's
 * sketch of its WORDS run, src/pipeline/copies.ts): the writer is reused by the next article.
 */
export function articleTermsKeyed<T>(
  title: string,
  paragraphs: readonly string[],
  readWritten: (terms: WrittenTerms) => T,
): { terms: ArticleTerms; key: string; read: T } {
  const terms = articleTerms(title, paragraphs);
  return { terms, key: writer.key(), read: readWritten(writtenTerms) };
}

/**
 * Reads a made-up article once when the module loads, so that every branch of the reading (names, days,
 * months, quantities, other scripts) has run before V8 optimises it: optimised before a
 * branch ever ran, a function is thrown away when it first runs it and compiled again, and in a fresh
 * thread those compilations cost more than the first hundreds of articles they serve. Whatever this
 * leaves in the word table does not change what later articles read (as after any article).
 */
function prime(): void {
  const paragraphs = [
    "On Friday, June 8, 2012, Gov. Sarah Palin said 12 people and 9.5% of 1,000,000 voters met O’Neill's team at 3:33 pm.",
    "Mar 3 was cold, and 4 May too; the 92-year-old said a 6.1-magnitude quake hit on 8 March. Dr. Jones met Mr. Smith on Monday.",
    // A letter, a mark and a symbol of two code units, and a lone surrogate.
    "Москва и Київ: 東京で会議 𝐀𝐁𝐂 e\u0301te\u0301 \u{1d165}x 😀 \ud800 — “Quoted” Zürich, İstanbul… 3,500 fans, 36m and 2019.",
  ];
  // Read back too: a build that takes every article's terms from the cache reads records only (profile.ts).
  const record = new TermRecord();
  for (const title of ["Palin’s Church Damaged in May", "Ferry workers strike in Dover"]) record.load(articleTerms(title, paragraphs));
  // The word table's growth and emptying, which the shared table meets once in hundreds of articles: in a table of 8 slots.
  const small = new WordTable(8);
  for (let round = 0; round < 3; round++) {
    small.begin();
    for (const paragraph of paragraphs) for (const word of tokens(paragraph)) if (!isDigit(word.charCodeAt(0))) small.find(word, 0, word.length);
  }
}
prime();
