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
  // For each group, the groups it has edges to: the sum of those edges' weights and how many there are.
  // Made on a group's first edge: most articles of a large build have none, and a map each is garbage.
  const links: Array<Map<number, Link> | undefined> = new Array(n);
  const linksOf = (x: number) => (links[x] ??= new Map());
  for (let k = 0; k < edges.length; k++) {
    const x = edges.a[k]!;
    const y = edges.b[k]!;
    const w = edges.weight[k]!;
    add(linksOf(x), y, w, 1);
    add(linksOf(y), x, w, 1);
  }
  const mean = (l: Link, pairs: number) => (l.sum + (pairs - l.count) * options.missing) / pairs;
  const bar = options.bar ?? (() => options.threshold);
  const heap = new PairHeap();
  for (let x = 0; x < n; x++) {
    for (const [y, l] of links[x] ?? []) if (x < y && mean(l, 1) >= options.threshold && mean(l, 1) >= bar(x, y)) heap.push(mean(l, 1), x, y, 0, 0);
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
    const into = links[keep]!;
    into.delete(gone);
    for (const [c, l] of links[gone]!) {
      if (c === keep) continue;
      add(into, c, l.sum, l.count);
      const back = links[c]!;
      add(back, keep, l.sum, l.count);
      back.delete(gone);
    }
    links[gone] = undefined;
    size[keep]! += size[gone]!;
    size[gone] = 0;
    version[gone] = -1;
    version[keep]!++;
    root[gone] = keep;
    options.joined(keep, gone);
    log?.x.push(keep);
    log?.y.push(gone);
    log?.score.push(merged);
    for (const [c, l] of into) {
      const score = mean(l, size[keep]! * size[c]!);
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
