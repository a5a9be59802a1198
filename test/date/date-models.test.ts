import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/model/logistic.ts";
import { MENTION_FEATURES } from "../../src/date/features.ts";

// The shipped date models learn from both halves of dates-dev (npm run train:dates); the same method on the
// tuning half alone (TRAIN_ON=tuning) is kept in train/weights-tuning/, which npm run eval:tuning-weights
// lays over a copy of the tree for the honest checking figures, and eval:dates names the in-sample half.
const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")) as Record<string, unknown>;
const shipped = read("src/date/date-models.json");
const tuning = read("train/weights-tuning/src/date/date-models.json");

describe("date models: shipped and tuning-only weights", () => {
  for (const kind of ["html", "text"]) {
    it(`${kind}: the shipped model says it learned from both halves, the tuning-only one from the tuning half`, () => {
      expect(loadModel(shipped[kind], MENTION_FEATURES).trainedOn).toMatch(/^dates-dev both halves \(TRAIN_ON=all/);
      expect(loadModel(tuning[kind], MENTION_FEATURES).trainedOn).toMatch(/^dates-dev tuning half \(\d+ pages\)/);
    });

    it(`${kind}: the tuning-only model loads with the code's features and is not a copy of the shipped one`, () => {
      const [s, t] = [loadModel(shipped[kind], MENTION_FEATURES), loadModel(tuning[kind], MENTION_FEATURES)];
      expect(t.features).toEqual(s.features);
      expect(t.weights).not.toEqual(s.weights);
    });
  }
});
