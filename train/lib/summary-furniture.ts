// fs63's trial: page furniture the cleaner kept in an article's body (an outdated-browser notice, an author's
// bio, a video teaser, a caption, a byline with its date), read sentence by sentence with the cleaner's own
// reading of a line (line-reading.ts: the text line model's features and log-odds, a line read alone), the
// sentence's place in its article and how much of it the article's other paragraphs talk about. Features of
// train/try-summary-furniture-model.ts's model (measured, not adopted: docs/scaling.md, stop 63, fs63).
import { lineReading, LINE_FEATURES } from "./line-reading.ts";
import { scoreBlocks } from "../../src/clean/block-model.ts";
import { docOf, makeLine } from "../../src/clean/doc.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import { cleanSource } from "../../src/clean/index.ts";
import type { DevPage } from "../../eval/lib/clean-corpus.ts";
import { devSource } from "../../eval/lib/dev-source.ts";

export const FURNITURE_FEATURES: readonly string[] = [...LINE_FEATURES.map((f) => `sentence-${f}`), "sentence-odds", "paragraph-odds", "first-paragraph", "log-paragraph", "log-paragraph-sentences", "topic-share", "log-terms", "paragraph-in-article"];

/** One article's sentences: each one's text, the index of its paragraph among `paragraphs`, its content terms. */
export interface ArticleSentence {
  text: string;
  paragraph: number;
  terms: Int32Array;
}

/** The model's features of each sentence of one article, in `FURNITURE_FEATURES`' order. */
export function furnitureRows(paragraphs: readonly string[], sentences: readonly ArticleSentence[]): Float64Array[] {
  if (sentences.length === 0) return [];
  const para = lineReading(paragraphs).odds;
  // The text line model's second step, each paragraph read among the article's others as lines of a page.
  const inArticle = Float64Array.from(scoreBlocks(docOf("", paragraphs.map((p) => makeLine(p, true)), emptyMeta(), "text")).score);
  const perParagraph = new Int32Array(paragraphs.length);
  for (const s of sentences) perParagraph[s.paragraph]!++;
  const own = lineReading(sentences.map((s) => s.text));
  // In how many paragraphs each term is (a term's paragraphs are met in order, so the last one seen is enough).
  const paragraphsOf = new Map<number, number>();
  const lastParagraph = new Map<number, number>();
  for (const s of sentences) {
    for (const t of s.terms) {
      if (lastParagraph.get(t) === s.paragraph) continue;
      lastParagraph.set(t, s.paragraph);
      paragraphsOf.set(t, (paragraphsOf.get(t) ?? 0) + 1);
    }
  }
  const width = LINE_FEATURES.length;
  return sentences.map((s, i) => {
    const x = new Float64Array(FURNITURE_FEATURES.length);
    x.set(own.rows[i]!);
    x[width] = own.odds[i]!;
    x[width + 1] = para[s.paragraph]!;
    x[width + 2] = s.paragraph === 0 ? 1 : 0;
    x[width + 3] = Math.log1p(s.paragraph);
    x[width + 4] = Math.log1p(perParagraph[s.paragraph]!);
    // The share of its terms the article's other paragraphs use: a bio, a promotion, a notice is about something else.
    let shared = 0;
    for (const t of s.terms) if (paragraphsOf.get(t)! > 1) shared++;
    x[width + 5] = s.terms.length ? shared / s.terms.length : 0;
    x[width + 6] = Math.log1p(s.terms.length);
    x[width + 7] = inArticle[s.paragraph]!;
    return x;
  });
}

/** A dev page cleaned from its text dump or its HTML, as the summariser reads it; null when rejected or empty. */
export function cleanedDevPage(page: DevPage, format: "text" | "html"): { title: string; text: string } | null {
  try {
    const a = cleanSource(devSource(`${page.id}.${format === "html" ? "html" : "txt"}`, format, format === "html" ? page.html : page.text, page.url));
    return a.paragraphs.length ? { title: a.title, text: a.paragraphs.join("\n") } : null;
  } catch {
    return null;
  }
}
