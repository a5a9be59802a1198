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
/** The most sentences one choice may take together: the start of a quotation run over several, and what it refers to. */
const MAX_BUNDLE = 8;

/**
 * Picks in three tiers so a fixed count can always be met: prose sentences that add a new fact,
 * then any sentence that adds a new fact, and only then (with `fill`) sentences repeating a chosen one;
 * without `fill` the last tier is any sentence still adding a new fact, an orphaned reference too. A sentence
 * that opens with a reference is taken only with the sentences it refers back to (already chosen, or
 * chosen together with it, valued at their mean), and a sentence of a quotation run over several only with
 * the sentences before it that its quoted words begin in (quotes.ts: a summary shows no quotation closed but
 * never opened; `shownTexts` closes one the summary leaves before its end); with `fill`, a count still short
 * at the end is met with sentences alone. Returns the chosen candidates' indices, in the order chosen.
 */
export function selectSentences(candidates: Candidate[], { vectors, scores, postings }: Scores, options: SelectOptions): number[] {
  const chosen: number[] = [];
  const redundancy = arena.float64(candidates.length).fill(0);
  const repeats = arena.int32(candidates.length).fill(0);
  const taken = arena.int32(candidates.length).fill(0);
  // A chosen sentence's cosine with, and terms shared with, each sentence it shares a term with (`Postings`;
  // the others' cosine is 0, which changes no redundancy, and 0 terms shared are never one fact); cleared after.
  const dot = arena.float64(candidates.length).fill(0);
  const shared = arena.int32(candidates.length).fill(0);
  const met = arena.int32(candidates.length);
  let used = 0;
  const isNew = (i: number) => redundancy[i]! < options.sameFact && !repeats[i];
  const tiers: Array<(c: Candidate, i: number) => boolean> = [
    (c, i) => c.prose && !c.orphan && c.duplicateOf === null && isNew(i),
    (c, i) => !c.dateline && !c.orphan && c.duplicateOf === null && isNew(i),
    // Orphans and sentences leaning on an orphan, still each a new fact; with `fill`, anything but a dateline.
    options.fill ? (c) => !c.dateline : (c, i) => !c.dateline && c.duplicateOf === null && isNew(i),
  ];
  const value = (i: number) => options.lambda * scores[i]! - (1 - options.lambda) * redundancy[i]!;
  // The sentence with what it must be taken with (its quotation's sentences before it, the untaken
  // antecedents), in reading order.
  const members: number[] = [];
  /** Whether `i` is taken by itself: nothing before it that it needs is left untaken (most sentences). */
  const alone = (i: number, wholeQuotes: boolean): boolean => {
    const { antecedent, quote } = candidates[i]!;
    if (antecedent !== null && !taken[antecedent]) return false;
    if (wholeQuotes && quote !== null) for (let m = quote.from; m < i; m++) if (!taken[m]) return false;
    return true;
  };
  /** Fills `members` for `i`, a sentence not taken alone; their count, or 0 when they are too many. */
  const gather = (i: number, wholeQuotes: boolean): number => {
    members.length = 0;
    members.push(i);
    let antecedents = 0;
    for (let k = 0; k < members.length; k++) {
      const c = candidates[members[k]!]!;
      // The quotation's sentences from where its words are read on to this one.
      if (wholeQuotes && c.quote !== null) for (let m = c.quote.from; m < members[k]!; m++) if (!taken[m] && !members.includes(m)) members.push(m);
      const at = c.antecedent;
      if (at !== null && !taken[at] && !members.includes(at)) {
        if (++antecedents === MAX_CHAIN) return 0;
        members.push(at);
      }
      if (members.length > MAX_BUNDLE) return 0;
    }
    if (members.length > 1) members.sort((x, y) => x - y);
    return members.length;
  };
  /** Fills `members` for `i`; their count, or 0 when they are too many. */
  const bundle = (i: number, wholeQuotes: boolean): number => {
    if (!alone(i, wholeQuotes)) return gather(i, wholeQuotes);
    members.length = 0;
    members.push(i);
    return 1;
  };
  /** Whether a sentence of `members` tells a chosen one's fact in another outlet's words; marks those that do. */
  const toldBefore = (): boolean => {
    let told = false;
    for (const k of members) {
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
  const budget = Number.isFinite(options.words);
  // Built by push, not `map`: an array `map` makes in optimised code is of another elements kind than the
  // interpreter's, and the loop below then throws the optimised code away ("wrong map").
  const rounds: { eligible: (typeof tiers)[number]; tier: number; wholeQuotes: boolean }[] = [];
  for (let tier = 0; tier < (budget ? 1 : tiers.length); tier++) rounds.push({ eligible: tiers[tier]!, tier, wholeQuotes: true });
  if (options.fill && !budget) rounds.push({ eligible: tiers[2]!, tier: 2, wholeQuotes: false });
  for (const { eligible, tier, wholeQuotes } of rounds) {
    // Whether this tier takes new facts only (the last takes any sentence when an exact count must be met).
    const fresh = tier < 2 || !options.fill;
    /** The mean value of the bundle of `i`, a sentence not taken alone (the scan asked), or NaN when it cannot be taken. */
    const bundleValue = (i: number): number => {
      const length = gather(i, wholeQuotes);
      if (length === 0 || chosen.length + length > options.sentences) return NaN;
      let words = 0;
      let total = 0;
      for (const k of members) {
        if (k !== i && !eligible(candidates[k]!, k)) return NaN;
        words += candidates[k]!.words;
        total += value(k);
      }
      return used + words > options.words ? NaN : total / length;
    };
    while (chosen.length < options.sentences) {
      let best = -1;
      let bestValue = -Infinity;
      for (let i = 0; i < candidates.length; i++) {
        const c = candidates[i]!;
        if (taken[i] || !eligible(c, i)) continue;
        let mean: number;
        if (alone(i, wholeQuotes)) {
          if (chosen.length + 1 > options.sentences || used + c.words > options.words) continue;
          mean = value(i);
        } else mean = bundleValue(i);
        if (mean > bestValue) {
          bestValue = mean;
          best = i;
        }
      }
      if (best < 0) break;
      // The best bundle again (nothing it depends on has changed since it was found).
      bundle(best, wholeQuotes);
      // The same-fact model is asked only about the bundle that won (a sketch per sentence costs more than
      // the rest of a choice): one of it telling a chosen fact again is marked and the choice made again.
      if (fresh && options.facts !== null && toldBefore()) continue;
      for (const k of members) {
        taken[k] = 1;
        chosen.push(k);
        used += candidates[k]!.words;
        const next = vectors[k]!;
        const small = next.ids.length;
        let count = 0;
        for (let t = 0; t < next.ids.length; t++) {
          const id = next.ids[t]!;
          const w = next.weights[t]!;
          for (let at = postings.starts[id]!; at < postings.starts[id + 1]!; at++) {
            const i = postings.sentence[at]!;
            if (shared[i] === 0) met[count++] = i;
            shared[i]!++;
            dot[i] = dot[i]! + postings.weight[at]! * w;
          }
        }
        for (let m = 0; m < count; m++) {
          const i = met[m]!;
          if (!taken[i]) {
            redundancy[i] = Math.max(redundancy[i]!, dot[i]!);
            if (!repeats[i] && sameWords(small, vectors[i]!.ids.length, shared[i]!)) repeats[i] = 1;
          }
          dot[i] = 0;
          shared[i] = 0;
        }
      }
    }
  }
  if (chosen.length === 0 && candidates.length > 0 && options.sentences > 0) {
    // Nothing fits the word budget: the best sentence alone, since a summary has at least one (one that is no
    // part of a quotation, if any is left).
    const all = candidates.map((_, i) => i);
    const alone = (i: number) => candidates[i]!.prose && candidates[i]!.antecedent === null && !candidates[i]!.orphan;
    const pool = [all.filter((i) => alone(i) && candidates[i]!.quote === null), all.filter(alone), all.filter((i) => !candidates[i]!.dateline), all].find((p) => p.length > 0)!;
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
 * connective, or goes on with a quotation) right after the sentence it leans on; indices.
 */
export function readingOrder(chosen: readonly number[], all: readonly Candidate[]): number[] {
  const picked = new Set(chosen);
  const dependents = new Map<number, number[]>();
  /** The sentence it refers back to, or the one its connective points to. */
  // Built by push, not `map` (one elements kind, whichever tier compiled this: see selectSentences' rounds).
  const leans: (number | null)[] = [];
  for (const i of chosen) {
    const { antecedent, leansOn, quote } = all[i]!;
    // A quotation's sentence follows the one before it, so another article's sentence never comes between.
    leans.push(antecedent ?? (leansOn !== null && leansOn >= 0 ? leansOn : quote !== null && i > quote.from ? i - 1 : null));
  }
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
    // A quotation the summary goes on without (its next sentence not shown next) is closed where the summary leaves it.
    const q = c.quote;
    const goesOn = q !== null && order[k + 1] === i + 1 && all[i + 1]!.quote?.quotation === q.quotation;
    const closed = q !== null && q.closing !== "" && !goesOn ? q.closing : "";
    // One that closes a quotation begun before it, and names who spoke, is opened where the summary takes it up.
    const opened = q !== null && q.opening !== "" && !(k > 0 && order[k - 1] === i - 1 && all[i - 1]!.quote?.quotation === q.quotation) ? q.opening : "";
    if (c.leansOn === null) return opened + c.text + closed;
    const kept = c.leansOn >= 0 && k > 0 && all[order[k - 1]!]!.text === all[c.leansOn]!.text;
    return opened + (kept ? c.text : withoutOpener(c.text)) + closed;
  });
}
