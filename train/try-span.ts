// `npx tsx train/try-span.ts`: a second text block model for WHERE the article runs, beside the one for
// WHAT is article text (tx42, issue 8). The committed block model learns "article text or not", and
// locate-article's run is the best run of those log-odds: a byline, date and share row between a
// standfirst and the body count against the run as much as a menu does, though they lie inside the
// article's span. Here a span model (same features, same two steps) learns "between the article's first
// and last line" (extraction-dev: first and last line the true body holds; webpages-dev: first and last
// line holding a must-have snippet, and must-not lines outside them as outside), and the run is decoded
// from a mix of the two models' log-odds (MIX: the span model's share); the inner cut stays on the
// article model's. Out-of-fold scores of both models on the tuning pages (four folds by id hash),
// models on all tuning pages for the checking half; the decode grid is chosen on the tuning half.
// V='[{"mix":0.5,"bias":-2}]' overrides; writes nothing.
// tx42 (with URL, learned short-line rule; mix 0 = committed decode: tuning .9525 / .9035 (.9280), checking
// .9296 / .8938 (.9117)): the span model (16,930 of 21,481 labelled lines inside) over mix 0.25-1 x bias -3..0
// x patience 3/6/10: tuning .9132-.9251 (best mix 0.25, bias -2, patience 3: .9533 / .8969), checking
// .9003-.9130 (mix 0.25, bias -1: .9296 / .8964). No mix beats the committed run on the tuning half; webpages
// lose most (a span model widens the run over teasers and comment forms as readily as over a byline row).
import { blockModels, scoreBlocks, type BlockModels, type DecodeSettings } from "../src/clean/block-model.ts";
import { localFeatures } from "../src/clean/block-features.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { locateScored } from "../src/clean/rules/locate.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";
import { fitBlocks, objective, trainBlocks } from "./train-clean.ts";
import { textItemsByHalf } from "./lib/text-items.ts";
import { foldOf, type Item } from "./lib/clean-items.ts";

const locateAt = defaultRules.findIndex((r) => r.name === "locate-article");
const after = defaultRules.slice(locateAt + 1);
const { tune, check } = textItemsByHalf(process.env.URL !== "0");

/** 1 inside the article's span, 0 outside, -1 unknown (labels as `labelsOf` gives them). */
function spanLabels(item: Item): Int8Array {
  const y = item.labels;
  const out = new Int8Array(y.length).fill(-1);
  const isArticle = (v: number) => v === 1;
  let first = -1, last = -1;
  for (let i = 0; i < y.length; i++) if (isArticle(y[i]!)) (first < 0 && (first = i), (last = i));
  if (first < 0) return out;
  if (item.page.set === "extraction") {
    for (let i = 0; i < y.length; i++) out[i] = i >= first && i <= last ? 1 : 0;
  } else {
    for (let i = 0; i < y.length; i++) {
      if (i >= first && i <= last) out[i] = 1;
      else if (y[i] === 0) out[i] = 0;
    }
  }
  return out;
}

const uniq = (list: Item[]) => list.filter((i, k, a) => a.findIndex((j) => j.page.id === i.page.id) === k);
const tuneUnique = uniq(tune);
const folds: Parameters<typeof trainBlocks>[2] = [];
const articleAll = trainBlocks(tuneUnique, "text", folds);
const spanItems = tuneUnique.map((it) => ({ ...it, labels: spanLabels(it) }));
const rows = new Map<Item, Float64Array[]>();
for (const it of spanItems) rows.set(it, localFeatures(it.doc, false));
const spanFolds = [0, 1, 2, 3].map((k) => fitBlocks(spanItems.filter((i) => foldOf(i.page.id) !== k), "text", rows, false));
const spanAll = fitBlocks(spanItems, "text", rows, true);
const committed = blockModels(false);
const unused = committed.decode;
const art = new Map<Item, Float64Array>(), span = new Map<Item, Float64Array>();
const foldOfItem = (it: Item) => foldOf(it.page.id);
for (const it of tune) {
  art.set(it, Float64Array.from(scoreBlocks(it.doc, { ...folds[foldOfItem(it)]!, decode: unused }).score));
  span.set(it, Float64Array.from(scoreBlocks(it.doc, { ...spanFolds[foldOfItem(it)]!, decode: unused }).score));
}
const ART = process.env.ART === "committed" ? committed : ({ ...articleAll } as BlockModels);
for (const it of check) {
  art.set(it, Float64Array.from(scoreBlocks(it.doc, ART).score));
  span.set(it, Float64Array.from(scoreBlocks(it.doc, { ...spanAll, decode: unused }).score));
}

interface Variant extends Partial<DecodeSettings> {
  /** The span model's share of the run's log-odds (0: the committed decode). */
  mix?: number;
}

function locateMixed(item: Item, v: Variant, decode: DecodeSettings): CleanRule {
  const a = art.get(item)!, s = span.get(item)!;
  const mix = v.mix ?? 0;
  const runScore = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) runScore[i] = mix * s[i]! + (1 - mix) * a[i]!;
  return locateScored(a, decode, runScore);
}

const base = articleAll.decode;
const variants: Variant[] = JSON.parse(process.env.V ?? "null") ?? [
  {},
  ...[0.25, 0.5, 0.75, 1].flatMap((mix) => [-3, -2, -1, 0].flatMap((bias) => [3, 6, 10].map((patience) => ({ mix, bias, patience })))),
];
const results: { v: Variant; t: ReturnType<typeof objective>; c: ReturnType<typeof objective> }[] = [];
for (const v of variants) {
  const decode = { ...base, ...v };
  const t = objective(tune, (it) => [locateMixed(it, v, decode), ...after]);
  const c = objective(check, (it) => [locateMixed(it, v, decode), ...after]);
  results.push({ v, t, c });
  const f = (o: ReturnType<typeof objective>) => `ext ${o.extraction.toFixed(4)} web ${o.webpages.toFixed(4)} mean ${o.mean.toFixed(4)}`;
  console.log(`${JSON.stringify(v).padEnd(44)} tune ${f(t)} | check ${f(c)}`);
}
const best = results.reduce((b, r) => (r.t.mean > b.t.mean + 1e-9 ? r : b));
console.log(`best on tuning: ${JSON.stringify(best.v)} tune ${best.t.mean.toFixed(4)} check ${best.c.extraction.toFixed(4)} / ${best.c.webpages.toFixed(4)} (${best.c.mean.toFixed(4)})`);
