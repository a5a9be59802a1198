// Whether the shipped cleaning weights learned from the checking halves too (`npm run train:clean`
// with TRAIN_ON=all, issue 8): then an eval's checking half is in-sample and the honest figures are
// those of the tuning-only weights (`npm run eval:tuning-weights -- <eval>`).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** What train:clean writes in a weight file's `trainedOn` when it learned from both halves. */
export const BOTH_HALVES = "both halves (tuning and checking)";

const CLEAN_WEIGHTS = ["blocks-text", "blocks-html", "headline-text", "short-lines-text"];

function trainedOnTexts(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "trainedOn" && typeof v === "string" ? [v] : trainedOnTexts(v)));
}

/** The cleaning weight files (as src/clean/weights/ holds them in this tree) that saw the checking halves. */
export function cleanWeightsInSample(dir = fileURLToPath(new URL("../../src/clean/weights/", import.meta.url))): string[] {
  return CLEAN_WEIGHTS.filter((name) => trainedOnTexts(JSON.parse(readFileSync(`${dir}/${name}.json`, "utf8"))).some((t) => t.includes(BOTH_HALVES)));
}

/** The line an eval prints when its checking half is in-sample, else null. */
export function inSampleNote(evalName: string, dir?: string): string | null {
  const seen = cleanWeightsInSample(dir);
  if (seen.length === 0) return null;
  return `note: the shipped weights (${seen.join(", ")}) learned from both halves, so the checking half below is in-sample; \`npm run eval:tuning-weights -- ${evalName}\` gives the honest figures (tuning-only weights).`;
}
