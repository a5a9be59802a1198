// Candidate sentences of a story: every sentence of every article, with where it stands and its terms.
import { datelineLength, splitSentences } from "../text/sentences.ts";
import { collapseSpaces } from "../text/words.ts";
import { charClass, DIGIT, LETTER, table as charTable } from "../text/chars.ts";
import { referenceKind } from "./reference.ts";
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
}

/**
 * Sentences read per article. News says what happened first; past this point the position prior has
 * all but ruled a sentence out, and a 400-sentence feature would otherwise cost as much as twenty reports.
 */
export const MAX_SENTENCES_PER_ARTICLE = 80;

const FINAL_PUNCTUATION = /[.!?…]["'”’)\]]*$/u;

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Whether the code point at `at` is a word character ([\p{L}\p{N}_]): by the shared table within one code unit. */
function isWordChar(code: number, sentence: string, at: number, units: number): boolean {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  if (units === 2) return WORD_CHAR.test(sentence.slice(at, at + 2));
  return ((charTable[code] || charClass(code)) & (LETTER | DIGIT)) !== 0;
}

export function wordCount(sentence: string): number {
  let spaced = 0;
  let runs = 0;
  let inToken = false;
  let inRun = false;
  // Code point by code point (a surrogate pair is one; a lone surrogate is one too).
  for (let i = 0; i < sentence.length; ) {
    const code = sentence.charCodeAt(i);
    const units = code >= 0xd800 && code <= 0xdbff && i + 1 < sentence.length && (sentence.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0;
    if (!space && !inToken) spaced++;
    inToken = !space;
    const word = isWordChar(code, sentence, i, units);
    if (word && !inRun) runs++;
    inRun = word;
    i += units;
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

/** The candidates of a story's articles; their terms are added to `vocabulary`. */
export function collectCandidates(articles: SummaryInput[], vocabulary: Vocabulary): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Map<string, number>();
  // Wire copies only arise between outlets; one article is not compared with itself.
  const several = articles.length > 1;
  articles.forEach((article, a) => {
    let position = 0;
    let previous = -1;
    paragraphs: for (const paragraph of article.text.split(/\n+/)) {
      const trimmed = paragraph.trim();
      const datelined = datelineLength(trimmed);
      const hasDateline = datelined > 0;
      const sentences = splitSentences(trimmed, datelined);
      for (let k = 0; k < sentences.length; k++) {
        if (position >= MAX_SENTENCES_PER_ARTICLE) break paragraphs;
        const text = sentences[k]!;
        const dateline = hasDateline && k === 0;
        const words = wordCount(text);
        const lower = several || !dateline ? text.toLowerCase() : "";
        const key = several ? sameTextKey(lower) : "";
        const duplicateOf = several ? (seen.get(key) ?? null) : null;
        if (several && duplicateOf === null) seen.set(key, out.length);
        const kind = dateline ? null : referenceKind(text);
        const antecedent = kind && previous >= 0 ? previous : null;
        const orphan = kind === "pronoun" && previous < 0;
        out.push({ text, article: a, position: dateline ? position : position++, words, terms: dateline ? NO_TERMS : vocabulary.add(lower), prose: !dateline && words >= 6 && FINAL_PUNCTUATION.test(text), duplicateOf, dateline, antecedent, orphan });
        if (!dateline) previous = out.length - 1;
      }
    }
  });
  return out;
}
