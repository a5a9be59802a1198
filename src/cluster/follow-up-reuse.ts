// Reusing the last build's follow-up links. A later story's link (followups.ts linkStories) is worked out
// from its own members' profiles and day, and from the dated stories further back than the window and
// within `followUpDays` (their keys, centroids and evidence, and how many of them hold each key: the
// posting cap). Its print (its members' paths and pair prints, rows.ts, and its day) says all of the
// first; so a story whose print is as stored, with no story on the days of its reach new, changed or gone,
// links to the earlier story it linked to before (or to none). Stories are in order of their first
// member's path in every build, so ties among its candidates (the first in index order wins) fall as they
// did. One new article changes the stories of a few days near its own: the stories more than `windowDays`
// after them are linked again, the others taken as they were. A stored entry that is not sound is ignored.
//
// A story linked again compares itself with every earlier story of its reach, most of them as they were:
// what the follow-up model reads of such a pair besides the shared key weight (its centroids' cosine, its
// names, actors, lead names and numbers: follow-up-features.ts) is a function of the two stories' members'
// profiles alone, which their prints say. So a build keeps those values of every pair it weighed, by the
// two stories' stored indices, and the next build takes them for a pair of two stories whose prints are as
// stored (FollowUpMemo); the shared key weight, which the posting cap makes depend on the other stories of
// the reach, and the stories' sizes are worked out again.
import { shortHash } from "../text/hash.ts";
import { lowerBound } from "../text/rows.ts";

/**
 * A build's dated stories in day order, with each one's print and day, and the stored index of the earlier
 * story it follows (-1: none); and each pair the model weighed, PAIR_WIDTH numbers: the later and the
 * earlier story's stored index, then the pair's CARRIED_FEATURES (ordered by later, then earlier).
 */
export interface StoredFollowUps {
  prints: string[];
  days: number[];
  links: number[];
  pairs: number[];
}

/** The follow-up features a pair's stored values are (follow-up-features.ts FOLLOW_UP_FEATURES: words, then names … numbers). */
export const CARRIED_FEATURES = 6;
const PAIR_WIDTH = 2 + CARRIED_FEATURES;

/** A story's print: its day and each member's path and pair print (rows.ts pairPrint), members ascending. */
export function storyPrint(day: number, members: readonly number[], paths: readonly string[], pairPrints: readonly string[]): string {
  const parts: Array<string | number> = [day];
  for (const i of members) parts.push(paths[i]!, pairPrints[i]!);
  return shortHash(JSON.stringify(parts), 32);
}

/** No link known: worked out again (see knownLinks). */
export const UNKNOWN = -2;

/**
 * For each of this build's stories (`prints`, `days`: null for an undated one), the earlier story it
 * follows (-1: none) when the stored links say it, else UNKNOWN; null when `stored` is not sound.
 */
export function knownLinks(stored: StoredFollowUps, prints: readonly string[], days: ReadonlyArray<number | null>, windowDays: number, followUpDays: number): Int32Array | null {
  const { prints: was, days: wasDays, links } = stored;
  const n = was.length;
  if (wasDays.length !== n || links.length !== n) return null;
  const storedAt = new Map<string, number>();
  for (let t = 0; t < n; t++) {
    const [day, link] = [wasDays[t]!, links[t]!];
    if (!Number.isInteger(day) || Math.abs(day) >= 2 ** 30 || !Number.isInteger(link) || link < -1 || link >= n || storedAt.has(was[t]!)) return null;
    // A link reaches back further than the window and no further than followUpDays.
    if (link >= 0 && !(wasDays[link]! >= day - followUpDays && wasDays[link]! < day - windowDays)) return null;
    storedAt.set(was[t]!, t);
  }
  const out = new Int32Array(prints.length).fill(UNKNOWN);
  const current = new Map<string, number>();
  const changed: number[] = [];
  prints.forEach((print, s) => {
    if (days[s] === null) return;
    current.set(print, s);
    if (!storedAt.has(print)) changed.push(days[s]!);
  });
  for (let t = 0; t < n; t++) if (!current.has(was[t]!)) changed.push(wasDays[t]!);
  const sorted = Int32Array.from(changed).sort();
  prints.forEach((print, s) => {
    const day = days[s];
    const t = storedAt.get(print);
    if (day === null || day === undefined || t === undefined) return;
    // A story of a changed day within [day - followUpDays, day - windowDays): worked out again.
    const at = lowerBound(sorted, 0, sorted.length, day - followUpDays);
    if (at < sorted.length && sorted[at]! < day - windowDays) return;
    const link = links[t]!;
    if (link < 0) out[s] = -1;
    else {
      const earlier = current.get(was[link]!);
      if (earlier !== undefined) out[s] = earlier;
    }
  });
  return out;
}

/** What to store of this build's links (`links`: later story → earlier story) and weighed pairs, dated stories only. */
export function storedFollowUps(prints: readonly string[], days: ReadonlyArray<number | null>, links: ReadonlyMap<number, number>, pairs: WeighedPairs): StoredFollowUps {
  const order = days.flatMap((d, s) => (d === null ? [] : [s])).sort((x, y) => days[x]! - days[y]! || x - y);
  const at = new Int32Array(prints.length).fill(-1);
  order.forEach((s, k) => {
    at[s] = k;
  });
  return { prints: order.map((s) => prints[s]!), days: order.map((s) => days[s]!), links: order.map((s) => (links.has(s) ? at[links.get(s)!]! : -1)), pairs: pairs.stored(at) };
}

/** The pairs a build weighed (by this build's story indices) with their CARRIED_FEATURES, in the order weighed. */
export class WeighedPairs {
  private readonly later: number[] = [];
  private readonly earlier: number[] = [];
  private readonly values: number[] = [];

  /** Pair (later, earlier), its features in FOLLOW_UP_FEATURES order from `at` (the shared key weight and sizes are not kept). */
  add(later: number, earlier: number, features: Float64Array, at = 0): void {
    this.later.push(later);
    this.earlier.push(earlier);
    this.values.push(features[at]!);
    for (let f = 2; f < 2 + CARRIED_FEATURES - 1; f++) this.values.push(features[at + f]!);
  }

  /** Pair (later, earlier) with the values of stored pair record `k` of `memo`. */
  carry(later: number, earlier: number, memo: FollowUpMemo, k: number): void {
    this.later.push(later);
    this.earlier.push(earlier);
    for (let f = 0; f < CARRIED_FEATURES; f++) this.values.push(memo.value(k, f));
  }

  /** The pairs as stored (`at`: each story's stored index), ordered by later, then earlier. */
  stored(at: Int32Array): number[] {
    const order = this.later.map((_, k) => k).sort((x, y) => at[this.later[x]!]! - at[this.later[y]!]! || at[this.earlier[x]!]! - at[this.earlier[y]!]!);
    const out: number[] = [];
    for (const k of order) {
      out.push(at[this.later[k]!]!, at[this.earlier[k]!]!);
      for (let f = 0; f < CARRIED_FEATURES; f++) out.push(this.values[k * CARRIED_FEATURES + f]!);
    }
    return out;
  }
}

/** The last build's weighed pairs, for this build's stories whose prints are as stored. */
export class FollowUpMemo {
  private constructor(
    /** Each of this build's stories' stored index (-1: new or changed). */
    private readonly storedOf: Int32Array,
    /** Each stored story's index in this build (-1: gone or changed). */
    private readonly currentOf: Int32Array,
    /** Stored story t's pairs are records start[t] … start[t + 1] - 1. */
    private readonly start: Int32Array,
    private readonly pairs: readonly number[],
  ) {}

  /**
   * `stored` read for this build's stories (`prints`, `days`: null for an undated one); null when its pairs
   * are not sound (none is taken then).
   */
  static of(stored: StoredFollowUps, prints: readonly string[], days: ReadonlyArray<number | null>, windowDays: number, followUpDays: number): FollowUpMemo | null {
    const { prints: was, days: wasDays, pairs } = stored;
    const n = was.length;
    if (wasDays.length !== n || pairs.length % PAIR_WIDTH !== 0) return null;
    const start = new Int32Array(n + 1);
    for (let k = 0, last = -1, lastEarlier = -1; k < pairs.length; k += PAIR_WIDTH) {
      const [later, earlier] = [pairs[k]!, pairs[k + 1]!];
      if (!Number.isInteger(later) || !Number.isInteger(earlier) || later < last || later >= n || earlier < 0 || earlier >= n) return null;
      if (later === last && earlier <= lastEarlier) return null;
      // The model weighs only earlier stories further back than the window and within followUpDays.
      if (!(wasDays[earlier]! >= wasDays[later]! - followUpDays && wasDays[earlier]! < wasDays[later]! - windowDays)) return null;
      for (let f = 2; f < PAIR_WIDTH; f++) if (!Number.isFinite(pairs[k + f])) return null;
      [last, lastEarlier] = [later, earlier];
      start[later + 1]!++;
    }
    for (let t = 0; t < n; t++) start[t + 1]! += start[t]!;
    const at = new Map<string, number>();
    was.forEach((print, t) => at.set(print, t));
    const storedOf = new Int32Array(prints.length).fill(-1);
    const currentOf = new Int32Array(n).fill(-1);
    prints.forEach((print, s) => {
      const t = at.get(print);
      // A print says the story's day, but a stored one of another day is not taken whatever it says.
      if (t === undefined || days[s] !== wasDays[t] || currentOf[t] !== -1) return;
      storedOf[s] = t;
      currentOf[t] = s;
    });
    return new FollowUpMemo(storedOf, currentOf, start, pairs);
  }

  /** The stored record of the pair of this build's stories (later, earlier), or -1 when none is kept. */
  find(later: number, earlier: number): number {
    const [x, y] = [this.storedOf[later]!, this.storedOf[earlier]!];
    if (x < 0 || y < 0) return -1;
    let lo = this.start[x]!;
    let hi = this.start[x + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.pairs[mid * PAIR_WIDTH + 1]! < y) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.start[x + 1]! && this.pairs[lo * PAIR_WIDTH + 1] === y ? lo : -1;
  }

  /** Value `f` (CARRIED_FEATURES order) of record `k`. */
  value(k: number, f: number): number {
    return this.pairs[k * PAIR_WIDTH + 2 + f]!;
  }

  /** Keeps the stored pairs of this build's story `later` whose earlier story is here too into `out`. */
  carry(later: number, out: WeighedPairs): void {
    const x = this.storedOf[later]!;
    if (x < 0) return;
    for (let k = this.start[x]!; k < this.start[x + 1]!; k++) {
      const earlier = this.currentOf[this.pairs[k * PAIR_WIDTH + 1]!]!;
      if (earlier >= 0) out.carry(later, earlier, this, k);
    }
  }
}
