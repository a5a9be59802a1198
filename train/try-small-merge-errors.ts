// The wrong pairs of small builds, listed (TUNING half only): k unrelated BBC stories' originals on one day, the
// draws of try-small-corpus.ts; for each pair the build merges, its pair probability, its context features and
// context probability, the window's size and what the two share (words with their document frequency in the
// window and in the whole tuning half). `tsx train/try-small-merge-errors.ts [k=4..12] [trials=100]`.
import { clusterArticles, contextEdges, defaultClusterOptions, mergeModels, pairEdges, PAIR_FEATURES, scoredCandidates, CONTEXT_FEATURES, windowCrowds } from "../src/cluster/index.ts";
import { contextFeatures } from "../src/cluster/context.ts";
import { dayOrNull } from "../src/cluster/days.ts";
import { readMentions } from "../src/cluster/mentions.ts";
import { fileURLToPath } from "node:url";
import { buildMergeSet } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";
import { random } from "../eval/lib/random.ts";
import { onOneDay, withOtherStories } from "./lib/small-draws.ts";

const corpus = fileURLToPath(new URL("../../shared/corpus/", import.meta.url));
const seeds = fileURLToPath(new URL("../../shared/seeds/", import.meta.url));
const ks = (process.argv[2] ?? "4,6,8,10,12").split(",").map(Number);
const trials = Number(process.argv[3] ?? 100);
const items = buildMergeSet(seeds, `${corpus}bbc-dev.jsonl`).filter((x) => x.kind === "original" && halfOf(x.splitKey) === "tune");
const models = mergeModels();
const df = new Map<string, number>();
for (const x of items) for (const w of new Set(readMentions(x.article.title, x.article.paragraphs).words)) df.set(w, (df.get(w) ?? 0) + 1);
const key = (a: number, b: number) => (a < b ? `${a} ${b}` : `${b} ${a}`);
for (const k of ks) {
  const rand = random(48);
  let wrong = 0;
  for (let t = 0; t < trials; t++) {
    const pick = withOtherStories([], items, k, rand);
    const articles = onOneDay(pick);
    const clusters = clusterArticles(articles, defaultClusterOptions, models);
    if (clusters.length === k) continue;
    const scored = scoredCandidates(articles);
    const edges = pairEdges(scored, models.pair);
    const crowds = windowCrowds(scored.spans.map((s) => dayOrNull(s.first)), defaultClusterOptions.windowDays);
    const cf = contextFeatures(scored.order.length, edges, crowds);
    const ctx = contextEdges(scored.order.length, edges, models.context, cf);
    const at = new Map<string, number>();
    for (let e = 0; e < edges.length; e++) at.set(key(edges.a[e]!, edges.b[e]!), e);
    const ctxP = new Map<string, number>();
    for (let e = 0; e < ctx.length; e++) ctxP.set(key(ctx.a[e]!, ctx.b[e]!), ctx.weight[e]!);
    const pos = new Map(scored.order.map((a, i) => [a.path, i]));
    for (const c of clusters) {
      if (c.members.length < 2) continue;
      const idx = c.members.map((m) => pos.get(m.path)!);
      wrong += (idx.length * (idx.length - 1)) / 2;
      for (let x = 0; x < idx.length; x++)
        for (let y = x + 1; y < idx.length; y++) {
          const e = at.get(key(idx[x]!, idx[y]!));
          const W = CONTEXT_FEATURES.length;
          const f = e === undefined ? "no edge" : CONTEXT_FEATURES.map((n, j) => `${n}=${cf[e * W + j]!.toFixed(2)}`).join(" ");
          const [A, B] = [scored.order[idx[x]!]!, scored.order[idx[y]!]!];
          const sa = new Set(readMentions(A.title, A.paragraphs).words);
          const sh = [...new Set(readMentions(B.title, B.paragraphs).words)].filter((w) => sa.has(w)).sort((p, q) => df.get(p)! - df.get(q)!);
          console.log(`k=${k} draw ${t}: pair ${e === undefined ? "-" : edges.weight[e]!.toFixed(3)} ctx ${(ctxP.get(key(idx[x]!, idx[y]!)) ?? 0).toFixed(3)} ${f}`);
          console.log(`   A: ${A.title.slice(0, 80)}\n   B: ${B.title.slice(0, 80)}`);
          console.log(`   shared words (tuning df of ${items.length}): ${sh.slice(0, 14).map((w) => `${w}(${df.get(w)})`).join(" ")} ... ${sh.length} in all`);
        }
    }
  }
  console.log(`k=${k}: ${wrong} wrong pairs in ${trials} draws`);
}
