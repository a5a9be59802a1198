// How much of a kept body its page's own headline's words cover (nt82, issue 8): a report repeats its headline's
// names and nouns; a notice, or the teaser of another story left when a page's article is missing, shares few words
// with the page's headline. Words of four letters or more, compared by their first five letters lower-cased (a crude
// stem that holds in every language of the dev sets: "Feuerwehr"/"Feuerwehren", "elections"/"election"). Study only.
// nt82 gave the text article gate head-cover-lede as a column (`headlineLedeCover`) and took it out again: with it the
// gate let more notices and stripped pages through on both halves (docs/scaling.md, stop 82, nt82).
import type { Line } from "../../src/clean/doc.ts";

const WORD = /\p{L}{4,}/gu;
const stem = (w: string): string => w.toLowerCase().slice(0, 5);
/** The words of four letters or more of a text, each by its first five letters lower-cased. */
export const headlineStems = (text: string): string[] => (text.match(WORD) ?? []).map(stem);
const stems = headlineStems;

/** The lines of the body's opening head-cover-lede reads (the study's best of one to three). */
export const LEDE_LINES = 2;

/** head-cover-lede as the gate read it: the share of the headline's distinct stems in the body's first `LEDE_LINES` lines; 0 without a headline. */
export function headlineLedeCover(headline: string | null, body: readonly string[]): number {
  const head = new Set(headline === null ? [] : stems(headline));
  if (head.size === 0) return 0;
  const lede = new Set<string>();
  for (const text of body.slice(0, LEDE_LINES)) for (const s of stems(text)) lede.add(s);
  let found = 0;
  for (const s of head) if (lede.has(s)) found++;
  return found / head.size;
}

export const HEADLINE_COVER_NAMES = ["head-cover", "head-cover-lede", "body-cover", "head-words", "lede1", "lede3", "lede2-exact", "lede2-len3"] as const;

/**
 * The shapes of `HEADLINE_COVER_NAMES`' order: the share of the headline's distinct stems found in the body, the same
 * share in the body's first two lines, the body's words per 100 whose stem is the headline's, the headline's distinct
 * stems; then the opening's share read over one line, over three, over two by whole lower-cased words, and over two
 * with words of three letters or more. A page with no headline line reads 0 on each.
 */
export function headlineCover(headline: string | null, body: readonly Line[]): number[] {
  const head = new Set(headline ? stems(headline) : []);
  if (head.size === 0) return [0, 0, 0, 0, 0, 0, 0, 0];
  const all = new Set<string>();
  const lede = new Set<string>();
  let words = 0, inHead = 0;
  body.forEach((l, i) => {
    for (const s of stems(l.text)) {
      words++;
      if (head.has(s)) inHead++;
      all.add(s);
      if (i < 2) lede.add(s);
    }
  });
  const share = (seen: ReadonlySet<string>) => [...head].filter((s) => seen.has(s)).length / head.size;
  const ledeN = (n: number, f: (t: string) => string[], h: ReadonlySet<string>) => {
    const seen = new Set<string>();
    body.slice(0, n).forEach((l) => f(l.text).forEach((s) => seen.add(s)));
    return h.size === 0 ? 0 : [...h].filter((s) => seen.has(s)).length / h.size;
  };
  const exact = (t: string) => (t.match(WORD) ?? []).map((w) => w.toLowerCase());
  const len3 = (t: string) => (t.match(/\p{L}{3,}/gu) ?? []).map(stem);
  return [share(all), share(lede), (100 * inHead) / Math.max(1, words), head.size, ledeN(1, stems, head), ledeN(3, stems, head), ledeN(2, exact, new Set(exact(headline ?? ""))), ledeN(2, len3, new Set(len3(headline ?? "")))];
}
