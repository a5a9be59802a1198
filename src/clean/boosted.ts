// Boosted depth-2 trees learned offline (train/lib/boost.ts) and committed as JSON: the second step
// of the block model, where a block's own features meet its neighbours' and interactions matter
// (a long paragraph among dates and short links is another story's teaser).

export interface BoostedModel {
  name: string;
  features: string[];
  /** Log-odds before any tree. */
  base: number;
  /** Each tree: [feature, threshold, left feature, left threshold, right feature, right threshold, 4 leaf values]. */
  trees: number[][];
  trainedOn?: string;
}

/** Checks a parsed weights file against the code's feature names. */
export function loadBoosted(json: unknown, expectedFeatures: readonly string[]): BoostedModel {
  const m = json as Partial<BoostedModel>;
  if (!m || typeof m.name !== "string" || !Array.isArray(m.features) || !Array.isArray(m.trees) || typeof m.base !== "number") {
    throw new Error("model file: not a boosted-trees model");
  }
  if (m.features.join("\u0000") !== expectedFeatures.join("\u0000")) {
    throw new Error(`model ${m.name}: features in the weights file do not match the code's features; retrain with npm run train`);
  }
  const d = expectedFeatures.length;
  for (const t of m.trees) {
    const ok = Array.isArray(t) && t.length === 10 && t.every((v) => typeof v === "number" && Number.isFinite(v)) && t[0]! >= 0 && t[0]! < d && t[2]! < d && t[4]! < d;
    if (!ok) throw new Error(`model ${m.name}: weights file is damaged`);
  }
  return m as BoostedModel;
}

/** The model's log-odds for one feature vector. */
export function boostedLogit(model: BoostedModel, x: ArrayLike<number>): number {
  let f = compiled.get(model);
  if (!f) {
    f = compile(model);
    compiled.set(model, f);
  }
  return f(x);
}

type Scorer = (x: ArrayLike<number>) => number;
const compiled = new WeakMap<BoostedModel, Scorer>();

/**
 * The trees as one function of straight-line code, their numbers written in: a block is scored by
 * comparisons alone, three times faster than reading the trees from an array. The same additions in
 * the same order, so the same log-odds to the last bit. Only numbers are written in, checked first.
 */
function compile(model: BoostedModel): Scorer {
  const num = (v: number): string => {
    if (!Number.isFinite(v)) throw new Error(`model ${model.name}: weights file is damaged`);
    // String(v) is the shortest text that reads back as v; -0 alone needs its sign written.
    return Object.is(v, -0) ? "-0" : String(v);
  };
  const feature = (v: number): string => {
    if (!Number.isInteger(v)) throw new Error(`model ${model.name}: weights file is damaged`);
    return String(v);
  };
  // Every comparison is made, the two below the root's as well, before the leaf is chosen: a feature
  // read or a comparison only one side of a split reaches had no type feedback yet when V8 optimised
  // the function, and the first block to reach it deoptimised it (then compiled again, in every thread).
  // The leaves are added as before, in the same order.
  const test = (f: number, threshold: number): string => (f < 0 ? "true" : `x[${feature(f)}] < ${num(threshold)}`);
  const lines = [`let z = ${num(model.base)};`];
  model.trees.forEach((t, k) => {
    lines.push(`const r${k} = ${test(t[0]!, t[1]!)}, a${k} = ${test(t[2]!, t[3]!)}, b${k} = ${test(t[4]!, t[5]!)};`);
    lines.push(`z += r${k} ? (a${k} ? ${num(t[6]!)} : ${num(t[7]!)}) : (b${k} ? ${num(t[8]!)} : ${num(t[9]!)});`);
  });
  lines.push("return z;");
  return new Function("x", lines.join("\n")) as Scorer;
}
