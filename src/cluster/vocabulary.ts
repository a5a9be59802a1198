// Term ids for clustering, given in order of first sight, then (`ranks`) renumbered in an order that
// does not depend on which other articles the batch holds. A term is its two hashes (term-record.ts:
// the kind is in the tag), so the table is numbers only: no term's text is read or kept here.

export { DAY, NAME, NUMBER, QUANTITY, UNIT, WORD } from "./term-record.ts";
import { termHash, termTag } from "./term-record.ts";

const EMPTY = -1;

export class Vocabulary {
  /** Open addressing, two numbers a slot side by side (one memory access finds both): the term's hash, and its id (EMPTY: a free slot). */
  private slots = new Int32Array(2 << 16).fill(EMPTY);
  private mask = (1 << 16) - 1;
  private count = 0;
  /** Each id's hash and tag. */
  private hashes = new Int32Array(1 << 12);
  private tags = new Uint32Array(1 << 12);

  get size(): number {
    return this.count;
  }

  /** The hash and the tag of term `id`. */
  hashOf(id: number): number {
    return this.hashes[id]!;
  }

  tagOf(id: number): number {
    return this.tags[id]!;
  }

  /** The id of text[from, to) as a term of `kind`, given the next id when it is new. */
  id(kind: number, text: string, from: number, to: number): number {
    return this.idOf(termHash(kind, text, from, to), termTag(kind, text, from, to));
  }

  /** The id of the term of hash `h` and tag `tag`, given the next id when it is new. */
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
   * Each id's rank in the order of (hash, tag), both unsigned: the order two terms come in is the same
   * whatever other terms the batch holds, so sums taken in that order are the same to the last bit in
   * any batch (an article's vectors must not change when an article is added: see index.ts). It is the
   * order each article's record lists its terms in (term-record.ts).
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
