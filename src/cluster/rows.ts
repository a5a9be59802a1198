// Reusing the last build's scored pairs. A pair's probability is a function of the two articles'
// profiles alone, and an article's print (its terms key, its day and profile.ts's print of its weights)
// says all its profile holds. So a build keeps every likely pair it scored, with each article's print,
// and the next build takes a pair's probability from there when neither article's print changed and the
// pair was a candidate then as it is now (which pairs are candidates is worked out again, cheaply): an
// article's candidates among unchanged articles are the ones they were when its keys are, and the same of
// them were too common to use (each article's `capped` mask says which). A pair of two unchanged articles
// that was a candidate and is not among the stored ones was less likely than the least kept.
//
// With the IDF on quantised counts (profile.ts), one new article changes the prints of a few hundred
// articles near its day, so most of the pairs near it are taken as they were. A stored log is checked
// before it is used (its articles in path order, pairs inside it and in order, probabilities in range)
// and ignored when it is not sound.

import type { StoredFollowUps } from "./follow-up-reuse.ts";
import type { WeightStore } from "./weight-store.ts";

/** The likely pairs of a build (global indices into `paths`, ordered by a then b), and what they were made from. */
export interface StoredPairs {
  /** The build's articles, in path order. */
  paths: string[];
  /** Each article's print (see pairPrint). */
  prints: string[];
  /** Each article's capped keys (candidates.ts CandidateVisit). */
  capped: number[];
  a: number[];
  b: number[];
  p: number[];
}

/** Where the last build's pairs and merges are kept between builds (the build cache); keys are specific to the settings. */
export interface RowStore {
  get(key: string): StoredPairs | undefined;
  put(key: string, pairs: StoredPairs): void;
  /** Where the last build's merges are kept (groups.ts), under a key of the settings. */
  groups?: {
    get(key: string): StoredGroups | undefined;
    put(key: string, groups: StoredGroups): void;
  };
  /** Where the last build's follow-up links are kept (follow-up-reuse.ts), under a key of the settings. */
  followUps?: {
    get(key: string): StoredFollowUps | undefined;
    put(key: string, links: StoredFollowUps): void;
  };
  /** Where the last build's weights are kept, a day at a time (weight-store.ts). */
  weights?: WeightStore;
}

/**
 * A build's merges (agglomerate.ts MergeLog) and what they were made from: its articles in path order,
 * and a print of each (its terms, day and links: groups.ts).
 */
export interface StoredGroups {
  paths: string[];
  prints: string[];
  x: number[];
  y: number[];
  score: number[];
}

/** What an article's pairs depend on of it: its terms (key), its day and the weights its window gave them (profile.ts print). */
export const pairPrint = (termKey: string, day: number, print: string): string => `${termKey} ${day} ${print}`;

/** The day a pairPrint was made with (NaN when it is not one). */
const dayOfPrint = (print: string): number => Number(print.split(" ")[1] ?? NaN);

/** The last build's pairs, read for this build's articles. */
export interface PairMemo {
  /** The stored index of each article whose path and print are as stored, else -1. */
  same: Int32Array;
  /** Stored articles no article of this build matches (gone or changed), by the day they were of. */
  goneByDay: Map<number, number>;
  /** The stored pairs of stored article x, as this build's articles (appended to `out`); false when one of them is not matched. */
  pairsOf(x: number, newOf: Int32Array, out: { a: number[]; b: number[]; p: number[] }, first: number): boolean;
  /** The stored capped keys of stored article x. */
  cappedOf(x: number): number;
  /** Whether article i (this build's) may take its pairs with unchanged articles from the store, given its capped keys now. */
  reusable(i: number, capped: number): boolean;
  /** The stored probability of the pair of stored articles (x, y), x < y, or -1 when it was not kept. */
  probability(x: number, y: number): number;
}

/**
 * The days whose pairs (those whose first article is of the day) can be taken whole from `memo`: every
 * article of the days within `windowDays` of it is as it was, and none of the last build's there is gone.
 * Candidates near such a day are what they were, and so are its articles' capped keys.
 */
export function settledDays(memo: PairMemo, days: readonly number[], windowDays: number): Set<number> {
  const changed = new Map<number, number>(memo.goneByDay);
  const all = new Set(days);
  days.forEach((d, i) => {
    if (memo.same[i]! < 0) changed.set(d, (changed.get(d) ?? 0) + 1);
  });
  const settled = new Set<number>();
  for (const d of all) {
    let calm = true;
    for (const [e] of changed) if (Number.isNaN(e) || Math.abs(e - d) <= windowDays) calm = false;
    if (calm) settled.add(d);
  }
  return settled;
}

/** `stored` read for the articles `paths` (path order) with `prints`; null when it is not sound (every pair then scored again). */
export function pairMemo(stored: StoredPairs, paths: readonly string[], prints: readonly string[], min: number): PairMemo | null {
  const { paths: was, prints: wasPrints, capped, a, b, p } = stored;
  const n = was.length;
  if (wasPrints.length !== n || capped.length !== n || b.length !== a.length || p.length !== a.length) return null;
  for (let i = 1; i < n; i++) if (!(was[i - 1]! < was[i]!)) return null;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    const w = p[k]!;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y <= x || y >= n || !(w >= min && w <= 1)) return null;
    if (k > 0 && (x < a[k - 1]! || (x === a[k - 1]! && y <= b[k - 1]!))) return null;
    start[x + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const same = new Int32Array(paths.length).fill(-1);
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j < paths.length && paths[j]! < was[i]!) j++;
    if (j < paths.length && paths[j] === was[i] && prints[j] === wasPrints[i]) same[j] = i;
  }
  const matched = new Uint8Array(n);
  for (const x of same) if (x >= 0) matched[x] = 1;
  const goneByDay = new Map<number, number>();
  for (let i = 0; i < n; i++) if (!matched[i]) goneByDay.set(dayOfPrint(wasPrints[i]!), (goneByDay.get(dayOfPrint(wasPrints[i]!)) ?? 0) + 1);
  return {
    same,
    goneByDay,
    cappedOf: (x) => capped[x]!,
    pairsOf: (x, newOf, out, first) => {
      for (let k = start[x]!; k < start[x + 1]!; k++) if (newOf[b[k]!]! < 0) return false;
      for (let k = start[x]!; k < start[x + 1]!; k++) {
        out.a.push(first);
        out.b.push(newOf[b[k]!]!);
        out.p.push(p[k]!);
      }
      return true;
    },
    reusable: (i, mask) => mask >= 0 && same[i]! >= 0 && capped[same[i]!] === mask,
    probability: (x, y) => {
      let lo = start[x]!;
      let hi = start[x + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (b[mid]! < y) lo = mid + 1;
        else hi = mid;
      }
      return lo < start[x + 1]! && b[lo] === y ? p[lo]! : -1;
    },
  };
}
