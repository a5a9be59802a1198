// The learned article-block models (trained by `npm run train:clean`, train/train-clean.ts): one
// for text-dump lines, one for HTML blocks, each in two steps: a block alone, then the block with
// the first step's verdict on its neighbours. Their log-odds decide where the article is.
import { loadModel, type LogisticModel } from "../model/logistic.ts";
import { boostedLogit, loadBoosted, type BoostedModel } from "./boosted.ts";
import textWeights from "./weights/blocks-text.json" with { type: "json" };
import htmlWeights from "./weights/blocks-html.json" with { type: "json" };
import { contextCount, contextNames, featureCount, featureNames, slugTerms, writeContextFeatures, writeLocalFeatures } from "./block-features.ts";
import { float64Scratch } from "./scratch.ts";
import type { TextDoc } from "./doc.ts";

/** How the block log-odds become a body: settings chosen on the tuning halves with the real metrics. */
export interface DecodeSettings {
  /** Subtracted from each block's log-odds before the best run is found: higher keeps a tighter run. */
  bias: number;
  /** Inside the run, a block below these log-odds still goes. */
  inner: number;
  /**
   * ... unless it lies inside the core, has at least these log-odds and the blocks right above and
   * below it stay: one weak line between two article lines (a list item, a one-line paragraph, a
   * subheading) is article text. At `inner` or above, no block is kept so (the HTML path's setting).
   */
  sandwich: number;
  /** The body must hold a block this likely to be article text, or the page has no article. */
  article: number;
  /** A block's gain towards the run is weighted by (1 + its words) to this power. */
  power: number;
  /** How much furniture (summed negative gain) the run may cross to take in more article text. */
  patience: number;
  /**
   * The patience of the growth above the core, when it differs: a standfirst stands above the byline,
   * date, photo credit and share row, a stretch the growth below the article has no reason to cross.
   */
  above?: number;
}

export interface BlockModels {
  local: LogisticModel;
  context: BoostedModel;
  decode: DecodeSettings;
}

export interface BlockWeightsFile {
  local: unknown;
  context: unknown;
  decode: DecodeSettings;
}

const cache = new Map<boolean, BlockModels>();

/** One path's models from its weights file, checked against the code's feature names. */
export function blockModelsFrom(file: BlockWeightsFile, html: boolean): BlockModels {
  const names = featureNames(html);
  return { local: loadModel(file.local, names), context: loadBoosted(file.context, [...names, ...contextNames(html)]), decode: file.decode };
}

/** The committed models for one input path, checked against the code's feature names on first use. */
export function blockModels(html: boolean): BlockModels {
  let m = cache.get(html);
  if (!m) {
    m = blockModelsFrom((html ? htmlWeights : textWeights) as BlockWeightsFile, html);
    cache.set(html, m);
  }
  return m;
}

const localScratch = float64Scratch();
/** Every line's row of features, one flat array for page after page (`scoreBlocks` reads it by offset). */
const rowScratch = float64Scratch();

/** Fewer lines than this and the neighbourhood model has too little to go on. */
const MIN_CONTEXT = 6;

export interface BlockScores {
  /** First-step log-odds, block alone: valid until the next `scoreBlocks` (one array serves page after page). */
  local: Float64Array;
  /** Second-step log-odds, block in its neighbourhood: what decides. */
  score: Float64Array;
}

/** Log-odds that each line of the document is article text. */
export function scoreBlocks(doc: TextDoc, models: BlockModels = blockModels(doc.origin === "html")): BlockScores {
  const html = doc.origin === "html";
  // One row per line: its own features, then its neighbourhood's (the local model reads the first part only).
  const width = featureCount(html);
  const stride = width + contextCount(html);
  const slug = slugTerms(doc.meta.url);
  const n = doc.lines.length;
  // Line i's row from i × stride on: its own features, then its neighbourhood's.
  const rows = rowScratch.zeros(n * stride);
  writeLocalFeatures(doc, html, rows, stride, slug);
  const local = localScratch.room(n);
  const localLogit = compiledLogit(models.local);
  for (let i = 0; i < n; i++) local[i] = localLogit(rows, i * stride);
  writeContextFeatures(local, doc.lines, html, rows, stride, width, slug);
  // A page of a few lines has no neighbourhood to speak of: the blocks are judged alone.
  if (n < MIN_CONTEXT) return { local, score: Float64Array.from(local) };
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) score[i] = boostedLogit(models.context, rows, i * stride);
  return { local, score };
}

type RowLogit = (x: Float64Array, at: number) => number;
const compiledLogits = new WeakMap<LogisticModel, RowLogit>();

/**
 * `logit(model, x, at)` as one function of straight-line code with the model's numbers written in: the
 * same subtraction, division, product and sum for each feature, in the same order, so the same log-odds
 * to the last bit, without reading three arrays per feature. Only numbers are written in, checked first.
 */
export function compiledLogit(model: LogisticModel): RowLogit {
  let f = compiledLogits.get(model);
  if (f) return f;
  const num = (v: number): string => {
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`model ${model.name}: weights file is damaged`);
    // String(v) is the shortest text that reads back as v; -0 alone needs its sign written.
    return Object.is(v, -0) ? "-0" : String(v);
  };
  const terms = model.weights.map((w, i) => `z += ${num(w)} * ((x[at + ${i}] - ${num(model.mean[i]!)}) / ${num(model.scale[i]!)});`);
  f = new Function("x", "at", [`let z = ${num(model.bias)};`, ...terms, "return z;"].join("\n")) as RowLogit;
  compiledLogits.set(model, f);
  return f;
}
