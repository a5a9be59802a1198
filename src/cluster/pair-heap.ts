// averageLink's queue of candidate merges in flat typed arrays rather than one object per entry: a cold
// build queues some hundred thousand and most go stale. The order is agglomerate.ts `before`'s (highest
// score first, ties by the lower pair), so the entries come out as from its Heap.

export class PairHeap {
  private score = new Float64Array(1024);
  private x = new Int32Array(1024);
  private y = new Int32Array(1024);
  private vx = new Int32Array(1024);
  private vy = new Int32Array(1024);
  size = 0;
  /** The entry `pop` took out last. */
  topScore = 0;
  topX = 0;
  topY = 0;
  topVx = 0;
  topVy = 0;

  push(score: number, x: number, y: number, vx: number, vy: number): void {
    if (this.size === this.score.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(score, x, y, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.put(i, score, x, y, vx, vy);
  }

  /** Takes the first entry out into topScore … topVy (the heap must not be empty). */
  pop(): void {
    this.topScore = this.score[0]!;
    this.topX = this.x[0]!;
    this.topY = this.y[0]!;
    this.topVx = this.vx[0]!;
    this.topVy = this.vy[0]!;
    const last = --this.size;
    if (last === 0) return;
    const score = this.score[last]!;
    const x = this.x[last]!;
    const y = this.y[last]!;
    const vx = this.vx[last]!;
    const vy = this.vy[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const child = r < last && this.before(r, l) ? r : l;
      if (!this.below(score, x, y, child)) break;
      this.move(child, i);
      i = child;
    }
    this.put(i, score, x, y, vx, vy);
  }

  /** Whether (score, x, y) comes before entry k. */
  private above(score: number, x: number, y: number, k: number): boolean {
    const s = this.score[k]!;
    return score > s || (score === s && (x < this.x[k]! || (x === this.x[k]! && y < this.y[k]!)));
  }

  /** Whether entry k comes before (score, x, y). */
  private below(score: number, x: number, y: number, k: number): boolean {
    const s = this.score[k]!;
    return s > score || (s === score && (this.x[k]! < x || (this.x[k]! === x && this.y[k]! < y)));
  }

  private before(p: number, q: number): boolean {
    return this.below(this.score[q]!, this.x[q]!, this.y[q]!, p);
  }

  private move(from: number, to: number): void {
    this.score[to] = this.score[from]!;
    this.x[to] = this.x[from]!;
    this.y[to] = this.y[from]!;
    this.vx[to] = this.vx[from]!;
    this.vy[to] = this.vy[from]!;
  }

  private put(k: number, score: number, x: number, y: number, vx: number, vy: number): void {
    this.score[k] = score;
    this.x[k] = x;
    this.y[k] = y;
    this.vx[k] = vx;
    this.vy[k] = vy;
  }

  private grow(): void {
    const size = 2 * this.score.length;
    const grown = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const out = make(size);
      out.set(a);
      return out;
    };
    this.score = grown(this.score, (n) => new Float64Array(n));
    this.x = grown(this.x, (n) => new Int32Array(n));
    this.y = grown(this.y, (n) => new Int32Array(n));
    this.vx = grown(this.vx, (n) => new Int32Array(n));
    this.vy = grown(this.vy, (n) => new Int32Array(n));
  }
}
