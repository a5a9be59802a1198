// Does the context model tell a small window's look-alikes from true pairs better when it sees the pair's keys
// feature with the window's size (sparse x keys, 0 on any crowded day)? Stop 50 (mg50): a look-alike pair's keys
// rise from 0.15 in bbc-dev's day to 0.33 among 20 articles and 0.88 alone (train/train-merge.ts's header). On the
// committed pair model, the context model is refitted as train:merge fits it (the three sets' tuning edges and 300
// small windows per set of 2-64 tuning articles, share 0.15, weighing a quarter of one set), without and with the
// extra feature, and scored with the committed decision: F1 per set and half, and try-small-corpus.ts's unrelated
// builds (k articles of k BBC stories on one day) and harder true pairs kept, per half.
// `tsx train/try-context-keys.ts [k=10,20] [draws=100]`; FEATURE=keys|names|words|... (the pair feature; keys by
// default; FEATURE=all: sparse x every pair feature, a small window's own pair model in effect).
import { fileURLToPath } from "node:url";
import { CONTEXT_FEATURES, contextEdges, defaultClusterOptions, groupArticles, mergeModels, pairEdges, PAIR_FEATURES, scoredCandidates, windowCrowds, type ScoredPairs } from "../src/cluster/index.ts";
import { contextFeatures, CROWDED } from "../src/cluster/context.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import type { WeightedEdges } from "../src/cluster/agglomerate.ts";
import { probability, type LogisticModel } from "../src/model/logistic.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { loadSweepSets, scoreDecision, type SweepSet } from "./lib/merge-sweep.ts";
import { buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { halfOf, HALVES } from "../eval/lib/split.ts";
import { random } from "../eval/lib/random.ts";
import { byStory, truePairDraw, withOtherStories } from "./lib/small-draws.ts";

const ks = (process.argv[2] ?? "10,20").split(",").map(Number);
const draws = Number(process.argv[3] ?? 100);
const FEATURE = process.env.FEATURE ?? "keys";
const fjs = FEATURE === "all" ? PAIR_FEATURES.map((_, j) => j) : [(PAIR_FEATURES as readonly string[]).indexOf(FEATURE)];
if (fjs.some((j) => j < 0)) throw new Error(`FEATURE=${FEATURE}: no such pair feature`);
const models = mergeModels();
const sets = loadSweepSets();
const day = "2025-06-13";
const onOneDay = <T extends { meta: { date?: string | null }; evidence: object; path: string }>(xs: T[]) => xs.map((x, i) => ({ ...x, path: `w${i}.txt`, meta: { ...x.meta, date: day }, evidence: { ...x.evidence, date: day, mtimeDate: day } }));

/** Each edge's pair features FEATURE, fjs.length per edge (edges are a subset of the scored pairs). */
function pairFeatureOfEdges(scored: ScoredPairs, e: WeightedEdges): Float64Array {
  const at = new Map<number, number>();
  const n = scored.order.length;
  for (let k = 0; k < scored.pairs.length; k++) at.set(scored.pairs.a[k]! * n + scored.pairs.b[k]!, k);
  const out = new Float64Array(e.length * fjs.length);
  for (let k = 0; k < e.length; k++) fjs.forEach((fj, j) => (out[k * fjs.length + j] = scored.features[at.get(e.a[k]! * n + e.b[k]!)! * scored.width + fj]!));
  return out;
}
/** The context features, and with `extra` one more column: sparse x the pair feature. */
function features(scored: ScoredPairs, e: WeightedEdges, crowd: ArrayLike<number> | undefined, extra: boolean): { f: Float64Array; width: number } {
  const base = contextFeatures(scored.order.length, e, crowd);
  const bw = CONTEXT_FEATURES.length;
  if (!extra) return { f: base, width: bw };
  const pf = pairFeatureOfEdges(scored, e);
  const width = bw + fjs.length;
  const f = new Float64Array(e.length * width);
  for (let k = 0; k < e.length; k++) {
    f.set(base.subarray(k * bw, (k + 1) * bw), k * width);
    for (let j = 0; j < fjs.length; j++) f[k * width + bw + j] = base[k * bw + 6]! * pf[k * fjs.length + j]!;
  }
  return { f, width };
}
const crowdOf = (s: SweepSet) => windowCrowds(s.scored.spans.map((x) => dayOrNull(x.first)), defaultClusterOptions.windowDays);
const devEdges = sets.map((s) => pairEdges(s.scored, models.pair));

/** train-merge.ts's small windows (the same generator and seeds), scored. */
function smallWindows(s: SweepSet, i: number): Array<{ scored: ScoredPairs; gold: string[] }> {
  const rand = random(4800 + i);
  const byStory = new Map<string, number[]>();
  s.gold.forEach((g, a) => s.half[a] === "tune" && (byStory.get(g) ?? byStory.set(g, []).get(g)!).push(a));
  const stories = [...byStory.keys()];
  const out: Array<{ scored: ScoredPairs; gold: string[] }> = [];
  for (let w = 0; w < 300; w++) {
    const size = 2 + Math.floor(rand() * (CROWDED - 1));
    const pick: number[] = [];
    for (let tries = 0; pick.length < size && tries < 200; tries++) {
      const inWindow = [...new Set(pick.map((a) => s.gold[a]!))];
      const story = inWindow.length && rand() < 0.15 ? inWindow[Math.floor(rand() * inWindow.length)]! : stories[Math.floor(rand() * stories.length)]!;
      const free = byStory.get(story)!.filter((a) => !pick.includes(a));
      if (free.length) pick.push(free[Math.floor(rand() * free.length)]!);
    }
    const scored = scoredCandidates(onOneDay(pick.map((a) => s.scored.order[a]!)), defaultClusterOptions);
    out.push({ scored, gold: scored.order.map((x) => s.gold[pick[Number(x.path.slice(1, -4))]!]!) });
  }
  return out;
}
const windows = sets.map(smallWindows);

function balanced(lists: Example[][]): Example[] {
  const largest = Math.max(...lists.map((x) => x.length));
  return lists.flatMap((x) => Array.from({ length: Math.max(1, Math.round(largest / Math.max(1, x.length))) }, () => x).flat());
}
function fit(extra: boolean): LogisticModel {
  const perSet = sets.map((s, i) => {
    const { f, width } = features(s.scored, devEdges[i]!, crowdOf(s), extra);
    const e = devEdges[i]!;
    const list: Example[] = [];
    for (let k = 0; k < e.length; k++) if (s.half[e.a[k]!] === "tune" && s.half[e.b[k]!] === "tune") list.push({ x: f.slice(k * width, (k + 1) * width), y: s.gold[e.a[k]!] === s.gold[e.b[k]!] ? 1 : 0 });
    return list;
  });
  const small: Example[] = [];
  for (const ws of windows)
    for (const { scored, gold } of ws) {
      const e = pairEdges(scored, models.pair);
      const { f, width } = features(scored, e, undefined, extra);
      for (let k = 0; k < e.length; k++) small.push({ x: f.slice(k * width, (k + 1) * width), y: gold[e.a[k]!] === gold[e.b[k]!] ? 1 : 0, weight: 0.25 });
    }
  const names = [...CONTEXT_FEATURES, ...(extra ? fjs.map((j) => `sparse x ${PAIR_FEATURES[j]}`) : [])];
  return trainLogistic(balanced([...perSet, small]), { name: "trial", features: names, l2: 1 });
}

const ODDS_STEPS = 16;
const onGrid = (p: number) => {
  const l = Math.round(Math.log(p / (1 - p)) * ODDS_STEPS) / ODDS_STEPS;
  return 1 / (1 + Math.exp(-l));
};
/** Context edges under `model` (extra: its last weights are sparse x FEATURE). */
function weigh(scored: ScoredPairs, crowd: ArrayLike<number> | undefined, model: LogisticModel, extra: boolean): WeightedEdges {
  const e = pairEdges(scored, models.pair);
  if (!extra) return contextEdges(scored.order.length, e, model, contextFeatures(scored.order.length, e, crowd));
  const { f, width } = features(scored, e, crowd, true);
  const out = { a: new Int32Array(e.length), b: new Int32Array(e.length), weight: new Float32Array(e.length), length: 0 };
  for (let k = 0; k < e.length; k++) {
    const p = onGrid(probability(model, f, k * width));
    if (p < 0.05) continue;
    out.a[out.length] = e.a[k]!;
    out.b[out.length] = e.b[k]!;
    out.weight[out.length++] = p;
  }
  return out;
}

const originals = buildMergeSet(fileURLToPath(new URL("../../shared/seeds/", import.meta.url)), fileURLToPath(new URL("../../shared/corpus/bbc-dev.jsonl", import.meta.url))).filter((x) => x.kind === "original");
const split = buildSplitSet(fileURLToPath(new URL("../../shared/corpus/bbc-dev.jsonl", import.meta.url)));
function build(pick: LabelledArticle[], model: LogisticModel, extra: boolean): string[] {
  const scored = scoredCandidates(onOneDay(pick.map((x) => x.article)), defaultClusterOptions);
  const crowd = windowCrowds(scored.spans.map((x) => dayOrNull(x.first)), defaultClusterOptions.windowDays);
  const label = new Array<string>(pick.length);
  for (const g of groupArticles(scored.spans, weigh(scored, crowd, model, extra), models.decision, defaultClusterOptions.windowDays, scored.profiles)) for (const m of g.members) label[Number(scored.order[m]!.path.slice(1, -4))] = String(g.members[0]);
  return label;
}
function small(model: LogisticModel, extra: boolean, k: number): string {
  const cells: string[] = [];
  for (const half of HALVES) {
    const items = originals.filter((x) => halfOf(x.splitKey) === half);
    const rand = random(48);
    let merged = 0;
    for (let t = 0; t < draws; t++) {
      if (new Set(build(withOtherStories([], items, k, rand), model, extra)).size < k) merged++;
    }
    const sItems = split.filter((x) => halfOf(x.splitKey) === half);
    const stories = byStory(sItems);
    const pairs = [...stories.values()].filter((m) => m.length >= 2);
    const rand2 = random(48);
    let kept = 0;
    for (let t = 0; t < draws; t++) {
      const label = build(truePairDraw(pairs, sItems, Math.min(k, stories.size), rand2), model, extra);
      if (label[0] === label[1]) kept++;
    }
    cells.push(`${merged}/${kept}`);
  }
  return `k=${k} unrelated merged/split kept ${cells.join(" . ")}`;
}

for (const [label, model, extra] of [["committed", models.context, false], ["refit", fit(false), false], [`refit + sparse x ${FEATURE}`, fit(true), true]] as Array<[string, LogisticModel, boolean]>) {
  const weighed = sets.map((s, i) => weigh(s.scored, crowdOf(s), model, extra));
  const r = scoreDecision(sets, weighed, models.decision);
  console.log(`${label}: ${model.features.map((f, i) => `${f} ${model.weights[i]!.toFixed(2)}`).join(", ")}; bias ${model.bias.toFixed(2)}`);
  console.log(`  ${r.cells} (events mixed ${r.mixed}); ${ks.map((k) => small(model, extra, k)).join("; ")}`);
}
