// Reusing the last build's scored pairs. An article's vectors depend only on the articles of its IDF
// window (profile.ts), so the candidate pairs whose first article lies on day d, and their probabilities,
// depend only on the articles of a span of days around d: their first articles' IDF windows, the date
// window their second articles lie in (and those articles' IDF windows), and the key postings there. Those
// rows are kept (by the build, in the cache: src/cache/cluster-rows.ts) under a key of that span's
// articles (path, day and terms) and the settings; a build that adds one article scores again only the
// days whose span holds it and takes every other day's rows as they were.
//
// Undated articles pair with every article and take their IDF from the whole batch: with one in the batch,
// nothing is reused. A stored row is checked before it is used (indices inside the span, first article on
// the row's day, probabilities in range) and recomputed when it is not sound.
import { createHash } from "node:crypto";
import { idfRadius } from "./profile.ts";
import { lowerBound } from "../text/rows.ts";

/** One day's rows: pairs (a[k], b[k]) as positions in the day's span (its articles in path order), with their probabilities. */
export interface PairRows {
  a: number[];
  b: number[];
  p: number[];
}

/** Where rows are kept between builds (the build cache); keys are already specific to the settings and articles. */
export interface RowStore {
  get(key: string): PairRows | undefined;
  put(key: string, rows: PairRows): void;
  /** Where the last build's merges are kept (groups.ts), under a key of the settings. */
  groups?: {
    get(key: string): StoredGroups | undefined;
    put(key: string, groups: StoredGroups): void;
  };
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

export interface DaySpan {
  day: number;
  /** The articles (indices, ascending: path order) the day's rows depend on. */
  members: Int32Array;
  key: string;
}

/**
 * Each day's span and its key. `days` are all dated; `settings` is what else the rows depend on (the
 * clustering settings). The span of day d reaches from the lowest day minus IDF radius to the highest
 * day plus IDF radius among the days d - w … d + w.
 */
export function daySpans(paths: readonly string[], days: readonly number[], keys: readonly string[], windowDays: number, minIdfDocuments: number, settings: string): DaySpan[] {
  const byDay = Int32Array.from(days.keys()).sort((x, y) => days[x]! - days[y]! || x - y);
  const sorted = Int32Array.from(byDay, (i) => days[i]!);
  const distinct = [...new Set(sorted)];
  const radius = new Map<number, number>();
  for (const d of distinct) radius.set(d, idfRadius(sorted, firstAtLeast(sorted, d), windowDays, minIdfDocuments));
  return distinct.map((d) => {
    let [lo, hi] = [d - radius.get(d)!, d + radius.get(d)!];
    for (const e of distinct) {
      if (e < d - windowDays || e > d + windowDays) continue;
      lo = Math.min(lo, e - radius.get(e)!);
      hi = Math.max(hi, e + radius.get(e)!);
    }
    const members = byDay.slice(firstAtLeast(sorted, lo), firstAtLeast(sorted, hi + 1)).sort();
    const h = createHash("sha256").update(`cluster rows 1\n${settings}\n${Math.min(minIdfDocuments, days.length)}\n${d}\n${members.length}\n`);
    for (const i of members) h.update(`${paths[i]!.length}:`).update(paths[i]!, "utf16le").update(`${days[i]} ${keys[i]}\n`);
    return { day: d, members, key: h.digest("hex").slice(0, 32) };
  });
}

/**
 * The stored rows as global pairs (appended to `out`), or false when they are not sound for this span:
 * every first article on `span.day`, second after first, positions inside the span, probabilities in [min, 1].
 */
export function readRows(rows: PairRows, span: DaySpan, days: readonly number[], min: number, out: { a: number[]; b: number[]; p: number[] }): boolean {
  const { a, b, p } = rows;
  const size = span.members.length;
  if (a.length !== b.length || a.length !== p.length) return false;
  for (let k = 0; k < a.length; k++) {
    const [x, y, w] = [a[k]!, b[k]!, p[k]!];
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y <= x || y >= size || !(w >= min && w <= 1)) return false;
    if (days[span.members[x]!] !== span.day) return false;
    if (k > 0 && (x < a[k - 1]! || (x === a[k - 1]! && y <= b[k - 1]!))) return false;
  }
  for (let k = 0; k < a.length; k++) {
    out.a.push(span.members[a[k]!]!);
    out.b.push(span.members[b[k]!]!);
    out.p.push(p[k]!);
  }
  return true;
}

/** Global pairs (first articles on the span's day, in order of first then second article) as the span's rows. */
export function toRows(a: readonly number[], b: readonly number[], p: readonly number[], span: DaySpan): PairRows {
  const local = (i: number) => firstAtLeast(span.members, i);
  return { a: a.map(local), b: b.map(local), p: [...p] };
}

/** The first position in xs (ascending) whose value is at least `x`. */
const firstAtLeast = (xs: Int32Array, x: number): number => lowerBound(xs, 0, xs.length, x);
