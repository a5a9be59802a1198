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

/** The model's log-odds for one feature vector, read from `at` on (many vectors may share one flat array). */
export function boostedLogit(model: BoostedModel, x: ArrayLike<number>, at = 0): number {
  let f = compiled.get(model);
  if (!f) {
    f = compile(model);
    compiled.set(model, f);
  }
  return f(x, at);
}

type Scorer = (x: ArrayLike<number>, at: number) => number;
const compiled = new WeakMap<BoostedModel, Scorer>();

/**
 * The trees as one function of straight-line code, their thresholds written in: a block is scored by
 * comparisons alone, three times faster than reading the trees from an array. Each feature a tree
 * reads is read once, into a local; each tree's comparisons pick its leaf's place in one array of
 * leaves, with no branch to mispredict. The same leaves added in the same order, so the same log-odds
 * to the last bit. Only numbers are written in, checked first.
 */
function compile(model: BoostedModel): Scorer {
  const finite = (v: number): number => {
    if (!Number.isFinite(v)) throw new Error(`model ${model.name}: weights file is damaged`);
    return v;
  };
  // String(v) is the shortest text that reads back as v; -0 alone needs its sign written.
  const num = (v: number): string => (Object.is(finite(v), -0) ? "-0" : String(v));
  const feature = (v: number): number => {
    if (!Number.isInteger(v)) throw new Error(`model ${model.name}: weights file is damaged`);
    return v;
  };
  const read = new Set<number>();
  for (const t of model.trees) for (const f of [t[0]!, t[2]!, t[4]!]) if (f >= 0) read.add(feature(f));
  const leaves = new Float64Array(4 * model.trees.length);
  // Every comparison is made, the two below the root's as well, before the leaf is chosen: a feature
  // read or a comparison only one side of a split reaches had no type feedback yet when V8 optimised
  // the function, and the first block to reach it deoptimised it (then compiled again, in every thread).
  // A comparison is 1 or 0; the leaf's place is 4k + (root ? 1 - left : 3 - right), the order the
  // leaves are written in ([left-left, left-right, right-left, right-right]), worked out as
  // 4k + 3 - right - root × (2 + left - right): no branch either, whose unreached side would again
  // have had no type feedback (it deoptimised the scorer in a fresh thread).
  const test = (f: number, threshold: number): string => (f < 0 ? "1" : `+(f${feature(f)} < ${num(threshold)})`);
  const lines = [...[...read].sort((a, b) => a - b).map((f) => `const f${f} = x[at + ${f}];`), `let z = ${num(model.base)};`];
  model.trees.forEach((t, k) => {
    for (let j = 0; j < 4; j++) leaves[4 * k + j] = finite(t[6 + j]!);
    lines.push(`{ const r = ${test(t[0]!, t[1]!)}, a = ${test(t[2]!, t[3]!)}, b = ${test(t[4]!, t[5]!)}; z += leaves[${4 * k + 3} - b - r * (2 + a - b)]; }`);
  });
  lines.push("return z;");
  const make = new Function("leaves", `return function boostedTrees(x, at) {\n${lines.join("\n")}\n};`) as (leaves: Float64Array) => Scorer;
  return make(leaves);
}
