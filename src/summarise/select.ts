// Greedy maximal-marginal-relevance selection under a sentence count or a word budget.
import { sparseCosine } from "./vectors.ts";
import type { ScoredCandidate } from "./score.ts";

export interface SelectOptions {
  sentences: number;
  words: number;
  /** Trade-off between a sentence's own score and its similarity to what is already chosen. */
  lambda: number;
  /** Similarity at or above which two sentences state the same fact (e.g. two outlets' versions). */
  sameFact: number;
}

/**
 * Picks in three tiers so a fixed count can always be met: prose sentences that add a new fact,
 * then any sentence that adds a new fact, and only then sentences repeating a chosen one.
 */
export function selectSentences(candidates: ScoredCandidate[], options: SelectOptions): ScoredCandidate[] {
  const chosen: ScoredCandidate[] = [];
  const redundancy = new Float64Array(candidates.length);
  const taken = new Uint8Array(candidates.length);
  let used = 0;
  const tiers: Array<(c: ScoredCandidate, i: number) => boolean> = [
    (c, i) => c.prose && c.duplicateOf === null && redundancy[i]! < options.sameFact,
    (c, i) => c.duplicateOf === null && redundancy[i]! < options.sameFact,
    () => true,
  ];
  // A word budget is filled with new facts only; repeats are there just to meet an exact count.
  for (const eligible of Number.isFinite(options.words) ? tiers.slice(0, 2) : tiers) {
    while (chosen.length < options.sentences) {
      let best = -1;
      let bestValue = -Infinity;
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i]!;
        if (taken[i] || !eligible(c, i)) continue;
        if (used + c.words > options.words) continue;
        const value = options.lambda * c.score - (1 - options.lambda) * redundancy[i]!;
        if (value > bestValue) {
          bestValue = value;
          best = i;
        }
      }
      if (best < 0) break;
      const next = candidates[best]!;
      taken[best] = 1;
      chosen.push(next);
      used += next.words;
      for (let i = 0; i < candidates.length; i++) {
        if (!taken[i]) redundancy[i] = Math.max(redundancy[i]!, sparseCosine(next.vector, candidates[i]!.vector));
      }
    }
  }
  if (chosen.length === 0 && candidates.length > 0 && options.sentences > 0) {
    // Nothing fits the word budget: the best sentence alone, since a summary has at least one.
    const pool = candidates.some((c) => c.prose) ? candidates.filter((c) => c.prose) : candidates;
    chosen.push(pool.reduce((a, b) => (b.score > a.score ? b : a)));
  }
  return chosen;
}
