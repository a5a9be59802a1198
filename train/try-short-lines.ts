// `npx tsx train/try-short-lines.ts`: the learned part of short-line-context (train:clean's step 4,
// train/short-lines.ts) against the hand rule alone, on text dumps. Trains on the tuning half as
// train:clean does, writes nothing, and prints the tuning half out-of-fold (what the cut is chosen
// by) beside the checking half (what says whether it holds), with and without URLs, for every cut.
//   SETTINGS='{"rounds":50}'  options of train/short-lines.ts (shortLineDefaults)
//   SILVER=0        without the HTML path's labels for webpages-dev's unlabelled lines
//   PERTURB=k       leaves out about an eighth of the tuning pages (block folds and short-line model)
//   DIFF=check|tune the pages that move most at the first cut; SET=extraction|webpages picks one set
import { createHash } from "node:crypto";
import { trainBlocks } from "./train-clean.ts";
import { labelsOf, prepared, type Item } from "./lib/clean-items.ts";
import { SHORT_CUTS, cleanedBody, fitShortLines, shortFoldOf, shortLineDefaults, shortLineExamples, shortLineFigures, shortLineItems } from "./short-lines.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { handShortLineContext } from "../src/clean/rules/context.ts";
import { shortLineRule } from "../src/clean/rules/short-lines.ts";
import { blockModels, type BlockModels } from "../src/clean/block-model.ts";
import { headlineModels } from "../src/clean/headline-model.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { scorePage, scoreSnippets, snippetPageF1 } from "../eval/lib/extraction-score.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";

const options = { ...shortLineDefaults, ...JSON.parse(process.env.SETTINGS ?? "{}") };
const cuts = process.env.T ? process.env.T.split(",").map(Number) : SHORT_CUTS;
const locateAt = defaultRules.findIndex((r) => r.name === "locate-article");
const contextAt = defaultRules.findIndex((r) => r.name === "short-line-context");
const perturb = process.env.PERTURB || undefined; // PERTURB="" is no perturbation
const perturbed = (id: string): boolean => perturb !== undefined && createHash("sha256").update(`perturb:${perturb}:${id}`).digest()[0]! % 8 === 0;

const seen = new Set<string>();
const all = [...loadExtraction(), ...loadWebpages()].filter((p) => !seen.has(p.id) && seen.add(p.id));
const tunePages = all.filter((p) => p.half === "tune" && !perturbed(p.id));
const blockItems: Item[] = [];
for (const page of tunePages) {
  const doc = prepared(page, "text");
  if (doc) blockItems.push({ page, path: "text", doc, labels: labelsOf(page, doc) });
}
const blockFolds: Omit<BlockModels, "decode">[] = [];
trainBlocks(blockItems, "text", blockFolds);
// A trial on the committed models: their HTML blocks for the silver labels, their headline, their decode.
const silver = process.env.SILVER !== "0" ? blockModels(true) : null;
const headline = headlineModels();
const decode = blockModels(false).decode;
const tuneWith = shortLineItems(tunePages, blockFolds, decode, { silver, urls: [true], headline });
const tuneWithout = shortLineItems(tunePages, blockFolds, decode, { silver, urls: [false], headline });
const tune = [...tuneWith, ...tuneWithout];

/** A checking page as short-line-context finds it in the product: the committed models. */
function ready(page: DevPage): Item | null {
  const doc = prepared(page, "text");
  if (!doc) return null;
  for (const rule of defaultRules.slice(locateAt, contextAt)) rule.apply(doc);
  return { page, path: "text", doc, labels: labelsOf(page, doc) };
}
const known = (i: Item | null): i is Item => i !== null;
const checkPages = all.filter((p) => p.half === "check");
const checkWith = checkPages.map((p) => ready(p)).filter(known);
const checkWithout = checkPages.map((p) => ready({ ...p, url: null })).filter(known);

const show = (lists: [Item[], Item[]], rule: (item: Item) => CleanRule): string => {
  const one = (list: Item[]) => {
    const f = shortLineFigures(list, rule);
    return `ext ${f.extraction.toFixed(3)} web ${f.webpages.toFixed(3)}`;
  };
  return `${one(lists[0])} | without URL ${one(lists[1])}`;
};

const model = fitShortLines(tune, options);
const folds = Array.from({ length: 4 }, (_, k) => fitShortLines(tune.filter((i) => shortFoldOf(i.page.id) !== k), options));
const examples = shortLineExamples(tune, options);
console.log(`settings ${JSON.stringify(options)}; ${examples.length} labelled short lines (${examples.filter((e) => e.y === 1).length} article)`);
console.log(`HAND | tune ${show([tuneWith, tuneWithout], () => handShortLineContext)} | check ${show([checkWith, checkWithout], () => handShortLineContext)}`);
const oofRule = (cut: number) => (i: Item) => shortLineRule(() => ({ model: folds[shortFoldOf(i.page.id)]!, cut }));
const fullRule = (cut: number) => () => shortLineRule(() => ({ model, cut }));
for (const cut of cuts) console.log(`LEARNED cut ${cut} | tune out-of-fold ${show([tuneWith, tuneWithout], oofRule(cut))} | check ${show([checkWith, checkWithout], fullRule(cut))}`);

if (process.env.DIFF) {
  const tuning = process.env.DIFF === "tune";
  const list = (tuning ? tuneWith : checkWith).filter((i) => !process.env.SET || i.page.set === process.env.SET);
  const f1 = (i: Item, text: string) => (i.page.set === "extraction" ? scorePage(text, i.page.truth!).f1 : snippetPageF1(scoreSnippets(text, i.page.with ?? [], i.page.without ?? [])));
  const learned = (i: Item) => (tuning ? oofRule(cuts[0]!)(i) : fullRule(cuts[0]!)());
  const moves = list.map((i) => ({ i, a: f1(i, cleanedBody(i, handShortLineContext)), b: f1(i, cleanedBody(i, learned(i))) })).sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a));
  for (const m of moves.slice(0, 12)) console.log(`${m.i.page.set} ${m.i.page.id} hand ${m.a.toFixed(3)} learned ${m.b.toFixed(3)}`);
}
