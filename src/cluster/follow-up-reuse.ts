// Reusing the last build's follow-up links. A later story's link (followups.ts linkStories) is worked out
// from its own members' profiles and day, and from the dated stories further back than the window and
// within `followUpDays` that hold one of its key terms (the candidates are found through its keys' postings,
// and a key more such stories hold than the posting cap is passed over): their keys, centroids and evidence.
// Its print (its members' paths and pair prints, rows.ts, and its day) says all of the first; so a story
// whose print is as stored links to the earlier story it linked to before (or to none) when no story of
// its reach that holds one of its key terms is new, changed or gone. A build keeps each dated story's key
// terms (by their hashes, the same for the same term in every batch) with its print, so that the next
// build knows the keys of the stories that are gone. Stories are in order of their first member's path in
// every build, so ties among its candidates (the first in index order wins) fall as they did. One new
// article changes the stories of a few days near its own: of the stories more than `windowDays` after
// them, those sharing a key term with a changed story are linked again, the others taken as they were. A
// stored entry that is not sound is ignored.
import { shortHash } from "../text/hash.ts";
import { lowerBound } from "../text/rows.ts";

/** A build's dated stories in day order, with each one's print and day, and the stored index of the earlier story it follows (-1: none). */
export interface StoredFollowUps {
  prints: string[];
  days: number[];
  links: number[];
  /** Each story's key terms' hashes (StoryKeyTerms), story after story, each its count then its hashes: an Int32Array's bytes, little-endian, in base64. */
  keys: string;
}

/** Each story's key terms (followups.ts StoryKeys) by their hashes: story s's are hashes[s * k] … hashes[s * k + count[s] - 1]. */
export interface StoryKeyTerms {
  hashes: Int32Array;
  count: Int32Array;
  k: number;
}

/** A story's print: its day and each member's path and pair print (rows.ts pairPrint), members ascending. */
export function storyPrint(day: number, members: readonly number[], paths: readonly string[], pairPrints: readonly string[]): string {
  const parts: Array<string | number> = [day];
  for (const i of members) parts.push(paths[i]!, pairPrints[i]!);
  return shortHash(JSON.stringify(parts), 32);
}

/** No link known: worked out again (see knownLinks). */
export const UNKNOWN = -2;

/**
 * For each of this build's stories (`prints`, `days`: null for an undated one, `keys` their key terms),
 * the earlier story it follows (-1: none) when the stored links say it, else UNKNOWN; null when `stored`
 * is not sound.
 */
export function knownLinks(stored: StoredFollowUps, prints: readonly string[], days: ReadonlyArray<number | null>, windowDays: number, followUpDays: number, keys: StoryKeyTerms): Int32Array | null {
  const { prints: was, days: wasDays, links } = stored;
  const n = was.length;
  if (wasDays.length !== n || links.length !== n) return null;
  const wasKeys = storedKeys(stored.keys, n, keys.k);
  if (!wasKeys) return null;
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
  // The days of the stories new, changed or gone that hold each key term (by its hash).
  const changedDays = new Map<number, number[]>();
  const changed = (hashes: Int32Array, from: number, count: number, day: number) => {
    for (let e = from; e < from + count; e++) {
      const list = changedDays.get(hashes[e]!);
      if (list) list.push(day);
      else changedDays.set(hashes[e]!, [day]);
    }
  };
  prints.forEach((print, s) => {
    if (days[s] === null) return;
    current.set(print, s);
    if (!storedAt.has(print)) changed(keys.hashes, s * keys.k, keys.count[s]!, days[s]!);
  });
  for (let t = 0; t < n; t++) if (!current.has(was[t]!)) changed(wasKeys.hashes, wasKeys.at[t]!, wasKeys.count[t]!, wasDays[t]!);
  const sorted = new Map<number, Int32Array>();
  for (const [h, list] of changedDays) sorted.set(h, Int32Array.from(list).sort());
  prints.forEach((print, s) => {
    const day = days[s];
    const t = storedAt.get(print);
    if (day === null || day === undefined || t === undefined) return;
    // A story new, changed or gone within [day - followUpDays, day - windowDays) that holds one of its key terms: worked out again.
    for (let e = s * keys.k; e < s * keys.k + keys.count[s]!; e++) {
      const list = sorted.get(keys.hashes[e]!);
      if (!list) continue;
      const at = lowerBound(list, 0, list.length, day - followUpDays);
      if (at < list.length && list[at]! < day - windowDays) return;
    }
    const link = links[t]!;
    if (link < 0) out[s] = -1;
    else {
      const earlier = current.get(was[link]!);
      if (earlier !== undefined) out[s] = earlier;
    }
  });
  return out;
}

/** The stored stories' key terms (StoredFollowUps.keys) read back: each story's first hash's place and count; null when they do not fit `n` stories of at most `k` keys each. */
function storedKeys(text: string, n: number, k: number): { hashes: Int32Array; at: Int32Array; count: Int32Array } | null {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 4 !== 0 || !LITTLE_ENDIAN) return null;
  const hashes = new Int32Array(bytes.length / 4);
  new Uint8Array(hashes.buffer).set(bytes);
  const at = new Int32Array(n);
  const count = new Int32Array(n);
  let e = 0;
  for (let t = 0; t < n; t++) {
    if (e >= hashes.length) return null;
    const c = hashes[e++]!;
    if (c < 0 || c > k || e + c > hashes.length) return null;
    at[t] = e;
    count[t] = c;
    e += c;
  }
  return e === hashes.length ? { hashes, at, count } : null;
}

/** Whether typed arrays here are little-endian, as the stored keys are (elsewhere, no link is taken from the store). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** What to store of this build's links (`links`: later story → earlier story) and stories' key terms, dated stories only. */
export function storedFollowUps(prints: readonly string[], days: ReadonlyArray<number | null>, links: ReadonlyMap<number, number>, keys: StoryKeyTerms): StoredFollowUps {
  const order = days.flatMap((d, s) => (d === null ? [] : [s])).sort((x, y) => days[x]! - days[y]! || x - y);
  const at = new Int32Array(prints.length).fill(-1);
  let size = 0;
  order.forEach((s, k) => {
    at[s] = k;
    size += 1 + keys.count[s]!;
  });
  const flat = new Int32Array(size);
  let e = 0;
  for (const s of order) {
    flat[e++] = keys.count[s]!;
    flat.set(keys.hashes.subarray(s * keys.k, s * keys.k + keys.count[s]!), e);
    e += keys.count[s]!;
  }
  return { prints: order.map((s) => prints[s]!), days: order.map((s) => days[s]!), links: order.map((s) => (links.has(s) ? at[links.get(s)!]! : -1)), keys: Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength).toString("base64") };
}
