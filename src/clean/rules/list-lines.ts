// keep-list-lines for text dumps: a second, learned look at the weak lines locate-article set aside
// inside the article's run, and at the first lines under it. Lists and tables inside an article (a Q&A,
// a meal plan, a standings table, an info box at its end) score low line by line, as furniture does; what
// tells them apart is that they repeat one shape: a label before a colon ("Q:", "Breakfast:") or the same
// classes of words (digits, capitals) line after line, next to lines that stay. A logistic model over
// those sibling counts and the line's own place and score (trained by `npm run train:clean` on the
// tuning halves, train/list-lines.ts) says which to keep; kept lines wait with the sandwiched ones
// until the headline is found (locate.ts keepSandwiched), a kept line under the run extends it.
import type { CleanRule } from "./types.ts";
import type { Line, TextDoc } from "../doc.ts";
import { lineKind } from "./context.ts";
import { loadModel, logit, type LogisticModel } from "../../model/logistic.ts";
import weights from "../weights/list-lines-text.json" with { type: "json" };

/** How many lines under the run are looked at. */
export const LIST_LINES_BELOW = 15;

export const LIST_LINES_FEATURES = [
  "sibLabel", "sibLabelKept", "sibShape", "sibShapeKept", "digits", "numberShare", "below", "fromEnd", "colonAbove", "label",
  "score", "prev", "next", "keptNear", "inCore", "words", "prose", "headline", "chrome", "bad", "stretch", "fromCore",
  "sentences", "termShare", "noTerms",
] as const;

export interface ListLinesModel {
  model: LogisticModel;
  /** A candidate is kept when the model's log-odds reach this. */
  cut: number;
}

export interface ListLineRow {
  index: number;
  x: number[];
}

const LABEL = /^\s*([^:]{1,24}?)\s*:\s+\S/u;

/** "Q: …", "Breakfast: …": the label before a colon near the line's start (three words at most), or "" for none. */
export function labelOf(line: Line): string {
  const m = LABEL.exec(line.text);
  return m && m[1]!.split(/\s+/).length <= 3 ? m[1]!.toLowerCase() : "";
}

/** The classes of a short line's words (digit, capital, lower, other): table rows and list items repeat it. */
export function shapeOf(line: Line): string {
  if (line.words > 15 || line.words === 0) return "";
  let out = "";
  for (const w of line.text.trim().split(/\s+/)) out += /^\p{N}/u.test(w) ? "N" : /^\p{Lu}/u.test(w) ? "C" : /^\p{Ll}/u.test(w) ? "l" : "P";
  return out;
}

const clamp = (v: number) => Math.max(-6, Math.min(6, v));

/**
 * The candidates right after locate-article, with their features: lines it dropped inside the run
 * (not already sandwiched) and page-footer lines within `belowRun` under the run (trials try others).
 */
export function listLineRows(doc: TextDoc, score: ArrayLike<number>, belowRun = LIST_LINES_BELOW): ListLineRow[] {
  const out: ListLineRow[] = [];
  if (doc.noArticle || !doc.core) return out;
  const { start, end } = doc;
  const [c0, c1] = doc.core;
  const last = Math.min(doc.lines.length, end + belowRun);
  const stays = (j: number) => j >= start && j < end && doc.lines[j]!.drop === null;
  const isCandidate = (j: number) => {
    const drop = doc.lines[j]!.drop;
    return j >= end ? drop === "page-footer" : drop === "locate-article" && !doc.sandwiched.includes(j);
  };
  let any = false;
  for (let i = start; i < last && !any; i++) any = isCandidate(i);
  if (!any) return out;
  // Signatures of the lines the sibling counts read (the run, five lines either side and the lines under it).
  const from = Math.max(0, start - 10), to = Math.min(doc.lines.length, last + 10);
  const labels: string[] = [], shapes: string[] = [];
  for (let j = from; j < to; j++) (labels.push(labelOf(doc.lines[j]!)), shapes.push(shapeOf(doc.lines[j]!)));
  const siblings = (sig: string[], i: number, a: number, b: number, x: number[]): void => {
    const own = sig[i - from]!;
    let same = 0, kept = 0;
    if (own) for (let j = Math.max(from, a); j < Math.min(to, b); j++) if (j !== i && sig[j - from] === own) (same++, stays(j) && kept++);
    x.push(Math.log1p(same), Math.log1p(kept));
  };
  // A label's siblings are counted over one window for every candidate (the run and five lines either
  // side): once per label, not once per candidate. A candidate never stays, so it is one of its own count.
  const labelCounts = new Map<string, { same: number; kept: number }>();
  for (let j = Math.max(from, start - 5); j < Math.min(to, last + 5); j++) {
    const label = labels[j - from]!;
    if (!label) continue;
    const c = labelCounts.get(label) ?? labelCounts.set(label, { same: 0, kept: 0 }).get(label)!;
    c.same++;
    if (stays(j)) c.kept++;
  }
  const labelSiblings = (i: number, x: number[]): void => {
    const c = labelCounts.get(labels[i - from]!);
    x.push(Math.log1p(c ? c.same - 1 : 0), Math.log1p(c ? c.kept : 0));
  };
  // Content terms of the lines that stay: a subheading or list item shares the article's words.
  const bodyTerms = new Set<number>();
  for (let j = start; j < end; j++) if (stays(j)) for (const t of doc.lines[j]!.terms) bodyTerms.add(t);
  for (let i = start; i < last; i++) {
    if (!isCandidate(i)) continue;
    const l = doc.lines[i]!;
    const below = i >= end;
    let colonAbove = 0;
    for (let j = i - 1; j >= start; j--) if (stays(j)) {
      colonAbove = doc.lines[j]!.text.trimEnd().endsWith(":") ? 1 : 0;
      break;
    }
    let near = 0;
    for (let j = i - 3; j <= i + 3; j++) if (j !== i && stays(j)) near++;
    let a = i, b = i;
    while (a - 1 >= start && doc.lines[a - 1]!.drop === "locate-article") a--;
    while (b + 1 < last && (doc.lines[b + 1]!.drop === "locate-article" || (b + 1 >= end && doc.lines[b + 1]!.drop === "page-footer"))) b++;
    const fromCore = i < c0 ? c0 - i : i >= c1 ? i - c1 + 1 : 0;
    let shared = 0;
    for (const t of l.terms) if (bodyTerms.has(t)) shared++;
    const x: number[] = [];
    labelSiblings(i, x);
    siblings(shapes, i, i - 10, i + 11, x);
    x.push(
      l.digits, l.words ? l.numbers / l.words : 0, below ? 1 : 0, below ? Math.log1p(i - end + 1) : 0, colonAbove, labels[i - from] ? 1 : 0,
      clamp(score[i]!), i - 1 >= start ? clamp(score[i - 1]!) : -6, i + 1 < last ? clamp(score[i + 1]!) : -6, near,
      fromCore === 0 ? 1 : 0, Math.log1p(l.words), l.prose ? 1 : 0, l.headline ? 1 : 0, l.chrome ? 1 : 0,
      lineKind(l) === "bad" ? 1 : 0, Math.log1p(b - a + 1), Math.log1p(fromCore), Math.min(3, l.sentences),
      l.terms.length ? shared / l.terms.length : 0, l.terms.length ? 0 : 1,
    );
    out.push({ index: i, x });
  }
  return out;
}

/** Keeps line `i` as a sandwiched line (back after the headline is found); one under the run extends it. */
export function keepListLine(doc: TextDoc, i: number): void {
  if (i >= doc.end) {
    doc.lines[i]!.drop = "locate-article";
    doc.end = i + 1;
  }
  doc.sandwiched.push(i);
}

let committed: ListLinesModel | null = null;

/** The model from a list-lines weights file, checked against the code's feature names. */
export function listLinesModelFrom(file: { model: unknown; cut: unknown }): ListLinesModel {
  if (typeof file.cut !== "number") throw new Error("model clean/text-list-lines: weights file is damaged");
  return { model: loadModel(file.model, LIST_LINES_FEATURES), cut: file.cut };
}

export function listLinesModel(): ListLinesModel {
  return (committed ??= listLinesModelFrom(weights));
}

/** The rule with the given model (training fits its own); `keepListLines` uses the committed one. */
export function listLinesRule(model: () => ListLinesModel): CleanRule {
  return {
    name: "keep-list-lines",
    apply(doc: TextDoc) {
      if (doc.origin !== "text" || !doc.scores) return;
      const m = model();
      for (const r of listLineRows(doc, doc.scores)) if (logit(m.model, r.x) >= m.cut) keepListLine(doc, r.index);
    },
  };
}

export const keepListLines: CleanRule = listLinesRule(listLinesModel);
