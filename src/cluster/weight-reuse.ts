// Reusing the last build's weights. An article's weights (its vectors' values, its actors and keys, and
// its print: profile.ts) are a function of its own terms record and of the articles its IDF window counts:
// those within the window's radius of its day, the radius itself depending on how many articles lie near the
// day. So where no article of the window is new, changed (another terms key or day) or gone, and the radius
// is what it was, an article whose terms key and day are as stored has the weights stored for it. One new
// article changes the windows of the days within the radius of its own (about a sixth of a month's
// articles); the others take their weights here instead of being counted and weighed.
//
// A build keeps every article's values (4 bytes an entry, the entries in its record's order, which does not
// depend on the batch) and where its actors and keys are among its entries (term ids are this build's
// ranks, so they are kept as positions). An entry is checked before use (shapes, sizes, positions inside the
// runs they are chosen from and in order); a day one of whose articles has no sound entry is weighed whole.

import { lowerBound } from "../text/rows.ts";

/** A build's weights: its dated articles in path order, each one's terms key, day and print, and the values below. */
export interface StoredWeights {
  paths: string[];
  termKeys: string[];
  days: number[];
  prints: string[];
  /** Per article, three numbers: its entries, its actors, its keys. */
  sizes: number[];
  /** Base64 of, per article in order: the 32-bit floats of its entries' values, then its actors' and its keys' positions among its entries (32-bit integers). */
  data: string;
}

/** One article's stored weights, as views of the decoded data. */
export interface ArticleWeights {
  values: Float32Array;
  actors: Int32Array;
  keys: Int32Array;
  print: string;
}

/** The radius of the IDF window of `day` among `days` (ascending): profile.ts idfRadius, for a day that need not be among them. */
export function radiusOfDay(days: Int32Array, day: number, windowDays: number, minDocuments: number): number {
  const n = days.length;
  const inside = (r: number) => lowerBound(days, 0, n, day + r + 1) - lowerBound(days, 0, n, day - r);
  const want = Math.min(minDocuments, n);
  if (inside(windowDays) >= want) return windowDays;
  let [lo, hi] = [windowDays, Math.max(windowDays, day - days[0]!, days[n - 1]! - day)];
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (inside(mid) >= want) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The stored weights of each article (null: weighed) for the articles `paths` with `termKeys` and `days`
 * (all dated), given each day's radius now (`radius`) and the window's settings; null when `stored` is not sound.
 */
export function storedWeightsFor(stored: StoredWeights, paths: readonly string[], termKeys: readonly string[], days: readonly number[], radius: (day: number) => number, windowDays: number, minDocuments: number): Array<ArticleWeights | null> | null {
  const { paths: was, termKeys: wasKeys, days: wasDays, prints, sizes, data } = stored;
  const m = was.length;
  if (wasKeys.length !== m || wasDays.length !== m || prints.length !== m || sizes.length !== 3 * m) return null;
  for (let t = 0; t < m; t++) if (!Number.isInteger(wasDays[t]) || (t > 0 && !(was[t - 1]! < was[t]!))) return null;
  const offset = new Array<number>(m + 1);
  offset[0] = 0;
  for (let t = 0; t < m; t++) {
    const [entries, actors, keys] = [sizes[3 * t]!, sizes[3 * t + 1]!, sizes[3 * t + 2]!];
    if (![entries, actors, keys].every((x) => Number.isInteger(x) && x >= 0) || actors + keys > entries) return null;
    offset[t + 1] = offset[t]! + entries + actors + keys;
  }
  const bytes = Buffer.from(data, "base64");
  if (bytes.length !== 4 * offset[m]!) return null;
  // A copy on a buffer of its own: the decoded bytes may not start on a multiple of 4.
  const words = new Uint8Array(bytes.length);
  words.set(bytes);
  const floats = new Float32Array(words.buffer);
  const ints = new Int32Array(words.buffer);
  // The days whose articles are not as stored (new, changed, gone): no window that holds one is taken.
  const at = new Map<string, number>();
  for (let t = 0; t < m; t++) at.set(was[t]!, t);
  const dirty = new Set<number>();
  const matched = new Int32Array(paths.length).fill(-1);
  const seen = new Uint8Array(m);
  paths.forEach((path, i) => {
    const t = at.get(path);
    if (t !== undefined) seen[t] = 1;
    if (t !== undefined && wasKeys[t] === termKeys[i] && wasDays[t] === days[i]) matched[i] = t;
    else {
      dirty.add(days[i]!);
      if (t !== undefined) dirty.add(wasDays[t]!);
    }
  });
  for (let t = 0; t < m; t++) if (!seen[t]) dirty.add(wasDays[t]!);
  const dirtyDays = Int32Array.from(dirty).sort();
  const wasSorted = Int32Array.from(wasDays).sort();
  const clean = new Map<number, boolean>();
  const isClean = (day: number): boolean => {
    let c = clean.get(day);
    if (c === undefined) {
      const r = radius(day);
      const near = lowerBound(dirtyDays, 0, dirtyDays.length, day - r);
      c = r === radiusOfDay(wasSorted, day, windowDays, minDocuments) && !(near < dirtyDays.length && dirtyDays[near]! <= day + r);
      clean.set(day, c);
    }
    return c;
  };
  return paths.map((_, i) => {
    const t = matched[i]!;
    if (t < 0 || !isClean(days[i]!)) return null;
    const [entries, actors, keys] = [sizes[3 * t]!, sizes[3 * t + 1]!, sizes[3 * t + 2]!];
    const from = offset[t]!;
    return { values: floats.subarray(from, from + entries), actors: ints.subarray(from + entries, from + entries + actors), keys: ints.subarray(from + entries + actors, from + entries + actors + keys), print: prints[t]! };
  });
}

/** What to store: `each(i)` gives article i's values and its actors' and keys' positions; `order`: the articles in path order. */
export function weightsToStore(order: readonly number[], paths: readonly string[], termKeys: readonly string[], days: readonly number[], prints: readonly string[], each: (i: number) => { values: Float32Array; actors: Int32Array; keys: Int32Array }): StoredWeights {
  const parts = order.map((i) => each(i));
  let total = 0;
  for (const p of parts) total += p.values.length + p.actors.length + p.keys.length;
  const floats = new Float32Array(total);
  const ints = new Int32Array(floats.buffer);
  const sizes: number[] = [];
  let at = 0;
  for (const p of parts) {
    floats.set(p.values, at);
    at += p.values.length;
    ints.set(p.actors, at);
    at += p.actors.length;
    ints.set(p.keys, at);
    at += p.keys.length;
    sizes.push(p.values.length, p.actors.length, p.keys.length);
  }
  return {
    paths: order.map((i) => paths[i]!),
    termKeys: order.map((i) => termKeys[i]!),
    days: order.map((i) => days[i]!),
    prints: order.map((i) => prints[i]!),
    sizes,
    data: Buffer.from(floats.buffer).toString("base64"),
  };
}
