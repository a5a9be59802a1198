// short-line-context for text dumps: lines that are not running prose (subheadings, list items,
// one-line paragraphs, hard-wrapped lines, kickers, bylines, promos). The hand rule (context.ts)
// drops furniture-shaped lines and runs of short lines at the body's edges or next to furniture;
// a learned model (boosted trees over short-line-features.ts, trained by `npm run train:clean` on the
// tuning halves) keeps those of its dropped short lines that read as article text: hard-wrapped
// paragraphs and one-line paragraphs at the edges of the body.
import type { CleanRule } from "./types.ts";
import { dropLine, type TextDoc } from "../doc.ts";
import { boostedLogit, loadBoosted, type BoostedModel } from "../boosted.ts";
import { SHORT_LINE_FEATURES, shortLineRows } from "./short-line-features.ts";
import { dropFurnitureLines } from "./context.ts";
import { cutModelFrom, readOnce } from "../cut-model.ts";
import weights from "../weights/short-lines-text.json" with { type: "json" };

export interface ShortLineModel {
  model: BoostedModel;
  /** A line the hand rule drops is kept when the model's log-odds reach this. */
  cut: number;
}

/** The model from a short-line weights file, checked against the code's feature names. */
export function shortLineModelFrom(file: { model: unknown; cut: unknown }): ShortLineModel {
  return cutModelFrom("clean/text-short-line", file, (model) => loadBoosted(model, SHORT_LINE_FEATURES));
}

export const shortLineModel: () => ShortLineModel = readOnce(() => shortLineModelFrom(weights));

/** The rule with the given model (training tries its own); `shortLineContext` uses the committed one. */
export function shortLineRule(model: () => ShortLineModel): CleanRule {
  return {
    name: "short-line-context",
    apply(doc: TextDoc) {
      const short = dropFurnitureLines(doc);
      if (!short) return;
      const m = model();
      for (const r of shortLineRows(doc, short, true)) if (boostedLogit(m.model, r.x) < m.cut) dropLine(doc, r.index, "short-line-context");
    },
  };
}

export const shortLineContext: CleanRule = shortLineRule(shortLineModel);
