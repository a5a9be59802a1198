// Two small groups of reports of two look-alike events on one day (two patches of one browser, two
// governors' rulings): each group's reports link tightly among themselves, less across, and each group's
// core (names and stated times half its reports give) has items the other's reports never give. Such a
// join is refused, but only where the refusal has nowhere wrong to send a group: when no report of either
// group links at the lowest bar to any report outside the two. A wrongly parted piece of one event with a
// look-alike story in reach would fall into it (mg69); here it joins as before. The answer is a function
// of the two groups' own reports and links, so a build that replays the last one's merges
// (agglomerate-replay.ts) gets it right. Picked over 14 trainings (train/try-merge-perturbed.ts FAMILY=69d).
import type { WeightedEdges } from "./agglomerate.ts";
import { idsOf, type Profile } from "./profile.ts";

export interface LookAlikeOptions {
  /** The check asks only when both groups hold 2..maxGroup reports. */
  maxGroup: number;
  /** An item given by at least this share of a group's reports is in its core. */
  core: number;
  /** Refused only when the cross mean is below `ratio` x the lower of the two groups' mean inner links. */
  ratio: number;
}

/** A report's names and stated times as distinct items (stated times negative, by kind). */
function itemsOf(p: Profile): Set<number> {
  const items = new Set<number>(idsOf(p.names));
  for (const d of idsOf(p.days)) items.add(-1e6 - d);
  for (const y of idsOf(p.years)) items.add(-2e6 - y);
  for (let m = 0; m < 12; m++) if (p.months & (1 << m)) items.add(-3e6 - m);
  for (let w = 0; w < 7; w++) if (p.weekdays & (1 << w)) items.add(-4e6 - w);
  return items;
}

export class LookAlikeCheck {
  /** Members as linked lists per group root (next: -1 at the end), so that joining is O(1). */
  private readonly next: Int32Array;
  private readonly tail: Int32Array;
  private readonly size: Int32Array;
  /**
   * Each report's links as one compact adjacency (made when first asked: most builds' groups are never both
   * small): report i's neighbours are `nbr[start[i]..start[i+1]]`, their weights beside them. At 100,000 reports a
   * Map per report held a quarter of the build's peak memory.
   */
  private near: { start: Int32Array; nbr: Int32Array; weight: Float32Array } | null = null;
  private readonly items = new Map<number, Set<number>>();

  /** `bar`: the lowest mean link at which groups join (groupingThreshold). */
  constructor(
    n: number,
    private readonly edges: WeightedEdges,
    private readonly profiles: readonly Profile[],
    private readonly options: LookAlikeOptions,
    private readonly bar: number,
  ) {
    this.next = new Int32Array(n).fill(-1);
    this.tail = Int32Array.from({ length: n }, (_, i) => i);
    this.size = new Int32Array(n).fill(1);
  }

  join(keep: number, gone: number): void {
    this.next[this.tail[keep]!] = gone;
    this.tail[keep] = this.tail[gone]!;
    this.size[keep]! += this.size[gone]!;
  }

  /** Whether the groups rooted at x and y are two look-alike events with nowhere else to go. */
  parts(x: number, y: number): boolean {
    const max = this.options.maxGroup;
    if (this.size[x]! < 2 || this.size[y]! < 2 || this.size[x]! > max || this.size[y]! > max) return false;
    const a = this.members(x);
    const b = this.members(y);
    if (this.mean(a, b) >= this.options.ratio * Math.min(this.inner(a), this.inner(b))) return false;
    if (!this.misses(a, b) || !this.misses(b, a)) return false;
    return !this.linkedOutside(a, b) && !this.linkedOutside(b, a);
  }

  private members(x: number): number[] {
    const out: number[] = [];
    for (let i = x; i >= 0; i = this.next[i]!) out.push(i);
    return out;
  }

  /** The link between two reports (0 when none; with two edges for a pair, the later one, as a Map kept it). */
  private link(i: number, j: number): number {
    const { start, nbr, weight } = this.adjacency();
    let w = 0;
    for (let k = start[i]!; k < start[i + 1]!; k++) if (nbr[k] === j) w = weight[k]!;
    return w;
  }

  private adjacency(): { start: Int32Array; nbr: Int32Array; weight: Float32Array } {
    if (this.near) return this.near;
    const n = this.next.length;
    const e = this.edges;
    const start = new Int32Array(n + 1);
    for (let k = 0; k < e.length; k++) (start[e.a[k]! + 1]!++, start[e.b[k]! + 1]!++);
    for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, n);
    const nbr = new Int32Array(start[n]!);
    const weight = new Float32Array(start[n]!);
    // In edge order, so that a report's links stand in the order the edges give them.
    for (let k = 0; k < e.length; k++) {
      const a = e.a[k]!, b = e.b[k]!, w = e.weight[k]!;
      nbr[fill[a]!] = b;
      weight[fill[a]!++] = w;
      nbr[fill[b]!] = a;
      weight[fill[b]!++] = w;
    }
    return (this.near = { start, nbr, weight });
  }

  private mean(a: readonly number[], b: readonly number[]): number {
    let sum = 0;
    for (const i of a) for (const j of b) sum += this.link(i, j);
    return sum / (a.length * b.length);
  }

  /** The mean link between a group's own reports. */
  private inner(a: readonly number[]): number {
    let sum = 0;
    for (let s = 0; s < a.length; s++) for (let t = s + 1; t < a.length; t++) sum += this.link(a[s]!, a[t]!);
    return sum / ((a.length * (a.length - 1)) / 2);
  }

  /** Whether `from`'s core has an item none of `other`'s reports give. */
  private misses(from: readonly number[], other: readonly number[]): boolean {
    const counts = new Map<number, number>();
    for (const i of from) for (const item of this.itemsOf(i)) counts.set(item, (counts.get(item) ?? 0) + 1);
    for (const [item, c] of counts) if (c >= this.options.core * from.length && other.every((i) => !this.itemsOf(i).has(item))) return true;
    return false;
  }

  /** Whether a report of `a` links at the bar to a report outside both groups. */
  private linkedOutside(a: readonly number[], b: readonly number[]): boolean {
    const { start, nbr, weight } = this.adjacency();
    for (const i of a) {
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const j = nbr[k]!;
        if (weight[k]! >= this.bar && !a.includes(j) && !b.includes(j)) return true;
      }
    }
    return false;
  }

  private itemsOf(i: number): Set<number> {
    let items = this.items.get(i);
    if (!items) this.items.set(i, (items = itemsOf(this.profiles[i]!)));
    return items;
  }
}
