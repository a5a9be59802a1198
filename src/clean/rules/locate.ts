// Finds the article inside the page with the learned block model (block-model.ts): the run of
// blocks whose log-odds of being article text sum highest is the body; inside it, blocks the model
// is sure are furniture still go. A page where no block reads as article text has no article.
import type { CleanRule } from "./types.ts";
import { dropLine, type TextDoc } from "../doc.ts";
import { LONG_PARAGRAPH, bestRun, grownEdge } from "../block-features.ts";
import { lineKind } from "./context.ts";
import { float64Scratch, uint8Scratch } from "../scratch.ts";
import { blockModels, scoreBlocks, type BlockModels, type DecodeSettings } from "../block-model.ts";

/**
 * Each block's gain towards the run: its log-odds past the bias, weighted by its length to the
 * given power. Past a long paragraph's length a block weighs no more: one long teaser glued into a
 * line must not outweigh an article of short paragraphs. A run of teasers glued to their headlines
 * ("…Bill At Troy SteakhouseA party of six…") must not outweigh a short article either.
 */
export function runGains(doc: TextDoc, score: ArrayLike<number>, bias: number, power: number, furniture: Uint8Array, gain: Float64Array = new Float64Array(doc.lines.length)): Float64Array {
  const weight = weightsOf(power);
  for (let i = 0; i < gain.length; i++) {
    const b = 1 + Math.min(LONG_PARAGRAPH, doc.lines[i]!.words);
    if (weight[b]! < 0) weight[b] = b ** power;
    gain[i] = (score[i]! - bias) * weight[b]!;
    if (gain[i]! > 0 && furniture[i]) gain[i] = -gain[i]!;
  }
  return gain;
}

/**
 * (1 + words) ** power for each of the few lengths, worked out once each (a power costs more than the
 * rest), kept while the power stays the same (page after page); -1 for one not worked out yet.
 */
const weights = new Float64Array(LONG_PARAGRAPH + 2);
let weightsPower = Number.NaN;

function weightsOf(power: number): Float64Array {
  if (power !== weightsPower) {
    weights.fill(-1);
    weightsPower = power;
  }
  return weights;
}

/** `articleRun`'s gains and furniture marks, none kept past the call. */
const coreGains = float64Scratch();
const growGains = float64Scratch();
const furnitureMarks = uint8Scratch();

/**
 * Text lines of furniture shape (a share row, a byline, a headline glued to its teaser): they go
 * later whatever their score (rules/context.ts), so they count against the run, not for it. Only
 * lines scoring above `floor` are looked at: the others count against the run already.
 */
function furnitureShaped(doc: TextDoc, score: ArrayLike<number>, floor: number): Uint8Array {
  const out = furnitureMarks.zeros(doc.lines.length);
  if (doc.origin === "html") return out;
  for (let i = 0; i < out.length; i++) if (score[i]! > floor && lineKind(doc.lines[i]!) === "bad") out[i] = 1;
  return out;
}

export const locateArticle: CleanRule = {
  name: "locate-article",
  apply(doc) {
    const models = blockModels(doc.origin === "html");
    locate(doc, scoreBlocks(doc, models).score, models.decode);
  },
};

/** The rule with given models (for training and its checks); `locateArticle` uses the committed ones. */
export function locateWith(models: BlockModels): CleanRule {
  return { name: "locate-article", apply: (doc) => locate(doc, scoreBlocks(doc, models).score, models.decode) };
}

/**
 * The rule with the block scores already known (training tries many decode settings on the same scores);
 * `runScore`, when given, is what the run is decoded from instead (a trial's mixed scores, train/try-span.ts).
 */
export function locateScored(score: Float64Array, decode: DecodeSettings, runScore: Float64Array = score): CleanRule {
  return { name: "locate-article", apply: (doc) => locate(doc, score, decode, runScore) };
}

/**
 * The article's run: its core (the best run of blocks the model finds likely), grown up and down
 * over blocks that are less sure (log-odds past `bias`) as long as the growth gains, but never
 * across a stretch of furniture costing more than `patience` (`above` for the growth upwards, when
 * set): one advertisement inside the article is crossed, the comments and the list of other stories
 * under it are not.
 */
export function articleRun(doc: TextDoc, score: ArrayLike<number>, decode: DecodeSettings): { core: [number, number]; run: [number, number] } | null {
  const furniture = furnitureShaped(doc, score, Math.min(0, decode.bias));
  const n = doc.lines.length;
  const core = bestRun(runGains(doc, score, 0, decode.power, furniture, coreGains.room(n)));
  if (!core) return null;
  const gain = runGains(doc, score, decode.bias, decode.power, furniture, growGains.room(n));
  const end = grownEdge(gain, core[1], 1, decode.patience);
  const start = grownEdge(gain, core[0] - 1, -1, decode.above ?? decode.patience) + 1;
  return { core, run: [start, end] };
}

/**
 * A weak block inside the core whose neighbours right above and below it stay (`DecodeSettings.sandwich`):
 * a list item, a one-line paragraph or a subheading between two article lines. Only inside the core:
 * above it sit the headline, kicker and deck, where a weak line between two kept ones is as often a
 * teaser as article text.
 */
function sandwiched(doc: TextDoc, score: ArrayLike<number>, i: number, [start, end]: [number, number], { inner, sandwich }: DecodeSettings): boolean {
  if (score[i]! < sandwich || i <= start || i + 1 >= end) return false;
  const stays = (j: number) => doc.lines[j]!.drop === null && score[j]! >= inner;
  return stays(i - 1) && stays(i + 1);
}

/**
 * Brings back the weak lines between two article lines that locate-article set aside (`TextDoc.sandwiched`).
 * They wait until the headline is found: the headline model was trained on bodies of the block
 * model's sure lines, and a subheading kept near the top of the body would stand among its candidates.
 * A line the headline rule put above the body stays out.
 */
export const keepSandwiched: CleanRule = {
  name: "keep-sandwiched",
  apply(doc) {
    for (const i of doc.sandwiched) {
      const line = doc.lines[i]!;
      if (line.drop === "locate-article" && i > doc.title) line.drop = null;
    }
  },
};

function locate(doc: TextDoc, score: Float64Array, decode: DecodeSettings, runScore: Float64Array = score): void {
  doc.scores = score;
  const { inner, article } = decode;
  const found = articleRun(doc, runScore, decode);
  const run = found?.run ?? null;
  doc.core = found?.core ?? null;
  doc.sandwiched = [];
  doc.head = [];
  let best = -Infinity;
  if (run) for (let i = run[0]; i < run[1]; i++) if (doc.lines[i]!.drop === null) best = Math.max(best, score[i]!);
  if (!run || best < article) {
    doc.noArticle = "no article text found: no block of the page reads as article text (only menus, notices and other page furniture)";
    for (let i = 0; i < doc.lines.length; i++) dropLine(doc, i, "locate-article");
    doc.start = doc.end = 0;
    return;
  }
  const [start, end] = run;
  for (let i = 0; i < start; i++) {
    dropLine(doc, i, "page-header");
    if (doc.origin === "text" && doc.lines[i]!.drop === "page-header" && doc.lines[i]!.prose && score[i]! >= inner) doc.head.push(i);
  }
  for (let i = end; i < doc.lines.length; i++) dropLine(doc, i, "page-footer");
  const core = doc.core!;
  for (let i = start; i < end; i++) {
    if (score[i]! >= inner) continue;
    if (sandwiched(doc, score, i, core, decode)) doc.sandwiched.push(i);
    dropLine(doc, i, "locate-article");
  }
  doc.start = start;
  doc.end = end;
}
