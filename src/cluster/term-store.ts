// Reusing the last build's term runs (term-runs.ts), one group a day. A day's runs depend only on its
// articles' terms, so they are kept (by the build, in the cache: src/cache/cluster-terms.ts) under a key
// of those articles (path and terms) and read back instead of interning their tokens again; a build that
// adds one article reads the terms of its day's articles only. Undated articles are one group of their own.
//
// A stored entry is the group's numbers as one base64 text of varints (a JSON array of millions of
// numbers, or 32-bit numbers in base64, 33 MB at 10,000 articles, take about as long to parse as reading
// the terms does). Nothing stored is trusted: an entry must name its own key (another group's entry is
// not used) and its runs must be sound (bounds, ids inside the group's terms, each run's ids ascending);
// its terms must be strictly ascending (checked as the groups are joined, term-runs.ts).
import { createHash } from "node:crypto";
import type { DatedArticle } from "../types.ts";
import { joinGroups, QUANTITIES, QUANTITY_UNITS, readGroupTerms, SENTENCES, YEARS, type Group, type GroupTerms, type Terms } from "./term-runs.ts";

/** One group's runs as stored. */
export interface StoredTerms {
  /** The key the entry was stored under. */
  key: string;
  /** Terms, runs and counts as varints, base64 (see encode). */
  data: string;
}

/** Where term runs are kept between builds (the build cache); a put under a key the store gave replaces it. */
export interface TermStore {
  get(key: string): StoredTerms | undefined;
  put(key: string, terms: StoredTerms): void;
}

/**
 * Every article's runs, each day's taken from `store` when it holds them for the same articles and read
 * afresh (and stored) when not. `keys`: each article's terms key (rows.ts termsKeys); `release`: the
 * articles' terms are let go of once all runs are joined.
 */
export function termsByDay(articles: readonly DatedArticle[], days: ReadonlyArray<number | null>, keys: readonly string[], store: TermStore, release: boolean): Terms {
  const groups = dayGroups(days);
  const parts = groups.map((members) => {
    const key = groupKey(articles, keys, members);
    const stored = store.get(key);
    const terms = (stored && decode(key, stored, members.length)) ?? null;
    return { members, key, terms };
  });
  const fresh = (g: number): GroupTerms => {
    const { members, key } = parts[g]!;
    const terms = readGroupTerms(articles, members, false);
    store.put(key, encode(key, terms));
    return terms;
  };
  parts.forEach((p, g) => (p.terms ??= fresh(g)));
  let joined = joinGroups(articles.length, parts as Group[]);
  if ("unsound" in joined) {
    for (const g of joined.unsound) parts[g]!.terms = fresh(g);
    joined = joinGroups(articles.length, parts as Group[]);
    if ("unsound" in joined) throw new Error("clustering: terms read afresh are not in the order of their ranks");
  }
  if (release) for (const a of articles) a.terms = undefined;
  return joined;
}

/** The articles of each day (ascending), in index order, and the undated ones last: the order of candidates.ts dayOrder. */
function dayGroups(days: ReadonlyArray<number | null>): Int32Array[] {
  const byDay = new Map<number | null, number[]>();
  days.forEach((d, i) => {
    const list = byDay.get(d);
    if (list) list.push(i);
    else byDay.set(d, [i]);
  });
  const order = [...byDay.keys()].sort((x, y) => (x ?? Infinity) - (y ?? Infinity));
  return order.map((d) => Int32Array.from(byDay.get(d)!));
}

function groupKey(articles: readonly DatedArticle[], keys: readonly string[], members: Int32Array): string {
  const h = createHash("sha256").update(`cluster terms 1\n${members.length}\n`);
  for (const i of members) h.update(`${articles[i]!.path.length}:`).update(articles[i]!.path, "utf16le").update(` ${keys[i]}\n`);
  return h.digest("hex").slice(0, 32);
}

/** Unsigned whole numbers as LEB128 varints (7 bits a byte, low first), into a growing buffer. */
class Varints {
  bytes = new Uint8Array(1 << 16);
  length = 0;

  push(x: number): void {
    if (!(Number.isInteger(x) && x >= 0 && x <= 0xffffffff)) throw new Error(`clustering: ${x} is not a 32-bit unsigned number`);
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(2 * this.bytes.length);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    while (x >= 0x80) {
      this.bytes[this.length++] = (x & 0x7f) | 0x80;
      x = Math.floor(x / 128);
    }
    this.bytes[this.length++] = x;
  }
}

/** Reads varints back; one longer than 32 bits, or reading past the end, marks the reader `bad` (and gives 0). */
class Reader {
  at = 0;
  bad = false;
  constructor(readonly bytes: Uint8Array) {}

  next(): number {
    const bytes = this.bytes;
    let at = this.at;
    if (at < bytes.length && bytes[at]! < 0x80) {
      this.at = at + 1;
      return bytes[at]!;
    }
    let x = 0;
    for (let scale = 1; scale < 2 ** 35; scale *= 128) {
      if (at >= bytes.length) break;
      const b = bytes[at++]!;
      x += (b & 0x7f) * scale;
      if (b < 0x80) {
        this.at = at;
        if (x <= 0xffffffff) return x;
        break;
      }
    }
    this.bad = true;
    this.at = bytes.length;
    return 0;
  }
}

/** Zig-zag: a signed 32-bit number as an unsigned one (years need not be positive). */
const zig = (x: number): number => ((x << 1) ^ (x >> 31)) >>> 0;
const unzig = (x: number): number => (x >>> 1) ^ -(x & 1);

/**
 * Varints: members, runs, entries, terms; each term's hash (as the gap from the one before, unsigned)
 * and tag; each article's run count; each run's length; each run's ids (ascending runs as the gaps
 * between them less one, the first as it is; the quantities' units as they are; years zig-zagged),
 * every count, each article's weekdays and months. Small numbers mostly: about 2.7 bytes an entry.
 */
export function encode(key: string, t: GroupTerms): StoredTerms {
  const [members, runs, entries, terms] = [t.weekdays.length, t.bounds.length - 1, t.ids.length, t.hashes.length];
  const out = new Varints();
  for (const x of [members, runs, entries, terms]) out.push(x);
  for (let k = 0; k < terms; k++) {
    out.push((t.hashes[k]! >>> 0) - (k > 0 ? t.hashes[k - 1]! >>> 0 : 0));
    out.push(t.tags[k]!);
  }
  for (let k = 0; k < members; k++) out.push(t.firstRun[k + 1]! - t.firstRun[k]!);
  for (let r = 0; r < runs; r++) out.push(t.bounds[r + 1]! - t.bounds[r]!);
  for (let k = 0; k < members; k++) {
    for (let r = t.firstRun[k]!; r < t.firstRun[k + 1]!; r++) {
      const kind = r - t.firstRun[k]!;
      for (let e = t.bounds[r]!; e < t.bounds[r + 1]!; e++) {
        const id = t.ids[e]!;
        if (kind === YEARS) out.push(zig(id));
        else if (kind === QUANTITY_UNITS || e === t.bounds[r]) out.push(id);
        else out.push(id - t.ids[e - 1]! - 1);
      }
    }
  }
  // Counts, before weighting (term-runs.ts): whole numbers.
  for (const v of t.values) out.push(v);
  for (let k = 0; k < members; k++) out.push(zig(t.weekdays[k]!));
  for (let k = 0; k < members; k++) out.push(zig(t.months[k]!));
  return { key, data: Buffer.from(out.bytes.buffer, 0, out.length).toString("base64") };
}

/** The stored group of `size` articles, or null when it is not this key's or not sound. */
export function decode(key: string, stored: StoredTerms, size: number): GroupTerms | null {
  if (stored.key !== key) return null;
  const read = new Reader(Buffer.from(stored.data, "base64"));
  const [members, runs, entries, terms] = [read.next(), read.next(), read.next(), read.next()];
  // Every number takes a byte at least: a count beyond the bytes left is damage, not a reason to allocate.
  if (read.bad || members !== size || runs + entries + 2 * terms > read.bytes.length) return null;
  const hashes = new Int32Array(terms);
  const tags = new Uint32Array(terms);
  let hash = 0;
  for (let k = 0; k < terms; k++) {
    hash += read.next();
    hashes[k] = hash;
    tags[k] = read.next();
  }
  if (hash > 0xffffffff) return null;
  const firstRun = new Int32Array(members + 1);
  for (let k = 0; k < members; k++) {
    const count = read.next();
    if (count < SENTENCES) return null;
    firstRun[k + 1] = firstRun[k]! + count;
  }
  if (firstRun[members] !== runs) return null;
  const bounds = new Int32Array(runs + 1);
  for (let r = 0; r < runs; r++) bounds[r + 1] = bounds[r]! + read.next();
  if (read.bad || bounds[runs] !== entries) return null;
  const ids = new Int32Array(entries);
  for (let k = 0; k < members; k++) {
    const first = firstRun[k]!;
    if (bounds[first + QUANTITIES + 1]! - bounds[first + QUANTITIES]! !== bounds[first + QUANTITY_UNITS + 1]! - bounds[first + QUANTITY_UNITS]!) return null;
    for (let r = first; r < firstRun[k + 1]!; r++) {
      const kind = r - first;
      const [from, to] = [bounds[r]!, bounds[r + 1]!];
      if (kind === YEARS) {
        for (let e = from; e < to; e++) ids[e] = unzig(read.next());
        continue;
      }
      let id = -1;
      for (let e = from; e < to; e++) {
        id = kind === QUANTITY_UNITS ? read.next() : id + 1 + read.next();
        if (id >= terms) return null;
        ids[e] = id;
      }
    }
  }
  const values = new Float32Array(entries);
  for (let e = 0; e < entries; e++) values[e] = read.next();
  const weekdays = new Int32Array(members);
  for (let k = 0; k < members; k++) weekdays[k] = unzig(read.next());
  const months = new Int32Array(members);
  for (let k = 0; k < members; k++) months[k] = unzig(read.next());
  if (read.bad || read.at !== read.bytes.length) return null;
  return { hashes, tags, firstRun, bounds, ids, values, weekdays, months };
}
