// The learned headline model for text dumps (trained by `npm run train:clean`).
import { loadModel, type LogisticModel } from "../model/logistic.ts";
import weights from "./weights/headline-text.json" with { type: "json" };
import { HEADLINE_FEATURES } from "./headline-features.ts";

let model: LogisticModel | null = null;

/** Checked against the code's feature names on first use. */
export function headlineModel(): LogisticModel {
  model ??= loadModel(weights, HEADLINE_FEATURES);
  return model;
}
