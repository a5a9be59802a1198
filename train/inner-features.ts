// What the inner-line model tried by train/try-inner.ts reads about a weak line inside the article's run:
// its own block score, its neighbours' scores and verdicts, the gap of weak lines it sits in, the
// run's shape and the line's own shape (list item, table row, subheading, length, punctuation).
import type { TextDoc } from "../src/clean/doc.ts";
import { endsSentence, MARK_COLON } from "../src/clean/doc.ts";
import { lineKind } from "../src/clean/rules/context.ts";

export const INNER_FEATURES = [
  "score", "inCore", "prevScore", "nextScore", "prevStays", "nextStays", "aboveGap", "belowGap",
  "gapLength", "logWords", "bullet", "endsSentence", "colon", "headline", "prose", "bad", "caps",
  "digits", "stops", "runPlace", "runKept", "sameShapeNeighbour", "blankBefore",
] as const;

const CAP = 10;
const BULLET_START = /^\s*[•·▪●◦*‣⁃–—-]/u;
const clip = (v: number) => Math.max(-CAP, Math.min(CAP, v));
const shape = (text: string) => text.replace(/[\p{L}\p{N}\s]+/gu, "");

/**
 * One row for line `i`, which locate-article has just dropped inside the run [start, end); `stays`
 * tells which lines of the run it keeps.
 */
export function innerRow(doc: TextDoc, score: ArrayLike<number>, i: number, run: readonly [number, number], core: readonly [number, number], stays: (j: number) => boolean): Float64Array {
  const [start, end] = run;
  const line = doc.lines[i]!;
  const at = (j: number) => (j >= start && j < end ? clip(score[j]!) : -CAP);
  let above = 1;
  while (i - above >= start && !stays(i - above) && above < 5) above++;
  let below = 1;
  while (i + below < end && !stays(i + below) && below < 5) below++;
  let from = i, to = i + 1;
  while (from > start && !stays(from - 1) && i - from < CAP) from--;
  while (to < end && !stays(to) && to - i < CAP) to++;
  let kept = 0;
  for (let j = start; j < end; j++) if (stays(j)) kept++;
  const own = shape(line.text);
  const sameShape = own !== "" && ((i > start && shape(doc.lines[i - 1]!.text) === own) || (i + 1 < end && shape(doc.lines[i + 1]!.text) === own));
  return Float64Array.of(
    clip(score[i]!),
    i >= core[0] && i < core[1] ? 1 : 0,
    at(i - 1),
    at(i + 1),
    i > start && stays(i - 1) ? 1 : 0,
    i + 1 < end && stays(i + 1) ? 1 : 0,
    above,
    below,
    to - from,
    Math.log1p(line.words),
    BULLET_START.test(line.text) ? 1 : 0,
    endsSentence(line.text) ? 1 : 0,
    line.marks & MARK_COLON ? 1 : 0,
    line.headline ? 1 : 0,
    line.prose ? 1 : 0,
    lineKind(line) === "bad" ? 1 : 0,
    line.caps,
    line.digits,
    line.stops,
    (i - start) / Math.max(1, end - start),
    kept / Math.max(1, end - start),
    sameShape ? 1 : 0,
    line.blankBefore ? 1 : 0,
  );
}
