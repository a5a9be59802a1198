import { describe, expect, it } from "vitest";
import { loadDates } from "../../eval/lib/clean-corpus.ts";
import { scorePage } from "../../eval/lib/extraction-score.ts";
import { blockModels, scoreBlocks } from "../../src/clean/block-model.ts";
import { articleRun } from "../../src/clean/rules/locate.ts";
import { finish } from "../../src/clean/text.ts";
import { prepared } from "../../train/lib/clean-items.ts";
import { handTruths } from "../../train/lib/hand-bodies.ts";
import { candidateRegions, locateRegion, regionFeatures, REGION_FEATURES } from "../../train/lib/regions.ts";
import { rulesAfterLocate } from "../../train/lib/text-items.ts";

// tx62's depth candidates (train/lib/regions.ts, REGIONS='{"depth":…}' in train/try-regions.ts): locate-article's run
// first, then its core grown with other biases and patiences, each with a lower inner cut. On a hand-labelled
// tuning recipe whose ingredient list the committed text path drops inside its run, a deeper candidate keeps it.
const page = loadDates().find((p) => p.id === "b459522e13b4924f")!;
const depth = { biases: [-2, -1, 1], patiences: [0, 3, 12, 30], inners: [-0.5, -1, -1.5, -2] };

describe("depth candidates of a text dump's body", () => {
  const doc = prepared(page, "text")!;
  const models = blockModels(false);
  const score = Float64Array.from(scoreBlocks(doc, models).score);
  const regions = candidateRegions(doc, score, models.decode, { cores: 1, biases: [], patiences: [], depth });
  const body = (i: number) => {
    const d = prepared(page, "text")!;
    for (const r of [locateRegion(score, models.decode, regions[i]!), ...rulesAfterLocate()]) r.apply(d);
    return finish(d).paragraphs.join("\n\n");
  };

  it("start with locate-article's own run at the decode's inner cut, no two the same", () => {
    const found = articleRun(doc, score, models.decode)!;
    expect(regions[0]!.run).toEqual(found.run);
    expect(regions[0]!.inner).toBe(models.decode.inner);
    expect(new Set(regions.map((r) => `${r.run}:${r.inner}`)).size).toBe(regions.length);
    expect(regions.some((r) => r.inner! < models.decode.inner)).toBe(true);
  });

  it("hold a deeper cut that keeps the recipe's ingredients the base run drops", () => {
    const truth = handTruths([page]).get(page.id)!;
    const base = body(0);
    expect(base).not.toContain("6 tablespoons all-purpose flour");
    const deeper = regions.findIndex((r, i) => i > 0 && body(i).includes("6 tablespoons all-purpose flour"));
    expect(deeper).toBeGreaterThan(0);
    expect(regions[deeper]!.inner!).toBeLessThan(models.decode.inner);
    expect(scorePage(body(deeper), truth).f1).toBeGreaterThan(scorePage(base, truth).f1);
  });

  it("tell a deeper cut by what it adds: the inner cut's offset and the kept words' ratio", () => {
    const x = (i: number) => regionFeatures(doc, score, models.decode, regions[i]!, regions[0]!, new Set());
    const at = (name: string) => REGION_FEATURES.indexOf(name as (typeof REGION_FEATURES)[number]);
    const deep = regions.findIndex((r) => r.inner! < models.decode.inner);
    expect(x(0)[at("is-base")]).toBe(1);
    expect(x(0)[at("inner-delta")]).toBe(0);
    expect(x(deep)[at("inner-delta")]).toBeLessThan(0);
    expect(x(deep)[at("log-kept-ratio")]).toBeGreaterThanOrEqual(0);
  });
});
