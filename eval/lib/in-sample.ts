// Whether shipped weights learned from the checking halves too (a trainer run with TRAIN_ON=all, issue 8):
// then an eval's checking half is in-sample and the honest figures are those of the tuning-only weights
// (`npm run eval:tuning-weights -- <eval>`). One place for every eval's note: the cleaning weights, the
// date models and the merge model say it in their `trainedOn`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** What train:clean writes in a weight file's `trainedOn` when it learned from both halves. */
export const BOTH_HALVES = "both halves (tuning and checking)";
/** What train:dates and train:merge write there. */
const ALL_DATA = "TRAIN_ON=all";

/** Whether any of these `trainedOn` texts says the weights saw the checking halves. */
export function trainedInSample(texts: readonly (string | undefined)[]): boolean {
  return texts.some((t) => t !== undefined && (t.includes(BOTH_HALVES) || t.includes(ALL_DATA)));
}

/** Every file train:clean writes (src/clean/weights/): the note names each one that saw the checking halves. */
const CLEAN_WEIGHTS = ["blocks-text", "blocks-html", "headline-text", "list-lines-text", "short-lines-text", "article-gate-text", "article-gate-html"];

function trainedOnTexts(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "trainedOn" && typeof v === "string" ? [v] : trainedOnTexts(v)));
}

/** The cleaning weight files (as src/clean/weights/ holds them in this tree) that saw the checking halves. */
export function cleanWeightsInSample(dir = fileURLToPath(new URL("../../src/clean/weights/", import.meta.url))): string[] {
  return CLEAN_WEIGHTS.filter((name) => trainedInSample(trainedOnTexts(JSON.parse(readFileSync(`${dir}/${name}.json`, "utf8")))));
}

/** The line an eval prints when the named shipped weights learned from both halves. */
export function inSampleLine(evalName: string, seen: readonly string[]): string {
  return `note: the shipped weights (${seen.join(", ")}) learned from both halves, so the checking half below is in-sample; \`npm run eval:tuning-weights -- ${evalName}\` gives the honest figures (tuning-only weights).`;
}

/** The line eval:clean and eval:headlines print when the cleaning weights' checking half is in-sample, else null. */
export function inSampleNote(evalName: string, dir?: string): string | null {
  const seen = cleanWeightsInSample(dir);
  return seen.length === 0 ? null : inSampleLine(evalName, seen);
}
