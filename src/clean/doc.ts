// The working document the cleaning rules read and mark: one entry per non-empty line of the scrape.
// Every feature a rule asks about is computed once per line (line-features.ts), so the rules stay
// linear and cheap.
import { Buffer } from "node:buffer";
import type { ArticleMeta, Message } from "../types.ts";
import * as features from "./line-features.ts";
import type { WordStats } from "./line-features.ts";
import { isBylineOrDate } from "./bylines.ts";
import { isDateOrNumberLine } from "./date-words.ts";
import { isTrimmedSpace } from "./chars.ts";
import { uint16Scratch } from "./scratch.ts";
import { lexiconEntries } from "./lexicon.ts";

// Bound once: under tsx every imported name is read through a getter on each use.
const { MARK_ARROW, MARK_PIPE, foldLine, gluedTeaser, headlineShape, isDateOrTime, opensWithBullet, proseShape, wordStats } = features;

export { MARK_ARROW, MARK_AT, MARK_COLON, MARK_COPYRIGHT, MARK_PIPE, MARK_SLASH, MARK_WWW, endsSentence, endsWithEllipsis, gluedTeaser } from "./line-features.ts";

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
  /** Running prose: enough words, sentence punctuation, and the function words real sentences carry. */
  prose: boolean;
  /** A headline glued to its teaser text ("…SteakhouseA party of six…"), as card links read in innerText. */
  glued: boolean;
  /** Shaped like a headline or subheading: 3–30 words and no sentence break inside. */
  headline: boolean;
  /** A date or time standing alone ("Nov 19, 2019 10:42", "2 hours ago"). */
  dated: boolean;
  /** A short line with a byline or a date in it ("By Jane Smith", "Updated Nov 13, 2019"). */
  bylineOrDate: boolean;
  /** A short line of dates, times and numbers, in any of the pages' languages ("Mi, 18. Oktober 2023 um 12:50 Uhr"). */
  dateOrNumber: boolean;
  /** Page chrome: one or two words, breadcrumb separators, a bullet, a date. */
  chrome: boolean;
  /** Which of the `MARK_*` characters the line contains: rules test these instead of scanning it. */
  marks: number;
  /** Furniture lexicon groups the line's words hit (`GROUP_BIT` in lexicon.ts), and how many words did. */
  lexicon: number;
  lexiconWords: number;
  lexiconFirst: number;
  /** Words that start with a digit. */
  numbers: number;
  /** Hashes of the line's content words (four letters or more, not function words). */
  terms: number[];
  /** Words with a capital after a lower-case letter inside them ("NewsRetail"): glued menus. */
  innerCaps: number;
  /** Share of digits among letters and digits; sentence marks; commas; punctuation per character. */
  digits: number;
  sentences: number;
  commas: number;
  punctuation: number;
  /** For a line read from HTML: what its element says about it. */
  dom: DomHints | null;
  /** Name of the rule that removed the line, or null while it is kept. */
  drop: string | null;
  /** How many lines of the page read the same (`norm`), for lines of 40 words or fewer; 1 for longer ones. */
  repeats: number;
}

/** What an HTML block's place in the page says about it (html-blocks.ts). */
export interface DomHints {
  /** Share of the block's characters inside links. */
  linkDensity: number;
  /** The block element: "p", "h" (h1–h6), "li", "td", "quote" (blockquote, pre), "other". */
  tag: "p" | "h" | "li" | "td" | "quote" | "other";
  /** Heading level 1–6, 0 for other blocks. */
  level: number;
  /** Ancestors whose class or id reads as content ("article", "post-body") and as furniture ("sidebar", "related"). */
  positive: number;
  negative: number;
  /** Inside <article>, <main>, role=main or itemprop=articleBody. */
  inArticle: boolean;
  /** Inside the element a content-density score picks as the article's (readability's idea). */
  inPicked: boolean;
  /** Inside a <header>, a <li>, a <table>. */
  inHeader: boolean;
  inList: boolean;
  inTable: boolean;
  /** Characters and link density of the block's parent element (its container). */
  containerChars: number;
  containerLinkDensity: number;
  /** Which element contains the block, and which contains that: blocks that share one are compared. */
  container: number;
  grand: number;
  /** Elements above the block element. */
  depth: number;
  /** Share of the page's text inside the block's container, and inside the container's parent. */
  containerShare: number;
  grandShare: number;
  grandLinkDensity: number;
  /** The block element, its container or the one above is named as furniture by its class or id. */
  nearNegative: boolean;
  /** Share of the block's words found in the page's JSON-LD articleBody; -1 when the page has none. */
  ldShare: number;
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
  /** The block model's log-odds that each line is article text, once the article was located. */
  scores: Float64Array | null;
  /** Why the page holds no article, when the block model found none. */
  noArticle: string | null;
  /** The run of lines where the block model puts most article text, [start, end): the article's core. */
  core: [number, number] | null;
  /** Weak lines inside the core that locate-article dropped but keep-sandwiched restores after the headline is found. */
  sandwiched: number[];
  /** Text dumps: prose lines above the run that reach the inner cut; keep-head restores those below the headline. */
  head: number[];
}

const BULLET = /^[\s•·▪●◦*‣⁃–—-]+\s*/u;
/** The white space other than a plain space that a line's text reads as one. */
const ODD_SPACES = String.raw`\u00a0\u2000-\u200b\u202f\u205f\u3000\t`;
const ODD_SPACE = new RegExp(String.raw`[${ODD_SPACES}]| {2}`);
/** A run of two or more spaces of any kind, or one odd space: each folds to a plain space. */
const SPACE_RUN = new RegExp(`[ ${ODD_SPACES}]{2,}|[${ODD_SPACES}]`, "g");

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The line without the bullet it opens with ("• ", "– "), trimmed. */
export function stripBullet(text: string): string {
  return text.replace(BULLET, "").trim();
}

/** BULLET matches only a line opening with one of its characters or white space (what `trim` removes). */
function mayOpenWithBullet(c: number): boolean {
  return c === 0x2022 || c === 0xb7 || c === 0x25aa || c === 0x25cf || c === 0x25e6 || c === 42 || c === 0x2023 || c === 0x2043 || c === 0x2013 || c === 0x2014 || c === 45 || isTrimmedSpace(c);
}

function tidy(text: string): string {
  return (ODD_SPACE.test(text) ? text.replace(SPACE_RUN, " ") : text).trim();
}

/**
 * The text as a string of its own (`makeDoc` says why): a trimmed or folded text is often a slice
 * of another, and the per-character scans run slower on every line once they have met slices.
 */
function copied(text: string): string {
  return Buffer.from(text, "utf16le").toString("utf16le");
}

export function makeLine(text: string, blankBefore: boolean, dom: DomHints | null = null): Line {
  const line = lineOf(copied(tidy(text)), blankBefore);
  line.dom = dom;
  return line;
}

function lineOf(t: string, blankBefore: boolean, stats: WordStats = wordStats(t)): Line {
  const line: Line = {
    text: t,
    // White space is already collapsed: plain ASCII only needs lower case.
    norm: stats.ascii && isAsciiAlnum(t.charCodeAt(0)) ? t.toLowerCase() : foldLine(mayOpenWithBullet(t.charCodeAt(0)) ? t.replace(BULLET, "") : t, stats.fold),
    words: stats.words,
    blankBefore,
    stops: stats.stops,
    caps: stats.caps,
    prose: false,
    // A headline glued to a sentence keeps a fifth of its words capitalised; running prose has fewer.
    glued: stats.glue && stats.caps >= 0.2 && gluedTeaser(t),
    marks: stats.marks,
    lexicon: stats.lexicon,
    lexiconWords: stats.lexiconWords,
    lexiconFirst: stats.lexiconFirst,
    numbers: stats.numbers,
    terms: stats.terms,
    innerCaps: stats.innerCaps,
    digits: stats.digits,
    sentences: stats.sentences,
    commas: stats.commas,
    punctuation: stats.punctuation,
    dom: null,
    repeats: 1,
    headline: false,
    dated: false,
    bylineOrDate: false,
    dateOrNumber: false,
    chrome: false,
    drop: null,
  };
  line.prose = proseShape(line.words, line.stops, line.caps, t);
  line.headline = headlineShape(line.words, t);
  // An empty `norm` (a bullet alone) is no date; the test would read past its end.
  line.dated = line.norm.length > 0 && isDateOrTime(line.norm);
  if (line.words <= 15) {
    line.bylineOrDate = isBylineOrDate(t, stats.digits > 0);
    // A date or number line has a digit, but for two month or day names standing alone.
    line.dateOrNumber = line.words <= 14 && (stats.digits > 0 || line.words <= 3) && isDateOrNumberLine(t);
  }
  line.chrome = line.words <= 2 || (line.marks & (MARK_PIPE | MARK_ARROW)) !== 0 || opensWithBullet(t) || line.dated;
  return line;
}

export function makeDoc(path: string, text: string, meta: ArticleMeta, origin: "text" | "html" = "text"): TextDoc {
  const lines: Line[] = [];
  let blank = true;
  // White space is folded line by line, on the few lines whose scan (`WordStats.spaces`) finds
  // some to fold, not by a pattern over the whole text: one line in twenty has any. A line trimmed
  // and then folded and trimmed reads as the text folded and then trimmed (trim takes every
  // white space at the ends; the folding changes runs only within them).
  // Each line is copied out of the text's UTF-16 code units rather than sliced from the text: a
  // slice reads every character through its parent, a two-byte string as soon as the page has one
  // character past Latin-1, while the copy is a string of its own, one byte a character where the
  // line allows. Every per-character scan, pattern and lower-casing after it runs faster than the
  // copy costs (same characters, so the same results).
  const units = Buffer.from(text, "utf16le");
  for (let from = 0; from <= text.length; ) {
    let end = text.indexOf("\n", from);
    if (end < 0) end = text.length;
    // The line's bounds as `trim` would leave them, read in place.
    let a = from, b = end;
    from = end + 1;
    while (a < b && isTrimmedSpace(text.charCodeAt(a))) a++;
    while (b > a && isTrimmedSpace(text.charCodeAt(b - 1))) b--;
    if (a === b) {
      blank = true;
      continue;
    }
    let t = units.toString("utf16le", 2 * a, 2 * b);
    let stats = wordStats(t);
    if (stats.spaces) {
      t = copied(tidy(t));
      // Nothing but odd spaces ("\u200b", which trim keeps): a blank line.
      if (t === "") {
        blank = true;
        continue;
      }
      stats = wordStats(t);
    }
    lines.push(lineOf(t, blank, stats));
    blank = false;
  }
  return docOf(path, lines, meta, origin);
}

/**
 * How many of the page's lines fall in each bucket of `normBucket`, for `docOf`; emptied after each
 * page. Lines that read the same fall in the same bucket.
 */
const KEY_BITS = 12;
const keyCounts = new Uint32Array(1 << KEY_BITS);
/** How many buckets `normBucket` has. */
export const NORM_BUCKETS = 1 << KEY_BITS;
/** Each line's bucket, for `docOf` (not kept past the call). */
const keyScratch = uint16Scratch();

/** A bucket of a line's `norm` by its length and three of its characters: cheap, and equal texts share it. */
export function normBucket(norm: string): number {
  const n = norm.length;
  // What the hash below gives the empty text, without reading past its end (that deoptimises).
  if (n === 0) return 0;
  const h = Math.imul(n, 0x9e3779b1) ^ Math.imul(norm.charCodeAt(0) | 0, 0x85ebca6b) ^ Math.imul(norm.charCodeAt(n >> 1) | 0, 0xc2b2ae35) ^ (norm.charCodeAt(n - 1) | 0);
  return Math.imul(h, 0x27d4eb2f) >>> (32 - KEY_BITS);
}

export function docOf(path: string, lines: Line[], meta: ArticleMeta, origin: "text" | "html"): TextDoc {
  // A line alone in its bucket reads like no other and is counted once; only lines sharing a bucket
  // are counted by their text (hashing every paragraph costs more).
  // A line's bucket is written before it is read, for the lines that have one (40 words or fewer).
  const keys = keyScratch.room(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.words > 40) continue;
    const k = normBucket(l.norm);
    keys[i] = k;
    keyCounts[k]!++;
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.words <= 40 && keyCounts[keys[i]!]! > 1) counts.set(l.norm, (counts.get(l.norm) ?? 0) + 1);
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.words > 40) continue;
    if (keyCounts[keys[i]!]! > 1) l.repeats = counts.get(l.norm)!;
    else l.repeats = 1;
  }
  for (let i = 0; i < lines.length; i++) if (lines[i]!.words <= 40) keyCounts[keys[i]!] = 0;
  return { path, lines, title: -1, origin, start: 0, end: lines.length, meta, messages: [], scores: null, noArticle: null, core: null, sandwiched: [], head: [] };
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

/** A headline glued to its teaser text: see `Line.glued`. */
export function isGluedTeaser(line: Line): boolean {
  return line.glued;
}

/** The indices of the body's kept lines: between the located start and end, not dropped, not the headline. */
export function keptBodyIndices(doc: TextDoc): number[] {
  const body: number[] = [];
  for (let i = doc.start; i < doc.end; i++) if (doc.lines[i]!.drop === null && i !== doc.title) body.push(i);
  return body;
}

/**
 * Made-up lines that reach the rare paths of `lineOf` and `wordStats` (CJK text, a breadcrumb arrow,
 * double spaces and a tab, a two- and a three-word lexicon phrase, accents and ligatures, a bullet
 * alone, "ago", bylines and dates, a glued teaser, a line past 40 words). V8 keeps type feedback for a
 * function only once it has run about eight times, and optimises on what it has seen: the first page
 * with such a line after that deoptimised both functions and compiled them again, in every isolate.
 * Made into a document a dozen times as the module loads; nothing is kept. Importing doc.ts costs
 * about 30 ms more CPU at load 14 (part of it compiling to bytecode what the first page would compile
 * anyway). The prime alone, against the same tree without it (load 2-4): a fresh process's 2,000 bench
 * articles 0.97 of the CPU (lower in 4 of 5 pairs); speed-text's steady state 1.07 (lower in 2 of 5).
 */
function prime(): void {
  const phrase = (n: number) => lexiconEntries().find((e) => e.words.length === n)?.words.join(" ") ?? "";
  const prose = "The council voted on Tuesday to approve the plan, ending a debate that lasted two years. Work starts in spring!";
  const text = [
    "Home › News › World",
    "•",
    "\u200b",
    "市议会批准了新的河滨公园计划。工程将于明年春天开始。",
    "市议会批准了新计划",
    "Share  this\tstory",
    " \t Trimmed at both ends \t ",
    "By Jane Smith, Staff Writer",
    "Updated Nov 13, 2019 10:42 a.m. ET",
    "Mi, 18. Oktober 2023 um 12:50 Uhr",
    "3 hours ago",
    "Top 20 picks for you",
    "Total 1 hr 50 min",
    "Monday March",
    "Friday 5 later",
    "“Café owners didn’t say — l’homme said…”",
    "ﬁnance ＡＢＣ",
    `${phrase(2)} ${phrase(3)}`,
    prose,
    `${prose} ${prose} ${prose}`,
    "City Council Approves New Riverside Park PlanThe city council voted on Tuesday to approve it",
    "City Council Approves New Riverside Park Plan",
    "NewsRetail SportWeather",
    "© 2019 Example Media | Privacy",
    "Visit www.example.com",
    "",
    prose,
  ].join("\n");
  const meta: ArticleMeta = { title: null, date: null, dateOrigin: null, source: null, siteName: null, publisher: null, outletHint: null, url: null, author: null };
  for (let k = 0; k < 12; k++) makeDoc("", text, meta);
  // A document's `noArticle` written once more than its making writes it: V8 compiles a field it has only seen
  // written once as a constant, and the first page the article gate refused then threw away every optimised
  // function that had read the field (listLineRows, finish, articleGateRow), to be compiled again.
  makeDoc("", text, meta).noArticle = "";
}
prime();
