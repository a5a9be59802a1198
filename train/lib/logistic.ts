// Deterministic logistic-regression training: standardised features, L2 penalty, Newton's method
// (iteratively reweighted least squares). Same data in, same weights out, on any machine.
import { logit, type LogisticModel } from "../../src/model/logistic.ts";

export interface TrainOptions {
  name: string;
  features: string[];
  /** L2 penalty on the standardised weights (not on the bias). */
  l2?: number;
  iterations?: number;
  /** Weight of each positive example relative to a negative one (for unbalanced labels). */
  positiveWeight?: number;
  trainedOn?: string;
  /**
   * Per feature, the sign its weight must keep (1: at least 0, -1: at most 0, 0 or absent: free): a
   * feature that can only be evidence against (a conflict) never turns into evidence for when a draw of
   * the data lacks the examples that show its direction.
   */
  signs?: readonly number[];
}

export interface Example {
  x: ArrayLike<number>;
  y: 0 | 1;
  /** How much this example counts (1 when absent), e.g. to give every page the same say. */
  weight?: number;
}

/**
 * A ranking example (mg83): the features of a pair that should score higher minus those of a pair that should
 * score lower (raw, as Example's x), and how much it counts. It adds -weight * log sigma(w . (x / scale)) to the
 * loss: the standardised difference, whose means and bias cancel, so it moves the weights and never the bias.
 */
export interface RankedPair {
  x: ArrayLike<number>;
  weight: number;
}

/**
 * rk83 (stop 83): a triplet (anchor's true partner p, another candidate l) is hard for `model` when p's log-odds are
 * not above l's by at least `margin`: ranked wrong, or right by too little for the ranking loss to let it be.
 */
export function hardTriplet(model: LogisticModel, partner: ArrayLike<number>, other: ArrayLike<number>, margin: number, partnerAt = 0, otherAt = 0): boolean {
  return logit(model, partner, partnerAt) - logit(model, other, otherAt) < margin;
}

export function trainLogistic(examples: readonly Example[], options: TrainOptions, ranked: readonly RankedPair[] = []): LogisticModel {
  const d = options.features.length;
  const n = examples.length;
  if (n === 0) throw new Error(`${options.name}: no training examples`);
  const { mean, scale } = standardisation(examples.map((e) => e.x), d);
  const rows = examples.map((e) => Float64Array.from({ length: d + 1 }, (_, j) => (j === d ? 1 : (e.x[j]! - mean[j]!) / scale[j]!)));
  const rankRows = ranked.map((e) => Float64Array.from({ length: d + 1 }, (_, j) => (j === d ? 0 : e.x[j]! / scale[j]!)));
  const l2 = options.l2 ?? 1;
  const pw = options.positiveWeight ?? 1;
  const w = new Float64Array(d + 1);
  const sign = (j: number) => options.signs?.[j] ?? 0;
  // Sign-constrained weights held at 0 (the active set): a weight that crosses its sign is clamped there and
  // held; once the others converge, a held one whose gradient points into its allowed side is let go again.
  const held = new Uint8Array(d + 1);
  let releases = 0;
  for (let it = 0; it < (options.iterations ?? 25) + 25 * releases; it++) {
    const grad = new Float64Array(d + 1);
    const hess = Array.from({ length: d + 1 }, () => new Float64Array(d + 1));
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      let z = 0;
      for (let j = 0; j <= d; j++) z += w[j]! * r[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const c = (examples[i]!.weight ?? 1) * (examples[i]!.y === 1 ? pw : 1);
      const g = c * (p - examples[i]!.y);
      const h = c * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        grad[j]! += g * r[j]!;
        const hr = h * r[j]!;
        const row = hess[j]!;
        for (let k = 0; k <= j; k++) row[k]! += hr * r[k]!;
      }
    }
    // The ranking examples: a positive example whose bias column is 0 (none when `ranked` is empty).
    for (let i = 0; i < rankRows.length; i++) {
      const r = rankRows[i]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j]! * r[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const c = ranked[i]!.weight;
      const g = c * (p - 1);
      const h = c * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        grad[j]! += g * r[j]!;
        const hr = h * r[j]!;
        const row = hess[j]!;
        for (let k = 0; k <= j; k++) row[k]! += hr * r[k]!;
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j]! += l2 * w[j]!;
      hess[j]![j]! += l2;
    }
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) hess[k]![j] = hess[j]![k]!;
    const free = grad.slice();
    for (let j = 0; j < d; j++) {
      if (!held[j]) continue;
      grad[j] = 0;
      for (let k = 0; k <= d; k++) hess[j]![k] = hess[k]![j] = 0;
      hess[j]![j] = 1;
    }
    const step = solve(hess, grad);
    let moved = 0;
    for (let j = 0; j <= d; j++) {
      w[j]! -= step[j]!;
      moved = Math.max(moved, Math.abs(step[j]!));
      if (j < d && sign(j) * w[j]! < 0) {
        w[j] = 0;
        held[j] = 1;
        moved = Math.max(moved, 1);
      }
    }
    if (moved < 1e-8) {
      const release = [...held.keys()].filter((j) => held[j] && -free[j]! * sign(j) > 1e-9);
      if (!release.length || releases >= d) break;
      for (const j of release) held[j] = 0;
      releases++;
    }
  }
  const round = (x: number) => Number(x.toPrecision(8));
  return {
    name: options.name,
    features: [...options.features],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: Array.from(w.subarray(0, d), round),
    bias: round(w[d]!),
    threshold: 0.5,
    ...(options.trainedOn ? { trainedOn: options.trainedOn } : {}),
  };
}

/** Each feature's mean and standard deviation over the rows (1 where a feature never varies). */
export function standardisation(xs: readonly ArrayLike<number>[], d: number): { mean: number[]; scale: number[] } {
  const n = xs.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const x of xs) for (let j = 0; j < d; j++) mean[j]! += x[j]! / n;
  for (const x of xs) for (let j = 0; j < d; j++) scale[j]! += (x[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]!) || 1;
  return { mean, scale };
}

/** Gaussian elimination with partial pivoting; the system is small (one row per feature). */
export function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => Float64Array.from([...row, b[i]!]));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / pivot;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / (m[r]![r]! || 1e-12);
  }
  return x;
}

/** The probability threshold that maximises F1 (or another score) of the given predictions. */
export function bestThreshold(probs: readonly number[], labels: readonly (0 | 1)[], score: (tp: number, fp: number, fn: number) => number = f1): number {
  const order = probs.map((p, i) => i).sort((a, b) => probs[b]! - probs[a]! || a - b);
  const positives = labels.reduce<number>((s, y) => s + y, 0);
  let tp = 0;
  let fp = 0;
  let best = { t: 0.5, s: -Infinity };
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next !== undefined && probs[next] === probs[i]) continue;
    const s = score(tp, fp, positives - tp);
    const t = next === undefined ? probs[i]! / 2 : (probs[i]! + probs[next]!) / 2;
    if (s > best.s) best = { t, s };
  }
  return Number(best.t.toPrecision(8));
}

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/**
 * One logistic model whose log-odds are the mean of `models`' log-odds (bagging), written with the
 * standardisation `like` (so the weights file and inference stay those of a single model). Each model is
 * taken back to raw feature space (weight / scale, the means folded into the bias), the raw weights and
 * biases are averaged, and the result is standardised again with `like`'s mean and scale: the same
 * log-odds for every input, up to rounding.
 */
export function averageLogistic(models: readonly LogisticModel[], like: { mean: readonly number[]; scale: readonly number[] }, options: TrainOptions): LogisticModel {
  const d = options.features.length;
  if (!models.length) throw new Error(`${options.name}: no models to average`);
  const raw = new Float64Array(d);
  let bias = 0;
  for (const m of models) {
    if (m.weights.length !== d) throw new Error(`${options.name}: a bagged model has ${m.weights.length} features, not ${d}`);
    let b = m.bias;
    for (let j = 0; j < d; j++) {
      const w = m.weights[j]! / m.scale[j]!;
      raw[j]! += w / models.length;
      b -= w * m.mean[j]!;
    }
    bias += b / models.length;
  }
  const round = (x: number) => Number(x.toPrecision(8));
  const [mean, scale] = [like.mean.map(round), like.scale.map(round)];
  for (let j = 0; j < d; j++) bias += raw[j]! * mean[j]!;
  return {
    name: options.name,
    features: [...options.features],
    mean,
    scale,
    weights: Array.from(raw, (w, j) => round(w * scale[j]!)),
    bias: round(bias),
    threshold: 0.5,
    ...(options.trainedOn ? { trainedOn: options.trainedOn } : {}),
  };
}
