// Deterministic gradient boosting of depth-2 trees for a binary label (logistic loss), on features
// cut into quantile bins. Same data in, same trees out. Inference lives in src/clean/boosted.ts.
import type { BoostedModel } from "../../src/clean/boosted.ts";
import type { Example } from "./logistic.ts";

export interface BoostOptions {
  name: string;
  features: string[];
  rounds?: number;
  /** Shrinkage of each tree's contribution. */
  rate?: number;
  /** L2 penalty on leaf values. */
  lambda?: number;
  /** Least total hessian (about: examples) in a leaf. */
  minLeaf?: number;
  bins?: number;
  /** Share of the examples each tree is grown on (a fixed pseudo-random draw per round): less variance from the training pages. 1: all. */
  subsample?: number;
  /** Which draw of the subsample (a different seed, other trees). */
  seed?: number;
  trainedOn?: string;
  /**
   * Each example's starting log-odds (another model's, e.g. a logistic row's): the trees learn what it leaves and the
   * model's base is 0, so its log-odds are added to the other model's. Absent: the label's prior.
   */
  init?: readonly number[];
}

/** A deterministic draw in [0, 1) for example `i` in round `r` (a 32-bit integer hash). */
function draw(r: number, i: number): number {
  let x = Math.imul(r + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77);
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

/** Up to `bins` - 1 thresholds per feature, at quantiles of its distinct values. */
function thresholds(examples: readonly Example[], j: number, bins: number): number[] {
  const values = examples.map((e) => e.x[j]!).sort((a, b) => a - b);
  const out: number[] = [];
  for (let b = 1; b < bins; b++) {
    const v = values[Math.floor((b * values.length) / bins)]!;
    if (out.length === 0 || v > out[out.length - 1]!) out.push(v);
  }
  // A threshold equal to the smallest value splits nothing off.
  return out.filter((t) => t > values[0]!);
}

interface Split {
  feature: number;
  /** Goes left when x[feature] < threshold. */
  threshold: number;
  gain: number;
}

export function trainBoosted(examples: readonly Example[], options: BoostOptions): BoostedModel {
  const d = options.features.length;
  const n = examples.length;
  const rounds = options.rounds ?? 150;
  const rate = options.rate ?? 0.1;
  const lambda = options.lambda ?? 1;
  const minLeaf = options.minLeaf ?? 10;
  const subsample = options.subsample ?? 1;
  const seed = options.seed ?? 0;
  const cuts = Array.from({ length: d }, (_, j) => thresholds(examples, j, options.bins ?? 32));
  // Bin index of every example on every feature: bin b means cuts[b-1] <= x < cuts[b].
  const bin = Array.from({ length: d }, (_, j) => {
    const c = cuts[j]!;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const x = examples[i]!.x[j]!;
      let b = 0;
      while (b < c.length && x >= c[b]!) b++;
      out[i] = b;
    }
    return out;
  });
  const y = Float64Array.from(examples, (e) => e.y);
  // Example weights (1 when absent) scale each example's gradient and hessian.
  const w = Float64Array.from(examples, (e) => e.weight ?? 1);
  let positives = 0, total = 0;
  for (let i = 0; i < n; i++) (positives += w[i]! * y[i]!, (total += w[i]!));
  const prior = options.init ? 0 : Math.log(Math.max(1, positives) / Math.max(1, total - positives));
  const z = options.init ? Float64Array.from(options.init) : new Float64Array(n).fill(prior);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: number[][] = [];

  const bestSplit = (rows: Int32Array): Split | null => {
    let G = 0, H = 0;
    for (const i of rows) (G += g[i]!, (H += h[i]!));
    const parent = (G * G) / (H + lambda);
    let best: Split | null = null;
    for (let j = 0; j < d; j++) {
      const c = cuts[j]!;
      if (c.length === 0) continue;
      const hg = new Float64Array(c.length + 1);
      const hh = new Float64Array(c.length + 1);
      const bj = bin[j]!;
      for (const i of rows) (hg[bj[i]!]! += g[i]!, (hh[bj[i]!]! += h[i]!));
      let gl = 0, hl = 0;
      for (let b = 0; b < c.length; b++) {
        gl += hg[b]!;
        hl += hh[b]!;
        const gr = G - gl, hr = H - hl;
        if (hl < minLeaf * 0.25 || hr < minLeaf * 0.25) continue;
        const gain = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda) - parent;
        if (!best || gain > best.gain + 1e-12) best = { feature: j, threshold: c[b]!, gain };
      }
    }
    return best && best.gain > 1e-9 ? best : null;
  };
  const leaf = (rows: Int32Array): number => {
    let G = 0, H = 0;
    for (const i of rows) (G += g[i]!, (H += h[i]!));
    return (-G / (H + lambda)) * rate;
  };
  const part = (rows: Int32Array, s: Split): [Int32Array, Int32Array] => {
    const left: number[] = [], right: number[] = [];
    for (const i of rows) (examples[i]!.x[s.feature]! < s.threshold ? left : right).push(i);
    return [Int32Array.from(left), Int32Array.from(right)];
  };

  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-z[i]!));
      g[i] = w[i]! * (p - y[i]!);
      h[i] = w[i]! * Math.max(p * (1 - p), 1e-6);
    }
    const rows = subsample < 1 ? all.filter((i) => draw(r + 7919 * seed, i) < subsample) : all;
    const root = bestSplit(rows);
    if (!root) break;
    const [l, rr] = part(rows, root);
    const ls = bestSplit(l);
    const rs = bestSplit(rr);
    // A tree: [feature, threshold, left feature, left threshold, right feature, right threshold, 4 leaf values];
    // a side that does not split has feature -1 and the same value in both its leaves.
    const [ll, lr] = ls ? part(l, ls) : [l, l];
    const [rl, rrr] = rs ? part(rr, rs) : [rr, rr];
    const tree = [root.feature, root.threshold, ls?.feature ?? -1, ls?.threshold ?? 0, rs?.feature ?? -1, rs?.threshold ?? 0, leaf(ll), leaf(lr), leaf(rl), leaf(rrr)];
    trees.push(tree.map((v) => Number(v.toPrecision(8))));
    const t = trees[trees.length - 1]!;
    for (let i = 0; i < n; i++) z[i]! += treeValue(t, examples[i]!.x);
  }
  return {
    name: options.name,
    features: [...options.features],
    base: Number(prior.toPrecision(8)),
    trees,
    ...(options.trainedOn ? { trainedOn: options.trainedOn } : {}),
  };
}

function treeValue(t: number[], x: ArrayLike<number>): number {
  if (x[t[0]!]! < t[1]!) return t[2]! < 0 || x[t[2]!]! < t[3]! ? t[6]! : t[7]!;
  return t[4]! < 0 || x[t[4]!]! < t[5]! ? t[8]! : t[9]!;
}
