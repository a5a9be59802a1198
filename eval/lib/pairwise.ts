// Pairwise clustering scores: precision, recall and F1 over the pairs of items placed together.

export interface PairwiseScores {
  precision: number;
  recall: number;
  f1: number;
  /** Pairs together in both, in the prediction, and in the truth. */
  truePairs: number;
  predictedPairs: number;
  goldPairs: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * `predicted` and `gold` give each item's cluster label (same length, same item order). Counted from
 * the contingency table, so it is linear in the number of items rather than quadratic.
 */
export function pairwiseScores(predicted: readonly string[], gold: readonly string[]): PairwiseScores {
  if (predicted.length !== gold.length) throw new Error("predicted and gold label different numbers of items");
  const cell = new Map<string, number>();
  const predictedSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  predicted.forEach((p, i) => {
    const g = gold[i]!;
    const key = `${p}\u0000${g}`;
    cell.set(key, (cell.get(key) ?? 0) + 1);
    predictedSize.set(p, (predictedSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
  });
  const sum = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const truePairs = sum(cell);
  const predictedPairs = sum(predictedSize);
  const goldPairs = sum(goldSize);
  const precision = predictedPairs > 0 ? truePairs / predictedPairs : 1;
  const recall = goldPairs > 0 ? truePairs / goldPairs : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs, predictedPairs, goldPairs };
}
