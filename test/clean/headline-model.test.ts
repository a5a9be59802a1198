// The headline models' scores as the find-headline rule reads them (typed rows, one buffer) against the
// per-candidate rows the trainers read: the same features, the same pick.
import { describe, expect, it } from "vitest";
import { defaultRules, prepare } from "../../src/clean/index.ts";
import { HEADLINE_CONTEXT_FEATURES, headlineContext, headlineContextRows } from "../../src/clean/headline-features.ts";
import { headlineChoices, headlineModels, headlineScores, pickHeadline } from "../../src/clean/headline-model.ts";
import { logit } from "../../src/model/logistic.ts";
import { textFixture } from "./text-fixture.ts";

const BARRONS = "https://www.barrons.com/articles/home-depot-stock-earnings-report-51574168486";

/** The page's document as the find-headline rule meets it: the rules before it applied. */
function docBeforeHeadline(url: string | null) {
  const { doc } = prepare(textFixture("headlines/kicker-above-headline.txt", url));
  for (const rule of defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "find-headline"))) rule.apply(doc);
  return doc;
}

describe("headline scores", () => {
  for (const url of [BARRONS, null]) {
    it(`reads the same context features in one buffer as row by row (${url ? "with" : "without"} the URL)`, () => {
      const doc = docBeforeHeadline(url);
      const candidates = headlineChoices(doc);
      expect(candidates.length).toBeGreaterThan(2);
      const pair = url ? headlineModels() : headlineModels().noUrl;
      const z = candidates.map((c) => logit(pair.line, c.x));
      const rows = headlineContext(doc, candidates, z).map((x) => [...x]);
      const flat = [...headlineContextRows(doc, candidates, Float64Array.from(z))];
      expect(flat).toEqual(rows.flat());
      expect(flat.length).toBe(candidates.length * HEADLINE_CONTEXT_FEATURES.length);
    });

    it(`picks the last of the best-scored candidates, the kicker passed over (${url ? "with" : "without"} the URL)`, () => {
      const doc = docBeforeHeadline(url);
      const candidates = headlineChoices(doc);
      const scores = headlineScores(doc, candidates);
      const best = Math.max(...scores);
      const picked = pickHeadline(doc);
      expect(picked).toBe(candidates[scores.lastIndexOf(best)]!.index);
      expect(doc.lines[picked]!.text).toBe("Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry.");
    });
  }
});
