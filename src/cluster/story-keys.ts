// Each story's key terms for the follow-ups (followups.ts): its word centroid's k heaviest. A story's
// centroid is a function of its members' word vectors, which its print says (follow-up-reuse.ts
// storyPrint), and ids are ranks in the order of (hash, tag) (vocabulary.ts), the same order in every
// batch: so a story whose print is as stored has the keys it had, as terms. They are kept with the links,
// each key as the member and the place in that member's word vector it was first found at, and its
// weight (not its id: ids are ranks over the batch, which a new term moves); a story of more than one
// article whose print is as stored takes them from there instead of making its centroid (a one-article
// story's centroid is its article's words: nothing to make). A kept entry that does not read back whole
// (a place its member does not have, weights out of order, sizes that do not fit) is not used at all.
import type { Profile, SparseVector } from "./profile.ts";

/**
 * Keys carried from the last build: story s's are ids[at[s]] … ids[at[s] + count[s] - 1] (at[s] -1: made
 * afresh); `kept` the kept units, story s's from keptAt[s] on (what the next build keeps of it again).
 */
export interface CarriedKeys {
  at: Int32Array;
  count: Int32Array;
  ids: Int32Array;
  weights: Float32Array;
  kept: Uint32Array;
  keptAt: Int32Array;
}

/**
 * Each story's key terms (its centroid's `k` heaviest, heaviest first, ties to the lower id) in flat
 * arrays: story s's are ids[s * k] … ids[s * k + count[s] - 1], with their weights. A story's centroid is
 * asked for only when its keys are not carried.
 */
export class StoryKeys {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly count: Int32Array;
  /** The highest key id plus one. */
  readonly top: number;

  constructor(n: number, readonly k: number, centroidOf: (s: number) => SparseVector, carried: CarriedKeys | null = null) {
    this.ids = new Int32Array(n * k);
    this.weights = new Float64Array(n * k);
    this.count = new Int32Array(n);
    const at = new Int32Array(k + 1);
    let top = 0;
    for (let s = 0; s < n; s++) {
      const from = carried ? carried.at[s]! : -1;
      let m: number;
      if (from >= 0) {
        m = carried!.count[s]!;
        for (let e = 0; e < m; e++) {
          this.ids[s * k + e] = carried!.ids[from + e]!;
          this.weights[s * k + e] = carried!.weights[from + e]!;
        }
      } else {
        const c = centroidOf(s);
        m = heaviest(c.weights, c.from, c.to, k, at);
        for (let e = 0; e < m; e++) {
          this.ids[s * k + e] = c.ids[at[e]!]!;
          this.weights[s * k + e] = c.weights[at[e]!]!;
        }
      }
      for (let e = 0; e < m; e++) if (this.ids[s * k + e]! >= top) top = this.ids[s * k + e]! + 1;
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

/** Whether typed arrays here are little-endian, as kept keys are (elsewhere, none are kept or read). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Units a key takes: its member, its place in that member's words, its weight. */
const KEY_UNITS = 3;

/**
 * The keys of `stories` (in that order) as kept text: for each, its key count (0 for a one-article
 * story, whose keys are its article's heaviest words, made afresh at little cost), then each key's member
 * (its index among the story's members), place in that member's words and weight (4-byte little-endian
 * units, base64). A carried story's are copied as they were read. Null on a big-endian machine, or when
 * a key is in none of its members' words (it cannot be: they are what its centroid is made of).
 */
export function keptKeys(keys: StoryKeys, stories: readonly number[], groups: readonly number[][], profiles: readonly Profile[], carried: CarriedKeys | null): string | null {
  if (!LITTLE_ENDIAN) return null;
  let units = 0;
  for (const s of stories) units += 1 + (groups[s]!.length > 1 ? KEY_UNITS * keys.count[s]! : 0);
  const words = new Uint32Array(units);
  const floats = new Float32Array(words.buffer);
  let at = 0;
  for (const s of stories) {
    const members = groups[s]!;
    const m = members.length > 1 ? keys.count[s]! : 0;
    if (m > 0 && carried && carried.at[s]! >= 0) {
      const from = carried.keptAt[s]!;
      words.set(carried.kept.subarray(from, from + 1 + KEY_UNITS * m), at);
      at += 1 + KEY_UNITS * m;
      continue;
    }
    words[at++] = m;
    for (let e = s * keys.k; e < s * keys.k + m; e++) {
      const id = keys.ids[e]!;
      let member = 0;
      let place = -1;
      for (; member < members.length; member++) {
        place = placeOf(profiles[members[member]!]!.words, id);
        if (place >= 0) break;
      }
      if (place < 0) return null;
      words[at++] = member;
      words[at++] = place;
      floats[at++] = keys.weights[e]!;
    }
  }
  return Buffer.from(words.buffer, 0, 4 * units).toString("base64");
}

/** Where `id` is in `v` (its place from v.from), -1 when it is not. */
function placeOf(v: SparseVector, id: number): number {
  let lo = v.from;
  let hi = v.to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v.ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < v.to && v.ids[lo] === id ? lo - v.from : -1;
}

/**
 * The keys kept as `text` (keptKeys) for the stored stories, taken by this build's stories whose print
 * is a stored one (`storedOf`: each story's stored index, -1: none). Null when none is kept; "unsound"
 * when the text does not read back whole for `storedCount` stories of at most `k` keys each, or a taken
 * story's key is at a place none of its members has, or its keys are not heaviest first.
 */
export function carriedKeys(text: string | undefined, storedCount: number, storedOf: Int32Array, k: number, groups: readonly number[][], profiles: readonly Profile[]): CarriedKeys | null | "unsound" {
  if (text === undefined || !LITTLE_ENDIAN) return null;
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 4 !== 0) return "unsound";
  const kept = new Uint32Array(bytes.length >> 2);
  new Uint8Array(kept.buffer).set(bytes);
  const floats = new Float32Array(kept.buffer);
  // Where each stored story's keys begin.
  const startOf = new Int32Array(storedCount);
  let at = 0;
  for (let t = 0; t < storedCount; t++) {
    if (at >= kept.length) return "unsound";
    const m = kept[at]!;
    if (m > k || at + 1 + KEY_UNITS * m > kept.length) return "unsound";
    startOf[t] = at;
    at += 1 + KEY_UNITS * m;
  }
  if (at !== kept.length) return "unsound";
  const n = storedOf.length;
  const out: CarriedKeys = { at: new Int32Array(n).fill(-1), count: new Int32Array(n), ids: new Int32Array(n * k), weights: new Float32Array(n * k), kept, keptAt: new Int32Array(n).fill(-1) };
  let length = 0;
  // Each member's words (a story's members are looked up once, not once per key).
  let memberWords: SparseVector[] = [];
  for (let s = 0; s < n; s++) {
    const t = storedOf[s]!;
    if (t < 0) continue;
    if (t >= storedCount) return "unsound";
    const from = startOf[t]!;
    const m = kept[from]!;
    const members = groups[s]!;
    // A one-article story keeps none (its keys are made afresh); one of more articles keeps its centroid's (none only when it has no words).
    if (members.length === 1) {
      if (m !== 0) return "unsound";
      continue;
    }
    memberWords = members.map((i) => profiles[i]!.words);
    out.at[s] = length;
    out.count[s] = m;
    out.keptAt[s] = from;
    for (let u = from + 1; u < from + 1 + KEY_UNITS * m; u += KEY_UNITS) {
      const member = kept[u]!;
      const place = kept[u + 1]!;
      const w = floats[u + 2]!;
      if (member >= members.length) return "unsound";
      const words = memberWords[member]!;
      if (place >= words.to - words.from || !Number.isFinite(w)) return "unsound";
      const id = words.ids[words.from + place]!;
      // Heaviest first, on equal weights the lower id first (so no key twice).
      if (u > from + 1 && !(w < out.weights[length - 1]! || (w === out.weights[length - 1]! && id > out.ids[length - 1]!))) return "unsound";
      out.ids[length] = id;
      out.weights[length++] = w;
    }
  }
  return out;
}
