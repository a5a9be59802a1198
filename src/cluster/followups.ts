// A later story further apart from an earlier one than the merge window but within `followUpDays` is its
// follow-up when the learned follow-up model (follow-up-model.json, train/train-follow-ups.ts) finds it
// likely enough: the same kind of event told of other actors (GM recalls cars, then BMW does) shares
// words but not whom it is about. Only stories that share enough weight of their key terms are compared
// at all (posting lists by day, as for candidates), and only those whose word centroids' cosine passes
// `followUpThreshold` (a floor under the model, which keeps it to few pairs) are weighed by the model.
import { Spread, type Profile, type SparseVector } from "./profile.ts";
import { loadModel, probability, type LogisticModel } from "../model/logistic.ts";
import modelJson from "./follow-up-model.json" with { type: "json" };
import { centroid, FOLLOW_UP_FEATURES, followUpVectors, StoryEvidence, Sums } from "./follow-up-features.ts";
import type { TimeSpan } from "./time.ts";
import { dayOrNull } from "./days.ts";
import { keepScoring } from "./candidates.ts";
import { lowerBound, rowStarts } from "../text/rows.ts";
import { UNKNOWN } from "./follow-up-reuse.ts";

export interface FollowUpOptions {
  windowDays: number;
  followUpDays: number;
  followUpThreshold: number;
  keyTerms: number;
  postingCap: number;
  minKeyScore: number;
  /** The follow-up model (the committed one when absent; null: the centroid cosine above `followUpThreshold` alone decides, as before stop 51). */
  followUpModel?: LogisticModel | null;
  /** For the trainer: called with every pair the model weighs (story indices, its features in FOLLOW_UP_FEATURES order). */
  onFollowUpPair?: (later: number, earlier: number, features: Float64Array) => void;
}

let loaded: LogisticModel | null = null;

/** The committed follow-up model (read on first use). */
export function followUpModel(): LogisticModel {
  loaded ??= loadModel(modelJson, FOLLOW_UP_FEATURES);
  return loaded;
}

/**
 * Map from a later story's index to the index of the earlier story it follows up. `known`: each story's
 * link when the last build's says it (follow-up-reuse.ts: the earlier story, -1 for none, UNKNOWN: worked out).
 */
export function linkFollowUps(groups: number[][], spans: TimeSpan[], profiles: Profile[], options: FollowUpOptions, known: Int32Array | null = null): Map<number, number> {
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
  return linkStories(order, day, centroids, keys, keyPostings(order, day, keys), new StoryEvidence(groups, profiles), options, known);
}

/** Each story's word centroid (a one-article story's is its article's words). */
function centroidsOf(groups: readonly number[][], profiles: readonly Profile[]): SparseVector[] {
  const sums = new Sums();
  const out = new Array<SparseVector>(groups.length);
  for (let s = 0; s < groups.length; s++) out[s] = centroid(groups[s]!, profiles, sums, (p) => followUpVectors(p).words);
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
 * hold is skipped) and whose centroids' cosine is above `followUpThreshold`; the first in index order of
 * the likeliest above the model's bar is the one it follows (without a model: of the most similar).
 */
function linkStories(byDay: Int32Array, days: Int32Array, centroids: readonly SparseVector[], keys: StoryKeys, postings: KeyPostings, evidence: StoryEvidence, options: FollowUpOptions, known: Int32Array | null): Map<number, number> {
  const { ids, weights, k } = keys;
  const keyCount = keys.count;
  const { start, story, day: storyDay, weight: storyWeight } = postings;
  const model = options.followUpModel === undefined ? followUpModel() : options.followUpModel;
  const features = new Float64Array(FOLLOW_UP_FEATURES.length);
  const links = new Map<number, number>();
  const spread = new Spread();
  const score = new Float64Array(centroids.length);
  // Each touched story's shared key weight (keepScoring clears `score`).
  const keyed = new Float64Array(centroids.length);
  // The stories a round touched, each once.
  const touched = new Int32Array(centroids.length);
  for (let o = 0; o < byDay.length; o++) {
    const later = byDay[o]!;
    if (known && known[later] !== UNKNOWN) {
      if (known[later]! >= 0) links.set(later, known[later]!);
      continue;
    }
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
    for (let t = 0; t < count; t++) keyed[touched[t]!] = score[touched[t]!]!;
    // Only the stories that share enough key weight are compared, in index order (the first best wins).
    count = keepScoring(touched, count, score, options.minKeyScore);
    if (count === 0) continue;
    let best = -1;
    let bestScore = model ? model.threshold : options.followUpThreshold;
    // The later centroid is spread out by id: each comparison is one pass over the earlier one.
    spread.load(centroids[later]!);
    for (let t = 0; t < count; t++) {
      const earlier = touched[t]!;
      const sim = spread.dot(centroids[earlier]!);
      if (!(sim > options.followUpThreshold)) continue;
      let p = sim;
      if (model) {
        evidence.features(later, earlier, sim, keyed[earlier]!, features);
        options.onFollowUpPair?.(later, earlier, features);
        p = probability(model, features);
      }
      if (p > bestScore) {
        best = earlier;
        bestScore = p;
      }
    }
    if (best >= 0) links.set(later, best);
  }
  return links;
}
