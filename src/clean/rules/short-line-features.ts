// What the learned short-line rule (short-lines.ts) reads of each short line in the body of a text
// dump: the line's own shape, its run of short lines, the lines around the run, where the run sits in
// the body, the hand rule's verdict, and the block model's scores. Nothing names a site or a page.
import { endsSentence, type Line, type TextDoc } from "../doc.ts";
import { isNameLabel, shortRuns, type ShortRuns } from "./context.ts";

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

/**
 * One row per short line of the body (lineKind "short"), from its runs (`shortRuns`); with
 * `droppedOnly`, only for the lines the hand rule drops (all the learned rule asks about).
 */
export function shortLineRows(doc: TextDoc, short: ShortRuns = shortRuns(doc), droppedOnly = false): ShortLineRow[] {
  const { body, kinds, runs } = short;
  const rows: ShortLineRow[] = [];
  const firstGood = kinds.indexOf("good");
  const lastGood = kinds.lastIndexOf("good");
  const score = (k: number): number => (doc.scores && k >= 0 && k < body.length ? clampScore(doc.scores[body[k]!]!) : 0);
  const core = doc.core;
  for (const r of runs) {
    const n = r.to - r.from;
    let runScore = 0;
    for (let k = r.from; k < r.to; k++) runScore += score(k);
    runScore /= n;
    let caps = 0, headlines = 0, sentences = 0, continued = 0;
    for (let k = r.from; k < r.to; k++) {
      const line = doc.lines[body[k]!]!;
      caps += line.caps / n;
      if (line.headline) headlines += 1 / n;
      if (endsSentence(line.text)) sentences += 1 / n;
      if (k > r.from && continues(doc.lines[body[k - 1]!], line)) continued += 1 / n;
    }
    for (let k = droppedOnly ? r.keepTo : r.from; k < r.to; k++) {
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
        Math.log1p(Math.min(RUN_CAP, n)),
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
  return rows;
}
