// `npm run train:merge`: learns the same-event models (src/cluster/merge-model.json) on the tuning topics
// of events-dev. The pair model: every candidate pair the clustering would score is an example, labelled
// by whether the two articles report the same gold event. The context model: every pair the pair model
// keeps, described by its log-odds and its neighbourhood (src/cluster/context.ts). The merge threshold
// (mean probability for average-link) is the one that gives the best pairwise F1 on the tuning topics.
// The checking topics are only reported.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CONTEXT_FEATURES, CONTEXT_ROUNDS, contextEdges, defaultClusterOptions, groupArticles, pairEdges, PAIR_FEATURES, scoredCandidates, type MergeModels } from "../src/cluster/index.ts";
import { contextFeatures } from "../src/cluster/context.ts";
import type { ScoredPairs } from "../src/cluster/index.ts";
import type { LogisticModel } from "../src/model/logistic.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { pairwiseScores, type PairwiseScores } from "../eval/lib/pairwise.ts";
import { splitHalves } from "../eval/lib/split.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";

const events = buildEventsSet(fileURLToPath(new URL("../../shared/corpus/events-dev.jsonl", import.meta.url)));
const halves = splitHalves(events, (x) => x.splitKey);
const trainedOn = "events-dev tuning topics (eval/lib/split.ts halfOf(topic)), candidate pairs of defaultClusterOptions; npm run train:merge";
const seedDir = fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url));
const bbcPath = fileURLToPath(new URL("../../shared/corpus/bbc-dev.jsonl", import.meta.url));
const out = fileURLToPath(new URL("../src/cluster/merge-model.json", import.meta.url));

interface Prepared {
  gold: Map<string, string>;
  scored: ScoredPairs;
  pairExamples: Example[];
  candidateRecall: number;
}

function prepare(items: LabelledArticle[]): Prepared {
  const gold = new Map(items.map((x) => [x.article.path, x.gold]));
  const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
  const width = PAIR_FEATURES.length;
  const pairExamples: Example[] = [];
  let found = 0;
  for (let k = 0; k < scored.pairs.length; k++) {
    const y = gold.get(scored.order[scored.pairs.a[k]!]!.path) === gold.get(scored.order[scored.pairs.b[k]!]!.path) ? 1 : 0;
    found += y;
    pairExamples.push({ x: scored.features.slice(k * width, (k + 1) * width), y });
  }
  const sizes = new Map<string, number>();
  for (const x of items) sizes.set(x.gold, (sizes.get(x.gold) ?? 0) + 1);
  const goldPairs = [...sizes.values()].reduce((a, n) => a + (n * (n - 1)) / 2, 0);
  return { gold, scored, pairExamples, candidateRecall: found / goldPairs };
}

/**
 * The context model adjusts the pair's own log-odds: logit(p') = logit(p) + w . (conflict, support,
 * neighbourhood), with no bias, so a pair with no strong neighbours (all three 0) keeps its own
 * probability. Maximum likelihood by Newton's method with the pair's log-odds as a fixed offset.
 */
function fitContext(examples: Example[], l2 = 1): LogisticModel {
  const d = CONTEXT_FEATURES.length - 1;
  const w = new Float64Array(d);
  for (let it = 0; it < 50; it++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    for (const e of examples) {
      let z = e.x[0]!;
      for (let j = 0; j < d; j++) z += w[j]! * e.x[j + 1]!;
      const p = 1 / (1 + Math.exp(-z));
      const h = Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        grad[j]! += (p - e.y) * e.x[j + 1]!;
        for (let k = 0; k < d; k++) hess[j]![k]! += h * e.x[j + 1]! * e.x[k + 1]!;
      }
    }
    for (let j = 0; j < d; j++) {
      grad[j]! += l2 * w[j]!;
      hess[j]![j]! += l2;
    }
    const step = solveSmall(hess, grad);
    let moved = 0;
    for (let j = 0; j < d; j++) {
      w[j]! -= step[j]!;
      moved = Math.max(moved, Math.abs(step[j]!));
    }
    if (moved < 1e-9) break;
  }
  const round = (x: number) => Number(x.toPrecision(8));
  return { name: "cluster/same-event-in-context", features: [...CONTEXT_FEATURES], mean: CONTEXT_FEATURES.map(() => 0), scale: CONTEXT_FEATURES.map(() => 1), weights: [1, ...Array.from(w, round)], bias: 0, threshold: 0.5, trainedOn };
}

function solveSmall(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

function contextExamples(set: Prepared, pair: LogisticModel): Example[] {
  const edges = pairEdges(set.scored, pair);
  const features = contextFeatures(set.scored.order.length, edges);
  const gold = set.scored.order.map((a) => set.gold.get(a.path)!);
  const w = CONTEXT_FEATURES.length;
  return Array.from({ length: edges.length }, (_, k) => ({ x: features.slice(k * w, (k + 1) * w), y: gold[edges.a[k]!] === gold[edges.b[k]!] ? 1 : 0 }));
}

/** Pairwise scores of clustering one prepared set with a pair model, for any context model and threshold. */
function scorer(set: Prepared, pair: LogisticModel): (context: LogisticModel, threshold: number) => PairwiseScores {
  const edges = pairEdges(set.scored, pair);
  const features = contextFeatures(set.scored.order.length, edges);
  const gold = set.scored.order.map((a) => set.gold.get(a.path)!);
  return (context, threshold) => {
    let weighed = contextEdges(set.scored.order.length, edges, context, features);
    for (let r = 1; r < CONTEXT_ROUNDS; r++) weighed = contextEdges(set.scored.order.length, weighed, context);
    const label = new Array<string>(gold.length);
    for (const g of groupArticles(set.scored.spans, weighed, threshold, defaultClusterOptions.windowDays)) for (const m of g.members) label[m] = String(g.members[0]);
    return pairwiseScores(label, gold);
  };
}

const bbcSets = { merge: buildMergeSet(seedDir, bbcPath).filter((x) => x.kind !== "seed"), split: buildSplitSet(bbcPath) };
const sets = {
  events: { tune: prepare(halves.tune), check: prepare(halves.check) },
  merge: mapHalves(bbcSets.merge),
  split: mapHalves(bbcSets.split),
};
function mapHalves(items: LabelledArticle[]): { tune: Prepared; check: Prepared } {
  const h = splitHalves(items, (x) => x.splitKey);
  return { tune: prepare(h.tune), check: prepare(h.check) };
}
for (const [name, set] of Object.entries(sets)) {
  const positives = set.tune.pairExamples.filter((e) => e.y === 1).length;
  console.log(`${name} tuning half: ${set.tune.pairExamples.length} candidate pairs (${positives} same story); candidates hold ${(100 * set.tune.candidateRecall).toFixed(1)}% of true pairs (checking: ${(100 * set.check.candidateRecall).toFixed(1)}%)`);
}
// The split set (two halves of one BBC article) is reported, not learned from: its halves look like the
// related-but-different stories of one day that the merge set must keep apart, and events-dev now gives
// real coverage in other words.
const trainSets: Array<keyof typeof sets> = ["events", "merge"];
const objectiveSets: Array<keyof typeof sets> = ["events", "merge"];
const tunes = trainSets.map((k) => sets[k].tune);
const pair = trainLogistic(tunes.flatMap((t) => t.pairExamples), { name: "cluster/same-event", features: [...PAIR_FEATURES], l2: 1, trainedOn });
const contextData = tunes.flatMap((t) => contextExamples(t, pair));
const context = fitContext(contextData);

const scorers = objectiveSets.map((k) => scorer(sets[k].tune, pair));
let best = { threshold: 0.5, f1: -1 };
for (let t = 0.2; t <= 0.9001; t += 0.025) {
  const f1 = scorers.reduce((sum, score) => sum + score(context, t).f1, 0) / scorers.length;
  if (f1 > best.f1 + 1e-9) best = { threshold: Number(t.toFixed(3)), f1 };
}
context.threshold = best.threshold;
const models: MergeModels = { pair, context };
writeFileSync(out, `${JSON.stringify(models, null, 2)}\n`);

const pct = (x: number) => (100 * x).toFixed(1);
for (const [name, set] of Object.entries(sets)) {
  for (const half of ["tune", "check"] as const) {
    const s = scorer(set[half], pair)(context, best.threshold);
    console.log(`${name.padEnd(7)} ${half.padEnd(5)} pairwise P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}`);
  }
}
const show = (m: LogisticModel) => `${m.features.map((f, i) => `${f} ${m.weights[i]!.toFixed(2)}`).join(", ")}; bias ${m.bias.toFixed(2)}`;
console.log(`pair model: ${show(pair)}`);
console.log(`context model: ${show(context)}; merge threshold ${best.threshold}`);
console.log(`wrote ${out}`);
