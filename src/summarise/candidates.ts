// Candidate sentences of a story: every sentence of every article, with where it stands and its terms.
import { datelineLength, splitSentences } from "../text/sentences.ts";
import { stems } from "../text/tfidf.ts";
import { referenceKind } from "./reference.ts";

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
  terms: string[];
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

export function wordCount(sentence: string): number {
  let spaced = 0;
  let runs = 0;
  let inToken = false;
  let inRun = false;
  for (const ch of sentence) {
    const code = ch.charCodeAt(0);
    const space = code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0;
    if (!space && !inToken) spaced++;
    inToken = !space;
    const word = code < 0x80 ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 : WORD_CHAR.test(ch);
    if (word && !inRun) runs++;
    inRun = word;
  }
  return Math.max(spaced, runs);
}

/** Case, quote style and spacing folded: wire copies of one sentence get the same key. */
function sameTextKey(sentence: string): string {
  return sentence.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, " ");
}

export function collectCandidates(articles: SummaryInput[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Map<string, number>();
  // Wire copies only arise between outlets; one article is not compared with itself.
  const several = articles.length > 1;
  articles.forEach((article, a) => {
    let position = 0;
    let previous = -1;
    paragraphs: for (const paragraph of article.text.split(/\n+/)) {
      const trimmed = paragraph.trim();
      const hasDateline = datelineLength(trimmed) > 0;
      for (const [k, text] of splitSentences(trimmed).entries()) {
        if (position >= MAX_SENTENCES_PER_ARTICLE) break paragraphs;
        const dateline = hasDateline && k === 0;
        const words = wordCount(text);
        const key = several ? sameTextKey(text) : "";
        const duplicateOf = several ? (seen.get(key) ?? null) : null;
        if (several && duplicateOf === null) seen.set(key, out.length);
        const kind = dateline ? null : referenceKind(text);
        const antecedent = kind && previous >= 0 ? previous : null;
        const orphan = kind === "pronoun" && previous < 0;
        out.push({ text, article: a, position: dateline ? position : position++, words, terms: dateline ? [] : stems(text), prose: !dateline && words >= 6 && FINAL_PUNCTUATION.test(text), duplicateOf, dateline, antecedent, orphan });
        if (!dateline) previous = out.length - 1;
      }
    }
  });
  return out;
}
