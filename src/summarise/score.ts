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
  /**
   * Weight of cross-outlet support (stories of several articles only): how closely the other articles'
   * opening sentences say the same, so the facts most outlets report first rank highest.
   */
  support: number;
}

/** Sentences of each other article that count as its report of the event's main facts. */
const SUPPORT_SENTENCES = 10;

export interface ScoredCandidate extends Candidate {
  vector: SparseVector;
  score: number;
}

export function scoreCandidates(candidates: Candidate[], titles: string[][], weights: ScoreWeights): ScoredCandidate[] {
  const { vectors, embed, centroid } = sentenceSpace(candidates.map((c) => c.terms));
  const titleVectors = titles.filter((t) => t.length > 0).map(embed);
  const directed = directedCentrality(candidates, vectors, weights.backward);
  const support = weights.support > 0 ? crossSupport(candidates, vectors) : null;
  return candidates.map((c, i) => {
    const vector = vectors[i]!;
    let title = 0;
    for (const t of titleVectors) title = Math.max(title, sparseCosine(vector, t));
    const position = 1 / Math.pow(1 + c.position, weights.positionDecay);
    const lengthFit = Math.min(1, c.words / weights.fullLength);
    const supported = support ? weights.support * support[i]! : 0;
    const score = (weights.position * position + weights.centrality * denseCosine(vector, centroid) + weights.title * title + weights.directed * directed[i]! + supported) * lengthFit;
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

/** Mean over the other articles of the best cosine with one of their first SUPPORT_SENTENCES sentences; 0 for one article. */
function crossSupport(candidates: Candidate[], vectors: SparseVector[]): Float64Array {
  const out = new Float64Array(candidates.length);
  const openings = new Map<number, number[]>();
  candidates.forEach((c, i) => {
    if (c.dateline || c.position >= SUPPORT_SENTENCES) return;
    const list = openings.get(c.article);
    if (list) list.push(i);
    else openings.set(c.article, [i]);
  });
  const articles = [...openings.keys()];
  if (articles.length < 2) return out;
  candidates.forEach((c, i) => {
    let sum = 0;
    for (const a of articles) {
      if (a === c.article) continue;
      let best = 0;
      for (const j of openings.get(a)!) best = Math.max(best, sparseCosine(vectors[i]!, vectors[j]!));
      sum += best;
    }
    out[i] = sum / (articles.length - (openings.has(c.article) ? 1 : 0));
  });
  return out;
}
