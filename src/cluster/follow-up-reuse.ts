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
// A story linked again whose own print is as stored need not weigh again the earlier stories that are as
// stored too (narrowLinks): their centroids, evidence and shared key weight with it are as they were when
// the same of its keys were too common to use (`capped`, as candidates.ts keeps it for pairs), so the
// likeliest of them is the one it linked to (or none passed the bar); only that one and the new or changed
// stories of its reach are weighed, in index order as before. A link to a story that is gone or changed
// leaves nothing known: every candidate is weighed.
import { shortHash } from "../text/hash.ts";
import { lowerBound } from "../text/rows.ts";

/**
 * A build's dated stories in day order, with each one's print and day, the stored index of the earlier
 * story it follows (-1: none), and which of its keys were too common to use (followups.ts linkStories).
 */
export interface StoredFollowUps {
  prints: string[];
  days: number[];
  links: number[];
  capped: number[];
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
 * For each of this build's stories (`prints`, `days`: null for an undated one), the earlier story it
 * follows (-1: none) when the stored links say it, else UNKNOWN; null when `stored` is not sound.
 */
export function knownLinks(stored: StoredFollowUps, prints: readonly string[], days: ReadonlyArray<number | null>, windowDays: number, followUpDays: number): Int32Array | null {
  const { prints: was, days: wasDays, links, capped } = stored;
  const n = was.length;
  if (wasDays.length !== n || links.length !== n || capped.length !== n) return null;
  const storedAt = new Map<string, number>();
  for (let t = 0; t < n; t++) {
    const [day, link] = [wasDays[t]!, links[t]!];
    if (!Number.isInteger(day) || Math.abs(day) >= 2 ** 30 || !Number.isInteger(link) || link < -1 || link >= n || storedAt.has(was[t]!)) return null;
    if (!Number.isSafeInteger(capped[t]) || capped[t]! < -1) return null;
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

/** What to store of this build's links (`links`: later story → earlier story) and capped keys, dated stories only. */
export function storedFollowUps(prints: readonly string[], days: ReadonlyArray<number | null>, links: ReadonlyMap<number, number>, capped: Float64Array): StoredFollowUps {
  const order = days.flatMap((d, s) => (d === null ? [] : [s])).sort((x, y) => days[x]! - days[y]! || x - y);
  const at = new Int32Array(prints.length).fill(-1);
  order.forEach((s, k) => {
    at[s] = k;
  });
  return { prints: order.map((s) => prints[s]!), days: order.map((s) => days[s]!), links: order.map((s) => (links.has(s) ? at[links.get(s)!]! : -1)), capped: order.map((s) => capped[s]!) };
}

/** What the stored links tell a story linked again (see narrowLinks); each by this build's story index. */
export interface Narrowing {
  /** The earlier story it linked to, -1 for none, UNKNOWN when its print or that story's is not as stored. */
  was: Int32Array;
  /** Its capped keys as stored (-1 when not stored). */
  capped: Float64Array;
  /** 1 for a dated story whose print is not stored (new or changed): always weighed. */
  fresh: Uint8Array;
}

/** For each of this build's stories, what the sound `stored` links (knownLinks gave an answer) say of it as a story linked again. */
export function narrowLinks(stored: StoredFollowUps, prints: readonly string[], days: ReadonlyArray<number | null>): Narrowing {
  const storedAt = new Map<string, number>();
  stored.prints.forEach((print, t) => storedAt.set(print, t));
  const current: number[] = new Array<number>(stored.prints.length).fill(-1);
  const was = new Int32Array(prints.length).fill(UNKNOWN);
  const capped = new Float64Array(prints.length).fill(-1);
  const fresh = new Uint8Array(prints.length);
  prints.forEach((print, s) => {
    if (days[s] === null) return;
    const t = storedAt.get(print);
    if (t === undefined) fresh[s] = 1;
    else current[t] = s;
  });
  prints.forEach((print, s) => {
    const t = days[s] === null ? undefined : storedAt.get(print);
    if (t === undefined) return;
    capped[s] = stored.capped[t]!;
    const link = stored.links[t]!;
    if (link < 0) was[s] = -1;
    else if (current[link]! >= 0) was[s] = current[link]!;
  });
  return { was, capped, fresh };
}

/** Nothing known of `n` stories (no sound stored links): every one linked again, weighing every candidate. */
export function nothingKnown(n: number): { known: Int32Array; narrowing: Narrowing } {
  return { known: new Int32Array(n).fill(UNKNOWN), narrowing: { was: new Int32Array(n).fill(UNKNOWN), capped: new Float64Array(n).fill(-1), fresh: new Uint8Array(n).fill(1) } };
}
