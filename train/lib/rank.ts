// Deterministic listwise ranking: a linear score per item, trained so that within each group (one
// page's candidate lines) the softmax of the scores puts its mass on the right items (cross-entropy
// against a uniform share over the group's positives). Standardised features, L2 penalty, Newton's
// method; convex, so same data in, same weights out. The result is a LogisticModel whose logit is the
// score (the bias is 0: only differences within a group count).
import type { LogisticModel } from "../../src/model/logistic.ts";
import { solve, standardisation } from "./logistic.ts";

export interface RankGroup {
  x: readonly ArrayLike<number>[];
  y: readonly (0 | 1)[];
}

export interface RankOptions {
  name: string;
  features: string[];
  l2?: number;
  iterations?: number;
}

export function trainRanker(groups: readonly RankGroup[], options: RankOptions): LogisticModel {
  const d = options.features.length;
  const used = groups.filter((g) => g.y.includes(1) && g.y.includes(0));
  const n = used.reduce((s, g) => s + g.x.length, 0);
  if (n === 0) throw new Error(`${options.name}: no training groups`);
  const { mean, scale } = standardisation(used.flatMap((g) => g.x), d);
  const rows = used.map((g) => g.x.map((x) => Float64Array.from({ length: d }, (_, j) => (x[j]! - mean[j]!) / scale[j]!)));
  const targets = used.map((g) => {
    const k = g.y.reduce<number>((s, v) => s + v, 0);
    return g.y.map((v) => v / k);
  });
  const l2 = options.l2 ?? 1;
  const w = new Float64Array(d);
  const softmax = (xs: Float64Array[], v: Float64Array): number[] => {
    const s = xs.map((r) => {
      let z = 0;
      for (let j = 0; j < d; j++) z += v[j]! * r[j]!;
      return z;
    });
    const top = Math.max(...s);
    const e = s.map((x) => Math.exp(x - top));
    const sum = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / sum);
  };
  const loss = (v: Float64Array): number => {
    let out = 0;
    rows.forEach((xs, gi) => {
      const p = softmax(xs, v);
      targets[gi]!.forEach((t, i) => {
        if (t > 0) out -= t * Math.log(Math.max(p[i]!, 1e-300));
      });
    });
    for (let j = 0; j < d; j++) out += (l2 / 2) * v[j]! ** 2;
    return out;
  };
  let current = loss(w);
  for (let it = 0; it < (options.iterations ?? 50); it++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    rows.forEach((xs, gi) => {
      const p = softmax(xs, w);
      const t = targets[gi]!;
      // Expected features under p, for the covariance (the Hessian of the group's loss).
      const mu = new Float64Array(d);
      xs.forEach((r, i) => {
        for (let j = 0; j < d; j++) mu[j]! += p[i]! * r[j]!;
      });
      xs.forEach((r, i) => {
        const g = p[i]! - t[i]!;
        for (let j = 0; j < d; j++) grad[j]! += g * r[j]!;
        const pi = p[i]!;
        if (pi < 1e-12) return;
        for (let j = 0; j < d; j++) {
          const a = pi * (r[j]! - mu[j]!);
          const row = hess[j]!;
          for (let k = 0; k <= j; k++) row[k]! += a * (r[k]! - mu[k]!);
        }
      });
    });
    for (let j = 0; j < d; j++) {
      grad[j]! += l2 * w[j]!;
      hess[j]![j]! += l2;
    }
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hess[k]![j] = hess[j]![k]!;
    const step = solve(hess, grad);
    // Newton's step, halved until the loss falls (the softmax loss is convex but Newton may overshoot).
    let rate = 1, next = w, value = current;
    for (let k = 0; k < 30; k++, rate /= 2) {
      next = Float64Array.from(w, (v, j) => v - rate * step[j]!);
      value = loss(next);
      if (value <= current) break;
    }
    let moved = 0;
    for (let j = 0; j < d; j++) moved = Math.max(moved, Math.abs(next[j]! - w[j]!));
    if (value > current) break;
    w.set(next);
    current = value;
    if (moved < 1e-8) break;
  }
  const round = (x: number) => Number(x.toPrecision(8));
  return {
    name: options.name,
    features: [...options.features],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: Array.from(w, round),
    bias: 0,
    threshold: 0.5,
  };
}
