// The last build's weights, a day at a time. An article's weights (every value of its runs once weighed),
// its actors, its keys and its print (profile.ts) are a function of its terms record and of the articles of
// its IDF window: their terms (document frequencies), how many they are, and the window's radius. So a build
// keeps, for each day, what weighing its articles made, under a key of the day's window (the radius and the
// terms keys of every article in it, day by day), and the next build takes a day whose key is as stored
// instead of weighing its articles. One new article changes the keys of the days within its window's reach
// (some 5 of 30 at 10,000 bench articles); the others' weights are copied, not worked out.
//
// A segment is raw numbers (4-byte little-endian units, no text): the article count; per article (in the
// day's order: path order) its entry count, actor and key counts and print (32 bytes); then every article's
// values (float32, the record's order) one after another, as they lie in memory (one copy takes them all);
// then every article's actors' and keys' positions among its entries, then their weights.
// Nothing read is trusted: a segment whose sizes or positions do not fit the day's articles is not used.
import { createHash } from "node:crypto";
import { LEAD_NAMES, NUMBERS, WORDS } from "./term-record.ts";

/** Where the segments are kept between builds (src/cache/cluster-weights.ts on disk). */
export interface WeightStore {
  /** The segment kept for `day` under `key` (valid until the next call); undefined when there is none, it has another key, or it is damaged. */
  get(day: number, key: string): Uint8Array | undefined;
  /** Keeps `segment` for `day` under `key` for the next build (its bytes are reused once this returns: copy or write them). */
  put(day: number, key: string, segment: Uint8Array): void;
  /** The days of this build, once weighed: segments of other days are no longer needed. */
  prune(days: readonly number[]): void;
  /** A segment read back under the right key did not fit the day's articles (damaged, or not this code's). */
  unsound?(day: number): void;
}

/** What buildProfiles has made, and where a taken day's values go. */
export interface WeighedRuns {
  /** Dated articles, by day then index, and the day of each. */
  dated: readonly number[];
  datedDays: Int32Array;
  ids: Int32Array;
  values: Float32Array;
  starts: Int32Array;
  ends: Int32Array;
  firstRun: Int32Array;
  lastRun: Int32Array;
  /** The actors' and keys' runs (profile.ts Runs), room reserved for every article. */
  chosen: { ids: Int32Array; values: Float32Array; length: number };
  chosenStart: Int32Array;
  /** Each chosen one's entry among its article's runs (filled as articles are weighed). */
  chosenEntries: Int32Array;
  prints: string[];
  keyCount: number;
}

/** Whether typed arrays here are little-endian, as segments are (elsewhere, no store is used). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const PRINT_UNITS = 8;
/** An article's head in a segment: its entry count, actor count, key count and print. */
const HEAD_UNITS = 3 + PRINT_UNITS;

export interface DayWeights {
  /** The key of `day`'s window: dated[lo … hi - 1], radius r. */
  key(day: number, r: number, binWidth: number, lo: number, hi: number): string;
  /** Takes the day of dated[o … end - 1] from the store when its key is as stored; false: weigh it. */
  take(day: number, key: string, o: number, end: number): boolean;
  /** Puts the day of dated[o … end - 1], just weighed, under `key`. */
  keep(day: number, key: string, o: number, end: number): void;
  done(days: readonly number[]): void;
}

/** The store's side of buildProfiles' weighing (null on a big-endian machine). */
export function dayWeights(store: WeightStore, runs: WeighedRuns, termKeys: readonly string[], actors: number): DayWeights | null {
  if (!LITTLE_ENDIAN) return null;
  const { dated, datedDays, ids, values, starts, ends, firstRun, lastRun, chosen, chosenStart, chosenEntries, prints, keyCount } = runs;
  const dayKeys = new Map<number, string>();
  let scratch = new ArrayBuffer(0);
  /** A hash of the terms keys of the articles of one day, dated[from … to - 1]. */
  const dayKey = (day: number, from: number, to: number): string => {
    let known = dayKeys.get(day);
    if (known === undefined) {
      const parts: string[] = [];
      for (let k = from; k < to; k++) parts.push(termKeys[dated[k]!]!);
      known = createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);
      dayKeys.set(day, known);
    }
    return known;
  };
  /**
   * Where the chosen ones' positions start in `words`, when it holds a segment of the articles dated[o … end - 1]
   * as they are now (sizes, positions, prints that are hex, finite weights); else -1. `at` gets each article's
   * values' and chosen entries' places.
   */
  const fits = (words: Int32Array, floats: Float32Array, seg: Uint8Array, at: Int32Array, o: number, end: number): number => {
    const m = end - o;
    if (words.length < 1 + HEAD_UNITS * m || words[0] !== m) return -1;
    let valuesAt = 1 + HEAD_UNITS * m;
    let chosenCount = 0;
    for (let k = 0; k < m; k++) {
      const a = dated[o + k]!;
      const h = 1 + HEAD_UNITS * k;
      const size = words[h]!;
      const actorCount = words[h + 1]!;
      const keysHere = words[h + 2]!;
      if (size !== ends[lastRun[a]! - 1]! - starts[firstRun[a]!]! || actorCount < 0 || actorCount > actors || keysHere < 0 || keysHere > keyCount) return -1;
      for (let b = 4 * (h + 3); b < 4 * (h + HEAD_UNITS); b++) {
        const c = seg[b]!;
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return -1; // a print is 32 hex digits
      }
      at[2 * k] = valuesAt;
      at[2 * k + 1] = chosenCount;
      valuesAt += size;
      chosenCount += actorCount + keysHere;
    }
    if (words.length !== valuesAt + 2 * chosenCount) return -1;
    // Actors are lead names, keys words or numbers, each list ascending, their weights finite.
    const positions = valuesAt;
    const weights = valuesAt + chosenCount;
    for (let k = 0; k < m; k++) {
      const a = dated[o + k]!;
      const first = firstRun[a]!;
      const from = starts[first]!;
      const h = 1 + HEAD_UNITS * k;
      const actorCount = words[h + 1]!;
      const count = actorCount + words[h + 2]!;
      const c0 = at[2 * k + 1]!;
      let last = -1;
      for (let c = 0; c < count; c++) {
        if (c === actorCount) last = -1;
        const e = from + words[positions + c0 + c]!;
        const r = c < actorCount ? first + LEAD_NAMES : first + WORDS;
        const or = c < actorCount ? -1 : first + NUMBERS;
        const inside = (e >= starts[r]! && e < ends[r]!) || (or >= 0 && e >= starts[or]! && e < ends[or]!);
        if (!inside || ids[e]! <= last || !Number.isFinite(floats[weights + c0 + c]!)) return -1;
        last = ids[e]!;
      }
    }
    return positions;
  };
  return {
    key(day, r, binWidth, lo, hi) {
      const parts: Array<string | number> = ["weights 1", day, r, binWidth, keyCount, actors];
      // The window's articles day by day (dated is by day).
      for (let k = lo; k < hi; ) {
        const d = datedDays[k]!;
        let e = k;
        while (e < hi && datedDays[e] === d) e++;
        parts.push(d, e - k, dayKey(d, k, e));
        k = e;
      }
      return createHash("sha256").update(parts.join(" ")).digest("hex").slice(0, 32);
    },
    take(day, key, o, end) {
      const stored = store.get(day, key);
      if (!stored) return false;
      const seg = aligned(stored);
      const words = new Int32Array(seg.buffer, seg.byteOffset, seg.byteLength >> 2);
      const floats = new Float32Array(seg.buffer, seg.byteOffset, seg.byteLength >> 2);
      const m = end - o;
      // First every article's place in the segment, checked; nothing is changed until all of them hold.
      const at = new Int32Array(2 * m);
      const positions = fits(words, floats, seg, at, o, end);
      if (positions < 0) {
        store.unsound?.(day);
        return false;
      }
      const bytes = Buffer.from(seg.buffer, seg.byteOffset, seg.byteLength);
      const valuesFrom = 1 + HEAD_UNITS * m;
      const weights = positions + (words.length - positions) / 2;
      // The day's articles lie one after another in memory (by day: index.ts): their values are one copy.
      const dayFrom = starts[firstRun[dated[o]!]!]!;
      let together = true;
      for (let k = o; k + 1 < end; k++) if (ends[lastRun[dated[k]!]! - 1]! !== starts[firstRun[dated[k + 1]!]!]!) together = false;
      if (together) values.set(floats.subarray(valuesFrom, positions), dayFrom);
      for (let k = 0; k < m; k++) {
        const a = dated[o + k]!;
        const h = 1 + HEAD_UNITS * k;
        const size = words[h]!;
        const actorCount = words[h + 1]!;
        const count = actorCount + words[h + 2]!;
        const from = starts[firstRun[a]!]!;
        if (!together) values.set(floats.subarray(at[2 * k]!, at[2 * k]! + size), from);
        prints[a] = bytes.toString("latin1", 4 * (h + 3), 4 * (h + HEAD_UNITS));
        const c0 = at[2 * k + 1]!;
        chosenStart[3 * a] = chosen.length;
        chosenStart[3 * a + 1] = chosen.length + actorCount;
        for (let c = 0; c < count; c++) {
          chosen.ids[chosen.length] = ids[from + words[positions + c0 + c]!]!;
          chosen.values[chosen.length++] = floats[weights + c0 + c]!;
        }
        chosenStart[3 * a + 2] = chosen.length;
      }
      return true;
    },
    keep(day, key, o, end) {
      const m = end - o;
      let size = 0;
      let chosenCount = 0;
      for (let k = o; k < end; k++) {
        const a = dated[k]!;
        size += ends[lastRun[a]! - 1]! - starts[firstRun[a]!]!;
        chosenCount += chosenStart[3 * a + 2]! - chosenStart[3 * a]!;
      }
      const units = 1 + HEAD_UNITS * m + size + 2 * chosenCount;
      // One buffer for every day kept (the store writes a segment before it returns): a cold build keeps
      // 13 MB of segments at 10,000 articles, and memory the collector has not yet taken back counts in the peak.
      if (scratch.byteLength < 4 * units) scratch = new ArrayBuffer(Math.max(4 * units, 2 * scratch.byteLength));
      const words = new Int32Array(scratch, 0, units);
      const floats = new Float32Array(scratch, 0, units);
      const bytes = Buffer.from(scratch, 0, 4 * units);
      words.fill(0, 0, 1 + HEAD_UNITS * m);
      words[0] = m;
      let valuesAt = 1 + HEAD_UNITS * m;
      const positions = valuesAt + size;
      const weights = positions + chosenCount;
      let c0 = 0;
      for (let k = 0; k < m; k++) {
        const a = dated[o + k]!;
        const first = firstRun[a]!;
        const from = starts[first]!;
        const articleSize = ends[lastRun[a]! - 1]! - from;
        const actorsFrom = chosenStart[3 * a]!;
        const keysFrom = chosenStart[3 * a + 1]!;
        const count = chosenStart[3 * a + 2]! - actorsFrom;
        const h = 1 + HEAD_UNITS * k;
        words[h] = articleSize;
        words[h + 1] = keysFrom - actorsFrom;
        words[h + 2] = count - (keysFrom - actorsFrom);
        bytes.write(prints[a]!, 4 * (h + 3), 4 * PRINT_UNITS, "latin1");
        floats.set(values.subarray(from, from + articleSize), valuesAt);
        valuesAt += articleSize;
        for (let c = 0; c < count; c++) {
          const e = chosenEntries[actorsFrom + c]!;
          if (ids[e] !== chosen.ids[actorsFrom + c]) return; // not where it was weighed: keep nothing rather than something wrong
          words[positions + c0 + c] = e - from;
          floats[weights + c0 + c] = chosen.values[actorsFrom + c]!;
        }
        c0 += count;
      }
      store.put(day, key, new Uint8Array(scratch, 0, 4 * units));
    },
    done(days) {
      store.prune(days);
    },
  };
}

/** The bytes at a 4-byte boundary (a copy when they are not). */
function aligned(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset % 4 === 0 && bytes.byteLength % 4 === 0) return bytes;
  const copy = new Uint8Array(new ArrayBuffer(bytes.byteLength - (bytes.byteLength % 4)));
  copy.set(bytes.subarray(0, copy.length));
  return copy;
}
