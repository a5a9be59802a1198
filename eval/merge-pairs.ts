// `npx tsx eval/merge-pairs.ts [events|merge|split] [tune|check]`: every wrong pair (merged, two stories)
// and missed pair (one story, not merged) of one half of one eval:merge set, with the committed models'
// pair and context probabilities and both models' features, to see which signals a change must add.
// Analyse the tuning half (the default); the checking half is for the report only.
import { fileURLToPath } from "node:url";
import { CONTEXT_FEATURES, clusterArticles, contextEdges, mergeModels, PAIR_FEATURES, pairEdges, scoredCandidates } from "../src/cluster/index.ts";
import { contextFeatures } from "../src/cluster/context.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "./lib/merge-set.ts";
import { HALVES, halfOf, type Half } from "./lib/split.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const seeds = fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url));
const SETS: Record<string, () => LabelledArticle[]> = {
  events: () => buildEventsSet(corpus("events-dev.jsonl")),
  merge: () => buildMergeSet(seeds, corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed"),
  split: () => buildSplitSet(corpus("bbc-dev.jsonl")),
};
const [name = "split", half = "tune"] = process.argv.slice(2);
if (!SETS[name] || !HALVES.includes(half as Half)) throw new Error(`usage: merge-pairs.ts [${Object.keys(SETS).join("|")}] [${HALVES.join("|")}]`);
const items = SETS[name]!();

// The set clustered whole, as eval:merge does, and the same scored pairs and edges clustering weighed.
const models = mergeModels();
const storyOf = new Map<string, string>();
for (const c of clusterArticles(items.map((x) => x.article))) for (const m of c.members) storyOf.set(m.path, c.id);
const scored = scoredCandidates(items.map((x) => x.article));
const edges = pairEdges(scored, models.pair);
const context = contextFeatures(scored.order.length, edges);
const weighed = contextEdges(scored.order.length, edges, models.context, context);

const key = (a: number, b: number) => a * scored.order.length + b;
const rows = <T>(n: number, at: (k: number) => [number, number], value: (k: number) => T) => new Map(Array.from({ length: n }, (_, k) => [key(...at(k)), value(k)]));
const width = PAIR_FEATURES.length;
const pairFeatures = rows(scored.pairs.length, (k) => [scored.pairs.a[k]!, scored.pairs.b[k]!], (k) => scored.features.subarray(k * width, (k + 1) * width));
const pairP = rows(edges.length, (k) => [edges.a[k]!, edges.b[k]!], (k) => edges.weight[k]!);
const contextRow = rows(edges.length, (k) => [edges.a[k]!, edges.b[k]!], (k) => context.subarray(k * CONTEXT_FEATURES.length, (k + 1) * CONTEXT_FEATURES.length));
const contextP = rows(weighed.length, (k) => [weighed.a[k]!, weighed.b[k]!], (k) => weighed.weight[k]!);

const label = new Map(items.map((x) => [x.article.path, x]));
const show = (names: readonly string[], values: ArrayLike<number> | undefined) => (values ? names.map((f, i) => `${f} ${values[i]!.toFixed(2)}`).join(", ") : "none");
const lines: Array<{ order: string; text: string }> = [];
const { order } = scored;
for (let a = 0; a < order.length; a++) {
  for (let b = a + 1; b < order.length; b++) {
    const [x, y] = [label.get(order[a]!.path)!, label.get(order[b]!.path)!];
    if (halfOf(x.splitKey) !== half || halfOf(y.splitKey) !== half) continue;
    const same = x.gold === y.gold;
    if (same === (storyOf.get(order[a]!.path) === storyOf.get(order[b]!.path))) continue;
    const k = key(a, b);
    const [p, c] = [pairP.get(k) ?? 0, contextP.get(k) ?? 0];
    lines.push({
      order: `${same ? "missed" : "wrong"} ${(1 - c).toFixed(4)}`,
      text: `${same ? "MISSED" : "WRONG "} pair ${p.toFixed(2)} context ${c.toFixed(2)}: ${order[a]!.title.slice(0, 50)} | ${order[b]!.title.slice(0, 50)}\n  pair: ${pairFeatures.has(k) ? show(PAIR_FEATURES, pairFeatures.get(k)) : "not a candidate sharing words"}\n  context: ${show(CONTEXT_FEATURES, contextRow.get(k))}`,
    });
  }
}
lines.sort((u, v) => (u.order < v.order ? -1 : u.order > v.order ? 1 : 0));
console.log(`${name} ${half}: ${lines.filter((l) => l.order.startsWith("wrong")).length} wrong pairs, ${lines.filter((l) => l.order.startsWith("missed")).length} missed pairs (small-group bar ${models.decision.threshold}), most likely first`);
for (const l of lines) console.log(l.text);
