// Term ids for clustering, given in order of first sight. Terms are read straight out of the articles'
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
  private slots = new Int32Array(1 << 16).fill(EMPTY);
  private slotHash = new Int32Array(1 << 16);
  private mask = (1 << 16) - 1;
  /** Each id's term and kind. */
  private readonly terms: string[] = [];
  private readonly kinds: number[] = [];

  get size(): number {
    return this.terms.length;
  }

  /** The id of text[from, to) as a term of `kind`, given the next id when it is new. */
  id(kind: number, text: string, from: number, to: number): number {
    let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const { slots, slotHash, mask, terms, kinds } = this;
    let at = h & mask;
    for (;;) {
      const id = slots[at]!;
      if (id === EMPTY) break;
      if (slotHash[at] === h && kinds[id] === kind) {
        const term = terms[id]!;
        if (term.length === to - from && text.startsWith(term, from)) return id;
      }
      at = (at + 1) & mask;
    }
    const id = terms.length;
    terms.push(text.slice(from, to));
    kinds.push(kind);
    slots[at] = id;
    slotHash[at] = h;
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

  private grow(): void {
    const [slots, slotHash] = [this.slots, this.slotHash];
    const size = 2 * slots.length;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.slotHash = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < slots.length; k++) {
      if (slots[k] === EMPTY) continue;
      let at = slotHash[k]! & this.mask;
      while (this.slots[at] !== EMPTY) at = (at + 1) & this.mask;
      this.slots[at] = slots[k]!;
      this.slotHash[at] = slotHash[k]!;
    }
  }
}
