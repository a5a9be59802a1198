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

/** The most sentences a reference may pull in before it (its antecedent, and that one's antecedent). */
const MAX_CHAIN = 3;

/**
 * Picks in three tiers so a fixed count can always be met: prose sentences that add a new fact,
 * then any sentence that adds a new fact, and only then sentences repeating a chosen one. A sentence
 * that opens with a reference is taken only with the sentences it refers back to (already chosen, or
 * chosen together with it, valued at their mean).
 */
export function selectSentences(candidates: ScoredCandidate[], options: SelectOptions): ScoredCandidate[] {
  const chosen: ScoredCandidate[] = [];
  const redundancy = new Float64Array(candidates.length);
  const repeats = new Uint8Array(candidates.length);
  const taken = new Uint8Array(candidates.length);
  const termSets = candidates.map((c) => new Set(c.terms));
  let used = 0;
  const isNew = (i: number) => redundancy[i]! < options.sameFact && !repeats[i];
  const tiers: Array<(c: ScoredCandidate, i: number) => boolean> = [
    (c, i) => c.prose && !c.orphan && c.duplicateOf === null && isNew(i),
    (c, i) => !c.dateline && !c.orphan && c.duplicateOf === null && isNew(i),
    (c) => !c.dateline,
  ];
  const value = (i: number) => options.lambda * candidates[i]!.score - (1 - options.lambda) * redundancy[i]!;
  // The sentence with the untaken antecedents it needs, in reading order; null when the chain is too long.
  const bundle = (i: number): number[] | null => {
    const chain = [i];
    let at = candidates[i]!.antecedent;
    while (at !== null && !taken[at]) {
      if (chain.length === MAX_CHAIN) return null;
      chain.unshift(at);
      at = candidates[at]!.antecedent;
    }
    return chain;
  };
  // A word budget is filled with new facts only; repeats are there just to meet an exact count.
  for (const eligible of Number.isFinite(options.words) ? tiers.slice(0, 2) : tiers) {
    while (chosen.length < options.sentences) {
      let best: number[] | null = null;
      let bestValue = -Infinity;
      for (let i = 0; i < candidates.length; i++) {
        if (taken[i] || !eligible(candidates[i]!, i)) continue;
        const chain = bundle(i);
        if (!chain || chosen.length + chain.length > options.sentences) continue;
        let words = 0;
        let total = 0;
        let ok = true;
        for (const k of chain) {
          if (k !== i && !eligible(candidates[k]!, k)) ok = false;
          words += candidates[k]!.words;
          total += value(k);
        }
        if (!ok || used + words > options.words) continue;
        if (total / chain.length > bestValue) {
          bestValue = total / chain.length;
          best = chain;
        }
      }
      if (!best) break;
      for (const k of best) {
        const next = candidates[k]!;
        taken[k] = 1;
        chosen.push(next);
        used += next.words;
        for (let i = 0; i < candidates.length; i++) {
          if (taken[i]) continue;
          redundancy[i] = Math.max(redundancy[i]!, sparseCosine(next.vector, candidates[i]!.vector));
          if (!repeats[i] && sameFact(termSets[k]!, termSets[i]!)) repeats[i] = 1;
        }
      }
    }
  }
  if (chosen.length === 0 && candidates.length > 0 && options.sentences > 0) {
    // Nothing fits the word budget: the best sentence alone, since a summary has at least one.
    const pool = [candidates.filter((c) => c.prose && c.antecedent === null && !c.orphan), candidates.filter((c) => !c.dateline), candidates].find((p) => p.length > 0)!;
    chosen.push(pool.reduce((a, b) => (b.score > a.score ? b : a)));
  }
  return chosen;
}

/** Two sentences state one fact when most content words of the shorter one are in the other (two outlets' words for it). */
function sameFact(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < 4) return false;
  let shared = 0;
  for (const t of small) if (large.has(t)) shared++;
  return shared >= 0.6 * small.size;
}

/** Story order (earlier places first, then by article), each sentence that refers back right after its antecedent. */
export function readingOrder(chosen: ScoredCandidate[], all: readonly ScoredCandidate[]): ScoredCandidate[] {
  const picked = new Set(chosen);
  const dependents = new Map<ScoredCandidate, ScoredCandidate[]>();
  for (const c of chosen) {
    const before = c.antecedent === null ? undefined : all[c.antecedent];
    if (before && picked.has(before)) dependents.set(before, [...(dependents.get(before) ?? []), c]);
  }
  const out: ScoredCandidate[] = [];
  const emit = (c: ScoredCandidate) => {
    out.push(c);
    for (const d of dependents.get(c) ?? []) emit(d);
  };
  const roots = chosen.filter((c) => c.antecedent === null || !picked.has(all[c.antecedent]!));
  for (const c of roots.sort((a, b) => a.position - b.position || a.article - b.article)) emit(c);
  return out;
}
