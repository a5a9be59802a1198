// How alike two articles are as reports of one event, as named similarity features for the learned
// same-event model (merge-model.json, trained by train/train-merge.ts). Every feature compares the two
// articles; none describes one article alone.
import { covered, dot, overlap, shared, size, type IdRun, type Profile, type SparseVector } from "./profile.ts";

export const PAIR_FEATURES = [
  "words",
  "lead",
  "title",
  "titleLead",
  "names",
  "actors",
  "actorConflict",
  "leadNamesCovered",
  "leadNameConflict",
  "numbers",
  "quantitiesShared",
  "quantityConflict",
  "days",
  "weekdays",
  "years",
  "months",
  "keys",
  "sameSentence",
  "copied",
] as const;

/**
 * Two reports of one event share words. Below this word cosine, or with fewer than MIN_SHARED_WORDS
 * words in common, a pair is never scored and never merges, whatever numbers or keys it shares.
 */
export const MIN_WORD_COSINE = 0.05;
export const MIN_SHARED_WORDS = 2;

/** Word cosine below which two articles' sentences are not compared (sameSentence is then 0). */
const SENTENCE_GATE = 0.1;
const SCRATCH = new Float64Array(2);
/** A vector with few entries counts as if this many more entries shared nothing (see shrink). */
const PRIOR_ENTRIES = 3;

/** +1 when two mention lists share an item, -1 when both mention some and share none, 0 when one is silent. */
function agreement(a: IdRun, b: IdRun): number {
  if (size(a) === 0 || size(b) === 0) return 0;
  return shared(a, b) > 0 ? 1 : -1;
}

function bitAgreement(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return (a & b) !== 0 ? 1 : -1;
}

/** Cosine shrunk for short vectors: one shared number out of one is weak evidence, not a perfect match. */
function shrink(n: number): number {
  return Math.sqrt(n / (n + PRIOR_ENTRIES));
}

/**
 * How much of `a`'s weight `aIn` holds and of `b`'s `bIn` holds: the smaller share (one side's when the
 * other side is empty); and whether each side leads with someone the other never names: the smaller of
 * the two missing shares (0 when either side is empty).
 */
function cover(a: SparseVector, b: SparseVector, aIn: SparseVector, bIn: SparseVector, out: Float64Array, at: number): void {
  const ab = size(a) ? covered(a, aIn) : -1;
  const ba = size(b) ? covered(b, bIn) : -1;
  out[at] = ab < 0 && ba < 0 ? 0 : ab < 0 ? ba : ba < 0 ? ab : Math.min(ab, ba);
  out[at + 1] = ab < 0 || ba < 0 ? 0 : 1 - Math.max(ab, ba);
}

/**
 * Writes log(1 + units both state the same quantity of) and log(1 + units both state a quantity of but
 * never the same one) into `out` from `at` on.
 */
function quantityAgreement(a: Profile, b: Profile, out: Float64Array, at: number): void {
  const units = shared(a.units, b.units);
  let agreed = 0;
  if (units > 0) {
    const seen: number[] = [];
    const [aq, bq, au] = [a.quantities.ids, b.quantities.ids, a.quantityUnits.ids];
    // quantityUnits runs alongside quantities: entry i of the one is at this distance in the other.
    const unitShift = a.quantityUnits.from - a.quantities.from;
    let i = a.quantities.from;
    let j = b.quantities.from;
    while (i < a.quantities.to && j < b.quantities.to) {
      if (aq[i] === bq[j]) {
        const unit = au[i + unitShift]!;
        if (!seen.includes(unit)) seen.push(unit);
        i++;
        j++;
      } else if (aq[i]! < bq[j]!) i++;
      else j++;
    }
    agreed = seen.length;
  }
  out[at] = Math.log1p(agreed);
  out[at + 1] = Math.log1p(units - agreed);
}

/** The two articles' word cosine, or null when they do not share enough words to be reports of one event at all (see MIN_WORD_COSINE). */
function wordCosine(a: Profile, b: Profile): number | null {
  const { common, cosine } = overlap(a.words, b.words);
  return common < MIN_SHARED_WORDS || cosine < MIN_WORD_COSINE ? null : cosine;
}

/** Whether two articles share enough words to be reports of one event at all (see MIN_WORD_COSINE). */
export function sharesWords(a: Profile, b: Profile): boolean {
  return wordCosine(a, b) !== null;
}

/**
 * Writes the pair's features into `out` from `at` on (same order as PAIR_FEATURES) and returns true, or
 * returns false at once when the two do not share enough words to be compared (see sharesWords).
 */
export function pairFeatures(a: Profile, b: Profile, out: Float64Array, at = 0): boolean {
  const words = wordCosine(a, b);
  if (words === null) return false;
  out[at] = words;
  out[at + 1] = dot(a.lead, b.lead);
  out[at + 2] = dot(a.title, b.title);
  cover(a.title, b.title, b.lead, a.lead, SCRATCH, 0);
  out[at + 3] = SCRATCH[0]!;
  out[at + 4] = dot(a.names, b.names);
  cover(a.actors, b.actors, b.names, a.names, out, at + 5);
  cover(a.leadNames, b.leadNames, b.names, a.names, out, at + 7);
  out[at + 9] = dot(a.numbers, b.numbers) * shrink(size(a.numbers)) * shrink(size(b.numbers));
  quantityAgreement(a, b, out, at + 10);
  out[at + 12] = agreement(a.days, b.days);
  out[at + 13] = bitAgreement(a.weekdays, b.weekdays);
  out[at + 14] = agreement(a.years, b.years);
  out[at + 15] = bitAgreement(a.months, b.months);
  out[at + 16] = shared(a.keys, b.keys) / Math.sqrt((size(a.keys) + PRIOR_ENTRIES) * (size(b.keys) + PRIOR_ENTRIES));
  // The closest pair of lead sentences: two reports of one event state its main fact alike. Only looked
  // for when the articles share enough words (it is the dearest feature).
  let best = 0;
  if (words >= SENTENCE_GATE) for (const x of a.sentences) for (const y of b.sentences) best = Math.max(best, dot(x, y));
  out[at + 17] = best;
  // A sentence told word for word: a copy or a rewrite of one report, whatever else differs.
  out[at + 18] = Math.max(0, (best - 0.7) / 0.3);
  return true;
}
