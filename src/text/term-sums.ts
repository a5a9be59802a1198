// Sums of numbers by word hash (the non-negative integers of `Line.terms`), for one page at a time:
// an open-addressed table of typed arrays, faster than a Map on the per-word paths, and emptied by
// a new generation stamp rather than by clearing, so one table serves page after page.

export class TermSums {
  private keys = new Int32Array(1024);
  private sums = new Float64Array(1024);
  /** The generation that filled each slot: a slot of an older one is empty. */
  private stamps = new Uint32Array(1024);
  private stamp = 1;
  private size = 0;
  private shift = 22;
  private mask = 1023;

  /** Empties the table. */
  clear(): void {
    this.size = 0;
    if (++this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /** The key's sum, 0 when it has none. */
  get(key: number): number {
    const { keys, stamps, stamp, mask } = this;
    for (let j = Math.imul(key, 0x9e3779b1) >>> this.shift; ; j = (j + 1) & mask) {
      if (stamps[j] !== stamp) return 0;
      if (keys[j] === key) return this.sums[j]!;
    }
  }

  /** Adds `v` to the key's sum: the same number as `(map.get(key) ?? 0) + v`. */
  add(key: number, v: number): void {
    const { keys, stamps, stamp, mask } = this;
    for (let j = Math.imul(key, 0x9e3779b1) >>> this.shift; ; j = (j + 1) & mask) {
      if (stamps[j] !== stamp) {
        stamps[j] = stamp;
        keys[j] = key;
        this.sums[j] = 0 + v;
        // At most half full, so a look-up ends within a slot or two.
        if (++this.size * 2 > keys.length) this.grow();
        return;
      }
      if (keys[j] === key) {
        this.sums[j]! += v;
        return;
      }
    }
  }

  private grow(): void {
    const { keys, sums, stamps, stamp } = this;
    const size = keys.length * 2;
    this.keys = new Int32Array(size);
    this.sums = new Float64Array(size);
    this.stamps = new Uint32Array(size);
    this.stamp = 1;
    this.shift--;
    this.mask = size - 1;
    this.size = 0;
    for (let j = 0; j < keys.length; j++) {
      if (stamps[j] !== stamp) continue;
      let k = Math.imul(keys[j]!, 0x9e3779b1) >>> this.shift;
      while (this.stamps[k] === 1) k = (k + 1) & this.mask;
      this.stamps[k] = 1;
      this.keys[k] = keys[j]!;
      this.sums[k] = sums[j]!;
      this.size++;
    }
  }
}
