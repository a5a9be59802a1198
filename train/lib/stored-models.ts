// A weight set as a trainer wrote it to a folder (src/clean/weights/, train/weights-<on>/..., a trial's
// OUT), loaded without going through src/clean's JSON imports: a trainer or a trial reads the set it
// means, whichever set src/clean/weights/ holds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CleanModels } from "../../src/clean/index.ts";
import type { BlockModels, DecodeSettings } from "../../src/clean/block-model.ts";
import { contextNames, featureNames } from "../../src/clean/block-features.ts";
import { loadBoosted } from "../../src/clean/boosted.ts";
import { HEADLINE_CONTEXT_FEATURES, HEADLINE_FEATURES } from "../../src/clean/headline-features.ts";
import type { HeadlineModels, HeadlinePair } from "../../src/clean/headline-model.ts";
import { SHORT_LINE_FEATURES } from "../../src/clean/rules/short-line-features.ts";
import type { ShortLineModel } from "../../src/clean/rules/short-lines.ts";
import { loadModel, type LogisticModel } from "../../src/model/logistic.ts";
import { ARTICLE_GATE_FEATURES } from "../../src/clean/rules/article-gate.ts";

const read = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));

/** One path's block models (blocks-text.json or blocks-html.json). */
export function storedBlocks(dir: string, path: "text" | "html"): BlockModels {
  const file = read(dir, `blocks-${path}`) as { local: unknown; context: unknown; decode: DecodeSettings };
  const names = featureNames(path === "html");
  return { local: loadModel(file.local, names), context: loadBoosted(file.context, [...names, ...contextNames(path === "html")]), decode: file.decode };
}

export function storedHeadline(dir: string): HeadlineModels {
  const file = read(dir, "headline-text") as { line: unknown; context: unknown; noUrl: { line: unknown; context: unknown } };
  const pair = (w: { line: unknown; context: unknown }): HeadlinePair => ({ line: loadModel(w.line, HEADLINE_FEATURES), context: loadModel(w.context, HEADLINE_CONTEXT_FEATURES) });
  return { ...pair(file), noUrl: pair(file.noUrl) };
}

export function storedShortLines(dir: string): ShortLineModel {
  const file = read(dir, "short-lines-text") as { model: unknown; cut: number };
  return { model: loadBoosted(file.model, SHORT_LINE_FEATURES), cut: file.cut };
}

export function storedGate(dir: string): LogisticModel {
  return loadModel(read(dir, "article-gate-text"), ARTICLE_GATE_FEATURES);
}

/** The whole set, for `rulesWith`. */
export function storedModels(dir: string): Required<CleanModels> {
  return { html: storedBlocks(dir, "html"), text: { blocks: storedBlocks(dir, "text"), headline: storedHeadline(dir), shortLines: storedShortLines(dir), gate: storedGate(dir) } };
}
