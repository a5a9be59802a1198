// `npx tsx train/try-short-lines.ts`: the learned short-line rule (train/short-lines.ts) against the
// hand rule short-line-context, on text dumps. Trains on the tuning half, writes nothing, and prints
// the tuning half out-of-fold (what a choice is made by) beside the checking half (what says whether
// it holds), with and without URLs, for each decision cut in T (default "0,0.5").
//   SETTINGS='{"model":"logistic"}'  options of train/short-lines.ts (shortLineDefaults)
//   MODE=rescue     the model may only keep lines the hand rule drops (default: it decides alone)
//   OOF=0           tuning pages' block scores from the committed block models (fitted on them) instead
//                   of fold models fitted without them, as unseen pages get
//   SILVER=0        without the HTML path's labels for webpages-dev's unlabelled lines
//   PERTURB=k       leaves out about an eighth of the tuning pages (block folds and short-line model)
//   DIFF=check|tune the pages that move most, SET=extraction|webpages to pick one set
import { createHash } from "node:crypto";
import { foldOf, labelsOf, prepared, trainBlocks, type Item } from "./train-clean.ts";
import { fitShortLines, shortLineDefaults, shortLineExamples, shortLineRule, silverLabels, type ShortLineModel } from "./short-lines.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { locateWith } from "../src/clean/rules/locate.ts";
import { blockModels, type BlockModels } from "../src/clean/block-model.ts";
import { loadExtraction, loadWebpages, type DevPage } from "../eval/lib/clean-corpus.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus, snippetPageF1 } from "../eval/lib/extraction-score.ts";
import { finish } from "../src/clean/text.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";

const options = { ...shortLineDefaults, ...JSON.parse(process.env.SETTINGS ?? "{}") };
const mode = process.env.MODE === "rescue" ? "rescue" : "replace";
const cuts = (process.env.T ?? "0,0.5").split(",").map(Number);
const locateAt = defaultRules.findIndex((r) => r.name === "locate-article");
const contextAt = defaultRules.findIndex((r) => r.name === "short-line-context");
const upTo = defaultRules.slice(locateAt, contextAt);
const afterContext = defaultRules.slice(contextAt + 1);
const hand = defaultRules[contextAt]!;
const perturb = process.env.PERTURB;
const perturbed = (id: string): boolean => perturb !== undefined && createHash("sha256").update(`perturb:${perturb}:${id}`).digest()[0]! % 8 === 0;
const FOLDS = 4;
const innerFold = (id: string): number => createHash("sha256").update(`short:${id}`).digest()[0]! % FOLDS;

const seen = new Set<string>();
const all = [...loadExtraction(), ...loadWebpages()].filter((p) => !seen.has(p.id) && seen.add(p.id));

// The tuning pages' block scores from fold models fitted without them, as unseen pages get theirs.
const blockFolds: Omit<BlockModels, "decode">[] = [];
const committed = blockModels(false);
if (process.env.OOF !== "0") {
  const items: Item[] = [];
  for (const page of all.filter((p) => p.half === "tune" && !perturbed(p.id))) {
    const doc = prepared(page, "text");
    if (doc) items.push({ page, path: "text", doc, labels: labelsOf(page, doc) });
  }
  trainBlocks(items, "text", blockFolds);
}

/** The page's document as short-line-context finds it. */
function ready(page: DevPage): Item | null {
  const doc = prepared(page, "text");
  if (!doc) return null;
  const labels = labelsOf(page, doc);
  const tune = page.half === "tune";
  if (tune && process.env.SILVER !== "0") silverLabels(page, doc, labels);
  const rules = tune && blockFolds.length ? [locateWith({ ...blockFolds[foldOf(page.id)]!, decode: committed.decode }), ...upTo.slice(1)] : upTo;
  for (const rule of rules) rule.apply(doc);
  return { page, path: "text", doc, labels };
}

function cloneDoc(doc: TextDoc): TextDoc {
  return { ...doc, lines: doc.lines.map((l) => ({ ...l })), meta: { ...doc.meta }, messages: [] };
}

function bodyOf(item: Item, rule: CleanRule): string {
  const doc = cloneDoc(item.doc);
  for (const r of [rule, ...afterContext]) r.apply(doc);
  const f = finish(doc);
  return f.rejected ? "" : f.paragraphs.join("\n\n");
}

function figures(items: Item[], rule: (item: Item) => CleanRule): string {
  const ext = scoreCorpus(items.filter((i) => i.page.set === "extraction").map((i) => scorePage(bodyOf(i, rule(i)), i.page.truth!))).f1;
  const web = snippetCorpus(items.filter((i) => i.page.set === "webpages").map((i) => scoreSnippets(bodyOf(i, rule(i)), i.page.with ?? [], i.page.without ?? []))).f1;
  return `ext ${ext.toFixed(3)} web ${web.toFixed(3)}`;
}

const lists: Record<"tune" | "tuneNoUrl" | "check" | "checkNoUrl", Item[]> = { tune: [], tuneNoUrl: [], check: [], checkNoUrl: [] };
const add = (list: Item[], page: DevPage) => {
  const item = ready(page);
  if (item) list.push(item);
};
for (const page of all) {
  if (page.half === "tune") {
    if (perturbed(page.id)) continue;
    add(lists.tune, page);
    add(lists.tuneNoUrl, { ...page, url: null });
  } else {
    add(lists.check, page);
    add(lists.checkNoUrl, { ...page, url: null });
  }
}
// Each tuning page with its URL and without: the URL changes the block scores the model reads.
const train = [...lists.tune, ...lists.tuneNoUrl];
const model = fitShortLines(train, options);
const folds: ShortLineModel[] = Array.from({ length: FOLDS }, (_, k) => fitShortLines(train.filter((i) => innerFold(i.page.id) !== k), options));
const examples = shortLineExamples(train, options);
console.log(`settings ${JSON.stringify(options)} mode ${mode}; ${examples.length} labelled short lines (${examples.filter((e) => e.y === 1).length} article)`);
console.log(`HAND | tune ${figures(lists.tune, () => hand)} | tune without URL ${figures(lists.tuneNoUrl, () => hand)} | check ${figures(lists.check, () => hand)} | check without URL ${figures(lists.checkNoUrl, () => hand)}`);
for (const cut of cuts) {
  const oof = (i: Item) => shortLineRule(folds[innerFold(i.page.id)]!, cut, mode);
  const all = () => shortLineRule(model, cut, mode);
  console.log(
    `LEARNED cut ${cut} | tune out-of-fold ${figures(lists.tune, oof)} | tune without URL ${figures(lists.tuneNoUrl, oof)} | check ${figures(lists.check, all)} | check without URL ${figures(lists.checkNoUrl, all)}`,
  );
}
if (process.env.DIFF) {
  const tuning = process.env.DIFF === "tune";
  const list = (tuning ? lists.tune : lists.check).filter((i) => !process.env.SET || i.page.set === process.env.SET);
  const f1 = (i: Item, body: string) => (i.page.set === "extraction" ? scorePage(body, i.page.truth!).f1 : snippetPageF1(scoreSnippets(body, i.page.with ?? [], i.page.without ?? [])));
  const learned = (i: Item) => shortLineRule(tuning ? folds[innerFold(i.page.id)]! : model, cuts[0], mode);
  const moves = list.map((i) => ({ i, a: f1(i, bodyOf(i, hand)), b: f1(i, bodyOf(i, learned(i))) })).sort((x, y) => Math.abs(y.b - y.a) - Math.abs(x.b - x.a));
  for (const m of moves.slice(0, 12)) console.log(`${m.i.page.set} ${m.i.page.id} hand ${m.a.toFixed(3)} learned ${m.b.toFixed(3)}`);
}
