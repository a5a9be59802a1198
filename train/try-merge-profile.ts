// Mean pair and context features of the TUNING half's candidate pairs by outcome (true and joined, true and
// split, wrong and joined, wrong and apart with an edge): what tells the harder set's split pairs from the
// BBC sets' wrong joins. `tsx train/try-merge-profile.ts [split|merge|events]`. Writes nothing.
import { fileURLToPath } from "node:url";
import { CONTEXT_FEATURES, contextEdges, defaultClusterOptions, groupArticles, mergeModels, pairEdges, PAIR_FEATURES, scoredCandidates } from "../src/cluster/index.ts";
import { contextFeatures } from "../src/cluster/context.ts";
import { size } from "../src/cluster/profile.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const which = process.argv[2] ?? "split";
const items: LabelledArticle[] =
  which === "events" ? buildEventsSet(corpus("events-dev.jsonl"))
  : which === "merge" ? buildMergeSet(fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url)), corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed")
  : buildSplitSet(corpus("bbc-dev.jsonl"));
const byPath = new Map(items.map((x) => [x.article.path, x]));
const models = mergeModels();
const scored = scoredCandidates(items.map((x) => x.article));
const n = scored.order.length;
const edges = pairEdges(scored, models.pair);
const cf = contextFeatures(n, edges);
const weighed = contextEdges(n, edges, models.context, cf);
const groups = groupArticles(scored.spans, weighed, models.decision, defaultClusterOptions.windowDays, scored.profiles);
const groupOf = new Int32Array(n);
groups.forEach((g, i) => g.members.forEach((m) => (groupOf[m] = i)));
const key = (a: number, b: number) => a * n + b;
const pk = new Map<number, number>();
const ctxOf = new Map<number, number>();
for (let k = 0; k < weighed.length; k++) ctxOf.set(key(weighed.a[k]!, weighed.b[k]!), weighed.weight[k]!);
for (let k = 0; k < scored.pairs.length; k++) pk.set(key(scored.pairs.a[k]!, scored.pairs.b[k]!), k);
const W = PAIR_FEATURES.length;
const C = CONTEXT_FEATURES.length;
const tune = (i: number) => halfOf(byPath.get(scored.order[i]!.path)!.splitKey) === "tune";
const gold = (i: number) => byPath.get(scored.order[i]!.path)!.gold;
const names = [...PAIR_FEATURES, "pairP", ...CONTEXT_FEATURES.map((f) => `c.${f}`), "ctxP", "minWords", "maxWords", "minNames"];
const sums = new Map<string, { n: number; s: number[] }>();
for (let e = 0; e < edges.length; e++) {
  const [a, b] = [edges.a[e]!, edges.b[e]!];
  if (!tune(a) || !tune(b)) continue;
  const same = gold(a) === gold(b);
  const together = groupOf[a] === groupOf[b];
  const cls = same ? (together ? "true joined" : "true split") : together ? "wrong joined" : "wrong apart";
  const k = pk.get(key(a, b))!;
  const [pa, pb] = [scored.profiles[a]!, scored.profiles[b]!];
  const row = [...scored.features.subarray(k * W, (k + 1) * W), edges.weight[e]!, ...cf.subarray(e * C, (e + 1) * C), ctxOf.get(key(a, b)) ?? 0, Math.min(size(pa.words), size(pb.words)), Math.max(size(pa.words), size(pb.words)), Math.min(size(pa.names), size(pb.names))];
  const acc = sums.get(cls) ?? sums.set(cls, { n: 0, s: names.map(() => 0) }).get(cls)!;
  acc.n++;
  row.forEach((v, i) => (acc.s[i]! += v));
}
const classes = ["true joined", "true split", "wrong joined", "wrong apart"].filter((c) => sums.has(c));
console.log(`${which} tuning edges: ${classes.map((c) => `${c} ${sums.get(c)!.n}`).join(", ")}`);
console.log(`${"feature".padEnd(18)}${classes.map((c) => c.padStart(14)).join("")}`);
names.forEach((f, i) => console.log(`${f.padEnd(18)}${classes.map((c) => (sums.get(c)!.s[i]! / sums.get(c)!.n).toFixed(3).padStart(14)).join("")}`));
