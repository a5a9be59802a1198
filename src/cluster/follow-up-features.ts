// How alike a later story and an earlier one are as steps of one running story, as named features for the
// learned follow-up model (follow-up-model.json, trained by train/train-follow-ups.ts). Two stories of the
// same kind of event (GM recalls cars, then BMW does) share words; a story's next step also shares whom
// and what it is about: its actors, the names and places of its leads, its numbers. Every feature
// compares the two stories; none names a site or a page.
import { covered, size, Spread, type FollowUpVectors, type Profile, type SparseVector } from "./profile.ts";
import { coverFrom, shrink } from "./similarity.ts";

export const FOLLOW_UP_FEATURES = ["words", "keys", "names", "actors", "leadNames", "leadNameConflict", "numbers", "laterSize", "earlierSize"] as const;

/** The sign each feature's weight must keep (1: evidence for, -1: evidence against, 0: free), in FOLLOW_UP_FEATURES order. */
export const FOLLOW_UP_SIGNS = [1, 1, 1, 1, 1, -1, 1, 0, 0] as const;

const SCRATCH = new Float64Array(2);

/** What the follow-up step reads of an article: its own follow-up vectors when it has them (profile.ts FollowUpIdf). */
export function followUpVectors(p: Profile): FollowUpVectors {
  return p.followUp ?? p;
}

/** A story's vectors beyond its words: each the normalised sum of its members' (a one-article story's are its article's). */
interface StoryVectors {
  names: SparseVector;
  actors: SparseVector;
  leadNames: SparseVector;
  numbers: SparseVector;
}

/** Each story's vectors, made when a pair first asks for them (most stories are never a candidate's). */
export class StoryEvidence {
  private readonly made: Array<StoryVectors | null>;
  private readonly sums = new Sums();
  /** The names and numbers of the later story last weighed, spread out by id (linkStories weighs one later story against many). */
  private spreadOf = -1;
  private readonly names = new Spread();
  private readonly numbers = new Spread();

  constructor(
    private readonly groups: readonly number[][],
    private readonly profiles: readonly Profile[],
  ) {
    this.made = groups.map(() => null);
  }

  private of(s: number): StoryVectors {
    let v = this.made[s];
    if (!v) {
      const members = this.groups[s]!;
      const sum = (pick: (p: FollowUpVectors) => SparseVector) => centroid(members, this.profiles, this.sums, (p) => pick(followUpVectors(p)));
      v = { names: sum((p) => p.names), actors: sum((p) => p.actors), leadNames: sum((p) => p.leadNames), numbers: sum((p) => p.numbers) };
      this.made[s] = v;
    }
    return v;
  }

  /**
   * Writes the pair's features into `out` from `at` on (FOLLOW_UP_FEATURES order): `words` is the two
   * centroids' cosine, `keys` their shared key weight. A story's sizes weigh in because a centroid of
   * more reports holds more names: two large stories' names cover each other more, whatever they are about.
   * Actors and lead names are read as the pair features read them (similarity.ts coverFrom, shrink).
   */
  features(later: number, earlier: number, words: number, keys: number, out: Float64Array, at = 0): void {
    const a = this.of(later);
    const b = this.of(earlier);
    if (this.spreadOf !== later) {
      this.names.load(a.names);
      this.numbers.load(a.numbers);
      this.spreadOf = later;
    }
    out[at] = words;
    out[at + 1] = keys;
    out[at + 2] = this.names.dot(b.names);
    coverFrom(size(a.actors) ? covered(a.actors, b.names) : -1, size(b.actors) ? this.names.coveredBy(b.actors) : -1, SCRATCH, 0);
    out[at + 3] = SCRATCH[0]!;
    coverFrom(size(a.leadNames) ? covered(a.leadNames, b.names) : -1, size(b.leadNames) ? this.names.coveredBy(b.leadNames) : -1, out, at + 4);
    out[at + 6] = this.numbers.dot(b.numbers) * shrink(size(a.numbers)) * shrink(size(b.numbers));
    out[at + 7] = Math.log(this.groups[later]!.length);
    out[at + 8] = Math.log(this.groups[earlier]!.length);
  }
}

/**
 * A running sum of sparse vectors, kept sorted by id: each vector is merged in (two sorted runs walked
 * side by side), so the sums stay in order and nothing is looked up at random. An id's sum takes its
 * vectors' weights in the order they were added, in double precision, as a sum per id would.
 */
export class Sums {
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

/**
 * The normalised sum of the members' vectors `pick` reads (summed member by member, in double precision,
 * then kept as Float32); a one-article story's is its article's.
 */
export function centroid(members: readonly number[], profiles: readonly Profile[], sums: Sums, pick: (p: Profile) => SparseVector): SparseVector {
  if (members.length === 1) return pick(profiles[members[0]!]!);
  sums.start(pick(profiles[members[0]!]!));
  for (let m = 1; m < members.length; m++) sums.add(pick(profiles[members[m]!]!));
  const ids = sums.ids.slice(0, sums.length);
  const weights = new Float32Array(ids.length);
  for (let k = 0; k < ids.length; k++) weights[k] = sums.sum[k]!;
  let norm = 0;
  for (let k = 0; k < weights.length; k++) norm += weights[k]! * weights[k]!;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
  return { ids, weights, from: 0, to: ids.length };
}
