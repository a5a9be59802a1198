// Term ids for clustering, given in order of first sight, then (`ranks`) renumbered in an order that
// does not depend on which other articles the batch holds. Terms are read straight out of the articles'
// space-separated lists (ArticleTerms): each token is hashed where it lies and looked up in an
// open-addressing table, and no token becomes a string of its own. (A Map
// keyed by string needs a new string per token and hashes it again: twice the time at 2 million tokens.)
//
// Each kind of term (word, name, number …) is told apart by a small integer, so "may" the word and
// "may" a name are two terms, but all kinds draw on one counter. No term's text is kept: a term is its
// kind and two hashes (termTag).

/** Kinds of term. */
export const WORD = 1;
export const NAME = 2;
export const QUANTITY = 3;
export const UNIT = 4;
export const NUMBER = 5;
export const DAY = 6;

const EMPTY = -1;

/**
 * A term is told apart from every other by its kind and two 32-bit hashes of its text: `hash` (FNV-1a)
 * and `tag`, the kind in its top 3 bits and 29 bits of a second hash. Two distinct terms of a kind are
 * taken for one only when both hashes agree, a chance of about one in 10^8 over a million terms; in
 * return a term's identity is two numbers, which a build can merge without the term's text (term-runs.ts).
 */
export function termTag(kind: number, text: string, from: number, to: number): number {
  let g = Math.imul(0x9e3779b9 ^ kind, 0x5bd1e995);
  for (let i = from; i < to; i++) g = Math.imul(g ^ text.charCodeAt(i), 0x5bd1e995);
  g ^= g >>> 15;
  g = Math.imul(g, 0x2c1b3c6d);
  g ^= g >>> 13;
  return ((kind << 29) | (g >>> 3)) >>> 0;
}

export class Vocabulary {
  /**
   * Open addressing, two numbers a slot side by side (one memory access finds both): the term's hash,
   * and its id (EMPTY: a free slot).
   */
  private slots = new Int32Array(2 << 16).fill(EMPTY);
  private mask = (1 << 16) - 1;
  private count = 0;
  /** Each id's hash and tag (termTag). */
  private hashes = new Int32Array(1 << 12);
  private tags = new Uint32Array(1 << 12);

  get size(): number {
    return this.count;
  }

  /** The id of text[from, to) as a term of `kind`, given the next id when it is new. */
  id(kind: number, text: string, from: number, to: number): number {
    let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    return this.idOf(h, termTag(kind, text, from, to));
  }

  /** The id of the term of hash `h` and tag `tag` (see termTag), given the next id when it is new. */
  idOf(h: number, tag: number): number {
    const { slots, mask } = this;
    let at = h & mask;
    for (;;) {
      const entry = slots[2 * at + 1]!;
      if (entry === EMPTY) break;
      if (slots[2 * at] === h && this.tags[entry] === tag) return entry;
      at = (at + 1) & mask;
    }
    const id = this.count++;
    if (id === this.hashes.length) {
      const [hashes, tags] = [new Int32Array(2 * id), new Uint32Array(2 * id)];
      hashes.set(this.hashes);
      tags.set(this.tags);
      [this.hashes, this.tags] = [hashes, tags];
    }
    this.hashes[id] = h;
    this.tags[id] = tag;
    slots[2 * at] = h;
    slots[2 * at + 1] = id;
    if (2 * this.count > mask) this.grow();
    return id;
  }

  /**
   * The ids of the tokens of a space-separated list, as terms of `kind`, into `into.ids` (replaced by a
   * longer array when short); returns how many.
   */
  list(kind: number, joined: string, into: { ids: Int32Array }): number {
    if (!joined) return 0;
    let n = 0;
    let from = 0;
    for (;;) {
      const space = joined.indexOf(" ", from);
      const to = space < 0 ? joined.length : space;
      if (n === into.ids.length) {
        const longer = new Int32Array(2 * n);
        longer.set(into.ids);
        into.ids = longer;
      }
      into.ids[n++] = this.id(kind, joined, from, to);
      if (space < 0) return n;
      from = space + 1;
    }
  }

  /**
   * Each id's rank in the order of (hash, tag), both unsigned: the order two terms come in is the same
   * whatever other terms the batch holds, so sums taken in that order are the same to the last bit in
   * any batch (an article's vectors must not change when an article is added: see index.ts).
   */
  ranks(): Int32Array {
    const n = this.count;
    const keys = new BigUint64Array(n);
    for (let id = 0; id < n; id++) keys[id] = (BigInt(this.hashes[id]! >>> 0) << 32n) | BigInt(id);
    keys.sort();
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = Number(keys[k]! & 0xffffffffn);
    // Terms with the same hash (rare) were left in order of first sight: put them in order of tag.
    for (let k = 0; k < n; ) {
      let end = k + 1;
      while (end < n && this.hashes[order[end]!] === this.hashes[order[k]!]) end++;
      if (end - k > 1) order.set(order.subarray(k, end).sort((x, y) => this.tags[x]! - this.tags[y]!), k);
      k = end;
    }
    const rank = new Int32Array(n);
    for (let k = 0; k < n; k++) rank[order[k]!] = k;
    return rank;
  }

  /** Each id's hash and tag, by id. */
  entries(): { hashes: Int32Array; tags: Uint32Array } {
    return { hashes: this.hashes.slice(0, this.count), tags: this.tags.slice(0, this.count) };
  }

  private grow(): void {
    const old = this.slots;
    const size = old.length; // slots, twice as many as before
    this.slots = new Int32Array(2 * size).fill(EMPTY);
    this.mask = size - 1;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k + 1] === EMPTY) continue;
      let at = old[k]! & this.mask;
      while (this.slots[2 * at + 1] !== EMPTY) at = (at + 1) & this.mask;
      this.slots[2 * at] = old[k]!;
      this.slots[2 * at + 1] = old[k + 1]!;
    }
  }
}
