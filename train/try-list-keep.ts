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
// tx53 (stop 53, load 14-26), two trials toward the tuning side's weak lists (the Q&A page keeps few of its
// quick-fire lines; ORACLE=1 LIST=1 puts 48 of the 72 article candidates the oracle keeps on three extraction
// pages: a recipe's ingredients, the Q&A, an event's info box):
//   ROUNDS=2 (keep-trial.ts: the candidates again with the first round's kept lines standing as lines that stay,
//            the same model; a kept list item counts for its siblings' "kept" features): bar 2 tuning OOF
//            .9557 / .9047 (kept 162 -> 186), checking .9326 / .8942 (100 -> 114): the same figures to four
//            places; bar 1 checking .9331 / .8933 -> .9335 / .8935. The added keeps do not move F1. Dropped.
//   EXTRA=1  (two features of the list a candidate sits in, whatever its labels: the share of its stretch
//            of set-aside lines that open with a label, "Q:" and "A:" alike; lines within five carrying one):
//            tuning OOF bar 1.5 / 2 / 2.5 .9295 / .9313 / .9303 (bar 2: .9567 / .9058 against .9557 / .9047,
//            184 kept); CHECK=1 at the pick (bar 2, run once) .9326 / .8951 (mean .9139) against .9326 / .8942
//            (.9134): extraction the same, webpages +.0009. Holds on both halves but small; not shipped
//            (the product features, list-lines-text.json, the date models' retraining and the perturbed runs
//            it needs did not fit the stop): the switch stays for a stop that can take it through them.
// lc57 (stop 57, ae88d0c, load 12) re-ran it on today's models: base (bar 2) tuning OOF .9557 / .9047 (.9302),
//            checking .9326 / .8942 (.9134); EXTRA=1 bar 2 .9567 / .9058 (.9313, 184 kept) · .9326 / .8951
//            (.9139, 113 kept: one must-not fewer, recall the same); bar 2.5 .9559 / .9047 · .9324 / .8940; bar 1.5
//            checking .9338 / .8942. Still holds at the pick, still one snippet; still not shipped.
// tx65 (stop 65, load 8-17): TERMS=1 [RARE=r] adds three features of the article's own words (below, at
// termFeatures). Tuning out of fold, ext / web (mean), at bar 1 / bar 2: base .9522 / .9032 (.9277) / .9557 /
// .9047 (.9302); RARE=1 .9539 / .9023 (.9281) / .9544 / .9037 (.9290), 260 kept at bar 2 for 162; RARE=0 .9539 /
// .9032 (.9285) / .9544 / .9045 (.9295); RARE=3 .9533 / .9023 (.9278) / .9544 / .9047 (.9295). The model leans
// on the stretch's shared share (+0.96) and against its rare share (-0.81), keeps more and loses extraction at
// the committed bar: not adopted, the checking half not run.
// tx69 (stop 69, load 1-3): ENCLOSED=1 adds whether the candidate's stretch of set-aside lines has a staying line
// right below it (closedBelow) and right above and below (enclosed): a list or subheading between article lines.
// Tuning out of fold, bar 1.5 / 2 / 2.5: base .9551 / .9044 (.9298) / .9566 / .9070 (.9318) / .9573 / .9058
// (.9316); ENCLOSED .9551 / .9054 (.9303) / .9566 / .9070 (.9318, 168 kept for 162) / .9573 / .9068 (.9321).
// Weights closedBelow -0.21, enclosed +0.18: nothing at the committed bar, refused by the rule written first
// (tuning mean +.001). Read after the decision, CHECK=1 bar 2: .9356 / .8920 (.9138) -> .9354 / .8920 (.9137).
// tx70 (stop 70, load 9-22): SILVER_LISTS=w [SILVER_CAP=n] [SILVER_DATES=1] [HAND_F1=1]: the tuning candidates the gold
// leaves unknown take the silver list labels of the page's HTML (train/lib/html-list-labels.ts): 650 inside the article
// (19 pages, 508 on one table page, 66 on a second) and 818 outside (102 pages); where the gold labels them too, the
// silver agrees on 315 of 315 inside and 168 of 168 outside. Tuning out of fold, ext / web (mean), bar 1.5 / 2 / 2.5:
//   base (no silver)          .9547 / .9021 (.9284) / .9561 / .9047 (.9304, 162 kept) / .9568 / .9035 (.9302)
//   V1 w 1                    .9569 / .9033 (.9301) / .9547 / .9040 (.9293, 528 kept) / .9548 / .9040 (.9294)
//   V2 w .5                   .9550 / .9032 (.9291) / .9548 / .9040 (.9294) / .9554 / .9049 (.9302)
//   V3 w 1, 20 a page at most .9550 / .9040 (.9295) / .9548 / .9030 (.9289) / .9562 / .9038 (.9300)
//   V4 V1 + 53 dates-dev pages .9568 / .9019 (.9294) / .9547 / .9019 (.9283) / .9558 / .9017 (.9288)
//   hand bodies (HAND_F1=1, bar 2): base .8660, V1 .8672, V4 .8654. Out-of-fold AUC of the keep model's log-odds over
//   the silver candidates, inside against outside (pages weighing one each): without silver .881 (.861), V1 .925
//   (.869), V4 .926 (.876). No variant beats the committed bar 2 by .001: not adopted. Read after (CHECK=1):
//   base bar 1.5 / 2 .9352 / .8929 (.9141) / .9355 / .8920 (.9138); V1 .9349 / .8884 (.9117) / .9343 / .8893 (.9118).
// DUP=1 (tx70): dupAbove, the candidate's text (3+ words) standing identical above it in the run. Tuning OOF bar 1.5 / 2 /
// 2.5: .9575 / .9021 (.9298) / .9575 / .9038 (.9306) / .9575 / .9035 (.9305); with SILVER_LISTS=1 .9296 / .9290 / .9295.
// Under the rule (+.001 over the shipped .9304): not adopted, CHECK not run.
// tx72 (stop 72, load 40-52): QTY=1 (qty, qtyNear: a short line led by a quantity, and how many such stand within
//   QTY_NEAR=8 lines: an ingredients list under a recipe), QTY_BELOW=1 (the two read only under the run). Tuning out of
//   fold, ext / web (mean), bar 1.5 / 2 / 2.5; base .9547 / .9021 (.9284) / .9561 / .9047 (.9304, 162 kept) / .9568 /
//   .9035 (.9302). QTY .9523 / .9028 (.9275) / .9536 / .9037 (.9286, 642 kept; qtyNear +1.37) / .9541 / .9024 (.9282);
//   QTY_BELOW .9543 / .9028 (.9285) / .9561 / .9026 (.9294, 171 kept) / .9559 / .9035 (.9297). Fails the tuning bar
//   (+.001 on the mean): not adopted, CHECK not run. The recipe pages' ingredients are lost by the block model out of
//   fold (the run ends above them), not by this model: docs/scaling.md stop 72 (tx72).
import { LIST_LINES_BELOW, LIST_LINES_FEATURES, keepListLine, labelOf, listLineRows } from "../src/clean/rules/list-lines.ts";
import type { TextDoc } from "../src/clean/doc.ts";
import { runKeepTrial } from "./lib/keep-trial.ts";
import { htmlListLabels } from "./lib/html-list-labels.ts";
import { htmlPathBody, labelsOf, prepared, type Item } from "./lib/clean-items.ts";
import { loadDates } from "../eval/lib/clean-corpus.ts";

const BELOW = Number(process.env.BELOW ?? LIST_LINES_BELOW);
const SIBLINGS = process.env.SIB !== "0";
/** The sibling and place features come first in listLineRows' rows. */
const SIB_COLUMNS = 10;
const BARS: number[] = JSON.parse(process.env.BARS ?? "[0,1,2,3]");

/**
 * EXTRA=1 (tx53): two features of the list a candidate may belong to, whatever its labels read: the share
 * of its stretch of set-aside lines that open with a label ("Q:" and "A:" both count), and how many lines
 * within five of it carry one.
 */
const EXTRA = process.env.EXTRA === "1";
const EXTRA_FEATURES = ["stretchLabels", "labelsNear"];
function extra(doc: TextDoc, i: number, last: number): number[] {
  const set = (j: number) => doc.lines[j]!.drop === "locate-article" || (j >= doc.end && doc.lines[j]!.drop === "page-footer");
  let a = i, b = i;
  while (a - 1 >= doc.start && doc.lines[a - 1]!.drop === "locate-article") a--;
  while (b + 1 < last && set(b + 1)) b++;
  let labelled = 0;
  for (let j = a; j <= b; j++) if (labelOf(doc.lines[j]!)) labelled++;
  let near = 0;
  for (let j = Math.max(0, i - 5); j <= Math.min(doc.lines.length - 1, i + 5); j++) if (j !== i && labelOf(doc.lines[j]!)) near++;
  return [labelled / (b - a + 1), Math.log1p(near)];
}
/**
 * TERMS=1 (tx65): whether a set-aside line shares the article's own words, not the page's: the share of its
 * content terms that a staying body line holds and at most RARE lines outside the run use (menus and teasers
 * repeat the site's words, the body its own), and the same shares over its whole stretch of set-aside lines.
 */
const TERMS = process.env.TERMS === "1";
const RARE = Number(process.env.RARE ?? 1);
const TERMS_FEATURES = ["rareShared", "stretchShared", "stretchRare"];
function termFeatures(doc: TextDoc, last: number): (i: number) => number[] {
  const lines = doc.lines;
  const stays = (j: number) => j >= doc.start && j < doc.end && lines[j]!.drop === null;
  const body = new Set<number>(), outside = new Map<number, number>();
  for (let j = 0; j < lines.length; j++) {
    if (stays(j)) for (const t of lines[j]!.terms) body.add(t);
    else if (j < doc.start || j >= last) for (const t of new Set(lines[j]!.terms)) outside.set(t, (outside.get(t) ?? 0) + 1);
  }
  const set = (j: number) => lines[j]!.drop === "locate-article" || (j >= doc.end && lines[j]!.drop === "page-footer");
  const shares = (from: number, to: number): [number, number] => {
    let all = 0, shared = 0, rare = 0;
    for (let j = from; j <= to; j++) for (const t of lines[j]!.terms) {
      all++;
      if (body.has(t)) (shared++, (outside.get(t) ?? 0) <= RARE && rare++);
    }
    return all ? [shared / all, rare / all] : [0, 0];
  };
  return (i) => {
    let a = i, b = i;
    while (a - 1 >= doc.start && set(a - 1)) a--;
    while (b + 1 < last && set(b + 1)) b++;
    const [, rareOwn] = shares(i, i);
    const [stretchShared, stretchRare] = shares(a, b);
    return [rareOwn, stretchShared, stretchRare];
  };
}
/**
 * ENCLOSED=1 (tx69): whether the candidate's stretch of set-aside lines has a line that stays right below it, and
 * whether one stays right above it as well: a list or subheading between article lines, not the run's trailing edge.
 */
const ENCLOSED = process.env.ENCLOSED === "1";
const ENCLOSED_FEATURES = ["closedBelow", "enclosed"];
function enclosed(doc: TextDoc, i: number, last: number): number[] {
  const set = (j: number) => doc.lines[j]!.drop === "locate-article" || (j >= doc.end && doc.lines[j]!.drop === "page-footer");
  const stays = (j: number) => j >= doc.start && j < doc.end && doc.lines[j]!.drop === null;
  let a = i, b = i;
  while (a - 1 >= doc.start && set(a - 1)) a--;
  while (b + 1 < last && set(b + 1)) b++;
  const below = stays(b + 1) ? 1 : 0;
  return [below, below && stays(a - 1) ? 1 : 0];
}
/** A dates-dev page's labels from its HTML path's body, for its silver region only. */
const teacher = new Map<Item, Int8Array>();
function datesItems(tune: readonly Item[]): Item[] {
  const seen = new Set(tune.map((it) => it.page.id));
  const out: Item[] = [];
  for (const page of loadDates()) {
    if (page.half !== "tune" || seen.has(page.id)) continue;
    seen.add(page.id);
    const doc = prepared(page, "text");
    const body = doc ? htmlPathBody(page) : null;
    if (!doc || body === null) continue;
    const it: Item = { page, path: "text", doc, labels: new Int8Array(doc.lines.length).fill(-1) };
    teacher.set(it, labelsOf({ ...page, truth: body }, doc));
    out.push(it);
  }
  return out;
}
/**
 * DUP=1 (tx70): whether the candidate's text (trimmed, 3 words or more) stands identical on a line above it in the
 * run: a table repeating its title in its cells, which the article holds once.
 */
const DUP = process.env.DUP === "1";
const DUP_FEATURES = ["dupAbove"];
function dupAbove(doc: TextDoc, i: number): number[] {
  const l = doc.lines[i]!;
  if (l.words < 3) return [0];
  const t = l.text.trim();
  for (let j = doc.start; j < i; j++) if (doc.lines[j]!.text.trim() === t) return [1];
  return [0];
}
/**
 * QTY=1 (tx72): whether the candidate starts with a quantity (a number, a range or a fraction: "1 tsp cinnamon",
 * "8-9 ripe pears", "½ cup", "120g noodles") and is short (10 words at most), and how many such lines stand within
 * QTY_NEAR (default 8) lines of it, itself left out: an ingredients list, a spec or price list under the article.
 */
const QTY = process.env.QTY === "1";
const QTY_NEAR = Number(process.env.QTY_NEAR ?? "8");
/** QTY_BELOW=1: the two features read only under the run (0 inside it). */
const QTY_BELOW = process.env.QTY_BELOW === "1";
const QTY_FEATURES = ["qty", "qtyNear"];
const QUANTITY = /^\s*(?:[-*\u2022]\s*)?(?:\p{N}+(?:[.,/\-\u2013]\p{N}+)*|[\u00bc-\u00be\u2150-\u215e])(?:\s|\p{L}|$)/u;
function isQty(doc: TextDoc, j: number): boolean {
  const l = doc.lines[j]!;
  return l.words > 0 && l.words <= 10 && QUANTITY.test(l.text);
}
function qtyFeatures(doc: TextDoc, i: number, last: number): number[] {
  if (QTY_BELOW && i < doc.end) return [0, 0];
  let near = 0;
  for (let j = Math.max(doc.start, i - QTY_NEAR); j <= Math.min(last - 1, i + QTY_NEAR); j++) if (j !== i && isQty(doc, j)) near++;
  return [isQty(doc, i) ? 1 : 0, Math.log1p(near)];
}
const rows = (doc: TextDoc, score: ArrayLike<number>) => {
  const last = Math.min(doc.lines.length, doc.end + BELOW);
  const terms = TERMS ? termFeatures(doc, last) : null;
  return listLineRows(doc, score, BELOW).map((r) => ({ i: r.index, x: [...(SIBLINGS ? r.x : r.x.slice(SIB_COLUMNS)), ...(EXTRA ? extra(doc, r.index, last) : []), ...(ENCLOSED ? enclosed(doc, r.index, last) : []), ...(terms ? terms(r.index) : []), ...(DUP ? dupAbove(doc, r.index) : []), ...(QTY ? qtyFeatures(doc, r.index, last) : [])] }));
};

runKeepTrial({
  features: [...LIST_LINES_FEATURES.slice(SIBLINGS ? 0 : SIB_COLUMNS), ...(EXTRA ? EXTRA_FEATURES : []), ...(ENCLOSED ? ENCLOSED_FEATURES : []), ...(TERMS ? TERMS_FEATURES : []), ...(DUP ? DUP_FEATURES : []), ...(QTY ? QTY_FEATURES : [])],
  // The candidates and their features as keep-list-lines reads them (SIB=0: without the sibling and place features).
  candidates: (doc, score) => rows(doc, score),
  keep: keepListLine,
  again: (doc, score, kept) => {
    for (const i of kept) {
      doc.lines[i]!.drop = null;
      if (i >= doc.end) doc.end = i + 1;
    }
    return rows(doc, score);
  },
  // SILVER_LISTS=w (tx70): the tuning candidates their own labels leave unknown take the silver list labels of the
  // page's HTML (train/lib/html-list-labels.ts: an <li> / <tr> / <dd> / <dt> inside the article region or outside it),
  // each weighing w (SILVER_CAP=n: a page's silver examples weigh n in all at most); their counts are printed first.
  // SILVER_DATES=1: dates-dev's tuning pages train the keep model too (never scored), by their silver list lines
  // alone, each page's region from the HTML path's body (lc57's teacher).
  ...(process.env.SILVER_LISTS
    ? {
        silver: {
          labels: (it) => htmlListLabels(it.doc, teacher.get(it) ?? it.labels, it.page.html).labels,
          weight: Number(process.env.SILVER_LISTS),
          perPage: Number(process.env.SILVER_CAP ?? Infinity),
          ...(process.env.SILVER_DATES === "1" ? { extra: datesItems } : {}),
        },
      }
    : {}),
  tuneBars: BARS,
  checkBars: BARS,
});
