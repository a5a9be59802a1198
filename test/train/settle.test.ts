import { describe, expect, it } from "vitest";
import { loadExtraction, loadWebpages } from "../../eval/lib/clean-corpus.ts";
import { scoreCorpus, scorePage, scoreSnippets, snippetCorpus } from "../../eval/lib/extraction-score.ts";
import { figuresOf, keepsPrior, meanOf, settleDraws, settleFrom, SETTLE_DRAWS, type PageResult } from "../../train/lib/settle.ts";
import { foldOf } from "../../train/lib/clean-items.ts";

// The real tuning pages: how SETTLE (st68) splits them and scores a setting on a draw.
const pages = [...loadExtraction(), ...loadWebpages()].filter((p) => p.half === "tune");

describe("SETTLE's page draws", () => {
  it("draws: 32 draws, each about half the pages, the same on every call, no two alike", () => {
    const draws = settleDraws("draws");
    expect(draws).toHaveLength(SETTLE_DRAWS);
    const kept = draws.map((keep) => pages.filter((p) => keep(p.id)).map((p) => p.id));
    for (const ids of kept) {
      expect(ids.length / pages.length).toBeGreaterThan(0.35);
      expect(ids.length / pages.length).toBeLessThan(0.65);
    }
    expect(settleDraws("draws").map((keep) => pages.filter((p) => keep(p.id)).map((p) => p.id))).toEqual(kept);
    expect(new Set(kept.map((ids) => ids.join(","))).size).toBe(SETTLE_DRAWS);
  });

  it("folds: the four folds' own held-out pages, every page in exactly one", () => {
    const folds = settleDraws("folds");
    expect(folds).toHaveLength(4);
    for (const p of pages) expect(folds.filter((keep) => keep(p.id))).toEqual([folds[foldOf(p.id)]]);
  });

  it("refuses a mode it does not know, and is off when unset", () => {
    expect(settleFrom(undefined)).toBeUndefined();
    expect(settleFrom("")).toBeUndefined();
    expect(() => settleFrom("mean")).toThrow(/draws, folds or keep/);
  });
});

describe("SETTLE's figures and choices", () => {
  it("a draw's figures are the evals' corpus figures over that draw's pages alone", () => {
    const results: PageResult[] = pages.map((p) =>
      p.set === "extraction" ? { extraction: scorePage(p.truth!.split("\n")[0] ?? "", p.truth!) } : { snippets: scoreSnippets((p.with ?? []).slice(0, 1).join(" "), p.with ?? [], p.without ?? []) },
    );
    const keep = settleDraws("draws")[0]!;
    const f = figuresOf(pages, results, keep);
    const kept = pages.map((p, i) => [p, results[i]!] as const).filter(([p]) => keep(p.id));
    const extraction = scoreCorpus(kept.flatMap(([, r]) => (r && "extraction" in r ? [r.extraction] : []))).f1;
    const webpages = snippetCorpus(kept.flatMap(([, r]) => (r && "snippets" in r ? [r.snippets] : []))).f1;
    expect(f.extraction).toBe(extraction);
    expect(f.webpages).toBe(webpages);
    expect(f.mean).toBe((extraction + webpages) / 2);
    expect(f.extraction).toBeLessThan(1);
    expect(f.webpages).toBeLessThan(1);
  });

  it("the mean of draws' optima moves by a fraction of a grid step, not a step", () => {
    // 32 draws, 20 picking cut 0.5 and 12 cut 1: one draw more picking 1 moves the setting by 1/64.
    const optima = [...Array<number>(20).fill(0.5), ...Array<number>(12).fill(1)];
    expect(meanOf(optima)).toBe(0.6875);
    expect(meanOf([...optima.slice(1), 1]) - meanOf(optima)).toBeCloseTo(1 / 64, 4);
  });

  it("keep: the committed setting stays unless the folds' gains have a mean above their spread", () => {
    expect(keepsPrior([0.002, -0.001, 0.003, 0])).toBe(true);
    expect(keepsPrior([0.002, 0.0025, 0.003, 0.002])).toBe(false);
    expect(keepsPrior([0, 0, 0, 0])).toBe(true);
  });
});
