// The last build's weights, a day at a time. An article's weights (every value of its runs once weighed),
// its actors, its keys and its print (profile.ts) are a function of its terms record and of the articles of
// its IDF window: their terms (document frequencies), how many they are, and the window's radius. So a build
// keeps, for each day, what weighing its articles made, under a key of the day's window (the radius and the
// terms keys of every article in it, day by day), and the next build takes a day whose key is as stored
// instead of weighing its articles. One new article changes the keys of the days within its window's reach
// (some 5 of 30 at 10,000 bench articles); the others' weights are copied, not worked out.
//
// A segment is raw numbers (4-byte little-endian units, no text): the article count, then per article
// (in the day's order: path order) its entry count, actor and key counts, its print (32 bytes), its values
// (float32, the record's order), and its actors' and keys' positions among its entries with their weights.
// Nothing read is trusted: a segment whose sizes or positions do not fit the day's articles is not used.
import { createHash } from "node:crypto";
import { LEAD_NAMES, NUMBERS, WORDS } from "./term-record.ts";
import { lowerBound } from "../text/rows.ts";

/** Where the segments are kept between builds (src/cache/cluster-weights.ts on disk). */
export interface WeightStore {
  /** The segment kept for `day` under `key`; undefined when there is none, it has another key, or it is damaged. */
  get(day: number, key: string): Uint8Array | undefined;
  /** Keeps `segment` for `day` under `key` for the next build. */
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
  prints: string[];
  keyCount: number;
}

/** Whether typed arrays here are little-endian, as segments are (elsewhere, no store is used). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const PRINT_UNITS = 8;

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
  const { dated, datedDays, ids, values, starts, ends, firstRun, lastRun, chosen, chosenStart, prints, keyCount } = runs;
  const dayKeys = new Map<number, string>();
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
  /** The entry of `id` in run r, else in run `or` (-1: none), else -1. */
  const entryOf = (r: number, id: number, or: number): number => {
    const x = lowerBound(ids, starts[r]!, ends[r]!, id);
    if (x < ends[r]! && ids[x] === id) return x;
    return or < 0 ? -1 : entryOf(or, id, -1);
  };
  /** Whether `words` holds a segment of the articles dated[o … end - 1] as they are now; `at` gets where each article's part starts. */
  const fits = (words: Int32Array, floats: Float32Array, seg: Uint8Array, at: Int32Array, o: number, end: number): boolean => {
    if (words.length < 1 || words[0] !== end - o) return false;
    let p = 1;
    for (let k = o; k < end; k++) {
      const a = dated[k]!;
      const first = firstRun[a]!;
      const from = starts[first]!;
      if (p + 3 + PRINT_UNITS > words.length) return false;
      const size = words[p]!;
      const actorCount = words[p + 1]!;
      const keysHere = words[p + 2]!;
      if (size !== ends[lastRun[a]! - 1]! - from || actorCount < 0 || actorCount > actors || keysHere < 0 || keysHere > keyCount) return false;
      at[k - o] = p;
      for (let b = 4 * (p + 3); b < 4 * (p + 3 + PRINT_UNITS); b++) {
        const c = seg[b]!;
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false; // a print is 32 hex digits
      }
      const chosenAt = p + 3 + PRINT_UNITS + size;
      const count = actorCount + keysHere;
      if (chosenAt + 2 * count > words.length) return false;
      // Actors are lead names, keys words or numbers, each list ascending.
      let last = -1;
      for (let c = 0; c < count; c++) {
        if (c === actorCount) last = -1;
        const e = from + words[chosenAt + c]!;
        const r = c < actorCount ? first + LEAD_NAMES : first + WORDS;
        const or = c < actorCount ? -1 : first + NUMBERS;
        const inside = (e >= starts[r]! && e < ends[r]!) || (or >= 0 && e >= starts[or]! && e < ends[or]!);
        if (!inside || ids[e]! <= last || !Number.isFinite(floats[chosenAt + count + c]!)) return false;
        last = ids[e]!;
      }
      p = chosenAt + 2 * count;
    }
    return p === words.length;
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
      // First every article's place in the segment, checked; nothing is changed until all of them hold.
      const at = new Int32Array(end - o);
      if (!fits(words, floats, seg, at, o, end)) {
        store.unsound?.(day);
        return false;
      }
      const bytes = Buffer.from(seg.buffer, seg.byteOffset, seg.byteLength);
      for (let k = o; k < end; k++) {
        const a = dated[k]!;
        const p = at[k - o]!;
        const size = words[p]!;
        const actorCount = words[p + 1]!;
        const count = actorCount + words[p + 2]!;
        const valuesAt = p + 3 + PRINT_UNITS;
        const from = starts[firstRun[a]!]!;
        values.set(floats.subarray(valuesAt, valuesAt + size), from);
        prints[a] = bytes.toString("latin1", 4 * (p + 3), 4 * valuesAt);
        const chosenAt = valuesAt + size;
        chosenStart[3 * a] = chosen.length;
        chosenStart[3 * a + 1] = chosen.length + actorCount;
        for (let c = 0; c < count; c++) {
          chosen.ids[chosen.length] = ids[from + words[chosenAt + c]!]!;
          chosen.values[chosen.length++] = floats[chosenAt + count + c]!;
        }
        chosenStart[3 * a + 2] = chosen.length;
      }
      return true;
    },
    keep(day, key, o, end) {
      let units = 1;
      for (let k = o; k < end; k++) {
        const a = dated[k]!;
        units += 3 + PRINT_UNITS + ends[lastRun[a]! - 1]! - starts[firstRun[a]!]! + 2 * (chosenStart[3 * a + 2]! - chosenStart[3 * a]!);
      }
      const words = new Int32Array(units);
      const floats = new Float32Array(words.buffer);
      const bytes = Buffer.from(words.buffer);
      words[0] = end - o;
      let p = 1;
      for (let k = o; k < end; k++) {
        const a = dated[k]!;
        const first = firstRun[a]!;
        const from = starts[first]!;
        const size = ends[lastRun[a]! - 1]! - from;
        const actorsFrom = chosenStart[3 * a]!;
        const keysFrom = chosenStart[3 * a + 1]!;
        const count = chosenStart[3 * a + 2]! - actorsFrom;
        words[p] = size;
        words[p + 1] = keysFrom - actorsFrom;
        words[p + 2] = count - (keysFrom - actorsFrom);
        bytes.write(prints[a]!, 4 * (p + 3), 4 * PRINT_UNITS, "latin1");
        const valuesAt = p + 3 + PRINT_UNITS;
        floats.set(values.subarray(from, from + size), valuesAt);
        const chosenAt = valuesAt + size;
        for (let c = 0; c < count; c++) {
          const id = chosen.ids[actorsFrom + c]!;
          // Where the id lies among the article's entries: an actor is a lead name, a key a word or a number.
          const e = actorsFrom + c < keysFrom ? entryOf(first + LEAD_NAMES, id, -1) : entryOf(first + WORDS, id, first + NUMBERS);
          if (e < 0) return; // not among the article's entries: keep nothing rather than something wrong
          words[chosenAt + c] = e - from;
          floats[chosenAt + count + c] = chosen.values[actorsFrom + c]!;
        }
        p = chosenAt + 2 * count;
      }
      store.put(day, key, new Uint8Array(words.buffer));
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
