// How alike two articles are as reports of one event, as named similarity features for the learned
// same-event model (merge-model.json, trained by train/train-merge.ts). Every feature compares the two
// articles; none describes one article alone.
import { covered, overlap, shared, size, Spread, type IdRun, type Profile, type SparseVector } from "./profile.ts";

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
export function shrink(n: number): number {
  return Math.sqrt(n / (n + PRIOR_ENTRIES));
}

/**
 * From how much of `a`'s weight the other side's vector holds (`ab`) and of `b`'s (`ba`), -1 for an
 * empty side: the smaller share (one side's when the other side is empty); and whether each side leads
 * with someone the other never names: the smaller of the two missing shares (0 when either side is empty).
 */
export function coverFrom(ab: number, ba: number, out: Float64Array, at: number): void {
  out[at] = ab < 0 && ba < 0 ? 0 : ab < 0 ? ba : ba < 0 ? ab : Math.min(ab, ba);
  out[at + 1] = ab < 0 || ba < 0 ? 0 : 1 - Math.max(ab, ba);
}

/** Scratch for quantityAgreement: the units seen so far in one pair. */
let seenUnits: Int32Array = new Int32Array(16);

function grownUnits(units: Int32Array): Int32Array {
  const out = new Int32Array(2 * units.length);
  out.set(units);
  return out;
}

/**
 * Writes log(1 + units both state the same quantity of) and log(1 + units both state a quantity of but
 * never the same one) into `out` from `at` on.
 */
function quantityAgreement(a: Profile, b: Profile, out: Float64Array, at: number): void {
  const units = shared(a.units, b.units);
  let agreed = 0;
  if (units > 0) {
    const aq = a.quantities.ids;
    const bq = b.quantities.ids;
    const au = a.quantityUnits.ids;
    // quantityUnits runs alongside quantities: entry i of the one is at this distance in the other.
    const unitShift = a.quantityUnits.from - a.quantities.from;
    let i = a.quantities.from;
    let j = b.quantities.from;
    // The distinct units of the quantities both state, in SEEN_UNITS[0 … agreed - 1] (no array per pair).
    while (i < a.quantities.to && j < b.quantities.to) {
      if (aq[i] === bq[j]) {
        const unit = au[i + unitShift]!;
        let known = false;
        for (let s = 0; s < agreed && !known; s++) known = seenUnits[s] === unit;
        if (!known) {
          if (agreed === seenUnits.length) seenUnits = grownUnits(seenUnits);
          seenUnits[agreed++] = unit;
        }
        i++;
        j++;
      } else if (aq[i]! < bq[j]!) i++;
      else j++;
    }
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
 * One pair on its own; to score many pairs that share their first article, use a PairScorer.
 */
export function pairFeatures(a: Profile, b: Profile, out: Float64Array, at = 0): boolean {
  return new PairScorer().features(a, b, out, at);
}

/**
 * Pair features, with the first article's vectors spread out by id while it stays the same: candidates
 * come in order of their first article, so each comparison is a pass over the second article's vectors
 * alone, not a merge of both. Gives exactly what `pairFeatures` gives.
 */
export class PairScorer {
  private current: Profile | null = null;
  private readonly words = new Spread();
  private readonly lead = new Spread();
  private readonly title = new Spread();
  private readonly names = new Spread();
  private readonly numbers = new Spread();
  private readonly sentences: Spread[] = [];
  private readonly keys = new Marks();

  private load(a: Profile): void {
    if (this.current === a) return;
    this.current = a;
    this.keys.load(a.keys);
    this.words.load(a.words);
    this.lead.load(a.lead);
    this.title.load(a.title);
    this.names.load(a.names);
    this.numbers.load(a.numbers);
    for (const s of this.sentences) s.clear();
    while (this.sentences.length < a.sentences.length) this.sentences.push(new Spread());
    a.sentences.forEach((v, k) => this.sentences[k]!.load(v));
  }

  /** As `pairFeatures(a, b, out, at)`. */
  features(a: Profile, b: Profile, out: Float64Array, at = 0): boolean {
    this.load(a);
    const { common, cosine: words } = this.words.overlap(b.words);
    if (common < MIN_SHARED_WORDS || words < MIN_WORD_COSINE) return false;
    out[at] = words;
    out[at + 1] = this.lead.dot(b.lead);
    out[at + 2] = this.title.dot(b.title);
    coverFrom(size(a.title) ? covered(a.title, b.lead) : -1, size(b.title) ? this.lead.coveredBy(b.title) : -1, SCRATCH, 0);
    out[at + 3] = SCRATCH[0]!;
    out[at + 4] = this.names.dot(b.names);
    coverFrom(size(a.actors) ? covered(a.actors, b.names) : -1, size(b.actors) ? this.names.coveredBy(b.actors) : -1, out, at + 5);
    coverFrom(size(a.leadNames) ? covered(a.leadNames, b.names) : -1, size(b.leadNames) ? this.names.coveredBy(b.leadNames) : -1, out, at + 7);
    out[at + 9] = this.numbers.dot(b.numbers) * shrink(size(a.numbers)) * shrink(size(b.numbers));
    quantityAgreement(a, b, out, at + 10);
    out[at + 12] = agreement(a.days, b.days);
    out[at + 13] = bitAgreement(a.weekdays, b.weekdays);
    out[at + 14] = agreement(a.years, b.years);
    out[at + 15] = bitAgreement(a.months, b.months);
    out[at + 16] = this.keys.shared(b.keys) / Math.sqrt((size(a.keys) + PRIOR_ENTRIES) * (size(b.keys) + PRIOR_ENTRIES));
    // The closest pair of lead sentences: two reports of one event state its main fact alike. Only looked
    // for when the articles share enough words (it is the dearest feature).
    let best = 0;
    if (words >= SENTENCE_GATE) for (let x = 0; x < a.sentences.length; x++) for (const y of b.sentences) best = Math.max(best, this.sentences[x]!.dot(y));
    out[at + 17] = best;
    // A sentence told word for word: a copy or a rewrite of one report, whatever else differs.
    out[at + 18] = Math.max(0, (best - 0.7) / 0.3);
    return true;
  }
}

/**
 * The ids of one run marked in an array by id, so that counting the ids another run shares with it is a
 * lookup per id of the other (as `shared`, without walking both runs side by side). Each load takes a
 * new stamp, so nothing needs clearing.
 */
export class Marks {
  private mark = new Int32Array(0);
  private stamp = 0;

  load(run: IdRun): void {
    this.stamp++;
    let top = -1;
    for (let k = run.from; k < run.to; k++) top = Math.max(top, run.ids[k]!);
    if (top >= this.mark.length) this.mark = new Int32Array(Math.max(top + 1, 2 * this.mark.length));
    for (let k = run.from; k < run.to; k++) this.mark[run.ids[k]!] = this.stamp;
  }

  /** As `shared(loaded run, b)`: how many ids the two runs share (each run's ids distinct, as in every profile run). */
  shared(b: IdRun): number {
    const mark = this.mark;
    const size = mark.length;
    const stamp = this.stamp;
    let n = 0;
    for (let k = b.from; k < b.to; k++) {
      const id = b.ids[k]!;
      if (id < size && mark[id] === stamp) n++;
    }
    return n;
  }
}
