// The learned headline models for text dumps (trained by `npm run train:clean`): a first model scores
// each candidate line on its own, a second weighs that score against the candidates around it. A
// page without its URL has a pair of its own: without the slug, the other signals (length above all:
// a headline against the standfirst under it) weigh differently.
import { loadModel, logit, type LogisticModel } from "../model/logistic.ts";
import weights from "./weights/headline-text.json" with { type: "json" };
import { HEADLINE_CONTEXT_FEATURES, HEADLINE_FEATURES, headlineCandidates, headlineContextRows, type HeadlineCandidate } from "./headline-features.ts";
import type { TextDoc } from "./doc.ts";
import { speaksToReader } from "./rules/notice-words.ts";

export interface HeadlinePair {
  line: LogisticModel;
  context: LogisticModel;
}

/** The pair for pages with their URL, and `noUrl` for pages without it. */
export interface HeadlineModels extends HeadlinePair {
  noUrl: HeadlinePair;
}

let models: HeadlineModels | null = null;

type PairWeights = { line: unknown; context: unknown };

/** The models from a headline weights file, checked against the code's feature names. */
export function headlineModelsFrom(file: PairWeights & { noUrl: PairWeights }): HeadlineModels {
  const pair = (w: PairWeights): HeadlinePair => ({ line: loadModel(w.line, HEADLINE_FEATURES), context: loadModel(w.context, HEADLINE_CONTEXT_FEATURES) });
  return { ...pair(file), noUrl: pair(file.noUrl) };
}

/** The committed models, checked against the code's feature names on first use. */
export function headlineModels(): HeadlineModels {
  models ??= headlineModelsFrom(weights);
  return models;
}

/**
 * The candidates a text dump's headline is chosen from: never the body's last line, which has no
 * article below it. `transient`: their features are valid until the next call (`headlineCandidates`).
 */
export function headlineChoices(doc: TextDoc, transient = false): HeadlineCandidate[] {
  let last = -1;
  for (let i = doc.start; i < doc.end; i++) if (doc.lines[i]!.drop === null) last = i;
  return headlineCandidates(doc, null, transient).filter((c) => c.index < last);
}

/** Each candidate's score by the two models (the page's pair: with or without its URL). */
export function headlineScores(doc: TextDoc, candidates: readonly HeadlineCandidate[], models: HeadlineModels = headlineModels()): number[] {
  return Array.from(scoresOf(doc, candidates, models));
}

// Typed arrays filled by index and read in loops: arrays made by `map` (and a row array of subarrays)
// took other element kinds in the interpreter than in optimised code, and deoptimised the headline
// rule and its context features in every fresh thread.
function scoresOf(doc: TextDoc, candidates: readonly HeadlineCandidate[], models: HeadlineModels): Float64Array {
  const m = doc.meta.url ? models : models.noUrl;
  const n = candidates.length;
  const z = new Float64Array(n);
  for (let k = 0; k < n; k++) z[k] = logit(m.line, candidates[k]!.x);
  const rows = headlineContextRows(doc, candidates, z, true);
  const width = HEADLINE_CONTEXT_FEATURES.length;
  const scores = new Float64Array(n);
  for (let k = 0; k < n; k++) scores[k] = logit(m.context, rows, k * width);
  return scores;
}

/**
 * The line the models rate highest, or -1; nearer the body wins ties (candidates come in page order).
 * A one-word line just over a candidate of a headline's length is passed over (`labelOver`), and so is a
 * notice to the reader about their device, browser, player or JavaScript (`speaksToReader`): it stays a
 * candidate (its neighbours' context features count it), but a reader never sees it as the headline.
 */
export function pickHeadline(doc: TextDoc, m: HeadlineModels = headlineModels()): number {
  const candidates = headlineChoices(doc, true);
  const scores = scoresOf(doc, candidates, m);
  // The pick is the last of the highest-scored candidates that is neither a label nor a notice (the loop below):
  // whether a line is passed over does not depend on the others' scores, so the top candidate is asked first,
  // and only when it is passed over are the others read in turn. Most pages ask one line, not every line that
  // was the best so far (`speaksToReader` reads each line's words).
  let top = -1;
  for (let k = 0; k < scores.length; k++) if (scores[k]! >= (top < 0 ? -Infinity : scores[top]!)) top = k;
  if (top < 0) return -1;
  if (!labelOver(doc, candidates, top) && !speaksToReader(doc.lines[candidates[top]!.index]!.text)) return candidates[top]!.index;
  let best = -Infinity, index = -1;
  for (let k = 0; k < scores.length; k++) {
    if (scores[k]! >= best && !labelOver(doc, candidates, k) && !speaksToReader(doc.lines[candidates[k]!.index]!.text)) (best = scores[k]!, (index = candidates[k]!.index));
  }
  return index;
}

/** Lines apart within which a one-word line reads as the label over the line under it. */
const LABEL_REACH = 2;
/** The words of the line under it that make the one-word line its label: a headline's length, not a paragraph's. */
const LABEL_UNDER_WORDS = [4, 20] as const;

/**
 * A one-word line standing up to two lines over a candidate of a headline's length (4-20 words, no
 * closing full stop) with no running prose between them: that line's section label or kicker
 * ("Energie" over "Kernfusion: Kann „die Energiequelle der Sterne“ Energieprobleme aus der Welt
 * schaffen?", "Welpen" over "Welpen kaufen – Tipps zu jeder Hunderasse"), never the headline itself. A
 * one-word headline over the article's first paragraph ("Emden" over a sentence of 28 words), or over
 * that paragraph and a teaser link under it ("Glaube" over its body, then "Glaubenskurse …"), stays.
 * The models still score the label (it stays a candidate: its neighbours' context features count it).
 */
export function labelOver(doc: TextDoc, candidates: readonly HeadlineCandidate[], k: number): boolean {
  const at = candidates[k]!.index;
  if (doc.lines[at]!.words !== 1) return false;
  for (let j = k + 1; j < candidates.length && candidates[j]!.index - at <= LABEL_REACH; j++) {
    const below = candidates[j]!.index;
    const under = doc.lines[below]!;
    if (under.words < LABEL_UNDER_WORDS[0] || under.words > LABEL_UNDER_WORDS[1] || under.text.trimEnd().endsWith(".")) continue;
    if (!doc.lines.slice(at + 1, below).some((line) => line.drop === null && line.prose)) return true;
  }
  return false;
}
