// A later story that shares enough with an earlier one, further apart than the merge window but within
// `followUpDays`, is its follow-up. Stories are compared by their word centroids, and only stories that
// share enough weight of their key terms are compared at all (posting lists by day, as for candidates).
import { Spread, type Profile, type SparseVector } from "./profile.ts";
import type { TimeSpan } from "./time.ts";
import { dayOrNull } from "./days.ts";
import { keepScoring } from "./candidates.ts";
import { lowerBound, rowStarts } from "../text/rows.ts";

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
  const n = groups.length;
  const centroids = centroidsOf(groups, profiles);
  const keys = new StoryKeys(centroids, options.keyTerms);
  // Dated stories by day, then index (undated ones have no follow-ups and follow none).
  const day = new Int32Array(n);
  const byDay = new Int32Array(n);
  let dated = 0;
  for (let s = 0; s < n; s++) {
    const d = dayOrNull(spans[s]!.first);
    if (d === null) continue;
    day[s] = d;
    byDay[dated++] = s;
  }
  const order = byDay.subarray(0, dated).sort((x, y) => day[x]! - day[y]! || x - y);
  return linkStories(order, day, centroids, keys, keyPostings(order, day, keys), options);
}

/** Each story's word centroid (a one-article story's is its article's words). */
function centroidsOf(groups: readonly number[][], profiles: readonly Profile[]): SparseVector[] {
  const sums = new Sums();
  const out = new Array<SparseVector>(groups.length);
  for (let s = 0; s < groups.length; s++) out[s] = centroid(groups[s]!, profiles, sums);
  return out;
}

/**
 * Each story's key terms (its centroid's `k` heaviest, heaviest first, ties to the lower id) in flat
 * arrays: story s's are ids[s * k] … ids[s * k + count[s] - 1], with their weights.
 */
class StoryKeys {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly count: Int32Array;
  /** The highest key id plus one. */
  readonly top: number;

  constructor(
    centroids: readonly SparseVector[],
    readonly k: number,
  ) {
    const n = centroids.length;
    this.ids = new Int32Array(n * k);
    this.weights = new Float64Array(n * k);
    this.count = new Int32Array(n);
    const at = new Int32Array(k + 1);
    let top = 0;
    for (let s = 0; s < n; s++) {
      const c = centroids[s]!;
      const m = heaviest(c.weights, c.from, c.to, k, at);
      for (let e = 0; e < m; e++) {
        const id = c.ids[at[e]!]!;
        this.ids[s * k + e] = id;
        this.weights[s * k + e] = c.weights[at[e]!]!;
        if (id >= top) top = id + 1;
      }
      this.count[s] = m;
    }
    this.top = top;
  }
}

/**
 * The positions of the `k` heaviest of w[from, to) into at[0 …], heaviest first (on equal weights the
 * lower position first); returns how many (k, or fewer when the run is shorter). `at` has room for k + 1.
 */
function heaviest(w: Float32Array, from: number, to: number, k: number, at: Int32Array): number {
  // Selection into a short sorted list: a centroid has hundreds of terms, and only k are wanted.
  let length = 0;
  for (let i = from; i < to; i++) {
    const wi = w[i]!;
    if (length === k && !(wi > w[at[k - 1]!]!)) continue;
    let p = length === k ? k - 1 : length++;
    // Heavier than the one before it (on equal weights the earlier position, the lower id, stays first).
    while (p > 0 && wi > w[at[p - 1]!]!) {
      at[p] = at[p - 1]!;
      p--;
    }
    at[p] = i;
  }
  return length;
}

/**
 * Each key's stories by day (compressed rows, as in candidates.ts): key id's are entries start[id] …
 * start[id + 1] - 1, with each story's day and its weight of the key.
 */
interface KeyPostings {
  start: Int32Array;
  story: Int32Array;
  day: Int32Array;
  weight: Float64Array;
}

function keyPostings(byDay: Int32Array, days: Int32Array, keys: StoryKeys): KeyPostings {
  const { ids, weights, count, k, top } = keys;
  const start = new Int32Array(top + 1);
  for (let o = 0; o < byDay.length; o++) {
    const s = byDay[o]!;
    for (let e = s * k; e < s * k + count[s]!; e++) start[ids[e]! + 1]!++;
  }
  const fill = rowStarts(start);
  const story = new Int32Array(start[top]!);
  const day = new Int32Array(start[top]!);
  const weight = new Float64Array(start[top]!);
  for (let o = 0; o < byDay.length; o++) {
    const s = byDay[o]!;
    for (let e = s * k; e < s * k + count[s]!; e++) {
      const at = fill[ids[e]!]!++;
      story[at] = s;
      day[at] = days[s]!;
      weight[at] = weights[e]!;
    }
  }
  return { start, story, day, weight };
}

/**
 * Each later story (in day order) against the earlier ones, further back than the window and within
 * `followUpDays`, that share enough weight of its key terms (a key more than `postingCap` such stories
 * hold is skipped); the first in index order of the most similar above the threshold is the one it follows.
 */
function linkStories(byDay: Int32Array, days: Int32Array, centroids: readonly SparseVector[], keys: StoryKeys, postings: KeyPostings, options: FollowUpOptions): Map<number, number> {
  const { ids, weights, k } = keys;
  const keyCount = keys.count;
  const { start, story, day: storyDay, weight: storyWeight } = postings;
  const links = new Map<number, number>();
  const spread = new Spread();
  const score = new Float64Array(centroids.length);
  // The stories a round touched, each once.
  const touched = new Int32Array(centroids.length);
  for (let o = 0; o < byDay.length; o++) {
    const later = byDay[o]!;
    const day = days[later]!;
    let count = 0;
    for (let e = later * k; e < later * k + keyCount[later]!; e++) {
      const end = start[ids[e]! + 1]!;
      const lo = lowerBound(storyDay, start[ids[e]!]!, end, day - options.followUpDays);
      const hi = lowerBound(storyDay, lo, end, day - options.windowDays);
      if (hi - lo > options.postingCap) continue;
      const w = weights[e]!;
      for (let t = lo; t < hi; t++) {
        const earlier = story[t]!;
        if (score[earlier] === 0) touched[count++] = earlier;
        score[earlier]! += w * storyWeight[t]!;
      }
    }
    // Only the stories that share enough key weight are compared, in index order (the first best wins).
    count = keepScoring(touched, count, score, options.minKeyScore);
    if (count === 0) continue;
    let best = -1;
    let bestSim = options.followUpThreshold;
    // The later centroid is spread out by id: each comparison is one pass over the earlier one.
    spread.load(centroids[later]!);
    for (let t = 0; t < count; t++) {
      const earlier = touched[t]!;
      const sim = spread.dot(centroids[earlier]!);
      if (sim > bestSim) {
        best = earlier;
        bestSim = sim;
      }
    }
    if (best >= 0) links.set(later, best);
  }
  return links;
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
    let i = 0;
    let j = v.from;
    let at = 0;
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
    this.ids = outIds;
    this.spareIds = ids;
    this.sum = outSum;
    this.spareSum = sum;
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

/** The normalised sum of the members' word vectors (summed member by member, in double precision, then kept as Float32). */
function centroid(members: readonly number[], profiles: readonly Profile[], sums: Sums): SparseVector {
  if (members.length === 1) return profiles[members[0]!]!.words;
  sums.start(profiles[members[0]!]!.words);
  for (let m = 1; m < members.length; m++) sums.add(profiles[members[m]!]!.words);
  const ids = sums.ids.slice(0, sums.length);
  const weights = new Float32Array(ids.length);
  for (let k = 0; k < ids.length; k++) weights[k] = sums.sum[k]!;
  let norm = 0;
  for (let k = 0; k < weights.length; k++) norm += weights[k]! * weights[k]!;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
  return { ids, weights, from: 0, to: ids.length };
}
