// A weight set as a trainer wrote it to a folder (src/clean/weights/, train/weights-<on>/..., a trial's
// OUT), loaded without going through src/clean's JSON imports: a trainer or a trial reads the set it
// means, whichever set src/clean/weights/ holds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CleanModels } from "../../src/clean/index.ts";
import { blockModelsFrom, type BlockModels, type BlockWeightsFile } from "../../src/clean/block-model.ts";
import { headlineModelsFrom, type HeadlineModels } from "../../src/clean/headline-model.ts";
import { shortLineModelFrom, type ShortLineModel } from "../../src/clean/rules/short-lines.ts";
import { listLinesModelFrom, type ListLinesModel } from "../../src/clean/rules/list-lines.ts";
import type { LogisticModel } from "../../src/model/logistic.ts";
import { gateFeatures, loadGate } from "../../src/clean/rules/article-gate.ts";

const read = (dir: string, name: string): unknown => JSON.parse(readFileSync(join(dir, `${name}.json`), "utf8"));

/** One path's block models (blocks-text.json or blocks-html.json). */
export function storedBlocks(dir: string, path: "text" | "html"): BlockModels {
  return blockModelsFrom(read(dir, `blocks-${path}`) as BlockWeightsFile, path === "html");
}

export function storedHeadline(dir: string): HeadlineModels {
  return headlineModelsFrom(read(dir, "headline-text") as Parameters<typeof headlineModelsFrom>[0]);
}

export function storedShortLines(dir: string): ShortLineModel {
  return shortLineModelFrom(read(dir, "short-lines-text") as { model: unknown; cut: unknown });
}

export function storedListLines(dir: string): ListLinesModel {
  return listLinesModelFrom(read(dir, "list-lines-text") as { model: unknown; cut: unknown });
}

export function storedGate(dir: string, path: "text" | "html" = "text"): LogisticModel {
  return loadGate(read(dir, `article-gate-${path}`), gateFeatures(path));
}

/** The whole set, for `rulesWith`. */
export function storedModels(dir: string): Required<CleanModels> {
  return { html: storedBlocks(dir, "html"), htmlGate: storedGate(dir, "html"), text: { blocks: storedBlocks(dir, "text"), headline: storedHeadline(dir), listLines: storedListLines(dir), shortLines: storedShortLines(dir), gate: storedGate(dir) } };
}
