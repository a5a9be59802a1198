// How alike two articles are as reports of one event, as named similarity features for the learned
// same-event model (merge-model.json, trained by train/train-merge.ts). Every feature compares the two
// articles; none describes one article alone.
import { covered, dot, shared, type Profile } from "./profile.ts";

export const PAIR_FEATURES = ["words", "lead", "names", "leadNamesCovered", "numbers", "days", "weekdays", "years", "keys", "months", "sameSentence"] as const;

/** Word cosine below which two articles' sentences are not compared (sameSentence is then 0). */
const SENTENCE_GATE = 0.1;

/** +1 when two mention lists share an item, -1 when both mention some and share none, 0 when one is silent. */
function agreement(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  return shared(a, b) > 0 ? 1 : -1;
}

function bitAgreement(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return (a & b) !== 0 ? 1 : -1;
}

/** Writes the pair's features into `out` from `at` on (same order as PAIR_FEATURES). */
export function pairFeatures(a: Profile, b: Profile, out: Float64Array, at = 0): Float64Array {
  out[at] = dot(a.words, b.words);
  out[at + 1] = dot(a.lead, b.lead);
  out[at + 2] = dot(a.names, b.names);
  const ab = a.leadNames.ids.length ? covered(a.leadNames, b.names) : -1;
  const ba = b.leadNames.ids.length ? covered(b.leadNames, a.names) : -1;
  out[at + 3] = ab < 0 && ba < 0 ? 0 : ab < 0 ? ba : ba < 0 ? ab : Math.min(ab, ba);
  out[at + 4] = dot(a.numbers, b.numbers);
  out[at + 5] = agreement(a.days, b.days);
  out[at + 6] = bitAgreement(a.weekdays, b.weekdays);
  out[at + 7] = agreement(a.years, b.years);
  const keys = Math.min(a.keys.length, b.keys.length);
  out[at + 8] = keys ? shared(a.keys, b.keys) / keys : 0;
  out[at + 9] = bitAgreement(a.months, b.months);
  // The closest pair of lead sentences: two reports of one event state its main fact alike. Only looked
  // for when the articles share some words at all (most candidate pairs do not, and it is the dearest feature).
  let best = 0;
  if (out[at]! >= SENTENCE_GATE) for (const x of a.sentences) for (const y of b.sentences) best = Math.max(best, dot(x, y));
  out[at + 10] = best;
  return out;
}
