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

/** Each page's body after the rules, scored against its set's gold; the two sets' totals. */
function pageScores() {
  const ext: ReturnType<typeof scorePage>[] = [];
  const web: ReturnType<typeof scoreSnippets>[] = [];
  return {
    add(p: Located, doc: TextDoc): void {
      const res = finish(doc);
      const body = res.rejected ? "" : res.paragraphs.join("\n\n");
      if (p.it.page.set === "extraction") ext.push(scorePage(body, p.it.page.truth!));
      else web.push(scoreSnippets(body, p.it.page.with ?? [], p.it.page.without ?? []));
    },
    totals: () => ({ e: scoreCorpus(ext), w: snippetCorpus(web) }),
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
  const examplesOf = (located: Located[]): Example[] => {
    const ex: Example[] = [];
    for (const p of located)
      for (const c of p.cands) {
        const y = p.it.labels[c.i]!;
        const weight = process.env.WEIGHT === "words" ? Math.max(1, p.doc.lines[c.i]!.words) : process.env.WEIGHT === "page" ? 1 / p.cands.length : 1;
        if (y === 1 || (y === 2 && !process.env.ONLY1)) ex.push({ x: c.x, y: 1, weight });
        else if (y === 0 || y === 5) ex.push({ x: c.x, y: 0, weight });
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
    const { e, w } = scored.totals();
    return `ext F1 ${e.f1.toFixed(4)} (P ${e.precision.toFixed(4)} R ${e.recall.toFixed(4)}) web F1 ${w.f1.toFixed(4)} (P ${w.precision.toFixed(4)} R ${w.recall.toFixed(4)}) mean ${((e.f1 + w.f1) / 2).toFixed(4)} kept ${kept}`;
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
  const perFold = Array.from({ length: FOLDS }, (_, k) => fit(examplesOf(tuneLoc.filter((p) => foldOf(p.it.page.id) !== k))));
  const all = examplesOf(tuneLoc);
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
