// The harness of the trials of a learned second look at the lines locate-article sets aside
// (train/try-inner-keep.ts, train/try-list-keep.ts): each trial gives its candidates, their features and how
// a kept line goes back; the harness locates every text dump, fits a logistic keep model and prints the dev
// sets' figures. The tuning half is judged out of fold twice over: block scores from the fold model fitted
// without the page, the keep model fitted on the other folds' candidates. CHECK=1: the checking half with
// the committed block models and the keep model fitted on all tuning candidates. Knobs: ONLY1=1 (only lines
// holding a must-have / true-body line count as article, not the span labels 2), WEIGHT=words|page, L2,
// SCOPE=1 (the hand sandwich rule below the core / over the whole run), ORACLE=1 (every candidate labelled
// article kept: the ceiling; LIST=1 lists them and what drops them next), ROUNDS=2 (a trial's `again`: a
// second round with the first round's kept lines standing as lines that stay). Writes nothing.
import { blockModels, scoreBlocks } from "../../src/clean/block-model.ts";
import { locateScored } from "../../src/clean/rules/locate.ts";
import { finish } from "../../src/clean/text.ts";
import { logit, type LogisticModel } from "../../src/model/logistic.ts";
import type { TextDoc } from "../../src/clean/doc.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus } from "../../eval/lib/extraction-score.ts";
import { trainBlocks } from "../train-clean.ts";
import { FOLDS, foldOf, type Item } from "./clean-items.ts";
import { trainLogistic, type Example } from "./logistic.ts";
import { rulesAfterLocate, textItemsByHalf } from "./text-items.ts";
import { handTruths } from "./hand-bodies.ts";
import { loadWebpages } from "../../eval/lib/clean-corpus.ts";

export interface KeepCandidate {
  i: number;
  x: number[];
}

export interface KeepTrial {
  /** The keep model's feature names, as `candidates` gives them. */
  features: readonly string[];
  /** A located doc's candidate lines with their features (`local`: the block model's first-step verdicts). */
  candidates(doc: TextDoc, score: Float64Array, local: Float64Array, decode: ReturnType<typeof blockModels>["decode"]): KeepCandidate[];
  /** Puts line `i` of a located doc back, as the rule would. */
  keep(doc: TextDoc, i: number): void;
  /**
   * ROUNDS=2: the candidates again, on a located doc where the first round's `kept` lines stand as lines
   * that stay (a list item kept counts for its siblings); those the same model then passes are kept too.
   */
  again?(doc: TextDoc, score: Float64Array, kept: readonly number[]): KeepCandidate[];
  /**
   * Silver labels for a tuning page's lines (1 article, 0 furniture, -1 none: train/lib/html-list-labels.ts),
   * read only for the candidates its own labels leave unknown, each example weighing `weight`.
   */
  silver?: {
    labels(it: Item): Int8Array;
    weight: number;
    perPage?: number;
    /** More tuning pages that only train the keep model (never scored), their labels all unknown: silver alone. */
    extra?(tune: readonly Item[]): Item[];
  };
  /** The keep model's log-odds bars on the tuning half and on the checking half. */
  tuneBars: readonly number[];
  checkBars: readonly number[];
}

interface Located {
  it: Item;
  doc: TextDoc;
  score: Float64Array;
  cands: KeepCandidate[];
}

function clone(doc: TextDoc): TextDoc {
  return { ...doc, lines: doc.lines.map((l) => ({ ...l })), meta: { ...doc.meta }, messages: [], scores: null, noArticle: null, core: null, sandwiched: [], head: [] };
}

/** A located doc again, to keep lines in and run the later rules on. */
function relocated(p: Located): TextDoc {
  const doc = clone(p.doc);
  doc.sandwiched = [...p.doc.sandwiched];
  (doc.start = p.doc.start), (doc.end = p.doc.end), (doc.core = p.doc.core), (doc.noArticle = p.doc.noArticle), (doc.scores = p.score);
  return doc;
}

/**
 * Each page's body after the rules, scored against its set's gold; the two sets' totals. HAND_F1=1 (tx70): the
 * webpages tuning pages with a hand-labelled body (train/lib/hand-bodies.ts) also scored against it, as
 * extraction-dev's bodies are (a diagnostic: the snippets seldom fall on an article's list lines).
 */
const handBodies: Map<string, string> | null = process.env.HAND_F1 === "1" ? handTruths(loadWebpages().filter((p) => p.half === "tune")) : null;
function pageScores() {
  const ext: ReturnType<typeof scorePage>[] = [];
  const web: ReturnType<typeof scoreSnippets>[] = [];
  const hand: ReturnType<typeof scorePage>[] = [];
  return {
    add(p: Located, doc: TextDoc): void {
      const res = finish(doc);
      const body = res.rejected ? "" : res.paragraphs.join("\n\n");
      if (p.it.page.set === "extraction") ext.push(scorePage(body, p.it.page.truth!));
      // PAGES=1: each extraction page's precision and recall, to set two runs side by side.
      if (process.env.PAGE_BODY && p.it.page.id.startsWith(process.env.PAGE_BODY)) console.log(`--- body ${p.it.page.id.slice(0, 8)}\n${body}\n---`);
      if (process.env.PAGES === "1" && p.it.page.set === "extraction") console.log(`  page ${p.it.page.id.slice(0, 8)} P ${ext.at(-1)!.precision.toFixed(4)} R ${ext.at(-1)!.recall.toFixed(4)}`);
      else web.push(scoreSnippets(body, p.it.page.with ?? [], p.it.page.without ?? []));
      const truth = p.it.page.set === "webpages" ? handBodies?.get(p.it.page.id) : undefined;
      if (truth !== undefined) hand.push(scorePage(body, truth));
    },
    totals: () => ({ e: scoreCorpus(ext), w: snippetCorpus(web), h: hand.length ? scoreCorpus(hand) : null }),
  };
}

export function runKeepTrial(trial: KeepTrial): void {
  // Without keep-list-lines itself: these trials are where such candidates are judged.
  const after = rulesAfterLocate().filter((r) => r.name !== "keep-list-lines");
  const { tune, check } = textItemsByHalf(true);
  const folds: Parameters<typeof trainBlocks>[2] = [];
  trainBlocks(tune.filter((i, k, a) => a.findIndex((j) => j.page.id === i.page.id) === k), "text", folds);
  const committed = blockModels(false);
  const decode = committed.decode;

  const locateAll = (items: Item[], models: (it: Item) => Parameters<typeof scoreBlocks>[1]): Located[] =>
    items.map((it) => {
      const scored = scoreBlocks(it.doc, models(it));
      const score = Float64Array.from(scored.score);
      const doc = clone(it.doc);
      locateScored(score, decode).apply(doc);
      return { it, doc, score, cands: trial.candidates(doc, score, Float64Array.from(scored.local), decode) };
    });
  const silverOf = new Map<Item, Int8Array>();
  const examplesOf = (located: Located[], withSilver = true): Example[] => {
    const ex: Example[] = [];
    for (const p of located) {
      const silver = trial.silver && withSilver ? silverOf.get(p.it) : undefined;
      // perPage: a page's silver examples weigh that much in all at most (one table page holds most of them).
      const silverCount = silver ? p.cands.filter((c) => p.it.labels[c.i]! === -1 && silver[c.i]! >= 0).length : 0;
      const silverWeight = trial.silver ? trial.silver.weight * Math.min(1, (trial.silver.perPage ?? Infinity) / Math.max(1, silverCount)) : 0;
      for (const c of p.cands) {
        const y = p.it.labels[c.i]!;
        const weight = process.env.WEIGHT === "words" ? Math.max(1, p.doc.lines[c.i]!.words) : process.env.WEIGHT === "page" ? 1 / p.cands.length : 1;
        if (y === 1 || (y === 2 && !process.env.ONLY1)) ex.push({ x: c.x, y: 1, weight });
        else if (y === 0 || y === 5) ex.push({ x: c.x, y: 0, weight });
        else if (silver && silver[c.i]! >= 0) ex.push({ x: c.x, y: silver[c.i] === 1 ? 1 : 0, weight: weight * silverWeight });
      }
    }
    return ex;
  };
  const fit = (ex: Example[]): LogisticModel => trainLogistic(ex, { name: "clean/inner-keep", features: [...trial.features], l2: Number(process.env.L2 ?? 1) });
  /** The dev sets' figures when the lines `extra` picks on each page are kept. */
  const figuresWith = (located: Located[], extra: (p: Located) => number[]): string => {
    const scored = pageScores();
    let kept = 0;
    for (const p of located) {
      const doc = relocated(p);
      for (const i of extra(p)) trial.keep(doc, i), kept++;
      for (const r of after) r.apply(doc);
      scored.add(p, doc);
    }
    const { e, w, h } = scored.totals();
    const handF1 = h ? ` hand F1 ${h.f1.toFixed(4)} (P ${h.precision.toFixed(4)} R ${h.recall.toFixed(4)})` : "";
    return `ext F1 ${e.f1.toFixed(4)} (P ${e.precision.toFixed(4)} R ${e.recall.toFixed(4)}) web F1 ${w.f1.toFixed(4)} (P ${w.precision.toFixed(4)} R ${w.recall.toFixed(4)}) mean ${((e.f1 + w.f1) / 2).toFixed(4)} kept ${kept}${handF1}`;
  };
  const figures = (located: Located[], keep: (p: Located) => LogisticModel | null, bar: number): string =>
    figuresWith(located, (p) => {
      const m = keep(p);
      if (!m) return [];
      const picks = p.cands.filter((c) => logit(m, c.x) >= bar).map((c) => c.i);
      if (process.env.ROUNDS === "2" && trial.again && picks.length > 0) {
        for (const c of trial.again(relocated(p), p.score, picks)) if (logit(m, c.x) >= bar) picks.push(c.i);
        picks.sort((a, b) => a - b);
      }
      return picks;
    });

  const tuneLoc = locateAll(tune, (it) => ({ ...folds[foldOf(it.page.id)]!, decode }));
  if (trial.silver) {
    for (const p of tuneLoc) silverOf.set(p.it, trial.silver.labels(p.it));
    silverCounts(tuneLoc, silverOf);
  }
  const extraLoc = trial.silver?.extra ? locateAll(trial.silver.extra(tune), (it) => ({ ...folds[foldOf(it.page.id)]!, decode })) : [];
  if (extraLoc.length > 0) {
    for (const p of extraLoc) silverOf.set(p.it, trial.silver!.labels(p.it));
    console.log(`extra training pages ${extraLoc.length}:`);
    silverCounts(extraLoc, silverOf);
  }
  const trainLoc = [...tuneLoc, ...extraLoc];
  const perFold = Array.from({ length: FOLDS }, (_, k) => fit(examplesOf(trainLoc.filter((p) => foldOf(p.it.page.id) !== k))));
  const all = examplesOf(trainLoc);
  if (trial.silver) silverParting(tuneLoc, silverOf, perFold, (located) => fit(examplesOf(located, false)));
  console.log(`tuning candidates ${all.length} (article ${all.filter((e) => e.y === 1).length})`);
  const full = fit(all);
  console.log(full.features.map((f, j) => `${f} ${full.weights[j]!.toFixed(2)}`).join(", "), `bias ${full.bias.toFixed(2)}`);
  console.log(`tune OOF base      ${figures(tuneLoc, () => null, 0)}`);
  for (const bar of trial.tuneBars) console.log(`tune OOF keep >=${bar}  ${figures(tuneLoc, (p) => perFold[foldOf(p.it.page.id)]!, bar)}`);
  if (process.env.CHECK) {
    const checkLoc = locateAll(check, () => committed);
    console.log(`check base         ${figures(checkLoc, () => null, 0)}`);
    for (const bar of trial.checkBars) console.log(`check keep >=${bar}    ${figures(checkLoc, () => full, bar)}`);
  }

  // The sandwich rule (a weak line between two staying lines) outside the core too: below it, or over the whole run.
  const scoped = (p: Located, where: "below" | "run", floor: number): number[] => {
    const { doc, score } = p;
    if (!doc.core) return [];
    const stays = (j: number) => j >= doc.start && j < doc.end && doc.lines[j]!.drop === null && score[j]! >= decode.inner;
    return p.cands.filter((c) => (where === "run" ? c.i < doc.core![0] || c.i >= doc.core![1] : c.i >= doc.core![1]) && score[c.i]! >= floor && stays(c.i - 1) && stays(c.i + 1)).map((c) => c.i);
  };
  if (process.env.SCOPE) for (const where of ["below", "run"] as const) for (const floor of [-0.5, -1, -1.5, -2]) console.log(`tune OOF sandwich ${where} ${floor}  ${figuresWith(tuneLoc, (p) => scoped(p, where, floor))}`);
  // Ceiling (ORACLE=1): every candidate labelled article kept (what later rules still drop, listed with LIST=1).
  if (process.env.ORACLE) {
    const scored = pageScores();
    const redropped: Record<string, number> = {};
    for (const p of tuneLoc) {
      const doc = relocated(p);
      const gold = p.cands.filter((c) => p.it.labels[c.i] === 1).map((c) => c.i);
      for (const i of gold) trial.keep(doc, i);
      for (const r of after) r.apply(doc);
      for (const i of gold) {
        const why = i <= doc.title ? "above-title" : doc.lines[i]!.drop ?? "kept";
        redropped[why] = (redropped[why] ?? 0) + 1;
        if (process.env.LIST) console.log(`  ${p.it.page.set.slice(0, 3)} ${p.it.page.id.slice(0, 8)} ${i} ${why} s=${p.score[i]!.toFixed(2)} ${doc.lines[i]!.text.slice(0, 80)}`);
      }
      scored.add(p, doc);
    }
    const { e, w } = scored.totals();
    console.log(`tune OOF oracle ext F1 ${e.f1.toFixed(4)} (R ${e.recall.toFixed(4)}) web F1 ${w.f1.toFixed(4)} (R ${w.recall.toFixed(4)})`, redropped);
  }
}

/**
 * The silver labels counted (tx70's S0): over the tuning candidates, inside the run and under it, by what the
 * page's own labels say (article 1 / 2, furniture 0 / 5, unknown); and over all the pages' lines.
 */
function silverCounts(located: readonly Located[], silverOf: ReadonlyMap<Item, Int8Array>): void {
  const table: Record<string, number> = {};
  const pages = { inside: new Set<string>(), outside: new Set<string>() };
  let lines1 = 0, lines0 = 0;
  const add = (k: string) => (table[k] = (table[k] ?? 0) + 1);
  for (const p of located) {
    const silver = silverOf.get(p.it)!;
    for (const v of silver) v === 1 ? lines1++ : v === 0 && lines0++;
    for (const c of p.cands) {
      const s = silver[c.i]!;
      if (s < 0) continue;
      const y = p.it.labels[c.i]!;
      const gold = y === 1 || y === 2 ? "article" : y === 0 || y === 5 ? "furniture" : "unknown";
      add(`${c.i < p.doc.end ? "run" : "below"} silver ${s === 1 ? "inside" : "outside"} gold ${gold}`);
      if (y === -1) (s === 1 ? pages.inside : pages.outside).add(p.it.page.id);
    }
  }
  console.log(`silver list lines on the tuning pages: inside ${lines1}, outside ${lines0}`);
  for (const k of Object.keys(table).sort()) console.log(`  candidates ${k}: ${table[k]}`);
  console.log(`  pages with an unknown candidate labelled: inside ${pages.inside.size}, outside ${pages.outside.size}`);
  const perPage = located.map((p) => [p.it.page.id.slice(0, 8), p.cands.filter((c) => p.it.labels[c.i] === -1 && silverOf.get(p.it)![c.i] === 1).length] as const).filter((r) => r[1] > 0);
  console.log(`  unknown candidates labelled inside, by page: ${perPage.sort((a, b) => b[1] - a[1]).map((r) => `${r[0]} ${r[1]}`).join(", ")}`);
}

/** The share of (inside, outside) pairs the scores order right, ties half, each pair weighing the product of its weights. */
function weightedAuc(inside: readonly [number, number][], outside: readonly [number, number][]): number {
  let right = 0, all = 0;
  for (const [a, wa] of inside)
    for (const [b, wb] of outside) {
      const w = wa * wb;
      all += w;
      right += a > b ? w : a === b ? w / 2 : 0;
    }
  return all ? right / all : NaN;
}

/** The share of (inside, outside) pairs the scores order right, ties half. */
function auc(inside: readonly number[], outside: readonly number[]): number {
  if (inside.length === 0 || outside.length === 0) return NaN;
  const all = [...inside.map((v) => [v, 1] as const), ...outside.map((v) => [v, 0] as const)].sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]![0] === all[i]![0]) j++;
    const rank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k]![1] === 1) rankSum += rank;
    i = j;
  }
  return (rankSum - (inside.length * (inside.length + 1)) / 2) / (inside.length * outside.length);
}

/**
 * Whether a keep model parts the silver list lines the gold leaves unknown, inside the article from outside it, out
 * of fold (tx70): the AUC of the fold models' log-odds over those candidates, fitted with the silver labels and
 * without them; and the same with each page's lines weighing one page in all.
 */
function silverParting(located: readonly Located[], silverOf: ReadonlyMap<Item, Int8Array>, withSilver: readonly LogisticModel[], fitWithout: (l: Located[]) => LogisticModel): void {
  const without = Array.from({ length: FOLDS }, (_, k) => fitWithout(located.filter((p) => foldOf(p.it.page.id) !== k)));
  // The candidates the silver labels turn to kept at bar 2 (or to dropped), by their gold label and set.
  const turned: Record<string, number> = {};
  const shown: string[] = [];
  for (const p of located)
    for (const c of p.cands) {
      const m0 = logit(without[foldOf(p.it.page.id)]!, c.x) >= 2, m1 = logit(withSilver[foldOf(p.it.page.id)]!, c.x) >= 2;
      if (m0 === m1) continue;
      const y = p.it.labels[c.i]!;
      const gold = y === 1 || y === 2 ? "article" : y === 0 || y === 5 ? "furniture" : "unknown";
      const k = `${m1 ? "now kept" : "now dropped"} ${p.it.page.set} ${gold}`;
      turned[k] = (turned[k] ?? 0) + 1;
      if (process.env.TURNED && gold !== "unknown") shown.push(`  ${k} ${p.it.page.id.slice(0, 8)} ${p.doc.lines[c.i]!.text.slice(0, 70)}`);
    }
  console.log("silver turns at bar 2:", turned);
  for (const l of shown) console.log(l);
  for (const [name, models] of [["without silver", without], ["with silver", withSilver]] as const) {
    const inside: number[] = [], outside: number[] = [];
    const byPage: [[number, number][], [number, number][]] = [[], []];
    let keptIn = 0, keptOut = 0;
    for (const p of located) {
      const silver = silverOf.get(p.it)!;
      const m = models[foldOf(p.it.page.id)]!;
      const mine = p.cands.filter((c) => p.it.labels[c.i] === -1 && silver[c.i]! >= 0);
      for (const c of mine) {
        const v = logit(m, c.x);
        (silver[c.i] === 1 ? inside : outside).push(v);
        byPage[silver[c.i] === 1 ? 0 : 1].push([v, 1 / mine.length]);
        if (v >= 2) silver[c.i] === 1 ? keptIn++ : keptOut++;
      }
    }
    console.log(`silver candidates out of fold, ${name}: AUC ${auc(inside, outside).toFixed(3)}, pages weighing one each ${weightedAuc(...byPage).toFixed(3)} (inside ${inside.length}, outside ${outside.length}); at bar 2 kept inside ${keptIn}, outside ${keptOut}`);
  }
}
