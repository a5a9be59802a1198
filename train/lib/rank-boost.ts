// Deterministic listwise gradient boosting: depth-2 trees added to a starting score (column 0 of each
// row: a linear ranker's score), trained so that within each group (one page's candidate lines) the
// softmax of the scores puts its mass on the right items (cross-entropy against a uniform share over
// the group's positives; diagonal Newton steps). Same data in, same trees out; the result is a
// BoostedModel (base 0) whose logit is added to column 0.
import type { BoostedModel } from "../../src/clean/boosted.ts";

export interface RankBoostGroup {
  x: readonly ArrayLike<number>[];
  y: readonly (0 | 1)[];
}

export interface RankBoostOptions {
  name: string;
  features: string[];
  rounds?: number;
  rate?: number;
  lambda?: number;
  minLeaf?: number;
  bins?: number;
}

interface Split {
  feature: number;
  threshold: number;
  gain: number;
}

export function trainRankBoost(groups: readonly RankBoostGroup[], options: RankBoostOptions): BoostedModel {
  const used = groups.filter((g) => g.y.includes(1) && g.y.includes(0));
  const d = options.features.length;
  const rows: ArrayLike<number>[] = [];
  const groupOf: number[] = [];
  const target: number[] = [];
  used.forEach((g, gi) => {
    const k = g.y.reduce<number>((s, v) => s + v, 0);
    g.x.forEach((x, i) => (rows.push(x), groupOf.push(gi), target.push(g.y[i]! / k)));
  });
  const n = rows.length;
  const rate = options.rate ?? 0.1, lambda = options.lambda ?? 1, minLeaf = options.minLeaf ?? 5, bins = options.bins ?? 32;
  const cuts = Array.from({ length: d }, (_, j) => {
    const values = rows.map((r) => r[j]!).sort((a, b) => a - b);
    const out: number[] = [];
    for (let b = 1; b < bins; b++) {
      const v = values[Math.floor((b * n) / bins)]!;
      if (out.length === 0 || v > out[out.length - 1]!) out.push(v);
    }
    return out.filter((t) => t > values[0]!);
  });
  const bin = cuts.map((c, j) => Uint8Array.from(rows, (r) => {
    let b = 0;
    while (b < c.length && r[j]! >= c[b]!) b++;
    return b;
  }));
  const z = Float64Array.from(rows, (r) => r[0]!);
  const g = new Float64Array(n), h = new Float64Array(n);
  const starts: number[] = [];
  used.forEach((grp, gi) => starts.push(gi === 0 ? 0 : starts[gi - 1]! + used[gi - 1]!.x.length));
  const trees: number[][] = [];
  const bestSplit = (idx: Int32Array): Split | null => {
    let G = 0, H = 0;
    for (const i of idx) (G += g[i]!, (H += h[i]!));
    const parent = (G * G) / (H + lambda);
    let best: Split | null = null;
    for (let j = 0; j < d; j++) {
      const c = cuts[j]!;
      if (c.length === 0) continue;
      const hg = new Float64Array(c.length + 1), hh = new Float64Array(c.length + 1), cnt = new Int32Array(c.length + 1);
      const bj = bin[j]!;
      for (const i of idx) (hg[bj[i]!]! += g[i]!, (hh[bj[i]!]! += h[i]!), cnt[bj[i]!]!++);
      let gl = 0, hl = 0, nl = 0;
      for (let b = 0; b < c.length; b++) {
        gl += hg[b]!; hl += hh[b]!; nl += cnt[b]!;
        const gr = G - gl, hr = H - hl, nr = idx.length - nl;
        if (nl < minLeaf || nr < minLeaf) continue;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
        if (!best || gain > best.gain + 1e-12) best = { feature: j, threshold: c[b]!, gain };
      }
    }
    return best && best.gain > 1e-9 ? best : null;
  };
  const leaf = (idx: Int32Array): number => {
    let G = 0, H = 0;
    for (const i of idx) (G += g[i]!, (H += h[i]!));
    return (-G / (H + lambda)) * rate;
  };
  const part = (idx: Int32Array, s: Split): [Int32Array, Int32Array] => {
    const l: number[] = [], r: number[] = [];
    for (const i of idx) (rows[i]![s.feature]! < s.threshold ? l : r).push(i);
    return [Int32Array.from(l), Int32Array.from(r)];
  };
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let round = 0; round < (options.rounds ?? 50); round++) {
    used.forEach((grp, gi) => {
      const from = starts[gi]!, to = from + grp.x.length;
      let top = -Infinity;
      for (let i = from; i < to; i++) top = Math.max(top, z[i]!);
      let sum = 0;
      for (let i = from; i < to; i++) sum += Math.exp(z[i]! - top);
      for (let i = from; i < to; i++) {
        const p = Math.exp(z[i]! - top) / sum;
        g[i] = p - target[i]!;
        h[i] = Math.max(p * (1 - p), 1e-6);
      }
    });
    const root = bestSplit(all);
    if (!root) break;
    const [l, r] = part(all, root);
    const ls = bestSplit(l), rs = bestSplit(r);
    const [ll, lr] = ls ? part(l, ls) : [l, l];
    const [rl, rr] = rs ? part(r, rs) : [r, r];
    const tree = [root.feature, root.threshold, ls?.feature ?? -1, ls?.threshold ?? 0, rs?.feature ?? -1, rs?.threshold ?? 0, leaf(ll), leaf(lr), leaf(rl), leaf(rr)].map((v) => Number(v.toPrecision(8)));
    trees.push(tree);
    for (let i = 0; i < n; i++) z[i]! += treeValue(tree, rows[i]!);
  }
  return { name: options.name, features: [...options.features], base: 0, trees };
}

function treeValue(t: number[], x: ArrayLike<number>): number {
  if (x[t[0]!]! < t[1]!) return t[2]! < 0 || x[t[2]!]! < t[3]! ? t[6]! : t[7]!;
  return t[4]! < 0 || x[t[4]!]! < t[5]! ? t[8]! : t[9]!;
}
