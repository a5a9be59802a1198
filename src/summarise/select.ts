// Greedy maximal-marginal-relevance selection under a sentence count or a word budget.
import { arena } from "./arena.ts";
import type { Candidate } from "./candidates.ts";
import type { Scores } from "./score.ts";
import type { FactCheck } from "./same-fact.ts";
import { withoutOpener } from "./reference.ts";

export interface SelectOptions {
  sentences: number;
  words: number;
  /** Trade-off between a sentence's own score and its similarity to what is already chosen. */
  lambda: number;
  /** Similarity at or above which two sentences state the same fact (e.g. two outlets' versions). */
  sameFact: number;
  /** Whether sentences repeating a chosen one may be taken to meet `sentences` exactly (an explicit count asked for). */
  fill: boolean;
  /** For a story of several outlets: the learned same-fact model, which finds one fact in two outlets' words. */
  facts: FactCheck | null;
}

/** The most sentences a reference may pull in before it (its antecedent, and that one's antecedent). */
const MAX_CHAIN = 3;

/**
 * Picks in three tiers so a fixed count can always be met: prose sentences that add a new fact,
 * then any sentence that adds a new fact, and only then (with `fill`) sentences repeating a chosen one;
 * without `fill` the last tier is any sentence still adding a new fact, an orphaned reference too. A sentence
 * that opens with a reference is taken only with the sentences it refers back to (already chosen, or
 * chosen together with it, valued at their mean). Returns the chosen candidates' indices, in the order chosen.
 */
export function selectSentences(candidates: Candidate[], { vectors, scores, scratch }: Scores, options: SelectOptions): number[] {
  const chosen: number[] = [];
  const redundancy = arena.float64(candidates.length).fill(0);
  const repeats = arena.int32(candidates.length).fill(0);
  const taken = arena.int32(candidates.length).fill(0);
  let used = 0;
  const isNew = (i: number) => redundancy[i]! < options.sameFact && !repeats[i];
  const tiers: Array<(c: Candidate, i: number) => boolean> = [
    (c, i) => c.prose && !c.orphan && c.duplicateOf === null && isNew(i),
    (c, i) => !c.dateline && !c.orphan && c.duplicateOf === null && isNew(i),
    // Orphans and sentences leaning on an orphan, still each a new fact; with `fill`, anything but a dateline.
    options.fill ? (c) => !c.dateline : (c, i) => !c.dateline && c.duplicateOf === null && isNew(i),
  ];
  const value = (i: number) => options.lambda * scores[i]! - (1 - options.lambda) * redundancy[i]!;
  // The sentence with the untaken antecedents it needs, in reading order, in chain[MAX_CHAIN - length…];
  // its length, or 0 when the chain is too long.
  const chain = new Int32Array(MAX_CHAIN);
  const bundle = (i: number): number => {
    let length = 1;
    chain[MAX_CHAIN - 1] = i;
    let at = candidates[i]!.antecedent;
    while (at !== null && !taken[at]) {
      if (length === MAX_CHAIN) return 0;
      chain[MAX_CHAIN - ++length] = at;
      at = candidates[at]!.antecedent;
    }
    return length;
  };
  /** Whether a sentence of the chain (`length` long) tells a chosen one's fact in another outlet's words; marks those that do. */
  const toldBefore = (length: number): boolean => {
    let told = false;
    for (let at = MAX_CHAIN - length; at < MAX_CHAIN; at++) {
      const k = chain[at]!;
      for (const c of chosen) {
        if (options.facts!.same(c, k)) {
          repeats[k] = 1;
          told = true;
          break;
        }
      }
    }
    return told;
  };
  // A word budget is filled with new facts told in prose only ("Power cut", "Klistchko! stirred." are a page's
  // subheadings and captions); repeats are there just to meet an exact count.
  for (const [tier, eligible] of (Number.isFinite(options.words) ? tiers.slice(0, 1) : tiers).entries()) {
    // Whether this tier takes new facts only (the last takes any sentence when an exact count must be met).
    const fresh = tier < 2 || !options.fill;
    while (chosen.length < options.sentences) {
      let best = -1;
      let bestLength = 0;
      let bestValue = -Infinity;
      for (let i = 0; i < candidates.length; i++) {
        if (taken[i] || !eligible(candidates[i]!, i)) continue;
        const length = bundle(i);
        if (length === 0 || chosen.length + length > options.sentences) continue;
        let words = 0;
        let total = 0;
        let ok = true;
        for (let at = MAX_CHAIN - length; at < MAX_CHAIN; at++) {
          const k = chain[at]!;
          if (k !== i && !eligible(candidates[k]!, k)) ok = false;
          words += candidates[k]!.words;
          total += value(k);
        }
        if (!ok || used + words > options.words) continue;
        if (total / length > bestValue) {
          bestValue = total / length;
          best = i;
          bestLength = length;
        }
      }
      if (best < 0) break;
      // The best chain again (nothing it depends on has changed since it was found).
      bundle(best);
      // The same-fact model is asked only about the chain that won (a sketch per sentence costs more than
      // the rest of a choice): one of it telling a chosen fact again is marked and the choice made again.
      if (fresh && options.facts !== null && toldBefore(bestLength)) continue;
      for (let at = MAX_CHAIN - bestLength; at < MAX_CHAIN; at++) {
        const k = chain[at]!;
        taken[k] = 1;
        chosen.push(k);
        used += candidates[k]!.words;
        const next = vectors[k]!;
        scratch.set(next);
        const small = next.ids.length;
        for (let i = 0; i < candidates.length; i++) {
          if (taken[i]) continue;
          const other = vectors[i]!;
          redundancy[i] = Math.max(redundancy[i]!, scratch.cosine(other));
          if (!repeats[i] && sameWords(small, other.ids.length, scratch.shared(other))) repeats[i] = 1;
        }
      }
    }
  }
  if (chosen.length === 0 && candidates.length > 0 && options.sentences > 0) {
    // Nothing fits the word budget: the best sentence alone, since a summary has at least one.
    const all = candidates.map((_, i) => i);
    const pool = [all.filter((i) => candidates[i]!.prose && candidates[i]!.antecedent === null && !candidates[i]!.orphan), all.filter((i) => !candidates[i]!.dateline), all].find((p) => p.length > 0)!;
    chosen.push(pool.reduce((a, b) => (scores[b]! > scores[a]! ? b : a)));
  }
  return chosen;
}

/** Two sentences state one fact when most content words of the shorter one are in the other (two outlets' words for it). */
function sameWords(a: number, b: number, shared: number): boolean {
  const small = Math.min(a, b);
  return small >= 4 && shared >= 0.6 * small;
}

/**
 * Story order (earlier places first, then by article), each sentence that refers back (or opens with a
 * connective) right after the sentence it leans on; indices.
 */
export function readingOrder(chosen: readonly number[], all: readonly Candidate[]): number[] {
  const picked = new Set(chosen);
  const dependents = new Map<number, number[]>();
  /** The sentence it refers back to, or the one its connective points to. */
  const leans = chosen.map((i) => {
    const { antecedent, leansOn } = all[i]!;
    return antecedent ?? (leansOn !== null && leansOn >= 0 ? leansOn : null);
  });
  chosen.forEach((i, k) => {
    const before = leans[k]!;
    if (before !== null && picked.has(before)) dependents.set(before, [...(dependents.get(before) ?? []), i]);
  });
  const out: number[] = [];
  const emit = (i: number) => {
    out.push(i);
    for (const d of dependents.get(i) ?? []) emit(d);
  };
  const roots = chosen.filter((_, k) => leans[k] === null || !picked.has(leans[k]!));
  for (const i of roots.sort((a, b) => all[a]!.position - all[b]!.position || all[a]!.article - all[b]!.article)) emit(i);
  return out;
}

/**
 * The texts of sentences in reading order: one that leans on the sentence before only by a connective keeps
 * it when that sentence (its text: a wire copy's counts) is right before it, and is shown without it otherwise.
 */
export function shownTexts(order: readonly number[], all: readonly Candidate[]): string[] {
  return order.map((i, k) => {
    const c = all[i]!;
    if (c.leansOn === null) return c.text;
    const kept = c.leansOn >= 0 && k > 0 && all[order[k - 1]!]!.text === all[c.leansOn]!.text;
    return kept ? c.text : withoutOpener(c.text);
  });
}
