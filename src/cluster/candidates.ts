// Candidate pairs without comparing all pairs: two articles are compared only when they lie within the
// date window and share one of their rare key terms. Each key's posting list is sorted by day, so the
// articles near a day are a binary search away; a key that more than `postingCap` articles near that
// day hold is too common there to say anything and is skipped. Work grows with articles × keys × cap.
// An article whose every key is that common (one report copied by many outlets) is compared with the
// holders of its rarest key, up to COPY_REACH times the cap.
import type { Profile } from "./profile.ts";
import { lowerBound, rowStarts } from "../text/rows.ts";

export interface CandidateOptions {
  windowDays: number;
  /** A key held by more articles than this within the window (or at all, for an undated article) is skipped. */
  postingCap: number;
  /** Shared key weight (the part of the cosine the keys give) a pair needs to be compared at all. */
  minKeyScore: number;
}

/**
 * Every key's holders, in flat arrays (compressed rows: a key's holders are one run, `start[key]` to
 * `start[key + 1]`), not a list object per key: at 100,000 articles there are millions of entries. The
 * dated holders of a key are ordered by day then index, with their days; the undated follow them, in
 * index order. `dated[key]` is where a key's undated holders begin.
 */
interface Postings {
  start: Int32Array;
  dated: Int32Array;
  holder: Int32Array;
  day: Int32Array;
  weight: Float32Array;
}

function postingsOf(profiles: readonly Profile[], days: ReadonlyArray<number | null>): Postings {
  let keys = 0;
  for (const { keys: k } of profiles) for (let t = k.from; t < k.to; t++) keys = Math.max(keys, k.ids[t]! + 1);
  const start = new Int32Array(keys + 1);
  for (const { keys: k } of profiles) for (let t = k.from; t < k.to; t++) start[k.ids[t]! + 1]!++;
  const fill = rowStarts(start);
  const entries = start[keys]!;
  const holder = new Int32Array(entries);
  const day = new Int32Array(entries);
  const weight = new Float32Array(entries);
  const dated = new Int32Array(keys);
  for (const i of dayOrder(days)) {
    const p = profiles[i]!.keys;
    const d = days[i];
    for (let k = p.from; k < p.to; k++) {
      const key = p.ids[k]!;
      const at = fill[key]!++;
      holder[at] = i;
      weight[at] = p.weights[k]!;
      // Dated holders come first (the order puts undated articles last): the run's dated part ends here.
      if (d !== null && d !== undefined) {
        day[at] = d;
        dated[key] = at + 1 - start[key]!;
      }
    }
  }
  return { start, dated, holder, day, weight };
}

/** Pairs (a[k] < b[k]) to score, in order of `a` then `b`. */
export interface PairList {
  a: Int32Array;
  b: Int32Array;
  length: number;
}

/** Every candidate pair as a list (for training and tests; clustering visits them without keeping them). */
export function candidatePairs(profiles: readonly Profile[], days: ReadonlyArray<number | null>, options: CandidateOptions): PairList {
  let a: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let b: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let length = 0;
  visitCandidates(profiles, days, options, (i, j) => {
    if (length === a.length) {
      a = grow(a);
      b = grow(b);
    }
    a[length] = i;
    b[length++] = j;
  });
  return { a, b, length };
}

/** The articles by day, the undated last, ties by index. */
export function dayOrder(days: ReadonlyArray<number | null>): Int32Array {
  return Int32Array.from(days.keys()).sort((x, y) => (days[x] ?? Infinity) - (days[y] ?? Infinity) || x - y);
}

/**
 * Calls `visit(i, j)` (i < j) for every candidate pair: each i once, in the order `order` gives (by
 * default ascending; only the i it holds), with its j ascending. The pairs and their key scores do not depend on the order.
 * `capped(i, mask)`, when given, is called before i's pairs with which of i's keys were too common to use
 * (bit k, as a sum of powers of two: key k of its keys run; -1 past 52 keys): with i's keys and those of
 * an article j as they were, whether (i, j) is a candidate is as it was when the mask is (rows.ts).
 */
export function visitCandidates(profiles: readonly Profile[], days: ReadonlyArray<number | null>, options: CandidateOptions, visit: (i: number, j: number) => void, order?: Int32Array, capped?: (i: number, mask: number) => void): void {
  const { start, dated, holder, day: postingDay, weight } = postingsOf(profiles, days);
  const n = profiles.length;
  const score = new Float64Array(n);
  // The articles a round touched, each once (so never more than n).
  const touched = new Int32Array(n);
  const w = options.windowDays;
  for (let o = 0; o < (order ? order.length : n); o++) {
    const i = order ? order[o]! : o;
    const p = profiles[i]!.keys;
    const day = days[i] ?? null;
    let mask = 0;
    let count = 0;
    let allCapped = true;
    let rarest = -1;
    let rarestHolders = Infinity;
    for (let k = p.from; k < p.to; k++) {
      const key = p.ids[k]!;
      const wi = p.weights[k]!;
      const first = start[key]!;
      const undated = first + dated[key]!;
      const end = start[key + 1]!;
      let lo = first;
      let hi = undated;
      if (day !== null) {
        lo = lowerBound(postingDay, first, undated, day - w);
        hi = lowerBound(postingDay, lo, undated, day + w + 1);
      }
      if (hi - lo + (end - undated) > options.postingCap) {
        mask = mask < 0 || k - p.from >= 53 ? -1 : mask + 2 ** (k - p.from);
        if (allCapped && hi - lo + (end - undated) < rarestHolders) (rarest = k), (rarestHolders = hi - lo + (end - undated));
        continue;
      }
      allCapped = false;
      for (let t = lo; t < hi; t++) {
        const j = holder[t]!;
        if (j <= i) continue;
        if (score[j] === 0) touched[count++] = j;
        score[j]! += wi * weight[t]!;
      }
      for (let t = undated; t < end; t++) {
        const j = holder[t]!;
        if (j <= i) continue;
        if (score[j] === 0) touched[count++] = j;
        score[j]! += wi * weight[t]!;
      }
    }
    // Every key too common: one report carried word for word by more outlets than the cap (COPY_REACH).
    if (allCapped && rarest >= 0 && rarestHolders <= COPY_REACH * options.postingCap) {
      count = copyScores(i, p, rarest, day, w, { start, dated, holder, day: postingDay, weight }, score, touched);
      mask = -1; // never taken from a stored build: these pairs hang on how many hold the rarest key, which no mask records
    }
    // Only pairs with enough shared key weight are visited, in order of j.
    count = keepScoring(touched, count, score, options.minKeyScore);
    capped?.(i, mask);
    for (let t = 0; t < count; t++) visit(i, touched[t]!);
  }
}

/**
 * How far past `postingCap` an article whose every key is too common near its day still finds candidates:
 * among the holders of its rarest key, when there are at most this many times the cap. Without it, one
 * report copied by 32 outlets in two days was 32 stories (31 made one); past it, none are compared.
 */
const COPY_REACH = 10;

/**
 * The shared key weight of article i with each later holder of its rarest key near its day (`rarest`,
 * an index into i's keys run), over all of i's keys; the holders go into `touched`, their weight into
 * `score`. Returns how many it touched.
 */
function copyScores(i: number, p: Profile["keys"], rarest: number, day: number | null, w: number, postings: Postings, score: Float64Array, touched: Int32Array): number {
  const { start, dated, holder, day: postingDay, weight } = postings;
  let count = 0;
  const each = (k: number, take: (j: number, weight: number) => void) => {
    const key = p.ids[k]!;
    const first = start[key]!;
    const undated = first + dated[key]!;
    const end = start[key + 1]!;
    const lo = day === null ? first : lowerBound(postingDay, first, undated, day - w);
    const hi = day === null ? undated : lowerBound(postingDay, lo, undated, day + w + 1);
    for (let t = lo; t < hi; t++) if (holder[t]! > i) take(holder[t]!, weight[t]!);
    for (let t = undated; t < end; t++) if (holder[t]! > i) take(holder[t]!, weight[t]!);
  };
  each(rarest, (j, wj) => {
    if (score[j] === 0) touched[count++] = j;
    score[j]! += p.weights[rarest]! * wj;
  });
  for (let k = p.from; k < p.to; k++) {
    if (k === rarest) continue;
    each(k, (j, wj) => {
      if (score[j] !== 0) score[j]! += p.weights[k]! * wj;
    });
  }
  return count;
}

/**
 * Keeps of the `count` indices first in `touched` only those whose `score` reaches `min`, in ascending
 * order, and sets the score of every index it held back to 0 (ready for the next round). Returns how many it kept.
 */
export function keepScoring(touched: Int32Array, count: number, score: Float64Array, min: number): number {
  let passed = 0;
  for (let t = 0; t < count; t++) {
    const j = touched[t]!;
    if (score[j]! >= min) touched[passed++] = j;
    score[j] = 0;
  }
  // Mostly a few: sorted in place (a typed array's own sort for many).
  if (passed > 32) touched.subarray(0, passed).sort();
  else {
    for (let t = 1; t < passed; t++) {
      const j = touched[t]!;
      let at = t;
      for (; at > 0 && touched[at - 1]! > j; at--) touched[at] = touched[at - 1]!;
      touched[at] = j;
    }
  }
  return passed;
}

function grow(xs: Int32Array): Int32Array<ArrayBuffer> {
  const out = new Int32Array(xs.length * 2);
  out.set(xs);
  return out;
}
