// A logistic-regression model whose weights were learned offline (train/) and committed as JSON.
// Features are named, so a weights file always says what it weighs; inputs are standardised with the
// training set's mean and scale before the dot product.

export interface LogisticModel {
  /** What the model decides, e.g. "clean/line-is-body". */
  name: string;
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Decision threshold on the probability, chosen on the tuning half. */
  threshold: number;
  /** How it was trained (data, halves, settings), for whoever retrains it. */
  trainedOn?: string;
}

/** Checks a parsed weights file, so a damaged one fails at start-up with its name, not with NaN scores. */
export function loadModel(json: unknown, expectedFeatures: readonly string[]): LogisticModel {
  const m = json as Partial<LogisticModel>;
  const n = expectedFeatures.length;
  const numbers = (v: unknown, len: number) => Array.isArray(v) && v.length === len && v.every((x) => typeof x === "number" && Number.isFinite(x));
  if (!m || typeof m.name !== "string" || !Array.isArray(m.features)) throw new Error("model file: not a logistic model");
  if (m.features.join("\u0000") !== expectedFeatures.join("\u0000")) {
    throw new Error(`model ${m.name}: features in the weights file do not match the code's features; retrain with npm run train`);
  }
  if (!numbers(m.mean, n) || !numbers(m.scale, n) || !numbers(m.weights, n) || typeof m.bias !== "number" || typeof m.threshold !== "number") {
    throw new Error(`model ${m.name}: weights file is damaged`);
  }
  return m as LogisticModel;
}

/**
 * The model's log-odds for one feature vector (same order as `model.features`), read from `at` on, so
 * many vectors can share one flat array without a view object per vector.
 */
export function logit(model: LogisticModel, x: ArrayLike<number>, at = 0): number {
  let z = model.bias;
  const { mean, scale, weights } = model;
  for (let i = 0; i < weights.length; i++) z += weights[i]! * ((x[at + i]! - mean[i]!) / scale[i]!);
  return z;
}

export function probability(model: LogisticModel, x: ArrayLike<number>, at = 0): number {
  return 1 / (1 + Math.exp(-logit(model, x, at)));
}
