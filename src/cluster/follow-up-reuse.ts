// Reusing the last build's follow-up links. A later story's link (followups.ts linkStories) is worked out
// from its own members' profiles and day, and from the dated stories further back than the window and
// within `followUpDays` (their keys, centroids and evidence, and how many of them hold each key: the
// posting cap). Its print (its members' paths and pair prints, rows.ts, and its day) says all of the
// first; so a story whose print is as stored, with no story on the days of its reach new, changed or gone,
// links to the earlier story it linked to before (or to none). Stories are in order of their first
// member's path in every build, so ties among its candidates (the first in index order wins) fall as they
// did. One new article changes the stories of a few days near its own: the stories more than `windowDays`
// after them are linked again, the others taken as they were. A stored entry that is not sound is ignored.
import { shortHash } from "../text/hash.ts";
import { lowerBound } from "../text/rows.ts";

/** A build's dated stories in day order, with each one's print and day, and the stored index of the earlier story it follows (-1: none). */
export interface StoredFollowUps {
  prints: string[];
  days: number[];
  links: number[];
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

/** What to store of this build's links (`links`: later story → earlier story), dated stories only. */
export function storedFollowUps(prints: readonly string[], days: ReadonlyArray<number | null>, links: ReadonlyMap<number, number>): StoredFollowUps {
  const order = days.flatMap((d, s) => (d === null ? [] : [s])).sort((x, y) => days[x]! - days[y]! || x - y);
  const at = new Int32Array(prints.length).fill(-1);
  order.forEach((s, k) => {
    at[s] = k;
  });
  return { prints: order.map((s) => prints[s]!), days: order.map((s) => days[s]!), links: order.map((s) => (links.has(s) ? at[links.get(s)!]! : -1)) };
}
