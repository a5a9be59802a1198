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
// A story that is linked again weighs each candidate (followups.ts linkStories): the centroids' cosine, then
// the follow-up model on the pair's evidence. What it weighs is a function of the two stories (their prints)
// and of their shared key weight (which keys the posting cap left in), so a build keeps each story's weighed
// candidates, each with its shared key weight and its probability (FollowUpMemo), and the next build takes a
// candidate's probability from there when both stories' prints and the shared key weight are as they were.
// One new article changes the prints of the stories of the days its IDF window reaches, so every story after
// them is linked again, but of its candidates (up to `followUpDays` back) only those few days' are weighed.
import { shortHash } from "../text/hash.ts";
import { lowerBound } from "../text/rows.ts";

/** A build's dated stories in day order, with each one's print and day, and the stored index of the earlier story it follows (-1: none). */
export interface StoredFollowUps {
  prints: string[];
  days: number[];
  links: number[];
  /**
   * Each story's weighed candidates (FollowUpMemo), story after story: its count, then per candidate the
   * candidate's stored index, the shared key weight and the probability (WEIGHED_OUT: its cosine was not
   * above the floor): a Float64Array's bytes, little-endian, in base64.
   */
  weighed: string;
}

/** A candidate whose centroids' cosine is not above `followUpThreshold` (never weighed by the model). */
export const WEIGHED_OUT = -1;

/** Each story's weighed candidates as linkStories weighs them (this build's story indices), to keep for the next build. */
export type WeighedCandidates = Array<number[] | undefined>;

/**
 * The last build's weighed candidates, read for this build's stories: `load(later)` before a later story's
 * candidates, then `take(earlier, keyed)` gives the stored probability (or WEIGHED_OUT) of a candidate whose
 * print, the later story's and the shared key weight are as they were, else NaN (weigh it).
 */
export class FollowUpMemo {
  private readonly stamp: Int32Array;
  private readonly keyed: Float64Array;
  private readonly p: Float64Array;

  private constructor(
    private readonly storedOf: Int32Array,
    private readonly currentOf: Int32Array,
    private readonly values: Float64Array,
    private readonly at: Int32Array,
  ) {
    this.stamp = new Int32Array(storedOf.length).fill(-1);
    this.keyed = new Float64Array(storedOf.length);
    this.p = new Float64Array(storedOf.length);
  }

  /** `stored` read for this build's stories (`prints`; an undated story's is ""); null when its entries are not sound. */
  static of(stored: StoredFollowUps, prints: readonly string[]): FollowUpMemo | null {
    const n = stored.prints.length;
    const bytes = Buffer.from(stored.weighed, "base64");
    if (!LITTLE_ENDIAN || bytes.length % 8 !== 0) return null;
    const values = new Float64Array(bytes.length / 8);
    new Uint8Array(values.buffer).set(bytes);
    const at = new Int32Array(n + 1);
    let e = 0;
    for (let t = 0; t < n; t++) {
      at[t] = e;
      const count = values[e++]!;
      if (!Number.isInteger(count) || count < 0 || e + 3 * count > values.length) return null;
      for (let c = 0; c < count; c++, e += 3) {
        const [x, keyed, p] = [values[e]!, values[e + 1]!, values[e + 2]!];
        if (!Number.isInteger(x) || x < 0 || x >= n || !Number.isFinite(keyed) || !(p === WEIGHED_OUT || (p >= 0 && p <= 1))) return null;
      }
    }
    if (e !== values.length) return null;
    at[n] = e;
    const storedAt = new Map<string, number>();
    stored.prints.forEach((print, t) => storedAt.set(print, t));
    const storedOf = new Int32Array(prints.length).fill(-1);
    const currentOf = new Int32Array(n).fill(-1);
    prints.forEach((print, s) => {
      const t = print === "" ? undefined : storedAt.get(print);
      if (t === undefined) return;
      storedOf[s] = t;
      currentOf[t] = s;
    });
    return new FollowUpMemo(storedOf, currentOf, values, at);
  }

  /** Makes the stored candidates of `later` (when its print is as stored) the ones `take` answers from. */
  load(later: number): void {
    const t = this.storedOf[later]!;
    if (t < 0) return;
    const { values, currentOf } = this;
    for (let e = this.at[t]! + 1; e < this.at[t + 1]!; e += 3) {
      const earlier = currentOf[values[e]!]!;
      if (earlier < 0) continue;
      this.stamp[earlier] = later;
      this.keyed[earlier] = values[e + 1]!;
      this.p[earlier] = values[e + 2]!;
    }
  }

  take(later: number, earlier: number, keyed: number): number {
    return this.stamp[earlier] === later && this.keyed[earlier] === keyed ? this.p[earlier]! : Number.NaN;
  }

  /** The stored candidates of `later`, those whose print is as stored (this build's indices, as WeighedCandidates), or undefined. */
  carried(later: number): number[] | undefined {
    const t = this.storedOf[later]!;
    if (t < 0) return undefined;
    const out: number[] = [];
    const { values, currentOf } = this;
    for (let e = this.at[t]! + 1; e < this.at[t + 1]!; e += 3) {
      const earlier = currentOf[values[e]!]!;
      if (earlier >= 0) out.push(earlier, values[e + 1]!, values[e + 2]!);
    }
    return out;
  }
}

/** Whether typed arrays here are little-endian, as the stored candidates are (elsewhere, none is taken). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

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

/** What to store of this build's links (`links`: later story → earlier story) and weighed candidates, dated stories only. */
export function storedFollowUps(prints: readonly string[], days: ReadonlyArray<number | null>, links: ReadonlyMap<number, number>, weighed: WeighedCandidates = []): StoredFollowUps {
  const order = days.flatMap((d, s) => (d === null ? [] : [s])).sort((x, y) => days[x]! - days[y]! || x - y);
  const at = new Int32Array(prints.length).fill(-1);
  let size = 0;
  order.forEach((s, k) => {
    at[s] = k;
    size += 1 + (weighed[s]?.length ?? 0);
  });
  const flat = new Float64Array(size);
  let e = 0;
  for (const s of order) {
    const list = weighed[s] ?? [];
    flat[e++] = list.length / 3;
    for (let c = 0; c < list.length; c += 3) {
      flat[e++] = at[list[c]!]!;
      flat[e++] = list[c + 1]!;
      flat[e++] = list[c + 2]!;
    }
  }
  return { prints: order.map((s) => prints[s]!), days: order.map((s) => days[s]!), links: order.map((s) => (links.has(s) ? at[links.get(s)!]! : -1)), weighed: Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength).toString("base64") };
}
