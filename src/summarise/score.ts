// How much each candidate sentence deserves a place: lead position, centrality to the story, the title.
import { cosine, inverseDocumentFrequency, termCounts, tfidfVector, type Vector } from "../text/tfidf.ts";
import type { Candidate } from "./candidates.ts";

export interface ScoreWeights {
  /** Weight of the position prior 1 / (1 + position)^positionDecay within each article. */
  position: number;
  positionDecay: number;
  /** Weight of cosine similarity to the story's centroid. */
  centrality: number;
  /** Weight of the best cosine similarity to an article title. */
  title: number;
  /** Sentences shorter than this many words are scaled down in proportion. */
  fullLength: number;
}

export interface ScoredCandidate extends Candidate {
  vector: Vector;
  score: number;
}

export function scoreCandidates(candidates: Candidate[], titles: string[][], weights: ScoreWeights): ScoredCandidate[] {
  const { idf } = inverseDocumentFrequency(candidates.map((c) => c.terms));
  const vectors = candidates.map((c) => tfidfVector(termCounts(c.terms), idf));
  const centroid = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  let norm = 0;
  for (const w of centroid.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of centroid) centroid.set(t, w / norm);
  const titleVectors = titles.filter((t) => t.length > 0).map((t) => tfidfVector(termCounts(t), idf));

  return candidates.map((c, i) => {
    const vector = vectors[i]!;
    let title = 0;
    for (const t of titleVectors) title = Math.max(title, cosine(vector, t));
    const position = 1 / Math.pow(1 + c.position, weights.positionDecay);
    const lengthFit = Math.min(1, c.words / weights.fullLength);
    const score = (weights.position * position + weights.centrality * cosine(vector, centroid) + weights.title * title) * lengthFit;
    return { ...c, vector, score };
  });
}
