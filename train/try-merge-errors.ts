// Error analysis of story merging on the TUNING half of a set (never the checking half): the true pairs
// clustering missed and the wrong pairs it made, with the pair's model scores, its features, and what the
// two reports share (names, numbers, rare words). `tsx train/try-merge-errors.ts [split|events|merge] [N]`.
import { fileURLToPath } from "node:url";
import { clusterArticles, contextEdges, mergeModels, pairEdges, PAIR_FEATURES, scoredCandidates } from "../src/cluster/index.ts";
import { readMentions } from "../src/cluster/mentions.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const which = process.argv[2] ?? "split";
const limit = Number(process.argv[3] ?? 40);
const items: LabelledArticle[] =
  which === "events" ? buildEventsSet(corpus("events-dev.jsonl"))
  : which === "merge" ? buildMergeSet(fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url)), corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed")
  : buildSplitSet(corpus("bbc-dev.jsonl"));
const byPath = new Map(items.map((x) => [x.article.path, x]));
const story = new Map<string, string>();
for (const c of clusterArticles(items.map((x) => x.article))) for (const m of c.members) story.set(m.path, c.id);
const models = mergeModels();
const scored = scoredCandidates(items.map((x) => x.article));
const edges = pairEdges(scored, models.pair);
const weighed = contextEdges(scored.order.length, edges, models.context);
const key = (a: number, b: number) => (a < b ? `${a} ${b}` : `${b} ${a}`);
const pairP = new Map<string, number>();
const ctxP = new Map<string, number>();
const feats = new Map<string, number[]>();
for (let k = 0; k < edges.length; k++) pairP.set(key(edges.a[k]!, edges.b[k]!), edges.weight[k]!);
for (let k = 0; k < weighed.length; k++) ctxP.set(key(weighed.a[k]!, weighed.b[k]!), weighed.weight[k]!);
const W = PAIR_FEATURES.length;
for (let k = 0; k < scored.pairs.length; k++) feats.set(key(scored.pairs.a[k]!, scored.pairs.b[k]!), Array.from(scored.features.subarray(k * W, (k + 1) * W)));

const order = scored.order;
const mentions = order.map((a) => readMentions(a.title, a.paragraphs));
const df = new Map<string, number>();
for (const m of mentions) for (const w of new Set([...m.words, ...m.names, ...m.numbers])) df.set(w, (df.get(w) ?? 0) + 1);
const shared = (i: number, j: number, pick: (m: (typeof mentions)[0]) => string[]) => {
  const b = new Set(pick(mentions[j]!));
  return [...new Set(pick(mentions[i]!))].filter((x) => b.has(x)).sort((x, y) => df.get(x)! - df.get(y)!);
};
const tune = (i: number) => halfOf(byPath.get(order[i]!.path)!.splitKey) === "tune";
const gold = (i: number) => byPath.get(order[i]!.path)!.gold;
function show(i: number, j: number, tag: string): void {
  const k = key(i, j);
  const f = feats.get(k);
  console.log(`${tag} pair ${(pairP.get(k) ?? 0).toFixed(2)} ctx ${(ctxP.get(k) ?? 0).toFixed(2)} ${f ? "" : "NOT A CANDIDATE"}`);
  console.log(`   A: ${order[i]!.title.slice(0, 70)} | ${order[i]!.paragraphs.join(" ").slice(0, 160)}`);
  console.log(`   B: ${order[j]!.title.slice(0, 70)} | ${order[j]!.paragraphs.join(" ").slice(0, 160)}`);
  if (f) console.log(`   f: ${PAIR_FEATURES.map((n, x) => `${n}=${f[x]!.toFixed(2)}`).join(" ")}`);
  console.log(`   names: ${shared(i, j, (m) => m.names).map((w) => `${w}(${df.get(w)})`).join(" ")}`);
  console.log(`   numbers: ${shared(i, j, (m) => m.numbers).map((w) => `${w}(${df.get(w)})`).join(" ")}`);
  console.log(`   rare words: ${shared(i, j, (m) => m.words).filter((w) => df.get(w)! <= 10).map((w) => `${w}(${df.get(w)})`).join(" ")}`);
  console.log(`   sizes: words ${mentions[i]!.words.length}/${mentions[j]!.words.length} names ${new Set(mentions[i]!.names).size}/${new Set(mentions[j]!.names).size}`);
}
let [missed, wrong] = [0, 0];
const n = order.length;
for (let i = 0; i < n; i++) {
  if (!tune(i)) continue;
  for (let j = i + 1; j < n; j++) {
    if (!tune(j)) continue;
    const same = gold(i) === gold(j);
    const together = story.get(order[i]!.path) === story.get(order[j]!.path);
    if (same && !together && missed++ < limit) show(i, j, "MISSED");
    if (!same && together && wrong++ < limit) show(i, j, "WRONG ");
  }
}
console.log(`missed ${missed}, wrong ${wrong}`);
