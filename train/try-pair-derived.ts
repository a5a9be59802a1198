// Pair models with derived features (products and squares of PAIR_FEATURES columns), each followed by a
// context model trained as train-merge.ts does, and clustering F1 on every set and half at the best
// small-group bar of the tuning halves (the rest of the decision as committed). Seconds, not a train:merge.
// `tsx train/try-pair-derived.ts [a*b,c*c ...]` (each argument one variant; none: a few built in; a name of TEXT
// instead of a product: that text feature; L2, CTX_L2: the two models' L2 penalties, 1 as train-merge.ts).
import { CONTEXT_FEATURES, mergeModels, pairEdges, PAIR_FEATURES } from "../src/cluster/index.ts";
import { contextFeatures } from "../src/cluster/context.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { bestBar, loadSweepSets, sweepBars } from "./lib/merge-sweep.ts";
import { readMentions } from "../src/cluster/mentions.ts";

const models = mergeModels();
const W = PAIR_FEATURES.length;
const sets = loadSweepSets();
type Set = (typeof sets)[0];
/** The headline and the body's first words (about LEAD words). */
const LEAD = Number(process.env.LEAD ?? 50);
function leadOf(a: { title: string; paragraphs: string[] }): string[] {
  const out: string[] = [];
  let n = 0;
  for (const p of a.paragraphs) {
    if (n >= LEAD) break;
    const words = p.split(/\s+/);
    out.push(words.slice(0, LEAD - n).join(" "));
    n += words.length;
  }
  return out;
}
const leads = sets.map((s) => s.scored.order.map((a) => readMentions(a.title, leadOf(a))));
const alls = sets.map((s) => s.scored.order.map((a) => readMentions(a.title, a.paragraphs)));
const bitAgree = (x: number, y: number) => (x === 0 || y === 0 ? 0 : (x & y) !== 0 ? 1 : -1);
const listAgree = (x: readonly (string | number)[], y: readonly (string | number)[]) => (x.length === 0 || y.length === 0 ? 0 : x.some((v) => y.includes(v)) ? 1 : -1);
/** A pair's committed feature, looked up by its two articles (the harness asks in pair order). */
const pairAt = sets.map((s) => {
  const m = new Map<number, number>();
  for (let k = 0; k < s.scored.pairs.length; k++) m.set(s.scored.pairs.a[k]! * s.n + s.scored.pairs.b[k]!, k);
  return m;
});
const featureOf = (i: number, a: number, b: number, f: string) => sets[i]!.scored.features[pairAt[i]!.get(a * sets[i]!.n + b)! * W + col(f)]!;
const distinct = alls.map((xs) => xs.map((m) => new Set(m.words).size));
const TEXT: Record<string, (i: number, a: number, b: number) => number> = {
  minLen: (i, a, b) => Math.log1p(Math.min(distinct[i]![a]!, distinct[i]![b]!)),
  maxLen: (i, a, b) => Math.log1p(Math.max(distinct[i]![a]!, distinct[i]![b]!)),
  shortWords: (i, a, b) => featureOf(i, a, b, "words") / Math.log1p(Math.min(distinct[i]![a]!, distinct[i]![b]!)),
  shortNames: (i, a, b) => featureOf(i, a, b, "names") / Math.log1p(Math.min(distinct[i]![a]!, distinct[i]![b]!)),
  leadMonths: (i, a, b) => bitAgree(leads[i]![a]!.months, leads[i]![b]!.months),
  leadYears: (i, a, b) => listAgree(leads[i]![a]!.years, leads[i]![b]!.years),
  leadDays: (i, a, b) => listAgree(leads[i]![a]!.days, leads[i]![b]!.days),
  leadMonthConflict: (i, a, b) => (bitAgree(leads[i]![a]!.months, leads[i]![b]!.months) < 0 ? 1 : 0),
  leadYearConflict: (i, a, b) => (listAgree(leads[i]![a]!.years, leads[i]![b]!.years) < 0 ? 1 : 0),
  leadMonthVsAll: (i, a, b) => { const [x, y] = [leads[i]![a]!.months, leads[i]![b]!.months]; const [X, Y] = [alls[i]![a]!.months, alls[i]![b]!.months]; return (x && Y && !(x & Y)) || (y && X && !(y & X)) ? 1 : 0; },
  leadYearVsAll: (i, a, b) => { const [x, y] = [leads[i]![a]!.years, leads[i]![b]!.years]; const [X, Y] = [alls[i]![a]!.years, alls[i]![b]!.years]; return (x.length && Y.length && !x.some((v) => Y.includes(v))) || (y.length && X.length && !y.some((v) => X.includes(v))) ? 1 : 0; },
};
const col = (f: string) => {
  const i = PAIR_FEATURES.indexOf(f as (typeof PAIR_FEATURES)[number]);
  if (i < 0) throw new Error(`no feature ${f}`);
  return i;
};
function balanced(perSet: Example[][]): Example[] {
  const largest = Math.max(...perSet.map((x) => x.length));
  return perSet.flatMap((x) => Array.from({ length: Math.max(1, Math.round(largest / Math.max(1, x.length))) }, () => x).flat());
}
const tuningPair = (s: Set, a: number, b: number) => s.half[a] === "tune" && s.half[b] === "tune";

function run(derived: string[]): void {
  const products = derived.map((d) => (d in TEXT ? [] : d.split("*").map(col)));
  const width = W + products.length;
  const feats = sets.map((s) => {
    const f = new Float64Array(s.scored.pairs.length * width);
    for (let k = 0; k < s.scored.pairs.length; k++) {
      const row = s.scored.features.subarray(k * W, (k + 1) * W);
      f.set(row, k * width);
      const [a, b] = [s.scored.pairs.a[k]!, s.scored.pairs.b[k]!];
      const si = sets.indexOf(s);
      products.forEach((p, j) => (f[k * width + W + j] = derived[j]! in TEXT ? TEXT[derived[j]!]!(si, a, b) : p.reduce((x, c) => x * row[c]!, 1)));
    }
    return f;
  });
  const names = [...PAIR_FEATURES, ...derived];
  const pairModel = trainLogistic(balanced(sets.map((s, i) => {
    const list: Example[] = [];
    for (let k = 0; k < s.scored.pairs.length; k++) if (tuningPair(s, s.scored.pairs.a[k]!, s.scored.pairs.b[k]!)) list.push({ x: feats[i]!.slice(k * width, (k + 1) * width), y: s.gold[s.scored.pairs.a[k]!] === s.gold[s.scored.pairs.b[k]!] ? 1 : 0 });
    return list;
  })), { name: "pair", features: names, l2: Number(process.env.L2 ?? 1) });
  const edges = sets.map((s, i) => pairEdges({ pairs: s.scored.pairs, features: feats[i]!, width }, pairModel));
  const cf = sets.map((s, i) => contextFeatures(s.n, edges[i]!));
  const CW = CONTEXT_FEATURES.length;
  const ctx = trainLogistic(balanced(sets.map((s, i) => {
    const list: Example[] = [];
    const e = edges[i]!;
    for (let k = 0; k < e.length; k++) if (tuningPair(s, e.a[k]!, e.b[k]!)) list.push({ x: cf[i]!.slice(k * CW, (k + 1) * CW), y: s.gold[e.a[k]!] === s.gold[e.b[k]!] ? 1 : 0 });
    return list;
  })), { name: "ctx", features: [...CONTEXT_FEATURES], l2: Number(process.env.CTX_L2 ?? 1) });
  const weighed = sets.map((_, i) => pairEdges({ pairs: edges[i]!, features: cf[i]!, width: CW }, ctx));
  const top = bestBar(sweepBars(sets, weighed, models.decision));
  const best = { line: `bar ${top.bar}: ${top.cells}  mean tune ${(100 * top.meanTune).toFixed(1)}` };
  console.log(`${best.line}  ${derived.join(",") || "base"}${process.env.SHOW ? `\n   ${names.map((f, i) => `${f} ${pairModel.weights[i]!.toFixed(2)}`).join(", ")}` : ""}`);
}
const variants = process.argv.length > 2 ? process.argv.slice(2).map((v) => (v === "base" ? [] : v.split(","))) : [[], ["words*names"], ["words*words"], ["names*names"], ["lead*names"], ["words*names", "words*words", "names*names"], ["words*actorConflict"], ["names*leadNameConflict"]];
for (const v of variants) run(v);
