// Weights for a story of several articles (a tuning's `merged`, learnedMerged from train/train-summary-merged.ts): a
// story of two articles or more is summarised by them, a story of one article (copies of it aside) never.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { defaultTuning, summarise, type SingleTuning } from "../../src/summarise/index.ts";

// events-dev (tuning half) ecbplus-7-ecbplus: eleven outlets' reports of Klitschko stopping Thompson.
const event = readFileSync(new URL("../fixtures/summarise/events-7-ecbplus.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { title: string | null; text: string })
  .map((r) => ({ title: r.title ?? undefined, text: r.text }));
// Weights far from the hand-set ones: no lead prior, the story's centroid alone.
const centroidOnly: SingleTuning = { position: 0, positionDecay: 0.5, centrality: 1, title: 0, directed: 0, backward: 0, fullLength: 20, lambda: 0.9, sameFact: 0.5 };
const withMerged = { ...defaultTuning, merged: centroidOnly };

describe("weights for a story of several articles", () => {
  it("summarise a merged story by them", () => {
    for (const options of [{ sentences: 3 }, { words: 100 }]) {
      const summary = summarise(event, options, withMerged);
      expect(summary).toEqual(summarise(event, options, { ...defaultTuning, ...centroidOnly, merged: undefined }));
      expect(summary).not.toEqual(summarise(event, options, { ...defaultTuning, merged: undefined }));
    }
  });

  it("never reach a story of one article, nor of one article and its copy", () => {
    const one = event[0]!;
    for (const articles of [[one], [one, { ...one }]]) {
      for (const options of [{ sentences: 3 }, { words: 100 }]) expect(summarise(articles, options, withMerged)).toEqual(summarise(articles, options, { ...defaultTuning, merged: undefined }));
    }
  });
});
