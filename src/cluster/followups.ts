// A later story further apart from an earlier one than the merge window but within `followUpDays` is its
// follow-up when the learned follow-up model (follow-up-model.json, train/train-follow-ups.ts) finds it
// likely enough: the same kind of event told of other actors (GM recalls cars, then BMW does) shares
// words but not whom it is about. Only stories that share enough weight of their key terms are compared
// at all (posting lists by day, as for candidates), and only those whose word centroids' cosine passes
// `followUpThreshold` (a floor under the model, which keeps it to few pairs) are weighed by the model.
import { Spread, type Profile, type SparseVector } from "./profile.ts";
import { loadModel, probability, type LogisticModel } from "../model/logistic.ts";
import modelJson from "./follow-up-model.json" with { type: "json" };
import { centroid, FOLLOW_UP_FEATURES, StoryEvidence, Sums } from "./follow-up-features.ts";
import type { TimeSpan } from "./time.ts";
import { dayOrNull } from "./days.ts";
import { keepScoring } from "./candidates.ts";
import { lowerBound, rowStarts } from "../text/rows.ts";
import { UNKNOWN } from "./follow-up-reuse.ts";
import { StoryKeys, type CarriedKeys } from "./story-keys.ts";

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
 * Map from a later story's index to the index of the earlier story it follows up, and each story's keys.
 * `known`: each story's link when the last build's says it (follow-up-reuse.ts: the earlier story, -1 for
 * none, UNKNOWN: worked out); `carried`: the keys of the stories the last build kept them for (story-keys.ts).
 * A story's centroid is made only when something reads it: its keys when they are not carried, or a
 * comparison of a story linked again.
 */
export function linkFollowUps(groups: number[][], spans: TimeSpan[], profiles: Profile[], options: FollowUpOptions, known: Int32Array | null = null, carried: CarriedKeys | null = null): { links: Map<number, number>; keys: StoryKeys } {
  const n = groups.length;
  const centroids = new Array<SparseVector | undefined>(n);
  const sums = new Sums();
  const centroidOf = (s: number): SparseVector => (centroids[s] ??= centroid(groups[s]!, profiles, sums, (p) => p.words));
  const keys = new StoryKeys(n, options.keyTerms, centroidOf, carried);
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
  // Nothing to link: every story's link is known (no posting is read).
  if (known && order.every((s) => known[s] !== UNKNOWN)) {
    const links = new Map<number, number>();
    for (const s of order) if (known[s]! >= 0) links.set(s, known[s]!);
    return { links, keys };
  }
  return { links: linkStories(order, day, n, centroidOf, keys, keyPostings(order, day, keys), new StoryEvidence(groups, profiles), options, known), keys };
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
function linkStories(byDay: Int32Array, days: Int32Array, n: number, centroidOf: (s: number) => SparseVector, keys: StoryKeys, postings: KeyPostings, evidence: StoryEvidence, options: FollowUpOptions, known: Int32Array | null): Map<number, number> {
  const { ids, weights, k } = keys;
  const keyCount = keys.count;
  const { start, story, day: storyDay, weight: storyWeight } = postings;
  const model = options.followUpModel === undefined ? followUpModel() : options.followUpModel;
  const features = new Float64Array(FOLLOW_UP_FEATURES.length);
  const links = new Map<number, number>();
  const spread = new Spread();
  const score = new Float64Array(n);
  // Each touched story's shared key weight (keepScoring clears `score`).
  const keyed = new Float64Array(n);
  // The stories a round touched, each once.
  const touched = new Int32Array(n);
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
    spread.load(centroidOf(later));
    for (let t = 0; t < count; t++) {
      const earlier = touched[t]!;
      const sim = spread.dot(centroidOf(earlier));
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
