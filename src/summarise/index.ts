// Stage 5: an extractive summary of one story from all of its articles. Sentences are never altered.
//
// Design: news puts the event first, so a strong lead prior (1 / (1 + position)) carries most of the
// weight; centrality to the story's centroid and similarity to the titles decide between sentences the
// prior cannot separate. The lead sentence itself almost always wins, so on highlight-style references
// (where Lead-3 is strong) Digest stays lead-like, while on frequency-driven references (BBC) and on
// multi-outlet stories the central sentences further down can still come in. MMR keeps one copy of
// each fact: two outlets' versions of a sentence are one fact.
import { collectCandidates, type SummaryInput } from "./candidates.ts";
import { scoreCandidates, type ScoreWeights } from "./score.ts";
import { selectSentences } from "./select.ts";
import { stems } from "../text/tfidf.ts";

export type { SummaryInput } from "./candidates.ts";

export interface SummaryOptions {
  /** Exactly min(sentences, available) sentences. */
  sentences?: number;
  /** As many whole sentences as fit in this many words, at least one. */
  words?: number;
}

export const DEFAULT_SENTENCES = 3;

export interface SummaryTuning extends ScoreWeights {
  lambda: number;
  sameFact: number;
}

export const defaultTuning: SummaryTuning = {
  position: 0.3,
  positionDecay: 0.5,
  centrality: 0.5,
  title: 0.2,
  directed: 1,
  backward: 0.3,
  fullLength: 20,
  lambda: 0.9,
  sameFact: 0.5,
};

export function summarise(articles: SummaryInput[], options: SummaryOptions = {}, tuning: SummaryTuning = defaultTuning): string[] {
  const candidates = collectCandidates(articles);
  if (candidates.length === 0) return [];
  const titles = articles.map((a) => (a.title ? stems(a.title) : []));
  const scored = scoreCandidates(candidates, titles, tuning);
  const picked = selectSentences(scored, {
    sentences: options.sentences ?? (options.words ? Infinity : DEFAULT_SENTENCES),
    words: options.words ?? Infinity,
    lambda: tuning.lambda,
    sameFact: tuning.sameFact,
  });
  // Read in story order: earlier places in an article first, then by article.
  return picked.sort((a, b) => a.position - b.position || a.article - b.article).map((c) => c.text);
}
