// What the try-* scripts of merging share: eval:merge's three sets (events-dev, the bbc merge set, the
// harder split set) scored by the committed pair features, and clustering's F1 on every set and half as
// the small-group bar moves (the rest of the decision as committed).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  contextEdges, CONTEXT_FEATURES, defaultClusterOptions, groupArticles, mergeModels, pairEdges, PAIR_FEATURES, scoredCandidates,
  type MergeDecision, type MergeModels, type ScoredPairs,
} from "../../src/cluster/index.ts";
import { contextFeatures, windowCrowds } from "../../src/cluster/context.ts";
import { loadDecision } from "../../src/cluster/decision.ts";
import { dayOrNull } from "../../src/cluster/days.ts";
import { loadModel } from "../../src/model/logistic.ts";
import { averageLink, type AgglomerateOptions, type WeightedEdges } from "../../src/cluster/agglomerate.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, outletDraws, type LabelledArticle } from "../../eval/lib/merge-set.ts";
import { mixedClusters, pairwiseScores } from "../../eval/lib/pairwise.ts";
import { halfOf, HALVES, type Half } from "../../eval/lib/split.ts";
import { withTrialColumns } from "./trial-pair-features.ts";

export interface SweepSet {
  name: string;
  scored: ScoredPairs;
  n: number;
  gold: string[];
  half: Half[];
}

/** The three sets, in the order train-merge.ts weighs them. */
export function loadSweepSets(): SweepSet[] {
  const corpus = (name: string) => fileURLToPath(new URL(`../../../shared/corpus/${name}`, import.meta.url));
  const raw: Array<[string, LabelledArticle[]]> = [
    ["events", buildEventsSet(corpus("events-dev.jsonl"))],
    ["merge", buildMergeSet(fileURLToPath(new URL("../../test/fixtures/seeds", import.meta.url)), corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed")],
    ["split", buildSplitSet(corpus("bbc-dev.jsonl"))],
  ];
  return raw.map(([name, items]) => {
    const byPath = new Map(items.map((x) => [x.article.path, x]));
    const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
    return { name, scored, n: scored.order.length, gold: scored.order.map((a) => byPath.get(a.path)!.gold), half: scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey)) };
  });
}

/**
 * Counts the tuning half's candidate pairs of `set`, true (one gold event) and false, under each key
 * `keysOf` gives a pair (k: its index in the scored pairs), and prints them sorted: how a trial feature's
 * values split the pairs before it is trained.
 */
export function printTuningTally(set: SweepSet, keysOf: (k: number, a: number, b: number) => Iterable<string>, width = 30): void {
  const tally = new Map<string, [number, number]>();
  const pairs = set.scored.pairs;
  for (let k = 0; k < pairs.length; k++) {
    const [a, b] = [pairs.a[k]!, pairs.b[k]!];
    if (set.half[a] !== "tune" || set.half[b] !== "tune") continue;
    const y = set.gold[a] === set.gold[b] ? 1 : 0;
    for (const key of keysOf(k, a, b)) {
      const t = tally.get(key) ?? tally.set(key, [0, 0]).get(key)!;
      t[y]!++;
    }
  }
  console.log(`${set.name}:`);
  for (const [key, [neg, pos]] of [...tally].sort()) console.log(`  ${key.padEnd(width)} true ${String(pos).padStart(6)}  false ${String(neg).padStart(6)}  share true ${(pos / (pos + neg)).toFixed(3)}`);
}

/** One bar of a sweep: "et 94.9 ec 98.0 …" (set initial, half initial, F1) and the mean tuning F1. */
export interface BarRow {
  bar: string;
  cells: string;
  meanTune: number;
  /** The events set's stories that hold reports of more than one event, per half ("2 . 0"). */
  mixed: string;
}

/** How groups are made from a set's weighed edges (groupArticles' agglomeration: averageLink, or a variant under trial). */
export type Agglomerate = (n: number, edges: WeightedEdges, options: AgglomerateOptions) => Int32Array;

/**
 * Each set's and half's pairwise F1 under one decision ("et 94.9 ec 98.0 …": set initial, half initial)
 * and the mean tuning F1; `agglomerate`: set i's grouping, when not the committed averageLink.
 */
export function scoreDecision(sets: readonly SweepSet[], weighed: readonly WeightedEdges[], decision: MergeDecision, agglomerate?: (set: number) => Agglomerate): { cells: string; meanTune: number; mixed: string } {
  const out: string[] = [];
  const mixed: number[] = [];
  let mean = 0;
  sets.forEach((s, i) => {
    const label = new Array<string>(s.n);
    for (const g of groupArticles(s.scored.spans, weighed[i]!, decision, defaultClusterOptions.windowDays, s.scored.profiles, agglomerate?.(i))) for (const m of g.members) label[m] = String(g.members[0]);
    for (const h of HALVES) {
      const idx = label.map((_, k) => k).filter((k) => s.half[k] === h);
      const [predicted, gold] = [idx.map((k) => label[k]!), idx.map((k) => s.gold[k]!)];
      const f1 = pairwiseScores(predicted, gold).f1;
      if (h === "tune") mean += f1 / sets.length;
      out.push(`${s.name[0]}${h[0]} ${(100 * f1).toFixed(1)}`);
      if (s.name === "events") mixed.push(mixedClusters(predicted, gold));
    }
  });
  return { cells: out.join(" "), meanTune: mean, mixed: mixed.join(" . ") };
}

/** Clustering F1 of each set's `weighed` edges at bars 0.300 … 0.600 in steps of 0.025. */
export function sweepBars(sets: readonly SweepSet[], weighed: readonly WeightedEdges[], decision: MergeDecision): BarRow[] {
  const rows: BarRow[] = [];
  for (let t = 0.3; t <= 0.601; t += 0.025) {
    const d = { ...decision, threshold: Number(t.toFixed(3)) };
    rows.push({ bar: d.threshold.toFixed(3), ...scoreDecision(sets, weighed, d) });
  }
  return rows;
}

/** The merge models a trainer wrote to `file` (merge-model.json's shape), or the committed ones. */
export function mergeModelsFrom(file: string | undefined): MergeModels {
  if (!file) return mergeModels();
  const json = JSON.parse(readFileSync(file, "utf8")) as { pair: { features?: unknown }; context: unknown; decision: unknown };
  // A trial's pair model (train-merge.ts EXTRA=...) reads trial features after the committed ones.
  const named = Array.isArray(json.pair.features) ? (json.pair.features as string[]) : [];
  const pairFeatures = named.length > PAIR_FEATURES.length && PAIR_FEATURES.every((f, j) => named[j] === f) ? named : [...PAIR_FEATURES];
  return { pair: loadModel(json.pair, pairFeatures), context: loadModel(json.context, CONTEXT_FEATURES), decision: loadDecision(json.decision) };
}

export { withTrialColumns };

/** Each set's links as clustering weighs them: the pair model's, then the context model's over the window crowds. */
export function weighSets(sets: readonly SweepSet[], models: MergeModels): WeightedEdges[] {
  return sets.map((s) => {
    const e = pairEdges(withTrialColumns(s.scored, models.pair.features), models.pair);
    const crowds = windowCrowds(s.scored.spans.map((x) => dayOrNull(x.first)), defaultClusterOptions.windowDays);
    return contextEdges(s.n, e, models.context, contextFeatures(s.n, e, crowds));
  });
}

/** A few-outlets draw (eval:merge's Multi-News-style days) clustered with `models`: the draw as a set, and each article's group (its first member). */
export interface ClusteredDraw {
  set: SweepSet;
  label: Int32Array;
}

/** Every few-outlets draw of events-dev, each clustered whole with `models`, as eval:merge clusters it. */
export function clusteredOutletDraws(models: MergeModels): ClusteredDraw[] {
  return outletDraws(fileURLToPath(new URL("../../../shared/corpus/events-dev.jsonl", import.meta.url))).map((items) => {
    const byPath = new Map(items.map((x) => [x.article.path, x]));
    const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
    const set: SweepSet = { name: "draw", scored, n: scored.order.length, gold: scored.order.map((a) => byPath.get(a.path)!.gold), half: scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey)) };
    const [weighed] = weighSets([set], models);
    const label = new Int32Array(set.n);
    for (const g of groupArticles(scored.spans, weighed!, models.decision, defaultClusterOptions.windowDays, scored.profiles)) for (const m of g.members) label[m] = g.members[0]!;
    return { set, label };
  });
}

/** The groups as averageLink has made them so far: each group's articles (by its root) and each article's root. */
export interface Grouping {
  members: number[][];
  root: Int32Array;
}

/** averageLink where a join the decision allows also needs `check`, given the groups as they stand. */
export function checkedAverageLink(check: (groups: Grouping, x: number, y: number) => boolean): Agglomerate {
  return (n, edges, o) => {
    const groups: Grouping = { members: Array.from({ length: n }, (_, i) => [i]), root: Int32Array.from({ length: n }, (_, i) => i) };
    return averageLink(n, edges, {
      ...o,
      canJoin: (x, y) => o.canJoin(x, y) && check(groups, x, y),
      joined: (keep, gone) => {
        o.joined(keep, gone);
        for (const m of groups.members[gone]!) groups.root[m] = keep;
        groups.members[keep] = groups.members[keep]!.concat(groups.members[gone]!);
        groups.members[gone] = [];
      },
    });
  };
}

/** Each article's links and their weights (for checks that look at a group's links). */
export function linkMaps(n: number, edges: WeightedEdges): Array<Map<number, number>> {
  const near = Array.from({ length: n }, () => new Map<number, number>());
  for (let k = 0; k < edges.length; k++) {
    near[edges.a[k]!]!.set(edges.b[k]!, edges.weight[k]!);
    near[edges.b[k]!]!.set(edges.a[k]!, edges.weight[k]!);
  }
  return near;
}

/** The row with the highest mean tuning F1 (the lowest bar among equals). */
export function bestBar(rows: readonly BarRow[]): BarRow {
  let best = rows[0]!;
  for (const row of rows) if (row.meanTune > best.meanTune + 1e-9) best = row;
  return best;
}
