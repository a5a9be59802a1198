// keep-list-lines for text dumps: a second, learned look at the weak lines locate-article set aside
// inside the article's run, and at the first lines under it. Lists and tables inside an article (a Q&A,
// a meal plan, a standings table, an info box at its end) score low line by line, as furniture does; what
// tells them apart is that they repeat one shape: a label before a colon ("Q:", "Breakfast:") or the same
// classes of words (digits, capitals) line after line, next to lines that stay. A logistic model over
// those sibling counts and the line's own place and score (trained by `npm run train:clean` on the
// tuning halves, train/list-lines.ts) says which to keep; kept lines wait with the sandwiched ones
// until the headline is found (locate.ts keepSandwiched), a kept line under the run extends it.
import type { CleanRule } from "./types.ts";
import { makeLine, type Line, type TextDoc } from "../doc.ts";
import { lineKind } from "./context.ts";
import { isTrimmedSpace } from "../chars.ts";
import { loadModel, logit, type LogisticModel } from "../../model/logistic.ts";
import { cutModelFrom, readOnce } from "../cut-model.ts";
import weights from "../weights/list-lines-text.json" with { type: "json" };
import * as logTable from "../../model/log-table.ts";

// Bound once: under tsx an imported name is read through a getter on every use. `Math.log1p` of a
// whole count, by table: the same numbers.
const { log1pCount } = logTable;

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
  // Most lines hold no colon: the pattern needs one.
  if (line.text.indexOf(":") < 0) return "";
  const m = LABEL.exec(line.text);
  return m && m[1]!.split(/\s+/).length <= 3 ? m[1]!.toLowerCase() : "";
}

/** A word's class by its first code unit, for `shapeOf`: 0 not yet known, then "N", "C", "l", "P" as 1-4. */
const unitClass = new Uint8Array(0x10000);
const CLASS_LETTERS = ["", "N", "C", "l", "P"] as const;

function classOf(first: string): number {
  return /^\p{N}/u.test(first) ? 1 : /^\p{Lu}/u.test(first) ? 2 : /^\p{Ll}/u.test(first) ? 3 : 4;
}

/**
 * The classes of a short line's words (digit, capital, lower, other): table rows and list items repeat it.
 * Each word (a run between white space, as `trim().split(/\s+/)` makes them) by its first character,
 * read by table rather than by splitting the line and testing patterns on every word.
 */
export function shapeOf(line: Line): string {
  if (line.words > 15 || line.words === 0) return "";
  const t = line.text;
  let out = "";
  let inWord = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    // Printable ASCII is never white space: most characters go no further than this.
    if (c > 32 && c < 127) {
      if (inWord) continue;
    } else if (isTrimmedSpace(c)) {
      inWord = false;
      continue;
    } else if (inWord) continue;
    inWord = true;
    let k: number;
    if (c >= 0xd800 && c <= 0xdfff) k = classOf(String.fromCodePoint(t.codePointAt(i)!));
    else if ((k = unitClass[c]!) === 0) k = unitClass[c] = classOf(String.fromCharCode(c));
    out += CLASS_LETTERS[k]!;
  }
  // A text of white space alone splits into one empty word, of no class.
  return out || "P";
}

// Words opening past ASCII and with a surrogate, a dozen times as the module loads: pages rarely have
// them among the lines read before V8 optimises the rule, and the first that did deoptimised it.
for (let k = 0; k < 12; k++) shapeOf(makeLine("Ａb 😀 cd 12", false));

/**
 * A set of content terms (30-bit hashes, `Line.terms`) for one page at a time, each with a mark: open
 * addressing in typed arrays, stamped per page so that nothing is cleared between pages.
 */
class TermMarks {
  private keys = new Int32Array(512);
  private marks = new Uint8Array(512);
  private stamps = new Uint32Array(512);
  private stamp = 0;
  private bits = 9;

  /** Empties the set, with room for `count` terms. */
  reset(count: number): this {
    if (2 * count > this.keys.length) {
      while (2 * count > 1 << this.bits) this.bits++;
      this.keys = new Int32Array(1 << this.bits);
      this.marks = new Uint8Array(1 << this.bits);
      this.stamps = new Uint32Array(1 << this.bits);
      this.stamp = 0;
    }
    if (++this.stamp === 0xffffffff) (this.stamps.fill(0), (this.stamp = 1));
    return this;
  }

  /** The slot holding `term`, or the empty one where it would go. */
  private slot(term: number): number {
    const mask = this.keys.length - 1;
    for (let j = Math.imul(term, 0x9e3779b1) >>> (32 - this.bits); ; j = (j + 1) & mask) {
      if (this.stamps[j] !== this.stamp || this.keys[j] === term) return j;
    }
  }

  add(term: number): void {
    const j = this.slot(term);
    if (this.stamps[j] === this.stamp) return;
    this.stamps[j] = this.stamp;
    this.keys[j] = term;
    this.marks[j] = 0;
  }

  /** Marks `term` when the set holds it. */
  mark(term: number): void {
    const j = this.slot(term);
    if (this.stamps[j] === this.stamp) this.marks[j] = 1;
  }

  marked(term: number): boolean {
    const j = this.slot(term);
    return this.stamps[j] === this.stamp && this.marks[j] === 1;
  }
}

const termMarks = new TermMarks();
// Its tables grown once as the module loads, from 512 slots to the 1,024 a page starts with: V8 compiles a field it
// has seen written only once as a constant, so the first page that grew the tables threw away listLineRows'
// optimised code and the set's with it, to be compiled again.
termMarks.reset(512);

const clamp = (v: number) => Math.max(-6, Math.min(6, v));

/**
 * The candidates right after locate-article, with their features: lines it dropped inside the run
 * (not already sandwiched) and page-footer lines within `belowRun` under the run (trials try others).
 * One walk over the run: what a candidate reads of the lines around it (the line that stays above it,
 * its stretch of dropped lines) is carried from line to line rather than looked up again per candidate.
 */
export function listLineRows(doc: TextDoc, score: ArrayLike<number>, belowRun = LIST_LINES_BELOW): ListLineRow[] {
  const out: ListLineRow[] = [];
  if (doc.noArticle || !doc.core) return out;
  const { start, end, lines } = doc;
  const [c0, c1] = doc.core;
  const last = Math.min(lines.length, end + belowRun);
  const stays = (j: number) => j >= start && j < end && lines[j]!.drop === null;
  const candidates: number[] = [];
  for (let i = start; i < last; i++) {
    const drop = lines[i]!.drop;
    if (i >= end ? drop === "page-footer" : drop === "locate-article" && !doc.sandwiched.includes(i)) candidates.push(i);
  }
  if (candidates.length === 0) return out;
  // Labels of the lines the label counts read (the run and five lines either side), the candidates' first:
  // the counts are read only for a candidate's label, so without one they are not needed.
  const lo = Math.max(0, start - 5), hi = Math.min(lines.length, last + 5);
  const labels: string[] = new Array<string>(hi - lo).fill("");
  let labelled = false;
  for (const i of candidates) if ((labels[i - lo] = labelOf(lines[i]!))) labelled = true;
  // Shapes of the lines within ten of a candidate, made when first read.
  const from = Math.max(0, start - 10), to = Math.min(lines.length, last + 10);
  const shapes: (string | null)[] = new Array<string | null>(to - from).fill(null);
  const shapeAt = (j: number): string => (shapes[j - from] ??= shapeOf(lines[j]!));
  /** How many lines within ten of line `i` have its shape, and how many of those stay. */
  const shapeSiblings = (i: number): [number, number] => {
    const own = shapeAt(i);
    let same = 0, kept = 0;
    if (own) for (let j = Math.max(from, i - 10); j < Math.min(to, i + 11); j++) if (j !== i && shapeAt(j) === own) (same++, stays(j) && kept++);
    return [same, kept];
  };
  // A label's siblings are counted over one window for every candidate (the run and five lines either
  // side): once per label, not once per candidate. A candidate never stays, so it is one of its own count.
  const labelCounts = new Map<string, { same: number; kept: number }>();
  for (let j = lo; j < hi && labelled; j++) {
    const label = labels[j - lo] || labelOf(lines[j]!);
    if (!label) continue;
    const c = labelCounts.get(label) ?? labelCounts.set(label, { same: 0, kept: 0 }).get(label)!;
    c.same++;
    if (stays(j)) c.kept++;
  }
  // Content terms of the lines that stay, as far as the candidates hold them (a subheading or list item
  // shares the article's words): the candidates' terms go in a table, and the body's many terms are only
  // looked up in it.
  let termCount = 0;
  for (const i of candidates) termCount += lines[i]!.terms.length;
  const marks = termMarks.reset(termCount);
  for (const i of candidates) for (const t of lines[i]!.terms) marks.add(t);
  if (termCount > 0) for (let j = start; j < end; j++) if (stays(j)) for (const t of lines[j]!.terms) marks.mark(t);
  let next = 0;
  // The nearest line above that stays; the first line of the stretch of locate-article lines ending
  // just above; the last line of the stretch the previous candidate's reached.
  let stayed = -1, stretchFrom = start, stretchTo = -1;
  for (let i = start; i < last && next < candidates.length; i++) {
    if (i > start && lines[i - 1]!.drop !== "locate-article") stretchFrom = i;
    if (i !== candidates[next]) {
      if (stays(i)) stayed = i;
      continue;
    }
    next++;
    const l = lines[i]!;
    const below = i >= end;
    const colonAbove = stayed >= 0 && lines[stayed]!.text.trimEnd().endsWith(":") ? 1 : 0;
    let near = 0;
    for (let j = i - 3; j <= i + 3; j++) if (j !== i && stays(j)) near++;
    if (i > stretchTo) {
      let b = i;
      while (b + 1 < last && (lines[b + 1]!.drop === "locate-article" || (b + 1 >= end && lines[b + 1]!.drop === "page-footer"))) b++;
      stretchTo = b;
    }
    const fromCore = i < c0 ? c0 - i : i >= c1 ? i - c1 + 1 : 0;
    let shared = 0;
    for (const t of l.terms) if (marks.marked(t)) shared++;
    const label = labelCounts.get(labels[i - lo]!);
    const [shapeSame, shapeKept] = shapeSiblings(i);
    const x = [
      log1pCount(label ? label.same - 1 : 0), log1pCount(label ? label.kept : 0), log1pCount(shapeSame), log1pCount(shapeKept),
      l.digits, l.words ? l.numbers / l.words : 0, below ? 1 : 0, below ? log1pCount(i - end + 1) : 0, colonAbove, labels[i - lo] ? 1 : 0,
      clamp(score[i]!), i - 1 >= start ? clamp(score[i - 1]!) : -6, i + 1 < last ? clamp(score[i + 1]!) : -6, near,
      fromCore === 0 ? 1 : 0, log1pCount(l.words), l.prose ? 1 : 0, l.headline ? 1 : 0, l.chrome ? 1 : 0,
      lineKind(l) === "bad" ? 1 : 0, log1pCount(stretchTo - stretchFrom + 1), log1pCount(fromCore), Math.min(3, l.sentences),
      l.terms.length ? shared / l.terms.length : 0, l.terms.length ? 0 : 1,
    ];
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

/** The model from a list-lines weights file, checked against the code's feature names. */
export function listLinesModelFrom(file: { model: unknown; cut: unknown }): ListLinesModel {
  return cutModelFrom("clean/text-list-lines", file, (model) => loadModel(model, LIST_LINES_FEATURES));
}

export const listLinesModel: () => ListLinesModel = readOnce(() => listLinesModelFrom(weights));

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
