// Candidate pairs without comparing all pairs: two articles are compared only when they lie within the
// date window and share one of their rare key terms. Each key's posting list is sorted by day, so the
// articles near a day are a binary search away; a key that more than `postingCap` articles near that
// day hold is too common there to say anything and is skipped. Work grows with articles × keys × cap.
import type { Profile } from "./profile.ts";

export interface CandidateOptions {
  windowDays: number;
  /** A key held by more articles than this within the window (or at all, for an undated article) is skipped. */
  postingCap: number;
  /** Shared key weight (the part of the cosine the keys give) a pair needs to be compared at all. */
  minKeyScore: number;
}

interface Posting {
  /** Dated holders, ordered by day then index, with their days and their weights for the key. */
  dated: number[];
  days: number[];
  weights: number[];
  undated: number[];
  undatedWeights: number[];
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

/** Calls `visit(i, j)` (i < j) for every candidate pair, in order of i then j. */
export function visitCandidates(profiles: readonly Profile[], days: ReadonlyArray<number | null>, options: CandidateOptions, visit: (i: number, j: number) => void): void {
  const postings = new Map<number, Posting>();
  const order = profiles.map((_, i) => i).sort((x, y) => (days[x] ?? Infinity) - (days[y] ?? Infinity) || x - y);
  for (const i of order) {
    const p = profiles[i]!;
    const day = days[i];
    for (let k = 0; k < p.keys.length; k++) {
      let posting = postings.get(p.keys[k]!);
      if (!posting) postings.set(p.keys[k]!, (posting = { dated: [], days: [], weights: [], undated: [], undatedWeights: [] }));
      if (day === null || day === undefined) {
        posting.undated.push(i);
        posting.undatedWeights.push(p.keyWeights[k]!);
      } else {
        posting.dated.push(i);
        posting.days.push(day);
        posting.weights.push(p.keyWeights[k]!);
      }
    }
  }

  const n = profiles.length;
  const score = new Float64Array(n);
  const touched: number[] = [];
  const w = options.windowDays;
  for (let i = 0; i < n; i++) {
    const p = profiles[i]!;
    const day = days[i] ?? null;
    for (let k = 0; k < p.keys.length; k++) {
      const posting = postings.get(p.keys[k]!)!;
      const wi = p.keyWeights[k]!;
      let lo = 0;
      let hi = posting.dated.length;
      if (day !== null) {
        lo = lowerBound(posting.days, day - w);
        hi = lowerBound(posting.days, day + w + 1);
      }
      if (hi - lo + posting.undated.length > options.postingCap) continue;
      for (let t = lo; t < hi; t++) {
        const j = posting.dated[t]!;
        if (j <= i) continue;
        if (score[j] === 0) touched.push(j);
        score[j]! += wi * posting.weights[t]!;
      }
      for (let t = 0; t < posting.undated.length; t++) {
        const j = posting.undated[t]!;
        if (j <= i) continue;
        if (score[j] === 0) touched.push(j);
        score[j]! += wi * posting.undatedWeights[t]!;
      }
    }
    touched.sort((x, y) => x - y);
    for (const j of touched) {
      if (score[j]! >= options.minKeyScore) visit(i, j);
      score[j] = 0;
    }
    touched.length = 0;
  }
}

function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function grow(xs: Int32Array): Int32Array<ArrayBuffer> {
  const out = new Int32Array(xs.length * 2);
  out.set(xs);
  return out;
}
