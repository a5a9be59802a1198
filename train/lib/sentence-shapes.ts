// The nine sentence shapes nt80 studied beside the article gate's line (train/try-gate-shapes.ts): word shares per
// 100 words, line shares, commas per word. Study only; the gate reads the two voice levels of
// src/clean/rules/sentence-shapes.ts, whose word lists these shapes share.
import type { Line } from "../../src/clean/doc.ts";
import { ATTRIBUTION, FORMAL, READER, THIRD, WE, WORD } from "../../src/clean/rules/sentence-shapes.ts";

const QUOTE = /["“”„«»‹›「」]/u;
const ASKS = /[?!]["“”»)]*\s*$/u;

export const SENTENCE_SHAPE_NAMES = ["attribution", "third-person", "reader", "we", "quoted-lines", "asking-lines", "short-lines", "digits", "commas"] as const;

/** Each shape of the lines (`SENTENCE_SHAPE_NAMES`' order): word shares per 100 words, line shares, commas per word. */
export function sentenceShapes(lines: readonly Line[]): number[] {
  let words = 0, attribution = 0, third = 0, reader = 0, we = 0, quoted = 0, asking = 0, short = 0, digits = 0, commas = 0;
  for (const l of lines) {
    for (const w of l.text.match(WORD) ?? []) {
      words++;
      const low = w.toLowerCase();
      if (ATTRIBUTION.has(low)) attribution++;
      if (THIRD.has(low)) third++;
      if (READER.has(low) || FORMAL.has(w)) reader++;
      if (WE.has(low)) we++;
    }
    if (QUOTE.test(l.text)) quoted++;
    if (ASKS.test(l.text)) asking++;
    if (l.words < 8) short++;
    digits += l.numbers;
    commas += l.commas;
  }
  const n = Math.max(1, lines.length);
  const w = Math.max(1, words);
  return [(100 * attribution) / w, (100 * third) / w, (100 * reader) / w, (100 * we) / w, quoted / n, asking / n, short / n, (100 * digits) / w, commas / w];
}
