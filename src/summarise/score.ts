// How much each candidate sentence deserves a place: lead position, centrality to the story, the title.
import { denseCosine, sentenceSpace, sparseCosine, type SparseVector } from "./vectors.ts";
import type { Candidate } from "./candidates.ts";

export interface ScoreWeights {
  /** Weight of the position prior 1 / (1 + position)^positionDecay within each article. */
  position: number;
  positionDecay: number;
  /** Weight of cosine similarity to the story's centroid. */
  centrality: number;
  /** Weight of the best cosine similarity to an article title. */
  title: number;
  /**
   * Weight of directed centrality within an article: similarity to the sentences after it (which
   * elaborate it) minus `backward` times similarity to those before it (which it elaborates).
   */
  directed: number;
  backward: number;
  /** Sentences shorter than this many words are scaled down in proportion. */
  fullLength: number;
}

export interface ScoredCandidate extends Candidate {
  vector: SparseVector;
  score: number;
}

export function scoreCandidates(candidates: Candidate[], titles: string[][], weights: ScoreWeights): ScoredCandidate[] {
  const { vectors, embed, centroid } = sentenceSpace(candidates.map((c) => c.terms));
  const titleVectors = titles.filter((t) => t.length > 0).map(embed);
  const directed = directedCentrality(candidates, vectors, weights.backward);
  return candidates.map((c, i) => {
    const vector = vectors[i]!;
    let title = 0;
    for (const t of titleVectors) title = Math.max(title, sparseCosine(vector, t));
    const position = 1 / Math.pow(1 + c.position, weights.positionDecay);
    const lengthFit = Math.min(1, c.words / weights.fullLength);
    const score = (weights.position * position + weights.centrality * denseCosine(vector, centroid) + weights.title * title + weights.directed * directed[i]!) * lengthFit;
    return { ...c, vector, score };
  });
}

/** How many following sentences a sentence is compared with for directed centrality. */
const DIRECTED_WINDOW = 60;

/** Per article, PacSum-style: forward similarity minus weighted backward similarity, scaled to the article's size. */
function directedCentrality(candidates: Candidate[], vectors: SparseVector[], backward: number): Float64Array {
  const out = new Float64Array(candidates.length);
  let start = 0;
  while (start < candidates.length) {
    let end = start;
    while (end < candidates.length && candidates[end]!.article === candidates[start]!.article) end++;
    const n = end - start;
    for (let i = start; i < end; i++) {
      // Within a window: a long feature would otherwise cost the square of its sentence count.
      for (let j = i + 1; j < Math.min(end, i + 1 + DIRECTED_WINDOW); j++) {
        const sim = sparseCosine(vectors[i]!, vectors[j]!);
        out[i] = out[i]! + sim;
        out[j] = out[j]! - backward * sim;
      }
    }
    if (n > 1) for (let i = start; i < end; i++) out[i] = out[i]! / (Math.min(n, DIRECTED_WINDOW + 1) - 1);
    start = end;
  }
  return out;
}
