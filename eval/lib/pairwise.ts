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

/** How many predicted clusters hold items of more than one gold cluster (same order as pairwiseScores). */
export function mixedClusters(predicted: readonly string[], gold: readonly string[]): number {
  const golds = new Map<string, Set<string>>();
  predicted.forEach((label, k) => (golds.get(label) ?? golds.set(label, new Set()).get(label)!).add(gold[k]!));
  return [...golds.values()].filter((g) => g.size > 1).length;
}

export interface EventStats {
  topics: number;
  /** Topics where some predicted story holds articles of two different gold events. */
  mixedTopics: number;
  events: number;
  /** Gold events whose articles ended up in more than one predicted story. */
  splitEvents: number;
  /** Predicted stories per split event, ascending. */
  storiesPerSplitEvent: number[];
}

/** For sets of look-alike events grouped in topics: how many topics were mixed and events split. */
export function eventStats(predicted: readonly string[], gold: readonly string[], topic: readonly string[]): EventStats {
  const storiesOfEvent = new Map<string, Set<string>>();
  const eventsOfStory = new Map<string, Set<string>>();
  const topicOfEvent = new Map<string, string>();
  predicted.forEach((p, i) => {
    const g = gold[i]!;
    topicOfEvent.set(g, topic[i]!);
    (storiesOfEvent.get(g) ?? storiesOfEvent.set(g, new Set()).get(g)!).add(p);
    (eventsOfStory.get(p) ?? eventsOfStory.set(p, new Set()).get(p)!).add(g);
  });
  const mixed = new Set<string>();
  for (const events of eventsOfStory.values()) if (events.size > 1) for (const e of events) mixed.add(topicOfEvent.get(e)!);
  const split = [...storiesOfEvent.values()].filter((s) => s.size > 1).map((s) => s.size).sort((a, b) => a - b);
  return { topics: new Set(topic).size, mixedTopics: mixed.size, events: storiesOfEvent.size, splitEvents: split.length, storiesPerSplitEvent: split };
}

export interface WrongMerge {
  /** The predicted story's label. */
  story: string;
  /** How many of its items each gold story holds, largest first. */
  parts: Array<{ gold: string; items: number[] }>;
  /** Pairs of items it holds together that the truth keeps apart. */
  wrongPairs: number;
}

/** Predicted stories that hold items of more than one gold story, most wrong pairs first. */
export function wrongMerges(predicted: readonly string[], gold: readonly string[]): WrongMerge[] {
  const stories = new Map<string, Map<string, number[]>>();
  predicted.forEach((p, i) => {
    const parts = stories.get(p) ?? stories.set(p, new Map()).get(p)!;
    (parts.get(gold[i]!) ?? parts.set(gold[i]!, []).get(gold[i]!)!).push(i);
  });
  const out: WrongMerge[] = [];
  for (const [story, parts] of stories) {
    if (parts.size < 2) continue;
    const sizes = [...parts.values()].map((x) => x.length);
    const n = sizes.reduce((a, b) => a + b, 0);
    out.push({
      story,
      parts: [...parts].map(([g, items]) => ({ gold: g, items })).sort((a, b) => b.items.length - a.items.length || (a.gold < b.gold ? -1 : 1)),
      wrongPairs: pairs(n) - sizes.reduce((a, b) => a + pairs(b), 0),
    });
  }
  return out.sort((a, b) => b.wrongPairs - a.wrongPairs || (a.story < b.story ? -1 : 1));
}

/** Mean and range over draws of one set (each draw's pairwise scores): "P 97.1 (95.0-100.0) R … F1 …". */
export function summariseDraws(draws: readonly PairwiseScores[]): string {
  const part = (name: string, of: (s: PairwiseScores) => number) => {
    const xs = draws.map(of);
    const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const f = (x: number) => (100 * x).toFixed(1);
    return `${name} ${f(mean)} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;
  };
  return [part("P", (s) => s.precision), part("R", (s) => s.recall), part("F1", (s) => s.f1)].join(" ");
}
