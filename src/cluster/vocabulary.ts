// Term ids for clustering, given in order of first sight, then (`ranks`) renumbered in an order that
// does not depend on which other articles the batch holds. Terms are read straight out of the articles'
// space-separated lists (ArticleTerms): each token is hashed where it lies and looked up in an
// open-addressing table, so only a term seen for the first time becomes a string of its own. (A Map
// keyed by string needs a new string per token and hashes it again: twice the time at 2 million tokens.)
//
// Each kind of term (word, name, number …) is told apart by a small integer, so "may" the word and
// "may" a name are two terms, but all kinds draw on one counter.

/** Kinds of term. */
export const WORD = 1;
export const NAME = 2;
export const QUANTITY = 3;
export const UNIT = 4;
export const NUMBER = 5;
export const DAY = 6;

const EMPTY = -1;

export class Vocabulary {
  /**
   * Open addressing, two numbers a slot side by side (one memory access finds both): the term's hash,
   * and its id times 8 plus its kind (EMPTY: a free slot).
   */
  private slots = new Int32Array(2 << 16).fill(EMPTY);
  private mask = (1 << 16) - 1;
  /** Each id's term. */
  private readonly terms: string[] = [];
  /** Each id's hash and kind. */
  private hashes = new Int32Array(1 << 12);
  private kinds = new Uint8Array(1 << 12);

  get size(): number {
    return this.terms.length;
  }

  /** The id of text[from, to) as a term of `kind`, given the next id when it is new. */
  id(kind: number, text: string, from: number, to: number): number {
    let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const { slots, mask, terms } = this;
    let at = h & mask;
    for (;;) {
      const entry = slots[2 * at + 1]!;
      if (entry === EMPTY) break;
      if (slots[2 * at] === h && (entry & 7) === kind) {
        const term = terms[entry >> 3]!;
        if (term.length === to - from && text.startsWith(term, from)) return entry >> 3;
      }
      at = (at + 1) & mask;
    }
    const id = terms.length;
    terms.push(text.slice(from, to));
    if (id === this.hashes.length) {
      const [hashes, kinds] = [new Int32Array(2 * id), new Uint8Array(2 * id)];
      hashes.set(this.hashes);
      kinds.set(this.kinds);
      [this.hashes, this.kinds] = [hashes, kinds];
    }
    this.hashes[id] = h;
    this.kinds[id] = kind;
    slots[2 * at] = h;
    slots[2 * at + 1] = (id << 3) | kind;
    if (2 * terms.length > mask) this.grow();
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
   * Each id's rank in the order of (hash, kind, term): the order two terms come in is the same whatever
   * other terms the batch holds, so sums taken in that order are the same to the last bit in any batch
   * (an article's vectors must not change when an article is added: see index.ts).
   */
  ranks(): Int32Array {
    const n = this.terms.length;
    const keys = new BigUint64Array(n);
    for (let id = 0; id < n; id++) keys[id] = (BigInt(this.hashes[id]! >>> 0) << 32n) | BigInt(id);
    keys.sort();
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = Number(keys[k]! & 0xffffffffn);
    // Terms with the same hash (rare) were left in order of first sight: put them in order of kind and text.
    for (let k = 0; k < n; ) {
      let end = k + 1;
      while (end < n && this.hashes[order[end]!] === this.hashes[order[k]!]) end++;
      if (end - k > 1) {
        const same = Array.from(order.subarray(k, end)).sort((x, y) => this.kinds[x]! - this.kinds[y]! || (this.terms[x]! < this.terms[y]! ? -1 : this.terms[x]! > this.terms[y]! ? 1 : 0));
        order.set(same, k);
      }
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
