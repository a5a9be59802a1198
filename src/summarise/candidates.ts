// Candidate sentences of a story: every sentence of every article, with where it stands and its terms.
import { datelineLength, splitSentences } from "../text/sentences.ts";
import { collapseSpaces } from "../text/words.ts";
import { charClass, DIGIT, LETTER, table as charTable } from "../text/chars.ts";
import { referenceKind, type ReferenceKind } from "./reference.ts";
import { runOnPieces } from "./run-on.ts";
import { MAY_RUN_ON, quotations, type Quotation, type Quoted } from "./quotes.ts";
import type { Vocabulary } from "./terms.ts";

export interface SummaryInput {
  title?: string;
  /** Clean article text, paragraphs separated by blank lines or newlines. */
  text: string;
}

export interface Candidate {
  text: string;
  /** Index of the article in the story. */
  article: number;
  /** Index of the sentence in its article, counting every sentence. */
  position: number;
  /** Word count, conservative: the larger of white-space tokens and letter/digit runs. */
  words: number;
  /** Its stemmed content words, as the story's term ids, in order (none for a dateline). */
  terms: Int32Array;
  /** A full prose sentence: long enough and ending in sentence punctuation (not a heading or caption). */
  prose: boolean;
  /** Same text (case, quotes and spacing folded) as an earlier candidate: a wire copy's sentence. */
  duplicateOf: number | null;
  /** A dateline ("WASHINGTON (AP) —"): split off its sentence, never a summary sentence of its own. */
  dateline: boolean;
  /** The candidate this sentence needs before it (its article's previous sentence), when it opens with a reference. */
  antecedent: number | null;
  /** Opens with a pronoun or a connective but nothing comes before it in its article ("She added…" first): its antecedent is lost. */
  orphan: boolean;
  /**
   * For a sentence that leans on the one before only by a connective it can do without ("But the US says…"):
   * its article's previous candidate (-1 when it opens the article), shown right before it or the connective
   * goes (select.ts `shownTexts`); null for any other sentence.
   */
  leansOn: number | null;
  /**
   * Its place in a quotation run over several sentences of its article (or left open by its paragraph), by
   * candidate indices (quotes.ts `Quoted`: the quotation, shared by its sentences; the sentence its quoted words
   * are read from; the marks shown before and after it where the summary takes the quotation up or leaves it);
   * null for any other sentence. A summary shows it only after the sentences from `from` on (select.ts).
   */
  quote: Quoted | null;
}

/**
 * Sentences read per article. News says what happened first; past this point the position prior has
 * all but ruled a sentence out, and a 400-sentence feature would otherwise cost as much as twenty reports.
 */
export const MAX_SENTENCES_PER_ARTICLE = 80;

const FINAL_PUNCTUATION = /[.!?…]["'”’)\]]*$/u;

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** A web address or an image's file name: "http://…", "www.…", "…/photo_0915.jpg". */
const ADDRESS = /(?:https?:\/\/|www\.)\S+|\S+\.(?:jpe?g|png|gif|webp|svg)\b\S*/giu;

/**
 * Whether most of a sentence's characters are web addresses and image files: a gallery's or an image's
 * attributes the page printed as text, never something to show as a summary's sentence.
 */
function mostlyAddresses(text: string): boolean {
  if (!text.includes("http") && !text.includes("www.") && !/\.(?:jpe?g|png|gif|webp|svg)\b/iu.test(text)) return false;
  let inAddresses = 0;
  for (const m of text.matchAll(ADDRESS)) inAddresses += m[0].length;
  return inAddresses * 2 > text.replace(/\s+/g, "").length;
}

/**
 * A photo's credit closing a sentence: "… (Foto: SLF/Estermann, 14.01.2022).", "… (AP Foto/Martin Meissner, Pool)",
 * "… (REUTERS/Hannibal Hanschke)". The sentence is the photo's caption, which the page printed beside the
 * article: it describes a picture the summary does not show.
 */
const PHOTO_CREDIT = /\((?:(?:Foto|Fotos|Photo|Photos|Bild|Bilder|Image|Picture|Credit|Crédit photo|Photo credit|Foto di)\s*:[^()]{1,80}|(?:AP|AFP|EPA|REUTERS|Reuters|dpa|Getty Images)(?:\s+(?:Photo|Foto|Images))?\s*\/[^()]{1,60})\)[.…]?$/u;

function isCaption(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return (last === 41 || last === 46 || last === 0x2026) && PHOTO_CREDIT.test(text);
}

/**
 * A byline the page printed as a line of its article: "By Matthew Digby , Minh Do on Monday, November 18th, 2019 at
 * 11:08 a.m.", "by ライトハウス国際特許事務所 ／ 2016.12.01". It opens with "by" and a name (a capital, or a letter
 * of a script without case), states a year, and has no lower-case word of four letters or more: a sentence that
 * opens "By early 2005 the net could…" or "By Christmas 2019 most shops had closed" says something and stays.
 */
const BYLINE_OPENING = /^[Bb][Yy]\s+[\p{Lu}\p{Lo}]/u;
const YEAR = /(?<![\p{L}\p{N}])(?:19|20)\d\d(?![\p{L}\p{N}])/u;
const LOWER_WORD = /(?<![\p{L}\p{N}])\p{Ll}{4,}/u;

function isByline(text: string): boolean {
  return BYLINE_OPENING.test(text) && YEAR.test(text) && !LOWER_WORD.test(text.slice(2));
}

/** What a code point is to `wordCount`: white space that parts tokens, a word character ([\p{L}\p{N}_]), and a surrogate pair (two units). */
const SPACE = 1; // bit 0: `wordCount` adds it as it is
const WORD_BIT = 1;
const WORD = 1 << WORD_BIT; // `wordCount` shifts it down to 1
const PAIR = 4;

/** `SPACE` and `WORD` of each ASCII code unit. */
const ASCII_KINDS = Uint8Array.from({ length: 128 }, (_, c) => (c === 32 || c === 10 || c === 9 || c === 13 ? SPACE : 0) | ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? WORD : 0));

/** The kind of the code point at `at` past ASCII: a surrogate pair by its regex, one code unit (a lone surrogate too) by the shared table. */
function wideKind(sentence: string, at: number, code: number): number {
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < sentence.length && (sentence.charCodeAt(at + 1) & 0xfc00) === 0xdc00) return PAIR | (WORD_CHAR.test(sentence.slice(at, at + 2)) ? WORD : 0);
  return (code === 0xa0 ? SPACE : 0) | (((charTable[code] || charClass(code)) & (LETTER | DIGIT)) !== 0 ? WORD : 0);
}

export function wordCount(sentence: string): number {
  let spaced = 0;
  let runs = 0;
  // The kind before this code point: a token or a run starts where the one before is white space or no word character (the text's start is both).
  let before = SPACE;
  // Code point by code point (a surrogate pair is one; a lone surrogate is one too), without a branch on the kinds.
  for (let i = 0; i < sentence.length; i++) {
    const code = sentence.charCodeAt(i);
    let kind: number;
    if (code < 0x80) kind = ASCII_KINDS[code]!;
    else {
      kind = wideKind(sentence, i, code);
      if (kind & PAIR) i++;
    }
    spaced += ~kind & before & SPACE;
    runs += (kind & ~before & WORD) >> WORD_BIT;
    before = kind;
  }
  return Math.max(spaced, runs);
}

const CURLY = /[\u2018\u2019\u201c\u201d]/;

/** Case, quote style and spacing folded: wire copies of one sentence get the same key. Takes the sentence lower-cased. */
function sameTextKey(lower: string): string {
  // Each replacement runs only where it would change something (most sentences need none).
  let key = lower;
  if (CURLY.test(key)) key = key.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  return collapseSpaces(key);
}

const NO_TERMS = new Int32Array(0);

/** A list item's bullet ("• It was an underwhelming first quarter…"): a mark of the page's layout, not of the sentence. Dashes stay: in Polish or Russian they open a quotation. */
const BULLET = /^[•‣◦▪▫●○■□►▶◆◇∙⁃·]+\s*(?=\S)/u;

function withoutBullet(paragraph: string): string {
  return paragraph.charCodeAt(0) >= 0xb7 && BULLET.test(paragraph) ? paragraph.replace(BULLET, "") : paragraph;
}

/** The candidates of a story's articles; their terms are added to `vocabulary`. */
export function collectCandidates(articles: SummaryInput[], vocabulary: Vocabulary): Candidate[] {
  const out: Candidate[] = [];
  /** Each candidate's `referenceKind` (null for a dateline), by index. */
  const kinds: Array<ReferenceKind | null> = [];
  const seen = new Map<string, number>();
  // Wire copies only arise between outlets; one article is not compared with itself.
  const several = articles.length > 1;
  for (let a = 0; a < articles.length; a++) {
    let position = 0;
    let previous = -1;
    const start = out.length;
    const opensParagraph: boolean[] = [];
    paragraphs: for (const paragraph of articles[a]!.text.split(/\n+/)) {
      const trimmed = withoutBullet(paragraph.trim());
      const datelined = datelineLength(trimmed);
      const hasDateline = datelined > 0;
      const sentences = splitSentences(trimmed, datelined);
      for (let k = 0; k < sentences.length; k++) {
        const whole = sentences[k]!;
        const dateline = hasDateline && k === 0;
        const pieces = dateline ? null : runOnPieces(whole);
        for (let p = 0; p < (pieces ? pieces.length : 1); p++) {
          if (position >= MAX_SENTENCES_PER_ARTICLE) break paragraphs;
          const text = pieces ? pieces[p]!.text : whole;
          // Left out, its place kept: the sentences after it keep theirs.
          if (!dateline && (mostlyAddresses(text) || isCaption(text) || isByline(text))) {
            position++;
            continue;
          }
          const cut = pieces !== null && pieces[p]!.cut;
          const lower = several || !dateline ? text.toLowerCase() : "";
          const key = several ? sameTextKey(lower) : "";
          const duplicateOf = several ? (seen.get(key) ?? null) : null;
          if (several && duplicateOf === null) seen.set(key, out.length);
          // The very sentence again (a wire copy word for word, mostly): its counts, kind and terms are the first copy's.
          const first = duplicateOf !== null && !dateline && !out[duplicateOf]!.dateline && out[duplicateOf]!.text === text ? out[duplicateOf]! : null;
          const words = first ? first.words : wordCount(text);
          const kind = dateline ? null : first ? kinds[duplicateOf!]! : referenceKind(text);
          const antecedent = kind && kind !== "connective" && previous >= 0 ? previous : null;
          const orphan = kind === "pronoun" && previous < 0;
          const leansOn = kind === "connective" ? previous : null;
          const terms = dateline ? NO_TERMS : first ? first.terms : vocabulary.add(lower);
          const prose = first ? first.prose : !dateline && !cut && words >= 6 && FINAL_PUNCTUATION.test(text);
          out.push({ text, article: a, position: dateline ? position : position++, words, terms, prose, duplicateOf, dateline, antecedent, orphan, leansOn, quote: null });
          opensParagraph.push(k === 0 && p === 0);
          kinds.push(kind);
          if (!dateline) previous = out.length - 1;
        }
      }
    }
    if (MAY_RUN_ON.test(articles[a]!.text)) markQuotations(out, start, opensParagraph);
  }
  // A sentence another outlet prints outside any quotation is no one's quoted words: it stands alone.
  if (several) {
    for (const c of out) {
      const first = c.duplicateOf === null ? null : out[c.duplicateOf]!;
      if (first && c.quote === null && first.quote !== null && first.text === c.text) first.quote = null;
    }
  }
  return out;
}

/** Marks the quotations of the article whose candidates begin at `start` (quotes.ts), by candidate index. */
function markQuotations(out: Candidate[], start: number, opensParagraph: readonly boolean[]): void {
  const texts: string[] = [];
  for (let i = start; i < out.length; i++) texts.push(out[i]!.text);
  const found = quotations(texts, opensParagraph);
  const shifted = new Map<Quotation, Quotation>();
  found.forEach((quoted, i) => {
    if (quoted === null) return;
    const q = quoted.quotation;
    let mine = shifted.get(q);
    if (!mine) shifted.set(q, (mine = { first: start + q.first, last: start + q.last }));
    out[start + i]!.quote = { quotation: mine, from: start + quoted.from, opening: quoted.opening, closing: quoted.closing };
  });
}
