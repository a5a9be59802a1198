// Candidate sentences of a story: every sentence of every article, with where it stands and its terms.
import { splitSentences } from "../text/sentences.ts";
import { normalise } from "../text/words.ts";
import { stems } from "../text/tfidf.ts";

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
}

const LETTER_RUNS = /[\p{L}\p{N}_]+/gu;
const FINAL_PUNCTUATION = /[.!?…]["'”’)\]]*$/u;

export function wordCount(sentence: string): number {
  const spaced = sentence.split(/\s+/).filter(Boolean).length;
  let runs = 0;
  for (const _ of sentence.matchAll(LETTER_RUNS)) runs++;
  return Math.max(spaced, runs);
}

export function collectCandidates(articles: SummaryInput[]): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Map<string, number>();
  articles.forEach((article, a) => {
    let position = 0;
    for (const paragraph of article.text.split(/\n+/)) {
      for (const text of splitSentences(paragraph.trim())) {
        const words = wordCount(text);
        const key = normalise(text);
        const duplicateOf = seen.get(key) ?? null;
        if (duplicateOf === null) seen.set(key, out.length);
        out.push({ text, article: a, position: position++, words, terms: stems(text), prose: words >= 6 && FINAL_PUNCTUATION.test(text), duplicateOf });
      }
    }
  });
  return out;
}
