// article-gate, the last rule for text dumps: does the body the rules kept read as an article, or as
// the best the page's furniture had to offer (a login box's blurb, a cookie notice, a teaser, comments)?
// locate-article finds the run of lines most likely to be article text on any page; on a page with no
// article that run is furniture, and whether its best line scores a little above or below 0 turns with
// the training draw. This weighs the kept body as a whole (how sure the block model is of it, its size
// against the page's, how much of it is running prose and furniture words) with a logistic model trained
// by `npm run train:clean` on real pages and on the same pages with their article lines taken out
// (train/lib/furniture-pages.ts); a body it rates below its threshold is refused with the reason.
import type { CleanRule } from "./types.ts";
import { keptBodyIndices, type Line, type TextDoc } from "../doc.ts";
import { fallbackBody } from "../doubts.ts";
import { loadModel, logit, type LogisticModel } from "../../model/logistic.ts";
import weights from "../weights/article-gate-text.json" with { type: "json" };

export const ARTICLE_GATE_FEATURES = [
  "best-score",
  "mean-score",
  "positive-mass",
  "body-words",
  "body-lines",
  "page-words",
  "body-share",
  "prose-share",
  "lexicon-share",
  "longest-line",
  "sentences",
  "repeated-share",
  "headline-found",
] as const;

const clip = (z: number): number => Math.max(-10, Math.min(10, z));

/** The indices of the lines `finish` publishes: the kept body, or when none is left the located text it falls back on. */
export function publishedLines(doc: TextDoc): number[] {
  const body = keptBodyIndices(doc);
  if (body.length > 0) return body;
  const fallback = new Set<Line>(fallbackBody(doc)?.lines ?? []);
  for (let i = doc.start; i < doc.end; i++) if (fallback.has(doc.lines[i]!)) body.push(i);
  return body;
}

/** The gate's features of a text dump after the other rules, or null when there is nothing to judge. */
export function articleGateRow(doc: TextDoc): Float64Array | null {
  if (doc.origin !== "text" || doc.noArticle || !doc.scores) return null;
  const body = publishedLines(doc);
  if (body.length === 0) return null;
  let words = 0, best = -10, weighted = 0, weight = 0, mass = 0, prose = 0, lexicon = 0, longest = 0, sentences = 0, repeated = 0;
  for (const i of body) {
    const l = doc.lines[i]!;
    const z = clip(doc.scores[i]!);
    const w = Math.max(1, l.words);
    words += l.words;
    best = Math.max(best, z);
    weighted += z * w;
    weight += w;
    mass += Math.max(0, z) * Math.sqrt(w);
    if (l.prose) prose += l.words;
    lexicon += l.lexiconWords;
    longest = Math.max(longest, l.words);
    sentences += l.sentences;
    if (l.repeats > 1) repeated += l.words;
  }
  let pageWords = 0;
  for (const l of doc.lines) pageWords += l.words;
  const total = Math.max(1, words);
  return Float64Array.from([
    best,
    weighted / weight,
    Math.log1p(mass),
    Math.log1p(words),
    Math.log1p(body.length),
    Math.log1p(pageWords),
    words / Math.max(1, pageWords),
    prose / total,
    lexicon / total,
    Math.log1p(longest),
    Math.log1p(sentences),
    repeated / total,
    doc.title >= 0 ? 1 : 0,
  ]);
}

let committed: LogisticModel | null = null;

export function articleGateModel(): LogisticModel {
  return (committed ??= loadModel(weights, ARTICLE_GATE_FEATURES));
}

/** Why the gate refuses the page, or null when it keeps it (the threshold is a probability, chosen in training). */
export function gateVerdict(doc: TextDoc, model: () => LogisticModel): string | null {
  const x = articleGateRow(doc);
  if (!x) return null;
  const m = model();
  const p = 1 / (1 + Math.exp(-logit(m, x)));
  return p < m.threshold ? "no article text found: the text kept reads as page furniture (a notice, a form, teasers), not as an article" : null;
}

/** The rule with the given model (training tries its own); `articleGate` uses the committed one. */
export function articleGateWith(model: () => LogisticModel): CleanRule {
  return {
    name: "article-gate",
    apply(doc) {
      const reason = gateVerdict(doc, model);
      if (reason) doc.noArticle = reason;
    },
  };
}

export const articleGate: CleanRule = articleGateWith(articleGateModel);
