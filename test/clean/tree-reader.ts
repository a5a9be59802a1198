// The boosted trees' reference reader for the fast-path tests: one node at a time, as the weights file
// describes them (each tree: feature, threshold, left child's feature and threshold, right child's, four leaves).

export function readTrees(trees: number[][], base: number, x: ArrayLike<number>): number {
  let z = base;
  for (const [f, t, lf, lt, rf, rt, a, b, c, d] of trees) {
    if (x[f!]! < t!) z += lf! < 0 || x[lf!]! < lt! ? a! : b!;
    else z += rf! < 0 || x[rf!]! < rt! ? c! : d!;
  }
  return z;
}
