// `npx tsx train/try-inner.ts`: a learned judge of the weak lines inside the article's run that the
// inner cut drops (issue 8, item 1), tried before any of it goes into src/. Block scores out-of-fold
// on the tuning pages (as train:clean), committed on the checking pages; the inner model fitted in
// four folds by id hash (out-of-fold on tuning, all tuning pages for checking); for each cut, the real
// rules after locate-article. Prints the candidates, their AUC, and both metrics on both halves.
// Knobs: MODEL=logistic|boosted (ROUNDS), SANDWICH=off (the model replaces the sandwich rule),
// SILVER=1 (webpages-dev's unlabelled lines take the HTML path's verdict), NOSPAN=1 (no labels by place
// between snippets), W=<webpages weight>, SIZE=one, FEATS=a,b (subset of INNER_FEATURES),
// BOUNDED=1 (only lines with kept core lines above and below), KEPT=1 (judge the kept lines instead:
// drop below -cut), RULE=core|bounded|any (hand rules on the block score, to compare), ORACLE=1
// (the labels themselves: the most there is to win), CUTS='[1e9,1,0]'.
import { createHash } from "node:crypto";
import { blockModels, scoreBlocks } from "../src/clean/block-model.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { locateScored } from "../src/clean/rules/locate.ts";
import { INNER_FEATURES, innerRow } from "./inner-features.ts";
import { loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";
import { objective } from "./train-clean.ts";
import { outOfFoldBlocks } from "./lib/text-items.ts";
import { foldOf, labelsOf, prepared, type Item } from "./lib/clean-items.ts";
import { silverLabels } from "./short-lines.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { trainBoosted } from "./lib/boost.ts";
import { logit } from "../src/model/logistic.ts";
import { boostedLogit } from "../src/clean/boosted.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";

const locateAt = defaultRules.findIndex((r) => r.name === "locate-article");
const after = defaultRules.slice(locateAt + 1);
const all = [...loadExtraction(), ...loadWebpages()];
const tune: Item[] = [], check: Item[] = [];
const seen = new Set<string>();
const innerLabels = new Map<object, Int8Array>();
for (const page of all) {
  const key = `${page.set}:${page.id}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const doc = prepared(page, "text");
  if (!doc) continue;
  const labels = labelsOf(page, doc);
  const inner = Int8Array.from(labels);
  if (process.env.SILVER === "1") silverLabels(page, doc, inner, blockModels(true));
  innerLabels.set(page, inner);
  (page.half === "tune" ? tune : check).push({ page, path: "text", doc, labels });
}
const folds = outOfFoldBlocks(tune);
const committed = blockModels(false);
const decode = { ...committed.decode, ...(process.env.SANDWICH === "off" ? { sandwich: committed.decode.inner } : {}) };
const scores = new Map<Item, Float64Array>();
for (const it of tune) scores.set(it, scoreBlocks(it.doc, { ...folds![foldOf(it.page.id)]!, decode: committed.decode }).score);
for (const it of check) scores.set(it, Float64Array.from(scoreBlocks(it.doc, committed).score));

interface Cand { index: number; x: Float64Array; y: number; w: number }
const cands = new Map<Item, Cand[]>();
for (const it of [...tune, ...check]) {
  const doc = { ...it.doc, lines: it.doc.lines.map((l) => ({ ...l })), meta: { ...it.doc.meta }, messages: [] };
  const score = scores.get(it)!;
  locateScored(score, decode).apply(doc);
  const out: Cand[] = [];
  if (!doc.noArticle && doc.core) {
    const sand = new Set(doc.sandwiched);
    const stays = (j: number) => doc.lines[j]!.drop === null || sand.has(j);
    for (let i = doc.start; i < doc.end; i++) {
      if (process.env.KEPT ? !stays(i) : doc.lines[i]!.drop !== "locate-article" || sand.has(i)) continue;
      if (process.env.BOUNDED) {
        const [c0, c1] = doc.core;
        let a = i - 1, b = i + 1;
        while (a >= c0 && !stays(a)) a--;
        while (b < c1 && !stays(b)) b++;
        if (a < c0 || b >= c1) continue;
      }
      const l = innerLabels.get(it.page)![i]!;
      out.push({ index: i, x: innerRow(doc, score, i, [doc.start, doc.end], doc.core, stays), y: l === 1 || (l === 2 && !process.env.NOSPAN) || l === 3 ? 1 : l === 0 || l === 4 ? 0 : -1, w: (process.env.SIZE === 'one' ? 1 : Math.sqrt(1 + doc.lines[i]!.words)) * (it.page.set === "webpages" ? Number(process.env.W ?? 3) : 1) });
    }
  }
  cands.set(it, out);
}
const innerFold = (id: string) => createHash("sha256").update(`inner-line:${id}`).digest()[0]! % 4;
const examples = (items: Item[]): Example[] => items.flatMap((it) => cands.get(it)!.filter((c) => c.y >= 0).map((c) => ({ x: c.x, y: c.y as 0 | 1, weight: c.w })));
const keepF = process.env.FEATS ? process.env.FEATS.split(",") : [...INNER_FEATURES];
const fidx = keepF.map((f) => (INNER_FEATURES as readonly string[]).indexOf(f));
for (const c of [...cands.values()].flat()) c.x = Float64Array.from(fidx, (j) => c.x[j]!);
const features = keepF;
const kind = process.env.MODEL ?? "logistic";
const fit = (items: Item[]): ((x: Float64Array) => number) => {
  if (kind === "logistic") {
    const m = trainLogistic(examples(items), { name: "inner", features, l2: 2 });
    return (x) => logit(m, x);
  }
  const m = trainBoosted(examples(items), { name: "inner", features, rounds: Number(process.env.ROUNDS ?? 100), rate: 0.1, minLeaf: 20 });
  return (x) => boostedLogit(m, x);
};
const ex = examples(tune);
console.log(`candidates tune ${ex.length} (${ex.filter((e) => e.y === 1).length} article), check ${examples(check).length} (${examples(check).filter((e) => e.y === 1).length})`);
const innerFolds = Array.from({ length: 4 }, (_, k) => fit(tune.filter((i) => innerFold(i.page.id) !== k)));
const full = fit(tune);
// A hand rule on the raw features, to compare with (index into INNER_FEATURES, no FEATS).
const rule = (x: Float64Array): number => (process.env.RULE === 'core' ? (x[1] ? x[0]! : -99) : process.env.RULE === 'bounded' ? (x[1] && x[6]! < 5 && x[7]! < 5 ? x[0]! : -99) : x[0]!);
const z = new Map<Item, number[]>();
for (const it of tune) z.set(it, cands.get(it)!.map((c) => (process.env.ORACLE ? (c.y === 1 ? 10 : -10) : process.env.RULE ? rule(c.x) : innerFolds[innerFold(it.page.id)]!(c.x))));
for (const it of check) z.set(it, cands.get(it)!.map((c) => (process.env.ORACLE ? (c.y === 1 ? 10 : -10) : process.env.RULE ? rule(c.x) : full(c.x))));
{
  let pairs: [number, number][] = [];
  for (const it of tune) cands.get(it)!.forEach((c, k) => c.y >= 0 && pairs.push([z.get(it)![k]!, c.y]));
  const auc = (ps: [number, number][]) => { const pos = ps.filter((p) => p[1] === 1).map((p) => p[0]), neg = ps.filter((p) => p[1] === 0).map((p) => p[0]); let a = 0; for (const p of pos) for (const n of neg) a += p > n ? 1 : p === n ? 0.5 : 0; return a / (pos.length * neg.length); };
  const base: [number, number][] = [];
  for (const it of tune) cands.get(it)!.forEach((c) => c.y >= 0 && base.push([c.x[0]!, c.y]));
  console.log(`OOF AUC tune ${auc(pairs).toFixed(3)} (first feature alone ${auc(base).toFixed(3)})`);
  pairs = [];
  for (const it of check) cands.get(it)!.forEach((c, k) => c.y >= 0 && pairs.push([z.get(it)![k]!, c.y]));
  console.log(`AUC check ${auc(pairs).toFixed(3)}`);
}
const cuts = JSON.parse(process.env.CUTS ?? "[1e9, 2, 1.5, 1, 0.5, 0, -0.5, -1]") as number[];
for (const cut of cuts) {
  const rules = (it: Item): CleanRule[] => [
    {
      name: "locate-article",
      apply: (doc) => {
        locateScored(scores.get(it)!, decode).apply(doc);
        const zs = z.get(it)!;
        cands.get(it)!.forEach((c, k) => (process.env.KEPT ? zs[k]! < -cut && (doc.lines[c.index]!.drop = "locate-article") : zs[k]! >= cut && doc.sandwiched.push(c.index)));
      },
    },
    ...after,
  ];
  const f = (list: Item[]) => {
    const o = objective(list, rules);
    return `ext ${o.extraction.toFixed(4)} web ${o.webpages.toFixed(4)} mean ${o.mean.toFixed(4)}`;
  };
  console.log(`cut ${String(cut).padEnd(5)} tune ${f(tune)} | check ${f(check)}`);
}
