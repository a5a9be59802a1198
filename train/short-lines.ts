// Experiment (issue 8): the keep/drop decision of the hand rule `short-line-context`
// (src/clean/rules/context.ts) learned instead, from features of each short line of a text dump's
// body, its run and the lines around it, and the block model's scores; nothing names a site or a
// page. Measured by train/try-short-lines.ts against the hand rule; not kept (it gains on
// webpages-dev but loses a little on extraction-dev's checking half), so nothing in src/ uses it.
import type { DevPage } from "../eval/lib/clean-corpus.ts";
import { shingles, tokens } from "../eval/lib/extraction-score.ts";
import { devSource } from "../eval/lib/dev-source.ts";
import { cleanSource } from "../src/clean/index.ts";
import { dropLine, endsSentence, type Line, type TextDoc } from "../src/clean/doc.ts";
import { isNameLabel, shortRuns, type Kind } from "../src/clean/rules/context.ts";
import type { CleanRule } from "../src/clean/rules/types.ts";
import { boostedLogit, type BoostedModel } from "../src/clean/boosted.ts";
import { logit, type LogisticModel } from "../src/model/logistic.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { trainBoosted } from "./lib/boost.ts";
import { coverOf, type Item } from "./train-clean.ts";

export const SHORT_LINE_FEATURES = [
  "words_log",
  "one_word",
  "caps",
  "stops",
  "headline",
  "ends_sentence",
  "ends_colon",
  "byline_or_date",
  "date_or_number",
  "digits",
  "name_label",
  "blank_before",
  "continues_prev",
  "continued_next",
  "run_log",
  "run_first",
  "run_last",
  "before_good",
  "before_bad",
  "after_good",
  "after_bad",
  "teasers",
  "parallel",
  "score",
  "run_score",
  "before_score",
  "after_score",
  "above_prose",
  "below_prose",
  "in_core",
  "hand_keep",
  "run_caps",
  "run_headlines",
  "run_sentences",
  "run_continues",
] as const;

export interface ShortLineRow {
  /** The line's index in the document. */
  index: number;
  x: Float64Array;
}

/** Past this many lines a run reads as long; longer ones (a table of contents) say no more. */
const RUN_CAP = 12;
const clampScore = (z: number): number => Math.max(-8, Math.min(8, z));
const startsLower = (text: string): boolean => /^\p{Ll}/u.test(text);

/** A line that carries on the sentence of the one before it: a hard-wrapped paragraph. */
function continues(prev: Line | undefined, line: Line): boolean {
  return prev !== undefined && !endsSentence(prev.text) && startsLower(line.text);
}

/** One row per short line of the body (lineKind "short"), and the body's kinds for the rule. */
export function shortLineRows(doc: TextDoc): { body: number[]; kinds: Kind[]; rows: ShortLineRow[] } {
  const { body, kinds, runs } = shortRuns(doc);
  const rows: ShortLineRow[] = [];
  const firstGood = kinds.indexOf("good");
  const lastGood = kinds.lastIndexOf("good");
  const score = (k: number): number => (doc.scores && k >= 0 && k < body.length ? clampScore(doc.scores[body[k]!]!) : 0);
  const core = doc.core;
  for (const r of runs) {
    let runScore = 0;
    for (let k = r.from; k < r.to; k++) runScore += score(k);
    runScore /= r.to - r.from;
    const n = r.to - r.from;
    let caps = 0, headlines = 0, sentences = 0, continued = 0;
    for (let k = r.from; k < r.to; k++) {
      const line = doc.lines[body[k]!]!;
      caps += line.caps / n;
      if (line.headline) headlines += 1 / n;
      if (endsSentence(line.text)) sentences += 1 / n;
      if (k > r.from && continues(doc.lines[body[k - 1]!], line)) continued += 1 / n;
    }
    for (let k = r.from; k < r.to; k++) {
      const i = body[k]!;
      const line = doc.lines[i]!;
      const prev = k > 0 ? doc.lines[body[k - 1]!] : undefined;
      const next = k + 1 < body.length ? doc.lines[body[k + 1]!] : undefined;
      const x = Float64Array.of(
        Math.log1p(line.words),
        line.words <= 1 ? 1 : 0,
        line.caps,
        line.stops,
        line.headline ? 1 : 0,
        endsSentence(line.text) ? 1 : 0,
        /[:：]$/.test(line.text) ? 1 : 0,
        line.bylineOrDate ? 1 : 0,
        line.dateOrNumber ? 1 : 0,
        line.digits,
        isNameLabel(line) ? 1 : 0,
        line.blankBefore ? 1 : 0,
        continues(prev, line) ? 1 : 0,
        next !== undefined && continues(line, next) ? 1 : 0,
        Math.log1p(Math.min(RUN_CAP, r.to - r.from)),
        k === r.from ? 1 : 0,
        k === r.to - 1 ? 1 : 0,
        r.before === "good" ? 1 : 0,
        r.before === "bad" ? 1 : 0,
        r.after === "good" ? 1 : 0,
        r.after === "bad" ? 1 : 0,
        r.teasers,
        r.parallel ? 1 : 0,
        score(k),
        runScore,
        r.from > 0 ? score(r.from - 1) : -8,
        r.to < body.length ? score(r.to) : -8,
        k < firstGood ? 1 : 0,
        k > lastGood ? 1 : 0,
        core && i >= core[0] && i < core[1] ? 1 : 0,
        k < r.keepTo ? 1 : 0,
        caps,
        headlines,
        sentences,
        continued,
      );
      rows.push({ index: i, x });
    }
  }
  return { body, kinds, rows };
}

export type ShortLineModel = LogisticModel | BoostedModel;

const logOdds = (model: ShortLineModel, x: Float64Array): number => ("trees" in model ? boostedLogit(model, x) : logit(model, x));
const HAND = SHORT_LINE_FEATURES.indexOf("hand_keep");

/**
 * The rule with a learned model: furniture-shaped lines (lineKind "bad") go as in the hand rule; a
 * short line goes when its log-odds fall below `cut`. `mode` "rescue" keeps what the hand rule keeps
 * and lets the model keep more; "replace" lets the model decide alone.
 */
export function shortLineRule(model: ShortLineModel, cut = 0, mode: "replace" | "rescue" = "replace"): CleanRule {
  return {
    name: "short-line-context",
    apply(doc: TextDoc) {
      if (doc.origin === "html") return;
      const { body, kinds, rows } = shortLineRows(doc);
      if (!kinds.includes("good")) return;
      for (let k = 0; k < body.length; k++) if (kinds[k] === "bad") dropLine(doc, body[k]!, "short-line-context");
      for (const r of rows) {
        const learned = logOdds(model, r.x) >= cut;
        if (!(learned || (mode === "rescue" && r.x[HAND] === 1))) dropLine(doc, r.index, "short-line-context");
      }
    },
  };
}

/**
 * webpages-dev labels a few lines a page; the rest of a page's lines take the HTML path's verdict
 * (the HTML body is far surer than the text dump's): a line the HTML body holds is article text (3),
 * one it lacks is furniture (4). Only lines the snippets leave unknown; extraction-dev has its truth.
 */
export function silverLabels(page: DevPage, doc: TextDoc, labels: Int8Array): void {
  if (page.truth !== undefined || !page.html) return;
  let body: string;
  try {
    body = cleanSource(devSource(page.id, "html", page.html, page.url)).paragraphs.join("\n");
  } catch {
    return;
  }
  const held = shingles(body);
  const heldTokens = ` ${tokens(body).join(" ").toLowerCase()} `;
  doc.lines.forEach((l, i) => {
    if (labels[i] !== -1) return;
    const ts = tokens(l.text);
    if (ts.length >= 4) {
      const cover = coverOf(l.text, held);
      if (cover >= 0.5) labels[i] = 3;
      else if (cover <= 0.15) labels[i] = 4;
    } else if (ts.length > 0) labels[i] = heldTokens.includes(` ${ts.join(" ").toLowerCase()} `) ? 3 : 4;
  });
}


export interface ShortLineOptions {
  model: "boost" | "logistic";
  /** A line's weight grows with its words: "sqrt", "words" or "one". */
  size: "sqrt" | "words" | "one";
  /** Weight of webpages-dev's snippet labels (0/1), and of labels by place or by the HTML path (2–4). */
  snippet: number;
  silver: number;
  /** A page with more labelled short lines than this weighs as this many. */
  pageRows: number;
  rounds: number;
  rate: number;
  minLeaf: number;
  l2: number;
}

export const shortLineDefaults: ShortLineOptions = { model: "boost", size: "sqrt", snippet: 3, silver: 1, pageRows: 20, rounds: 100, rate: 0.1, minLeaf: 20, l2: 2 };

/** Every labelled short line of the items' bodies (after the rules before short-line-context). */
export function shortLineExamples(items: readonly Item[], o: ShortLineOptions = shortLineDefaults): Example[] {
  const out: Example[] = [];
  for (const item of items) {
    const snippet = item.page.set === "webpages" ? o.snippet : 1;
    const rows = shortLineRows(item.doc).rows.filter((r) => item.labels[r.index]! >= 0);
    // One page of hundreds of short lines (a table of contents, a long list) must not outweigh the rest.
    const page = Math.min(1, o.pageRows / Math.max(1, rows.length));
    for (const r of rows) {
      const y = item.labels[r.index]!;
      const words = item.doc.lines[r.index]!.words;
      const size = o.size === "words" ? words : o.size === "sqrt" ? Math.sqrt(words) : 1;
      out.push({ x: r.x, y: y === 0 || y === 4 ? 0 : 1, weight: page * size * (y === 1 || y === 0 ? snippet : o.silver) });
    }
  }
  return out;
}

export function fitShortLines(items: readonly Item[], o: ShortLineOptions = shortLineDefaults): ShortLineModel {
  const examples = shortLineExamples(items, o);
  const features = [...SHORT_LINE_FEATURES];
  if (o.model === "logistic") return trainLogistic(examples, { name: "clean/text-short-line", features, l2: o.l2 });
  return trainBoosted(examples, { name: "clean/text-short-line", features, rounds: o.rounds, rate: o.rate, minLeaf: o.minLeaf });
}
