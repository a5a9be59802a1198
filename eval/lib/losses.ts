// Where a cleaned page lost article text and kept furniture, by cause (never by site): the rule that
// dropped each true body line, and for the locate rule why: the located run lies elsewhere, the body
// goes on past a gap of furniture (a two-part body), the run stopped right at a body line (edge), or
// the headline rule cut the body's start at a headline it picked inside the core (above-headline).
// Read by train/losses.ts, which tallies the causes over a dev set's half.
import type { TextDoc } from "../../src/clean/doc.ts";
import { collapse } from "./extraction-score.ts";

/** A gap of at most this many furniture lines is "thin" (a caption, an advertisement). */
const THIN_GAP = 3;

/**
 * Why the line at `i`, a true body line, went. `gold` marks the true body lines; `goldInRun` and
 * `goldTotal` are their words inside the located run and on the page.
 */
export function lossCause(doc: TextDoc, gold: Uint8Array, i: number, goldInRun: number, goldTotal: number): string {
  const rule = doc.lines[i]!.drop ?? (i === doc.title ? "title-line" : i < doc.start || i >= doc.end ? "outside-body" : "kept");
  if (rule !== "page-header" && rule !== "page-footer" && rule !== "locate-article") return rule;
  if (doc.noArticle) return "no-article";
  if (rule === "locate-article") return "inner-cut";
  // The headline rule drops the lines above a headline it picks inside the body under the same name.
  if (rule === "page-header" && doc.title > i && doc.core && i >= doc.core[0]) return "page-header:above-headline";
  if (goldTotal > 0 && goldInRun < goldTotal / 2) return `${rule}:wrong-place`;
  // Furniture lines between the line and the run mean a second part of the body; none, an edge the run stopped at.
  const [a, b] = rule === "page-header" ? [i + 1, doc.start] : [doc.end, i];
  let furniture = 0;
  for (let j = a; j < b; j++) if (!gold[j]) furniture++;
  if (furniture === 0) return `${rule}:edge`;
  return `${rule}:two-part${furniture <= THIN_GAP ? "-thin" : ""}`;
}

/** Where a kept line sat: in the core the block model found, or in the run grown above or below it. */
export function keptPlace(doc: TextDoc, i: number): string {
  if (!doc.core) return "run";
  return i < doc.core[0] ? "run-above-core" : i >= doc.core[1] ? "run-below-core" : "core";
}

/** Words of the true body lines inside the located run [start, end), and on the whole page. */
export function goldWords(doc: TextDoc, gold: Uint8Array): { inRun: number; total: number } {
  let inRun = 0, total = 0;
  gold.forEach((g, i) => {
    if (!g) return;
    total += doc.lines[i]!.words;
    if (i >= doc.start && i < doc.end) inRun += doc.lines[i]!.words;
  });
  return { inRun, total };
}

/**
 * The line that holds a snippet: of the lines holding it, the one nearest the located run (a menu
 * or a teaser may repeat a line of the article far from it); -1 when no one line holds it.
 */
export function snippetLine(doc: TextDoc, snippet: string): number {
  const s = collapse(snippet);
  let best = -1, bestDistance = Infinity;
  doc.lines.forEach((l, i) => {
    if (!collapse(l.text).includes(s)) return;
    const distance = i < doc.start ? doc.start - i : i >= doc.end ? i - doc.end + 1 : 0;
    if (distance < bestDistance) (best = i), (bestDistance = distance);
  });
  return best;
}
