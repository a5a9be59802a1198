// An article's terms as clustering keeps them between builds (ArticleTerms): made once, in the per-article
// step, and cached with the dated article. A term is its kind and two 32-bit hashes of its text (termHash,
// termTag), so it means the same in every batch and clustering maps it to a dense id with a numeric hash
// table, without its text. The article's distinct terms are listed in the order of (hash, tag), the
// order clustering ranks all terms in (vocabulary.ts), and its runs (profile.ts: headline, words, lead,
// names …) are positions in that list, ascending: a run's ids come out of clustering sorted as they are.
//
// Stored as base64 of one byte string: the term count, each term's hash and tag (4 bytes each, low byte
// first), then varints: the run count, each run's length and entries, the weekdays and the months.
// Nothing read is trusted (TermRecord.load): a record that is not sound is worked out again from the text.

import { shortHash } from "../text/hash.ts";

/** Kinds of term: the top 3 bits of a term's tag. */
export const WORD = 1;
export const NAME = 2;
export const QUANTITY = 3;
export const UNIT = 4;
export const NUMBER = 5;
export const DAY = 6;

/** An article's runs, in this order; then its lead sentences of at least MIN_SENTENCE_TERMS distinct words. */
export const TITLE = 0;
export const WORDS = 1;
export const LEAD = 2;
export const NAMES = 3;
export const LEAD_NAMES = 4;
export const NUMBERS = 5;
export const QUANTITIES = 6;
export const QUANTITY_UNITS = 7;
export const UNITS = 8;
export const DAYS = 9;
export const YEARS = 10;
export const SENTENCES = 11;

/** Sentences with fewer distinct words than this are not compared. */
export const MIN_SENTENCE_TERMS = 3;

/** What each run holds: its terms' kind (0: not terms), and whether entries carry a count. */
const RUN_KIND = [WORD, WORD, WORD, NAME, NAME, NUMBER, QUANTITY, UNIT, UNIT, DAY, 0];
const COUNTED = [true, true, true, true, true, true, false, false, false, false, false];

/** FNV-1a of the kind, then of text[from, to): the term's first hash, and its place in the order of terms. */
export function termHash(kind: number, text: string, from = 0, to = text.length): number {
  let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

/**
 * The kind in the top 3 bits and 29 bits of a second hash. Two distinct terms are taken for one only
 * when both hashes agree: about one chance in 10^8 over a million terms.
 */
export function termTag(kind: number, text: string, from = 0, to = text.length): number {
  let g = Math.imul(0x9e3779b9 ^ kind, 0x5bd1e995);
  for (let i = from; i < to; i++) g = Math.imul(g ^ text.charCodeAt(i), 0x5bd1e995);
  g ^= g >>> 15;
  g = Math.imul(g, 0x2c1b3c6d);
  g ^= g >>> 13;
  return ((kind << 29) | (g >>> 3)) >>> 0;
}

/** Whether term (h1, t1) comes before (h2, t2): hashes unsigned, then tags. */
export function termBefore(h1: number, t1: number, h2: number, t2: number): boolean {
  const a = h1 >>> 0;
  const b = h2 >>> 0;
  return a < b || (a === b && t1 >>> 0 < t2 >>> 0);
}

/** A growable Int32Array. */
export class Ints {
  data = new Int32Array(256);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) this.room(1);
    this.data[this.length++] = x;
  }
  /** Three numbers (one check for room: this is inlined where a token's entry is written). */
  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) this.room(3);
    const data = this.data;
    const at = this.length;
    data[at] = a;
    data[at + 1] = b;
    data[at + 2] = c;
    this.length = at + 3;
  }
  /** Makes room for `more` numbers past `length`. */
  room(more: number): void {
    if (this.length + more <= this.data.length) return;
    const grown = new Int32Array(2 * (this.length + more));
    grown.set(this.data.subarray(0, this.length));
    this.data = grown;
  }
}

/**
 * Writes one article's record: terms are added as they occur (`term`, giving a provisional local id),
 * runs of those ids are opened and filled, and `finish` sorts the terms and writes the runs with their
 * positions in that order.
 */
export class RecordWriter {
  // Buffers start small: mentions.ts `prime` grows them, so that their growth has run before V8
  // optimises the writer (a path first run after that throws the optimised code away).
  private slots = new Int32Array(64).fill(-1);
  private hashes = new Ints();
  private tags = new Ints();
  /** Runs of provisional ids: run r is entries[bounds[r]] … entries[bounds[r + 1] - 1]. */
  private entries = new Ints();
  private bounds = new Ints();
  /** The bytes' length of the record `finish` last wrote (head and body joined in `head`), until the next `start`. */
  private recordLength = -1;

  start(): void {
    this.recordLength = -1;
    if (this.hashes.length > 0) this.slots.fill(-1);
    this.hashes.length = 0;
    this.tags.length = 0;
    this.entries.length = 0;
    this.bounds.length = 0;
  }

  /** The provisional id of the term (hash, tag). */
  term(hash: number, tag: number): number {
    tag |= 0; // as the Int32Array keeps it
    let mask = this.slots.length - 1;
    let at = hash & mask;
    for (;;) {
      const id = this.slots[at]!;
      if (id < 0) break;
      if (this.hashes.data[id] === hash && this.tags.data[id] === tag) return id;
      at = (at + 1) & mask;
    }
    const id = this.hashes.length;
    this.hashes.push(hash);
    this.tags.push(tag);
    this.slots[at] = id;
    if (4 * this.hashes.length > this.slots.length) {
      this.slots = new Int32Array(2 * this.slots.length).fill(-1);
      mask = this.slots.length - 1;
      for (let k = 0; k < this.hashes.length; k++) {
        let p = this.hashes.data[k]! & mask;
        while (this.slots[p]! >= 0) p = (p + 1) & mask;
        this.slots[p] = k;
      }
    }
    return id;
  }

  /** Opens the next run. */
  open(): void {
    this.bounds.push(this.entries.length);
  }

  /** Adds ids[from … to - 1] to the open run, each once: ids (or, for years, the years); an id added n times counts n. */
  add(ids: ArrayLike<number>, from: number, to: number): void {
    const entries = this.entries;
    if (to <= from) return;
    entries.room(to - from);
    const data = entries.data;
    let at = entries.length;
    for (let k = from; k < to; k++) data[at++] = ids[k]!;
    entries.length = at;
  }

  private position = new Int32Array(16);
  private order = new Int32Array(16);
  private spare = new Int32Array(16);
  /** Entries a position has in the run being written (0 between runs). */
  private tally = new Int32Array(16);
  /** The distinct positions of the run being written, in the order first met. */
  private seen = new Int32Array(16);
  /** Where each byte value's terms start, for each of the hash's 4 bytes (256 a byte). */
  private buckets = new Int32Array(4 * 256);

  /** order[0 … n - 1]: the terms by hash, unsigned (a stable radix sort, a byte at a time; the 4 counts in one pass). */
  private sortByHash(n: number): void {
    const hashes = this.hashes.data;
    const buckets = this.buckets;
    buckets.fill(0);
    for (let k = 0; k < n; k++) {
      const h = hashes[k]!;
      buckets[h & 255]!++;
      buckets[256 + ((h >>> 8) & 255)]!++;
      buckets[512 + ((h >>> 16) & 255)]!++;
      buckets[768 + (h >>> 24)]!++;
    }
    for (let b = 0; b < 1024; b += 256) {
      let sum = 0;
      for (let v = b; v < b + 256; v++) {
        const count = buckets[v]!;
        buckets[v] = sum;
        sum += count;
      }
    }
    let from = this.order;
    let to = this.spare;
    for (let k = 0; k < n; k++) from[k] = k;
    for (let shift = 0, b = 0; shift < 32; shift += 8, b += 256) {
      for (let k = 0; k < n; k++) {
        const id = from[k]!;
        to[buckets[b + ((hashes[id]! >>> shift) & 255)]!++] = id;
      }
      const swap = from;
      from = to;
      to = swap;
    }
    // Four passes: the result is back in `order`.
  }
  private head = new Bytes(64);
  private body = new Bytes(64);

  /**
   * The record. Each run's entries become distinct positions, ascending (a counted run sums the counts
   * of an id, another keeps it once); the quantities are ordered by position with their units alongside;
   * a sentence run with fewer than MIN_SENTENCE_TERMS distinct words is left out.
   */
  finish(weekdays: number, months: number): string {
    const n = this.hashes.length;
    const { data: hashes } = this.hashes;
    const { data: tags } = this.tags;
    if (n > this.position.length) [this.position, this.order, this.spare, this.tally, this.seen] = [new Int32Array(2 * n), new Int32Array(2 * n), new Int32Array(2 * n), new Int32Array(2 * n), new Int32Array(2 * n)];
    const { position, order } = this;
    this.sortByHash(n);
    // Equal hashes (rare) by tag.
    for (let k = 0; k + 1 < n; k++) {
      if (hashes[order[k]!] !== hashes[order[k + 1]!]) continue;
      let end = k + 1;
      while (end < n && hashes[order[end]!] === hashes[order[k]!]) end++;
      sortByTag(order, k, end, tags);
      k = end - 1;
    }
    for (let k = 0; k < n; k++) position[order[k]!] = k;
    const runs = this.bounds.length;
    this.bounds.push(this.entries.length);
    const entries = this.entries.data;
    const body = this.body;
    body.length = 0;
    let written = 0;
    for (let r = 0; r < runs; r++) {
      const from = this.bounds.data[r]!;
      const to = this.bounds.data[r + 1]!;
      if (r === YEARS) {
        if (to - from > this.seen.length) this.seen = new Int32Array(2 * (to - from));
        const years = this.seen;
        for (let k = from; k < to; k++) years[k - from] = entries[k]!;
        sortAscending(years, to - from);
        let m = 0;
        for (let k = 0; k < to - from; k++) if (m === 0 || years[m - 1] !== years[k]) years[m++] = years[k]!;
        body.varint(m);
        for (let k = 0; k < m; k++) body.varint(zig(years[k]!));
        written++;
        continue;
      }
      if (r === QUANTITY_UNITS) {
        // Ordered as the quantities are (each quantity is added once, with its unit).
        const q = this.bounds.data[QUANTITIES]!;
        if (to === from) {
          body.varint(0);
          written++;
          continue;
        }
        // Quantities are read from the opening's first tokens: a few, sorted in place (distinct, so by position alone).
        const byQuantity = this.seen;
        for (let k = 0; k < to - from; k++) {
          const p = position[entries[q + k]!]!;
          let j = k - 1;
          while (j >= 0 && position[entries[q + byQuantity[j]!]!]! > p) {
            byQuantity[j + 1] = byQuantity[j]!;
            j--;
          }
          byQuantity[j + 1] = k;
        }
        body.varint(to - from);
        for (let k = 0; k < to - from; k++) body.varint(position[entries[from + byQuantity[k]!]!]!);
        written++;
        continue;
      }
      // Each distinct position with its count (how many entries name it), read out in ascending order.
      const counted = r < SENTENCES && COUNTED[r]!;
      const tally = this.tally;
      const seen = this.seen;
      let lo = n;
      let hi = -1;
      let distinct = 0;
      for (let k = from; k < to; k++) {
        const p = position[entries[k]!]!;
        if (tally[p]!++ === 0) seen[distinct++] = p;
        if (p < lo) lo = p;
        if (p > hi) hi = p;
      }
      if (r >= SENTENCES && distinct < MIN_SENTENCE_TERMS) {
        for (let k = 0; k < distinct; k++) tally[seen[k]!] = 0;
        continue;
      }
      body.varint(distinct);
      // Most runs (the headline, the lead, names, sentences …) name a few of the article's terms spread
      // over all of them: their positions are sorted rather than every position between looked at.
      let last = -1;
      if (hi - lo > 4 * distinct) {
        sortAscending(seen, distinct);
        for (let k = 0; k < distinct; k++) {
          const p = seen[k]!;
          writeEntry(body, counted, p - last - 1, tally[p]!);
          tally[p] = 0;
          last = p;
        }
      } else {
        for (let p = lo; p <= hi; p++) {
          const count = tally[p]!;
          if (count === 0) continue;
          writeEntry(body, counted, p - last - 1, count);
          tally[p] = 0;
          last = p;
        }
      }
      written++;
    }
    this.bounds.length--;
    body.varint(weekdays >>> 0);
    body.varint(months >>> 0);
    const head = this.head;
    head.length = 0;
    head.varint(n);
    for (let k = 0; k < n; k++) {
      head.u32(hashes[order[k]!]!);
      head.u32(tags[order[k]!]!);
    }
    head.varint(written);
    this.recordLength = head.length + body.length;
    return head.base64(body);
  }

  /**
   * Each distinct term of run `run` of the record `finish` last wrote, once, to `visit` (its hash and tag as the
   * record keeps them: what `TermRecord.load` reads back), in no set order; returns how many there are.
   */
  eachTermOf(run: number, visit: (hash: number, tag: number) => void): number {
    if (this.recordLength < 0) throw new Error("RecordWriter.eachTermOf: no record written since start");
    const from = this.bounds.data[run]!;
    const to = run + 1 < this.bounds.length ? this.bounds.data[run + 1]! : this.entries.length;
    const { position, tally } = this;
    const entries = this.entries.data;
    let distinct = 0;
    for (let k = from; k < to; k++) {
      const id = entries[k]!;
      if (tally[position[id]!]!++ === 0) {
        distinct++;
        visit(this.hashes.data[id]!, this.tags.data[id]!);
      }
    }
    for (let k = from; k < to; k++) tally[position[entries[k]!]!] = 0;
    return distinct;
  }

  /** The key of the record `finish` last wrote, from its bytes (the key `TermRecord.key` and `termsKey` give it). */
  key(): string {
    if (this.recordLength < 0) throw new Error("RecordWriter.key: no record written since start");
    return shortHash(this.head.bytes.subarray(0, this.recordLength), 32);
  }
}

/** A growing byte buffer. */
class Bytes {
  bytes: Uint8Array;
  length = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }
  private room(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = new Uint8Array(2 * (this.length + more));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  u32(x: number): void {
    this.room(4);
    const b = this.bytes;
    b[this.length++] = x & 0xff;
    b[this.length++] = (x >>> 8) & 0xff;
    b[this.length++] = (x >>> 16) & 0xff;
    b[this.length++] = (x >>> 24) & 0xff;
  }
  varint(x: number): void {
    this.room(5);
    x >>>= 0;
    while (x >= 0x80) {
      this.bytes[this.length++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.bytes[this.length++] = x;
  }
  /** This buffer and then `more`, as base64 (the joined bytes stay in `bytes` until it is written again: `view`). */
  base64(more: Bytes): string {
    this.room(more.length);
    this.bytes.set(more.bytes.subarray(0, more.length), this.length);
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length + more.length).toString("base64");
  }

}

/** An entry of a run: the gap from the entry before; in a counted run, a count above 1 is flagged in the gap's low bit and follows it. */
function writeEntry(body: Bytes, counted: boolean, gap: number, count: number): void {
  if (counted) {
    body.varint(2 * gap + (count > 1 ? 1 : 0));
    if (count > 1) body.varint(count - 2);
  } else body.varint(gap);
}

/** Sorts xs[0 … n - 1] ascending (insertion sort for the few a run mostly holds). */
function sortAscending(xs: Int32Array, n: number): void {
  if (n > 48) {
    xs.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && xs[j]! > x) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
}

// Both ways of sorting run before V8 optimises `finish`, which inlines this (see mentions.ts `prime`);
// often enough for V8 to keep what they did (it starts recording a function's types after a few calls).
for (let k = 0; k < 16; k++) sortAscending(new Int32Array(64), k % 2 === 0 ? 3 : 64);

/**
 * Sorts ids[from … to - 1] by their tags, unsigned: the few terms of one hash (a closure here would cost
 * `finish` a context on every call). No two terms share hash and tag, so the order is the only one.
 */
function sortByTag(ids: Int32Array, from: number, to: number, tags: Int32Array): void {
  for (let i = from + 1; i < to; i++) {
    const id = ids[i]!;
    const tag = tags[id]! >>> 0;
    let j = i - 1;
    while (j >= from && tags[ids[j]!]! >>> 0 > tag) {
      ids[j + 1] = ids[j]!;
      j--;
    }
    ids[j + 1] = id;
  }
}

/** The key TermRecord.key gives of a record read from `terms` (the per-article step takes it from the writer: `articleTermsKeyed`). */
export function termsKey(terms: string): string {
  return shortHash(Buffer.from(terms, "base64"), 32);
}

/** Zig-zag: a signed 32-bit number as an unsigned one (years need not be positive). */
const zig = (x: number): number => ((x << 1) ^ (x >> 31)) >>> 0;
const unzig = (x: number): number => (x >>> 1) ^ -(x & 1);

/**
 * One record read back (load), into buffers reused from article to article: `count` terms with their
 * hashes and tags, in order; `runs` runs, run r being ids[bounds[r]] … ids[bounds[r + 1] - 1] (positions
 * in the term list, ascending, except the quantities' units, which follow the quantities, and the years,
 * which are years) with values[k] as profile.ts starts them (counts; 1 in a sentence; else 0).
 */
export class TermRecord {
  // Buffers large enough for long articles from the start (10k bench articles: at most 4,576 terms and
  // 4,693 entries, 58 KB of base64): growing is a branch that first runs long after V8 has optimised
  // `load`, which then throws its code away and compiles it again.
  count = 0;
  hashes = new Int32Array(8192);
  tags = new Uint32Array(8192);
  runs = 0;
  bounds = new Int32Array(64);
  ids = new Int32Array(8192);
  values = new Float32Array(8192);
  weekdays = 0;
  months = 0;
  /** The record's bytes, bytes[0] … bytes[end - 1] (a buffer reused from record to record). */
  private bytes: Buffer = Buffer.alloc(1 << 16);
  private end = 0;
  private at = 0;
  private bad = false;

  /** Reads `data`; false when it is not a sound record (then nothing read may be used). */
  load(data: string): boolean {
    if (data.length > this.bytes.length) this.bytes = Buffer.alloc(2 * data.length);
    const bytes = this.bytes;
    this.end = bytes.write(data, "base64");
    this.at = 0;
    this.bad = false;
    const end = this.end;
    const n = this.varint();
    if (this.bad || 8 * n > end - this.at) return false;
    if (n > this.hashes.length) {
      this.hashes = new Int32Array(2 * n);
      this.tags = new Uint32Array(2 * n);
    }
    const { hashes, tags } = this;
    for (let k = 0; k < n; k++) {
      const at = this.at;
      hashes[k] = bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24);
      tags[k] = (bytes[at + 4]! | (bytes[at + 5]! << 8) | (bytes[at + 6]! << 16) | (bytes[at + 7]! << 24)) >>> 0;
      this.at = at + 8;
      const kind = tags[k]! >>> 29;
      if (kind < WORD || kind > DAY) return false;
      if (k > 0 && !termBefore(hashes[k - 1]!, tags[k - 1]!, hashes[k]!, tags[k]!)) return false;
    }
    this.count = n;
    const runs = this.varint();
    if (this.bad || runs < SENTENCES || runs > end) return false;
    if (runs + 1 > this.bounds.length) this.bounds = new Int32Array(2 * (runs + 1));
    this.runs = runs;
    let e = 0;
    for (let r = 0; r < runs; r++) {
      this.bounds[r] = e;
      const length = this.varint();
      if (this.bad || length > end - this.at) return false;
      if (e + length > this.ids.length) {
        const size = 2 * (e + length);
        const [ids, values] = [new Int32Array(size), new Float32Array(size)];
        ids.set(this.ids.subarray(0, e));
        values.set(this.values.subarray(0, e));
        [this.ids, this.values] = [ids, values];
      }
      const { ids, values } = this;
      if (r === YEARS) {
        for (let k = 0; k < length; k++) {
          ids[e] = unzig(this.varint());
          if (k > 0 && ids[e]! <= ids[e - 1]!) return false;
          values[e++] = 0;
        }
        continue;
      }
      const kind = r < SENTENCES ? RUN_KIND[r]! : WORD;
      if (r === QUANTITY_UNITS) {
        if (length !== e - this.bounds[QUANTITIES]!) return false;
        for (let k = 0; k < length; k++) {
          const p = this.varint();
          if (p >= n || tags[p]! >>> 29 !== kind) return false;
          ids[e] = p;
          values[e++] = 0;
        }
        continue;
      }
      const counted = r < SENTENCES && COUNTED[r]!;
      if (r >= SENTENCES && length < MIN_SENTENCE_TERMS) return false;
      let p = -1;
      for (let k = 0; k < length; k++) {
        const gap = this.varint();
        const flag = counted && gap % 2 === 1;
        p += 1 + (counted ? (gap - (gap % 2)) / 2 : gap);
        if (p >= n || tags[p]! >>> 29 !== kind) return false;
        ids[e] = p;
        if (counted) values[e++] = flag ? this.varint() + 2 : 1;
        else values[e++] = r >= SENTENCES ? 1 : 0;
      }
      if (this.bad) return false;
    }
    this.bounds[runs] = e;
    this.weekdays = this.varint() | 0;
    this.months = this.varint() | 0;
    return !this.bad && this.at === end;
  }

  /**
   * A key of the record last loaded: 128 bits of SHA-256 (hex) of its bytes, the same bytes whatever
   * base64 text carried them (a quarter fewer than that text's, hashed without a copy of it).
   */
  key(): string {
    return shortHash(this.bytes.subarray(0, this.end), 32);
  }

  private varint(): number {
    const bytes = this.bytes;
    const end = this.end;
    const at = this.at;
    if (at < end && bytes[at]! < 0x80) {
      this.at = at + 1;
      return bytes[at]!;
    }
    let x = 0;
    let scale = 1;
    for (let k = 0; k < 5 && this.at < end; k++, scale *= 128) {
      const b = bytes[this.at++]!;
      x += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (x <= 0xffffffff) return x;
        break;
      }
    }
    this.bad = true;
    this.at = end;
    return 0;
  }

}
