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
// A story whose print is as stored but whose reach changed is linked again from fewer candidates when the
// posting cap skips the same of its keys as when it was stored (`caps`) and the story it followed is still
// here: every other candidate as stored (same print) then weighs as it did, so none of them beats the
// stored link, and one that ties with it comes after it in index order (else it would have won then).
// The likeliest of the stored link and the candidates new or changed since is the link a full pass gives
// (followups.ts linkStories).
import { shortHash } from "../text/hash.ts";
import { lowerBound } from "../text/rows.ts";

/**
 * A build's dated stories in day order, with each one's print and day, the stored index of the earlier
 * story it follows (-1: none), and which of its keys the posting cap skipped (bit e for its e-th key; -1
 * when not kept: more keys than a mask holds).
 */
export interface StoredFollowUps {
  prints: string[];
  days: number[];
  links: number[];
  caps: number[];
}

/** What the last build's links say of this build's stories (see reusedLinks). */
export interface KnownLinks {
  /** The earlier story a story follows (-1: none) when the stored links say it, else UNKNOWN. */
  links: Int32Array;
  /** A story whose print is stored and whose link is UNKNOWN: the earlier story it followed, as this build's index (-1: none), or UNKNOWN when that story is gone or changed. */
  stored: Int32Array;
  /** A story whose print is stored: its caps as stored, else -1. */
  caps: Int32Array;
  /** 1 for a dated story whose print is not stored (new, or changed). */
  fresh: Uint8Array;
}

/** The most keys a caps mask holds. */
export const MASK_KEYS = 31;

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
  return reusedLinks(stored, prints, days, windowDays, followUpDays)?.links ?? null;
}

/** knownLinks, and for the stories whose reach changed what narrows their search (KnownLinks); null when `stored` is not sound. */
export function reusedLinks(stored: StoredFollowUps, prints: readonly string[], days: ReadonlyArray<number | null>, windowDays: number, followUpDays: number): KnownLinks | null {
  const { prints: was, days: wasDays, links, caps } = stored;
  const n = was.length;
  if (wasDays.length !== n || links.length !== n || caps.length !== n) return null;
  const storedAt = new Map<string, number>();
  for (let t = 0; t < n; t++) {
    const [day, link, cap] = [wasDays[t]!, links[t]!, caps[t]!];
    if (!Number.isInteger(day) || Math.abs(day) >= 2 ** 30 || !Number.isInteger(link) || link < -1 || link >= n || storedAt.has(was[t]!)) return null;
    if (!Number.isInteger(cap) || cap < -1 || cap >= 2 ** MASK_KEYS) return null;
    // A link reaches back further than the window and no further than followUpDays.
    if (link >= 0 && !(wasDays[link]! >= day - followUpDays && wasDays[link]! < day - windowDays)) return null;
    storedAt.set(was[t]!, t);
  }
  const out = new Int32Array(prints.length).fill(UNKNOWN);
  const storedLink = new Int32Array(prints.length).fill(UNKNOWN);
  const storedCaps = new Int32Array(prints.length).fill(-1);
  const fresh = new Uint8Array(prints.length);
  const current = new Map<string, number>();
  const changed: number[] = [];
  prints.forEach((print, s) => {
    if (days[s] === null) return;
    current.set(print, s);
    if (!storedAt.has(print)) {
      changed.push(days[s]!);
      fresh[s] = 1;
    }
  });
  for (let t = 0; t < n; t++) if (!current.has(was[t]!)) changed.push(wasDays[t]!);
  const sorted = Int32Array.from(changed).sort();
  prints.forEach((print, s) => {
    const day = days[s];
    const t = storedAt.get(print);
    if (day === null || day === undefined || t === undefined) return;
    storedCaps[s] = caps[t]!;
    const link = links[t]!;
    const earlier = link < 0 ? -1 : (current.get(was[link]!) ?? UNKNOWN);
    // A story of a changed day within [day - followUpDays, day - windowDays): worked out again.
    const at = lowerBound(sorted, 0, sorted.length, day - followUpDays);
    if (at < sorted.length && sorted[at]! < day - windowDays) storedLink[s] = earlier;
    else out[s] = earlier;
  });
  return { links: out, stored: storedLink, caps: storedCaps, fresh };
}

/** What to store of this build's links (`links`: later story → earlier story; `caps`: each story's, see StoredFollowUps), dated stories only. */
export function storedFollowUps(prints: readonly string[], days: ReadonlyArray<number | null>, links: ReadonlyMap<number, number>, caps: Int32Array): StoredFollowUps {
  const order = days.flatMap((d, s) => (d === null ? [] : [s])).sort((x, y) => days[x]! - days[y]! || x - y);
  const at = new Int32Array(prints.length).fill(-1);
  order.forEach((s, k) => {
    at[s] = k;
  });
  return { prints: order.map((s) => prints[s]!), days: order.map((s) => days[s]!), links: order.map((s) => (links.has(s) ? at[links.get(s)!]! : -1)), caps: order.map((s) => caps[s]!) };
}
