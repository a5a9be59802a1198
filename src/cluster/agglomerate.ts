// Average-link agglomeration over a sparse graph. Edges carry the learned probability that two articles
// report one event; a pair that was never a candidate counts as 0. Two groups merge while the mean
// probability over all their cross pairs clears the threshold, best first, so one event's coverage
// comes together while a look-alike event, linked to it by a few topic-level pairs, stays apart.
import { PairHeap } from "./pair-heap.ts";

export interface WeightedEdges {
  a: Int32Array;
  b: Int32Array;
  weight: Float32Array;
  length: number;
}

export interface AgglomerateOptions {
  /** Mean cross-pair weight at or above which two groups merge. */
  threshold: number;
  /**
   * A higher bar for the groups rooted at `x` and `y` as they stand (at least `threshold`): pairs below it
   * are not queued. It may only fall when one of the two groups grows, since a group that grows has all its
   * links queued again.
   */
  bar?: (x: number, y: number) => number;
  /** The weight a pair without an edge counts as. */
  missing: number;
  /** Whether the groups rooted at `x` and `y` may merge (the date window, the merge model); asked just before merging. */
  canJoin: (x: number, y: number) => boolean;
  /** Called after `gone` merged into `keep`. */
  joined: (keep: number, gone: number) => void;
}

/** A heap entry: the groups rooted at x < y as they stood at versions vx, vy; `event` >= 0: a merge of the last build to replay (agglomerate-replay.ts). */
export interface Entry {
  score: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
  event?: number;
}

/**
 * The merges of a run, in the order made: groups rooted at x[k] < y[k] (each group's smallest member)
 * joined at mean score[k]. What a later build replays (agglomerate-replay.ts).
 */
export interface MergeLog {
  x: number[];
  y: number[];
  score: number[];
}

/** Returns each item's group root (its smallest member); `log`: filled with the merges made. */
export function averageLink(n: number, edges: WeightedEdges, options: AgglomerateOptions, log?: MergeLog): Int32Array {
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const size = new Int32Array(n).fill(1);
  const version = new Int32Array(n);
  const links = new GroupLinks(n, edges);
  const { sum, count, owner, next, head } = links;
  const mean = (s: number, pairs: number) => (sum[s]! + (pairs - count[s]!) * options.missing) / pairs;
  const bar = options.bar ?? (() => options.threshold);
  const heap = new PairHeap();
  for (let x = 0; x < n; x++) {
    for (let h = head[x]!; h >= 0; h = next[h]!) {
      const y = owner[h ^ 1]!;
      const s = h >> 1;
      if (x < y && mean(s, 1) >= options.threshold && mean(s, 1) >= bar(x, y)) heap.push(mean(s, 1), x, y, 0, 0);
    }
  }
  while (heap.size > 0) {
    heap.pop();
    if (version[heap.topX] !== heap.topVx || version[heap.topY] !== heap.topVy) continue;
    if (!options.canJoin(heap.topX, heap.topY)) continue;
    // The group keeps its smallest member as its root, so that which pair comes first among equal means
    // depends on what the groups hold, not on the order they grew in (agglomerate-replay.ts relies on it).
    const keep = heap.topX;
    const gone = heap.topY;
    const merged = heap.topScore;
    links.merge(keep, gone);
    size[keep]! += size[gone]!;
    size[gone] = 0;
    version[gone] = -1;
    version[keep]!++;
    root[gone] = keep;
    options.joined(keep, gone);
    log?.x.push(keep);
    log?.y.push(gone);
    log?.score.push(merged);
    for (let h = head[keep]!; h >= 0; h = next[h]!) {
      const c = owner[h ^ 1]!;
      links.mark[c] = -1;
      const score = mean(h >> 1, size[keep]! * size[c]!);
      if (score < options.threshold) continue;
      const x = keep < c ? keep : c;
      const y = keep < c ? c : keep;
      if (score < bar(x, y)) continue;
      heap.push(score, x, y, version[x]!, version[y]!);
    }
  }
  const find = (i: number): number => (root[i] === i ? i : (root[i] = find(root[i]!)));
  for (let i = 0; i < n; i++) find(i);
  return root;
}

/**
 * For each group, the groups it has edges to, with the sum of those edges' weights and how many there
 * are, in flat typed arrays: one slot per pair of groups (sum[s], count[s]), seen from each of its two
 * groups through a half (2s and 2s + 1), each group's halves a doubly linked list from head[g]. A Map per
 * group and an object per link held most of the groups step's memory at 100,000 articles, made again at
 * each settle round. The order a group's links are visited in does not matter: merges come from the heap
 * (agglomerate.ts `before`), and sums of the weights are exact in any order (agglomerate-replay.ts).
 */
class GroupLinks {
  readonly sum: Float64Array;
  readonly count: Int32Array;
  /** The group each half belongs to; the other group of half h's pair is owner[h ^ 1]. */
  readonly owner: Int32Array;
  readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** Each group's first half (-1: no links). */
  readonly head: Int32Array;
  /** Scratch for merge: keep's slot for each group it is linked to; the caller sets it back to -1 as it visits keep's links after a merge. */
  readonly mark: Int32Array;

  constructor(n: number, edges: WeightedEdges) {
    const m = edges.length;
    this.sum = new Float64Array(m);
    this.count = new Int32Array(m);
    this.owner = new Int32Array(2 * m);
    this.next = new Int32Array(2 * m);
    this.prev = new Int32Array(2 * m);
    this.head = new Int32Array(n).fill(-1);
    this.mark = new Int32Array(n).fill(-1);
    for (let k = 0; k < m; k++) {
      this.sum[k] = edges.weight[k]!;
      this.count[k] = 1;
      this.push(2 * k, edges.a[k]!);
      this.push(2 * k + 1, edges.b[k]!);
    }
    // Two edges of one pair become one slot.
    const { mark, owner, next } = this;
    for (let x = 0; x < n; x++) {
      for (let h = this.head[x]!, after = 0; h >= 0; h = after) {
        after = next[h]!;
        const c = owner[h ^ 1]!;
        const t = mark[c]!;
        if (t < 0 || t === h >> 1) mark[c] = h >> 1;
        else {
          this.sum[t]! += this.sum[h >> 1]!;
          this.count[t]! += this.count[h >> 1]!;
          this.unlink(h);
          this.unlink(h ^ 1);
        }
      }
      for (let h = this.head[x]!; h >= 0; h = next[h]!) mark[owner[h ^ 1]!] = -1;
    }
  }

  /** Gone's links become keep's (a group both are linked to keeps keep's slot, gone's added in); leaves `mark` set for keep's links. */
  merge(keep: number, gone: number): void {
    const { mark, owner, next, sum, count } = this;
    for (let h = this.head[keep]!; h >= 0; h = next[h]!) mark[owner[h ^ 1]!] = h >> 1;
    const between = mark[gone]!;
    if (between >= 0) {
      this.unlink(2 * between);
      this.unlink(2 * between + 1);
      mark[gone] = -1;
    }
    for (let h = this.head[gone]!, after = 0; h >= 0; h = after) {
      after = next[h]!;
      const c = owner[h ^ 1]!;
      const t = mark[c]!;
      if (t >= 0) {
        sum[t]! += sum[h >> 1]!;
        count[t]! += count[h >> 1]!;
        this.unlink(h ^ 1);
      } else {
        this.push(h, keep);
        mark[c] = h >> 1;
      }
    }
    this.head[gone] = -1;
  }

  private push(h: number, g: number): void {
    const first = this.head[g]!;
    this.owner[h] = g;
    this.prev[h] = -1;
    this.next[h] = first;
    if (first >= 0) this.prev[first] = h;
    this.head[g] = h;
  }

  private unlink(h: number): void {
    const p = this.prev[h]!;
    const q = this.next[h]!;
    if (p >= 0) this.next[p] = q;
    else this.head[this.owner[h]!] = q;
    if (q >= 0) this.prev[q] = p;
  }
}

export interface Link {
  sum: number;
  count: number;
}

export function add(links: Map<number, Link>, to: number, sum: number, count: number): void {
  const l = links.get(to);
  if (l) {
    l.sum += sum;
    l.count += count;
  } else links.set(to, { sum, count });
}

/** Highest score first; ties by the lower pair, so the result never depends on insertion order. */
export function before(p: Entry, q: Entry): boolean {
  return p.score > q.score || (p.score === q.score && (p.x < q.x || (p.x === q.x && p.y < q.y)));
}

export class Heap {
  private items: Entry[] = [];

  get size(): number {
    return this.items.length;
  }

  push(e: Entry): void {
    const items = this.items;
    items.push(e);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): Entry {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < items.length && before(items[l]!, items[best]!)) best = l;
        if (r < items.length && before(items[r]!, items[best]!)) best = r;
        if (best === i) break;
        [items[i], items[best]] = [items[best]!, items[i]!];
        i = best;
      }
    }
    return top;
  }
}
