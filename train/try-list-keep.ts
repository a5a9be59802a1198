// `npx tsx train/try-list-keep.ts`: keep-list-lines' trials (tx52, issue 8; src/clean/rules/list-lines.ts).
// The lines locate-article sets aside inside the run (as try-inner-keep.ts) and the page-footer lines within
// BELOW (default 15) under it are judged by a logistic model over their features (listLineRows); kept ones
// join `TextDoc.sandwiched` (a line under the run extends it), then the real rules run. New beside
// try-inner-keep: the SIBLING features, what lists and tables inside an article share and single furniture
// lines do not: how many lines near it carry the same label before a colon ("Q:", "Breakfast:") and how
// many of those stay, how many within ten lines have the same word classes (digits, capitals, lower case:
// table rows), the line's digit and number shares, whether the line above that stays ends with a colon,
// and whether it sits under the run and how far. Tuning half out of fold twice over (block scores from the
// fold models, the keep model fitted on the other folds' candidates); CHECK=1 the checking half with the
// committed block models and the model fitted on all tuning candidates (run once, at the tuning pick).
// Knobs: BELOW=<lines> (0: inside the run only), SIB=0 (without the ten sibling and place features), L2,
// BARS='[2]' the log-odds bars, ONLY1, WEIGHT=words|page, SCOPE=1, ORACLE=1 (LIST=1) as in try-inner-keep.
// tx52 (stop 52, load 13-18; ~15 s CPU a run). Tuning out of fold, ext / web (mean); base .9540 / .9014 (.9277):
//   BELOW=0 SIB=0 (try-inner-keep's features)   bar 1 / 2 / 3: .9195 / .9243 / .9268 (31 kept): never gains
//   BELOW=0 SIB=1                               bar 1 / 2 / 3: .9264 / .9291 / .9292 (.9569 / .9015, 136)
//   BELOW=30 SIB=0                              bar 1 / 2 / 3: .9248 / .9260 / .9277 (29 kept, = base)
//   BELOW=15 SIB=1                              bar 1 / 1.5 / 2 / 2.5 / 3: .9277 / .9282 / .9302 (.9557 / .9047,
//                                               162 kept) / .9299 / .9292
//   BELOW=30 SIB=1                              bar 1.5 / 2 / 2.5: .9278 / .9298 / .9301; BELOW=60 bar 2 .9290
//   BELOW=15 L2=3                               bar 1.5 / 2 / 2.5: .9292 / .9307 / .9298
//   ORACLE BELOW=30: ext .9700 (R .9862), web .9181: the lines under the run hold most of extraction's ceiling
//   (try-inner-keep's inner-only ceiling was .9555).
// The sibling features are what makes a keep gain at all (SIB=0 never passes the base, as tx39 and rc46
// found); the window under the run adds webpages. Pick BELOW=15, bar 2, L2 1 (train/list-lines.ts).
// CHECK=1 at the pick: base .9296 / .8929 (.9112) -> .9326 / .8942 (.9134), 100 lines kept: both sets gain.
// Shipped as keep-list-lines (short-line and gate models as before: settling them measured and dropped,
// train/list-lines.ts). tx52's figures, tuning · checking, before -> after:
//   eval:clean text dumps   extraction-dev F1 .950 · .929 -> .953 · .932; webpages-dev .909 · .900 -> .909 · .901;
//                           HTML unchanged (.971 · .962, .951 · .933)
//   try-text-figures        with URL ext .9503 · .9294 -> .9531 · .9324, web .9087 · .8995 -> .9089 · .9008;
//                           without URL ext .9549 · .9329 -> .9577 · .9356, web .9024 · .8871 -> .9026 · .8884
//   pages that move         tuning 3 (the Q&A list +.063, one webpages page up, one down); checking 8 of 11 up
//                           (the meal plan .384 -> .604, a table page +.022; webpages 2 up, 1 down)
//   eval:headlines          identical, page for page; eval:dates text 87.2% · 87.9% shipped, 88.4% · 86.2%
//                           tuning weights (unchanged after train:dates); text cleaning CPU within noise.
// The .950 · .929 gap: extraction-dev's halves are 21 and 40 pages; page-mean F1 .948 · .922 (sd .057 / .120):
// a difference of 1.2 standard errors. The checking half has the heavier tail (10 of 40 pages under .9,
// 3 of 21 tuning), led by two list/table articles (a meal plan, a standings table: .384 and .545 cost .027 of
// its mean) of a kind the tuning half holds one of (the Q&A list); without each half's two worst pages the
// means are .961 · .946. Sampling and one class of page, not a tuning-half overfit of the rules.
import { blockModels, scoreBlocks } from "../src/clean/block-model.ts";
import { locateScored } from "../src/clean/rules/locate.ts";
import { LIST_LINES_BELOW, LIST_LINES_FEATURES, keepListLine, listLineRows } from "../src/clean/rules/list-lines.ts";
import { finish } from "../src/clean/text.ts";
import { logit, type LogisticModel } from "../src/model/logistic.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus } from "../eval/lib/extraction-score.ts";
import { trainBlocks } from "./train-clean.ts";
import { FOLDS, foldOf, type Item } from "./lib/clean-items.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { rulesAfterLocate, textItemsByHalf } from "./lib/text-items.ts";
import type { TextDoc } from "../src/clean/doc.ts";

const BELOW = Number(process.env.BELOW ?? LIST_LINES_BELOW);
const SIBLINGS = process.env.SIB !== "0";
const NAMES = LIST_LINES_FEATURES.slice(SIBLINGS ? 0 : 10);
// Without keep-list-lines itself: this script is where its candidates are judged.
const after = rulesAfterLocate().filter((r) => r.name !== "keep-list-lines");
const { tune, check } = textItemsByHalf(true);
const folds: Parameters<typeof trainBlocks>[2] = [];
trainBlocks(tune.filter((i, k, a) => a.findIndex((j) => j.page.id === i.page.id) === k), "text", folds);
const committed = blockModels(false);
const decode = committed.decode;

function clone(doc: TextDoc): TextDoc {
  return { ...doc, lines: doc.lines.map((l) => ({ ...l })), meta: { ...doc.meta }, messages: [], scores: null, noArticle: null, core: null, sandwiched: [], head: [] };
}
const SIB_COLUMNS = 10;
/** The candidates and their features as keep-list-lines reads them (SIB=0: without the first ten, the sibling and place features). */
function candidates(doc: TextDoc, score: Float64Array): { i: number; x: number[] }[] {
  return listLineRows(doc, score, BELOW).map((r) => ({ i: r.index, x: SIBLINGS ? r.x : r.x.slice(SIB_COLUMNS) }));
}

interface Located { it: Item; doc: TextDoc; score: Float64Array; cands: { i: number; x: number[] }[] }
function locateAll(items: Item[], models: (it: Item) => Parameters<typeof scoreBlocks>[1]): Located[] {
  return items.map((it) => {
    const scored = scoreBlocks(it.doc, models(it));
    const score = Float64Array.from(scored.score);
    const doc = clone(it.doc);
    locateScored(score, decode).apply(doc);
    return { it, doc, score, cands: candidates(doc, score) };
  });
}
function examplesOf(located: Located[]): Example[] {
  const ex: Example[] = [];
  for (const p of located) for (const c of p.cands) {
    const y = p.it.labels[c.i]!;
    const weight = process.env.WEIGHT === "words" ? Math.max(1, p.doc.lines[c.i]!.words) : process.env.WEIGHT === "page" ? 1 / p.cands.length : 1;
    if (y === 1 || (y === 2 && !process.env.ONLY1)) ex.push({ x: c.x, y: 1, weight });
    else if (y === 0 || y === 5) ex.push({ x: c.x, y: 0, weight });
  }
  return ex;
}
const fit = (ex: Example[]): LogisticModel => trainLogistic(ex, { name: "clean/inner-keep", features: NAMES, l2: Number(process.env.L2 ?? 1) });

/** The dev sets' figures when the lines `extra` picks on each page are kept as sandwiched lines. */
function figuresWith(located: Located[], extra: (p: Located) => number[]): string {
  const ext = [], web = [];
  let kept = 0;
  for (const p of located) {
    const doc = clone(p.doc);
    doc.sandwiched = [...p.doc.sandwiched];
    doc.start = p.doc.start, doc.end = p.doc.end, doc.core = p.doc.core, doc.noArticle = p.doc.noArticle, doc.scores = p.score;
    for (const i of extra(p)) keepListLine(doc, i), kept++;
    for (const r of after) r.apply(doc);
    const res = finish(doc);
    const body = res.rejected ? "" : res.paragraphs.join("\n\n");
    if (p.it.page.set === "extraction") ext.push(scorePage(body, p.it.page.truth!));
    else web.push(scoreSnippets(body, p.it.page.with ?? [], p.it.page.without ?? []));
  }
  const e = scoreCorpus(ext), w = snippetCorpus(web);
  return `ext F1 ${e.f1.toFixed(4)} (P ${e.precision.toFixed(4)} R ${e.recall.toFixed(4)}) web F1 ${w.f1.toFixed(4)} (P ${w.precision.toFixed(4)} R ${w.recall.toFixed(4)}) mean ${((e.f1 + w.f1) / 2).toFixed(4)} kept ${kept}`;
}
function figures(located: Located[], keep: (p: Located) => LogisticModel | null, bar: number): string {
  return figuresWith(located, (p) => {
    const m = keep(p);
    return m ? p.cands.filter((c) => logit(m, c.x) >= bar).map((c) => c.i) : [];
  });
}

const tuneLoc = locateAll(tune, (it) => ({ ...folds[foldOf(it.page.id)]!, decode }));
const perFold = Array.from({ length: FOLDS }, (_, k) => fit(examplesOf(tuneLoc.filter((p) => foldOf(p.it.page.id) !== k))));
const all = examplesOf(tuneLoc);
console.log(`tuning candidates ${all.length} (article ${all.filter((e) => e.y === 1).length})`);
const full = fit(all);
console.log(full.features.map((f, j) => `${f} ${full.weights[j]!.toFixed(2)}`).join(", "), `bias ${full.bias.toFixed(2)}`);
console.log(`tune OOF base      ${figures(tuneLoc, () => null, 0)}`);
const BARS: number[] = JSON.parse(process.env.BARS ?? "[0,1,2,3]");
for (const bar of BARS) console.log(`tune OOF keep >=${bar}  ${figures(tuneLoc, (p) => perFold[foldOf(p.it.page.id)]!, bar)}`);
if (process.env.CHECK) {
  const checkLoc = locateAll(check, () => committed);
  console.log(`check base         ${figures(checkLoc, () => null, 0)}`);
  for (const bar of BARS) console.log(`check keep >=${bar}    ${figures(checkLoc, () => full, bar)}`);
}

// The sandwich rule (a weak line between two staying lines) outside the core too: below it, or over the whole run.
function scoped(p: Located, where: "below" | "run", floor: number): number[] {
  const { doc, score } = p;
  if (!doc.core) return [];
  const stays = (j: number) => j >= doc.start && j < doc.end && doc.lines[j]!.drop === null && score[j]! >= decode.inner;
  return p.cands.filter((c) => (where === "run" ? c.i < doc.core![0] || c.i >= doc.core![1] : c.i >= doc.core![1]) && score[c.i]! >= floor && stays(c.i - 1) && stays(c.i + 1)).map((c) => c.i);
}
function scopeFigures(located: Located[], where: "below" | "run", floor: number): string {
  return figuresWith(located, (p) => scoped(p, where, floor));
}
if (process.env.SCOPE) for (const where of ["below", "run"] as const) for (const floor of [-0.5, -1, -1.5, -2]) console.log(`tune OOF sandwich ${where} ${floor}  ${scopeFigures(tuneLoc, where, floor)}`);
// Ceiling (ORACLE=1): every candidate labelled article kept (what later rules still drop, listed with LIST=1).
if (process.env.ORACLE) {
  const ext = [], web = [];
  const redropped: Record<string, number> = {};
  for (const p of tuneLoc) {
    const doc = clone(p.doc);
    doc.sandwiched = [...p.doc.sandwiched];
    doc.start = p.doc.start, doc.end = p.doc.end, doc.core = p.doc.core, doc.noArticle = p.doc.noArticle, doc.scores = p.score;
    const gold = p.cands.filter((c) => p.it.labels[c.i] === 1).map((c) => c.i);
    for (const i of gold) keepListLine(doc, i);
    for (const r of after) r.apply(doc);
    for (const i of gold) {
      const why = i <= doc.title ? "above-title" : doc.lines[i]!.drop ?? "kept";
      redropped[why] = (redropped[why] ?? 0) + 1;
      if (process.env.LIST) console.log(`  ${p.it.page.set.slice(0, 3)} ${p.it.page.id.slice(0, 8)} ${i} ${why} s=${p.score[i]!.toFixed(2)} ${doc.lines[i]!.text.slice(0, 80)}`);
    }
    const res = finish(doc);
    const body = res.rejected ? "" : res.paragraphs.join("\n\n");
    if (p.it.page.set === "extraction") ext.push(scorePage(body, p.it.page.truth!));
    else web.push(scoreSnippets(body, p.it.page.with ?? [], p.it.page.without ?? []));
  }
  const e = scoreCorpus(ext), w = snippetCorpus(web);
  console.log(`tune OOF oracle ext F1 ${e.f1.toFixed(4)} (R ${e.recall.toFixed(4)}) web F1 ${w.f1.toFixed(4)} (R ${w.recall.toFixed(4)})`, redropped);
}
