// A later story that shares enough with an earlier one, further apart than the merge window but within
// `followUpDays`, is its follow-up. Stories are compared by their word centroids, and only stories that
// share enough weight of their key terms are compared at all (posting lists by day, as for candidates).
import { Spread, type Profile, type SparseVector } from "./profile.ts";
import type { TimeSpan } from "./time.ts";
import { dayOrNull } from "./days.ts";
import { keepScoring } from "./candidates.ts";
import { rowStarts } from "../text/rows.ts";

export interface FollowUpOptions {
  windowDays: number;
  followUpDays: number;
  followUpThreshold: number;
  keyTerms: number;
  postingCap: number;
  minKeyScore: number;
}

/** Map from a later story's index to the index of the earlier story it follows up. */
export function linkFollowUps(groups: number[][], spans: TimeSpan[], profiles: Profile[], options: FollowUpOptions): Map<number, number> {
  const sums = new Sums();
  const centroids = groups.map((members) => centroid(members.map((i) => profiles[i]!.words), sums));
  const days = spans.map((s) => dayOrNull(s.first));
  const keys = centroids.map((c) => topKeys(c, options.keyTerms));
  const byDay = groups.map((_, s) => s).filter((s) => days[s] !== null).sort((x, y) => days[x]! - days[y]! || x - y);
  // Each key's stories by day (compressed rows, as in candidates.ts): key k's are start[k] … start[k + 1] - 1.
  let top = 0;
  for (const s of byDay) for (const id of keys[s]!.ids) top = Math.max(top, id + 1);
  const start = new Int32Array(top + 1);
  for (const s of byDay) for (const id of keys[s]!.ids) start[id + 1]!++;
  const fill = rowStarts(start);
  const story = new Int32Array(start[top]!);
  const storyDay = new Int32Array(start[top]!);
  const storyWeight = new Float64Array(start[top]!);
  for (const s of byDay) {
    const { ids, weights } = keys[s]!;
    for (let k = 0; k < ids.length; k++) {
      const at = fill[ids[k]!]!++;
      story[at] = s;
      storyDay[at] = days[s]!;
      storyWeight[at] = weights[k]!;
    }
  }
  const links = new Map<number, number>();
  const spread = new Spread();
  const score = new Float64Array(groups.length);
  const touched: number[] = [];
  for (const later of byDay) {
    const day = days[later]!;
    const { ids, weights } = keys[later]!;
    for (let k = 0; k < ids.length; k++) {
      const [first, end] = [start[ids[k]!]!, start[ids[k]! + 1]!];
      const lo = lowerBound(storyDay, first, end, day - options.followUpDays);
      const hi = lowerBound(storyDay, lo, end, day - options.windowDays);
      if (hi - lo > options.postingCap) continue;
      for (let t = lo; t < hi; t++) {
        const earlier = story[t]!;
        if (score[earlier] === 0) touched.push(earlier);
        score[earlier]! += weights[k]! * storyWeight[t]!;
      }
    }
    // Only the stories that share enough key weight are compared, in index order (the first best wins).
    keepScoring(touched, score, options.minKeyScore);
    let best = -1;
    let bestSim = options.followUpThreshold;
    if (touched.length > 0) spread.load(centroids[later]!);
    // The later centroid is spread out by id: each comparison is one pass over the earlier one.
    for (const earlier of touched) {
      const sim = spread.dot(centroids[earlier]!);
      if (sim > bestSim) {
        best = earlier;
        bestSim = sim;
      }
    }
    touched.length = 0;
    if (best >= 0) links.set(later, best);
  }
  return links;
}

/** The first position in days[lo, hi) (ascending) whose day is at least `day` (hi when none is). */
function lowerBound(days: Int32Array, lo: number, hi: number, day: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A running sum of sparse vectors, kept sorted by id: each vector is merged in (two sorted runs walked
 * side by side), so the sums stay in order and nothing is looked up at random. An id's sum takes its
 * vectors' weights in the order they were added, in double precision, as a sum per id would.
 */
class Sums {
  ids = new Int32Array(1024);
  sum = new Float64Array(1024);
  length = 0;
  private spareIds = new Int32Array(1024);
  private spareSum = new Float64Array(1024);

  /** Starts the sum with `v`. */
  start(v: SparseVector): void {
    this.room(v.to - v.from);
    for (let k = v.from, at = 0; k < v.to; k++, at++) {
      this.ids[at] = v.ids[k]!;
      this.sum[at] = v.weights[k]!;
    }
    this.length = v.to - v.from;
  }

  add(v: SparseVector): void {
    this.room(this.length + v.to - v.from);
    const { ids, sum, spareIds: outIds, spareSum: outSum } = this;
    const vIds = v.ids;
    const vWeights = v.weights;
    let [i, j, at] = [0, v.from, 0];
    while (i < this.length && j < v.to) {
      const x = ids[i]!;
      const y = vIds[j]!;
      if (x === y) {
        outIds[at] = x;
        outSum[at++] = sum[i++]! + vWeights[j++]!;
      } else if (x < y) {
        outIds[at] = x;
        outSum[at++] = sum[i++]!;
      } else {
        outIds[at] = y;
        outSum[at++] = vWeights[j++]!;
      }
    }
    for (; i < this.length; i++) {
      outIds[at] = ids[i]!;
      outSum[at++] = sum[i]!;
    }
    for (; j < v.to; j++) {
      outIds[at] = vIds[j]!;
      outSum[at++] = vWeights[j]!;
    }
    [this.ids, this.spareIds, this.sum, this.spareSum] = [outIds, ids, outSum, sum];
    this.length = at;
  }

  private room(size: number): void {
    if (size <= this.ids.length) return;
    const grown = Math.max(size, 2 * this.ids.length);
    const [ids, sum] = [new Int32Array(grown), new Float64Array(grown)];
    ids.set(this.ids.subarray(0, this.length));
    sum.set(this.sum.subarray(0, this.length));
    [this.ids, this.sum, this.spareIds, this.spareSum] = [ids, sum, new Int32Array(grown), new Float64Array(grown)];
  }
}

/** The normalised sum of unit vectors (summed member by member, in double precision, then kept as Float32). */
function centroid(vectors: SparseVector[], sums: Sums): SparseVector {
  if (vectors.length === 1) return vectors[0]!;
  sums.start(vectors[0]!);
  for (let m = 1; m < vectors.length; m++) sums.add(vectors[m]!);
  const ids = sums.ids.slice(0, sums.length);
  const weights = new Float32Array(ids.length);
  for (let k = 0; k < ids.length; k++) weights[k] = sums.sum[k]!;
  let norm = 0;
  for (let k = 0; k < weights.length; k++) norm += weights[k]! * weights[k]!;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
  return { ids, weights, from: 0, to: ids.length };
}

/** The centroid's `k` heaviest terms and their weights (ties to the lower id). */
function topKeys(v: SparseVector, k: number): { ids: number[]; weights: number[] } {
  // Selection into a short sorted list: a centroid has hundreds of terms, and only k are wanted.
  const top: number[] = [];
  const w = v.weights;
  for (let i = v.from; i < v.to; i++) {
    const wi = w[i]!;
    if (top.length === k && !(wi > w[top[k - 1]!]!)) continue;
    let at = top.length === k ? k - 1 : top.length;
    // Heavier than the one before it (on equal weights the earlier position, the lower id, stays first).
    while (at > 0 && wi > w[top[at - 1]!]!) {
      top[at] = top[at - 1]!;
      at--;
    }
    top[at] = i;
    if (top.length > k) top.length = k;
  }
  return { ids: top.map((x) => v.ids[x]!), weights: top.map((x) => w[x]!) };
}
