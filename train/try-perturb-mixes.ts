// Why one perturbed training mixes events (try-perturbed.ts): for two trained models A and B (merge-model
// JSON, e.g. the committed one and PERTURB=2's), every mix of their pair model, context model and decision
// scored on events-dev's checking half (F1, stories mixing true stories), and for B alone the checking
// stories that mix events: which true stories, their topic, the joins that mixed them (the mean link and
// the bar that let them through: small groups, a group and an established story, two established stories)
// and the cross-event pairs' pair and context probabilities.
// `tsx train/try-perturb-mixes.ts A.json B.json [PERTURB k of B, to list the tuning stories it left out]`
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CONTEXT_FEATURES, contextEdges, defaultClusterOptions, groupArticles, pairEdges, PAIR_FEATURES, scoredCandidates, type MergeDecision } from "../src/cluster/index.ts";
import { contextFeatures } from "../src/cluster/context.ts";
import { averageLink, type MergeLog, type WeightedEdges } from "../src/cluster/agglomerate.ts";
import { loadDecision } from "../src/cluster/decision.ts";
import { loadModel, probability, type LogisticModel } from "../src/model/logistic.ts";
import { buildEventsSet } from "../eval/lib/merge-set.ts";
import { mixedClusters, pairwiseScores } from "../eval/lib/pairwise.ts";
import { halfOf } from "../eval/lib/split.ts";

interface Models {
  pair: LogisticModel;
  context: LogisticModel;
  decision: MergeDecision;
}
const load = (path: string): Models => {
  const j = JSON.parse(readFileSync(path, "utf8")) as { pair: unknown; context: unknown; decision: unknown };
  return { pair: loadModel(j.pair, PAIR_FEATURES), context: loadModel(j.context, CONTEXT_FEATURES), decision: loadDecision(j.decision) };
};
const [pathA, pathB, perturb] = process.argv.slice(2);
if (!pathA || !pathB) throw new Error("usage: tsx train/try-perturb-mixes.ts A.json B.json [k]");
const A = load(pathA);
const B = load(pathB);

const items = buildEventsSet(fileURLToPath(new URL("../../shared/corpus/events-dev.jsonl", import.meta.url)));
const byPath = new Map(items.map((x) => [x.article.path, x]));
const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
const n = scored.order.length;
const gold = scored.order.map((a) => byPath.get(a.path)!.gold);
const topic = scored.order.map((a) => byPath.get(a.path)!.topic ?? "");
const half = scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey));
const check = [...Array(n).keys()].filter((k) => half[k] === "check");

if (perturb) {
  const out = [...new Set(gold.filter((g, i) => half[i] === "tune" && createHash("sha256").update(`${perturb}\n${g}`).digest()[0]! < 32))];
  const size = (g: string) => gold.filter((x) => x === g).length;
  console.log(`PERTURB=${perturb} leaves out ${out.length} tuning events: ${out.map((g) => `${g} (${size(g)})`).join(", ")}`);
  const tuneTopics = new Set(topic.filter((_, i) => half[i] === "tune"));
  const hit = new Map<string, number>();
  for (const g of out) hit.set(topic[gold.indexOf(g)]!, (hit.get(topic[gold.indexOf(g)]!) ?? 0) + 1);
  console.log(`  topics touched: ${[...hit].map(([t, c]) => `${t} (${c} of 2 events)`).join(", ")} of ${tuneTopics.size} tuning topics`);
}

function cluster(pair: LogisticModel, context: LogisticModel, decision: MergeDecision, log?: MergeLog) {
  const edges = pairEdges(scored, pair);
  const features = contextFeatures(n, edges);
  const weighed = contextEdges(n, edges, context, features);
  const label = new Int32Array(n);
  for (const g of groupArticles(scored.spans, weighed, decision, defaultClusterOptions.windowDays, scored.profiles, (m, e, o) => averageLink(m, e, o, log))) for (const m of g.members) label[m] = g.members[0]!;
  return { edges, weighed, label };
}

console.log(`\nevents checking half, pair . context . decision from A (${pathA}) or B (${pathB})`);
for (const p of [A, B]) for (const c of [A, B]) for (const d of [A, B]) {
  const { label } = cluster(p.pair, c.context, d.decision);
  const pred = check.map((k) => String(label[k]));
  const g = check.map((k) => gold[k]!);
  const s = pairwiseScores(pred, g);
  const name = [p, c, d].map((x) => (x === A ? "A" : "B")).join(" ");
  console.log(`  ${name}  P ${(100 * s.precision).toFixed(1)} R ${(100 * s.recall).toFixed(1)} F1 ${(100 * s.f1).toFixed(1)}  mixed ${mixedClusters(pred, g)}`);
}
console.log(`decision A ${JSON.stringify(A.decision)}\ndecision B ${JSON.stringify(B.decision)}`);
const show = (m: LogisticModel) => m.features.map((f, i) => `${f} ${m.weights[i]!.toFixed(2)}`).join(", ") + `; bias ${m.bias.toFixed(2)}`;
console.log(`context A ${show(A.context)}\ncontext B ${show(B.context)}`);

// B's mixes in detail.
const log: MergeLog = { x: [], y: [], score: [] };
const { edges, weighed, label } = cluster(B.pair, B.context, B.decision, log);
const table = (e: WeightedEdges) => {
  const m = new Map<number, number>();
  for (let k = 0; k < e.length; k++) m.set(e.a[k]! * n + e.b[k]!, e.weight[k]!);
  return m;
};
const pairP = table(edges);
const ctxP = table(weighed);
const members = new Map<number, number[]>();
for (let k = 0; k < n; k++) (members.get(label[k]!) ?? members.set(label[k]!, []).get(label[k]!)!).push(k);
// Replay the log: each group's members (and gold counts) as it grew, to find the joins that mixed events.
const groupOf = Int32Array.from({ length: n }, (_, i) => i);
const now = new Map<number, number[]>([...Array(n).keys()].map((i) => [i, [i]]));
const joins: string[] = [];
const d = B.decision;
for (let k = 0; k < log.x.length; k++) {
  const [x, y] = [log.x[k]!, log.y[k]!];
  const [gx, gy] = [now.get(x)!, now.get(y)!];
  const events = (g: number[]) => new Set(g.map((i) => gold[i]!));
  const ex = events(gx);
  const ey = events(gy);
  const mixes = [...ey].some((e) => !ex.has(e)) || [...ex].some((e) => !ey.has(e));
  if (mixes && gx.concat(gy).some((i) => half[i] === "check")) {
    const est = (g: number[]) => d.established > 0 && g.length >= d.established;
    const kind = est(gx) && est(gy) ? `stories bar ${Math.max(d.storyThreshold, d.storiesThreshold)}` : est(gx) || est(gy) ? `story bar ${d.storyThreshold}` : `small bar ${d.threshold}`;
    const desc = (g: number[]) => `${g.length} [${[...events(g)].map((e) => `${e}:${g.filter((i) => gold[i] === e).length}`).join(" ")}]`;
    joins.push(`  join ${desc(gx)} + ${desc(gy)} at mean ${log.score[k]!.toFixed(3)} (${kind})`);
  }
  for (const i of gy) groupOf[i] = x;
  now.set(x, gx.concat(gy));
  now.delete(y);
}
console.log(`\nB's mixing joins touching the checking half:\n${joins.join("\n")}`);
for (const [root, ms] of members) {
  const inCheck = ms.filter((k) => half[k] === "check");
  if (new Set(inCheck.map((k) => gold[k])).size < 2) continue;
  const evs = [...new Set(ms.map((k) => gold[k]!))];
  console.log(`\nchecking story ${root}: topic ${[...new Set(ms.map((k) => topic[k]))].join(",")}; events ${evs.map((e) => `${e} ${ms.filter((k) => gold[k] === e).length}`).join(", ")}`);
  const cross: Array<[number, number, number, number]> = [];
  let pairs = 0;
  for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) {
    const [a, b] = [ms[i]!, ms[j]!];
    if (gold[a] === gold[b]) continue;
    pairs++;
    const key = Math.min(a, b) * n + Math.max(a, b);
    if (pairP.has(key) || ctxP.has(key)) cross.push([a, b, pairP.get(key) ?? 0, ctxP.get(key) ?? 0]);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
  console.log(`  ${pairs} cross-event pairs, ${cross.length} with an edge; mean over all cross pairs: pair ${mean(cross.map((c) => c[2])) * (cross.length / pairs) || 0} context ${(mean(cross.map((c) => c[3])) * cross.length) / pairs}`);
  const lifted = cross.filter((c) => c[3] > c[2] + 0.05).length;
  console.log(`  cross edges the context model lifts by more than 0.05: ${lifted}, lowers: ${cross.filter((c) => c[3] < c[2] - 0.05).length}; at or above the small bar ${d.threshold}: pair ${cross.filter((c) => c[2] >= d.threshold).length}, context ${cross.filter((c) => c[3] >= d.threshold).length}`);
  for (const [a, b, p, c] of cross.sort((u, v) => v[3] - u[3]).slice(0, 6)) {
    console.log(`    ${p.toFixed(2)} -> ${c.toFixed(2)}  ${scored.order[a]!.title.slice(0, 60)} | ${scored.order[b]!.title.slice(0, 60)}`);
  }
}
