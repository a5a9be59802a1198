// Context-model variants on the committed pair model, in seconds instead of a full train:merge: each
// variant's context model is trained on the tuning halves (as train-merge.ts does) and clustering's F1
// on every set and half is printed as the small-group bar moves (the rest of the decision as committed).
// `tsx train/try-context.ts [variant]`; SETW=e,m,s weighs the three sets in the fit (1,1,1 as train-merge.ts).
import { CONTEXT_FEATURES, contextEdges, mergeModels, pairEdges } from "../src/cluster/index.ts";
import { contextFeatures, rivalLinks } from "../src/cluster/context.ts";
import type { WeightedEdges } from "../src/cluster/agglomerate.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { bestBar, loadSweepSets, sweepBars, type SweepSet } from "./lib/merge-sweep.ts";

const models = mergeModels();
const sets = loadSweepSets().map((s) => ({ ...s, edges: pairEdges(s.scored, models.pair) }));
type Set = SweepSet & { edges: WeightedEdges };

/** SETW: each set's weight (events, merge, split), 1 each as train-merge.ts. */
const setWeights = (process.env.SETW ?? "1,1,1").split(",").map(Number);
function balanced(perSet: Example[][]): Example[] {
  const largest = Math.max(...perSet.map((x) => x.length));
  return perSet.flatMap((x, i) => Array.from({ length: Math.max(1, Math.round((setWeights[i]! * largest) / Math.max(1, x.length))) }, () => x).flat());
}
function examples(s: Set, e: WeightedEdges, f: Float64Array, width: number): Example[] {
  const out: Example[] = [];
  for (let k = 0; k < e.length; k++) {
    const [a, b] = [e.a[k]!, e.b[k]!];
    if (s.half[a] === "tune" && s.half[b] === "tune") out.push({ x: f.slice(k * width, (k + 1) * width), y: s.gold[a] === s.gold[b] ? 1 : 0 });
  }
  return out;
}

/** Extra features per edge, appended to the base ones. */
type Extra = { names: string[]; of: (n: number, e: WeightedEdges) => Float64Array };
function withExtra(n: number, e: WeightedEdges, extra: Extra | null): { f: Float64Array; width: number } {
  const base = contextFeatures(n, e);
  const bw = CONTEXT_FEATURES.length;
  if (!extra) return { f: base, width: bw };
  const x = extra.of(n, e);
  const xw = extra.names.length;
  const width = bw + xw;
  const f = new Float64Array(e.length * width);
  for (let k = 0; k < e.length; k++) {
    f.set(base.subarray(k * bw, (k + 1) * bw), k * width);
    f.set(x.subarray(k * xw, (k + 1) * xw), k * width + bw);
  }
  return { f, width };
}

/** Trains a context stage on every set's edges and returns the re-weighed edges. */
function stage(all: WeightedEdges[], extra: Extra | null, label: string): WeightedEdges[] {
  const feats = sets.map((s, i) => withExtra(s.n, all[i]!, extra));
  const width = feats[0]!.width;
  const names = [...CONTEXT_FEATURES, ...(extra?.names ?? [])];
  const model = trainLogistic(balanced(sets.map((s, i) => examples(s, all[i]!, feats[i]!.f, width))), { name: label, features: names, l2: 1 });
  console.log(`${label}: ${names.map((f, i) => `${f} ${model.weights[i]!.toFixed(2)}`).join(", ")}; bias ${model.bias.toFixed(2)}`);
  return sets.map((_, i) => pairEdges({ pairs: all[i]!, features: feats[i]!.f, width }, model));
}

function sweep(label: string, weighed: WeightedEdges[]): void {
  const rows = sweepBars(sets, weighed, models.decision);
  const line = (row: (typeof rows)[0]) => `  ${label} bar ${row.bar}: ${row.cells}  mean tune ${(100 * row.meanTune).toFixed(1)}`;
  if (process.env.ALL) for (const row of rows) console.log(line(row));
  console.log(`best ${line(bestBar(rows))}`);
}

const committed = sets.map((s) => contextEdges(s.n, s.edges, models.context));
sweep("committed", committed);

/** Each edge's share of each side's summed link weight (all kept edges), the smaller and the larger. */
const shares: Extra = {
  names: ["shareLess", "shareMore"],
  of: (n, e) => {
    const sum = new Float64Array(n);
    for (let k = 0; k < e.length; k++) {
      sum[e.a[k]!]! += e.weight[k]!;
      sum[e.b[k]!]! += e.weight[k]!;
    }
    const out = new Float64Array(e.length * 2);
    for (let k = 0; k < e.length; k++) {
      const w = e.weight[k]!;
      const [sa, sb] = [w / sum[e.a[k]!]!, w / sum[e.b[k]!]!];
      out[2 * k] = Math.min(sa, sb);
      out[2 * k + 1] = Math.max(sa, sb);
    }
    return out;
  },
};

/** How far this pair outdoes each side's strongest other link (log-odds, 0 when it is outdone), the smaller and the larger. */
const margins: Extra = {
  names: ["marginLess", "marginMore"],
  of: (n, e) => {
    const rival = rivalLinks(n, e);
    const lo = (p: number) => {
      const q = Math.min(0.999, Math.max(0.001, p));
      return Math.log(q / (1 - q));
    };
    const out = new Float64Array(e.length * 2);
    for (let k = 0; k < e.length; k++) {
      const w = e.weight[k]!;
      const [ma, mb] = [Math.max(0, lo(w) - lo(rival(e.a[k]!, e.b[k]!))), Math.max(0, lo(w) - lo(rival(e.b[k]!, e.a[k]!)))];
      out[2 * k] = Math.min(ma, mb);
      out[2 * k + 1] = Math.max(ma, mb);
    }
    return out;
  },
};

const variants: Array<[string, () => WeightedEdges[]]> = [
  ["margins", () => stage(sets.map((s) => s.edges), margins, "ctx+margins")],
  ["retrained", () => stage(sets.map((s) => s.edges), null, "ctx")],
  ["twice", () => stage(stage(sets.map((s) => s.edges), null, "ctx"), null, "ctx2")],
  ["shares", () => stage(sets.map((s) => s.edges), shares, "ctx+shares")],
  ["shares twice", () => stage(stage(sets.map((s) => s.edges), shares, "ctx+shares"), shares, "ctx2+shares")],
];
const only = process.argv[2];
for (const [label, make] of variants) if (!only || label === only) sweep(label, make());
