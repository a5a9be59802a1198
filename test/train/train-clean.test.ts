import { describe, expect, it } from "vitest";
import { loadExtraction, loadWebpages } from "../../eval/lib/clean-corpus.ts";
import { MIX_SHARES, heldFurnitureFactor, mixed, searchDecode, trainingPages } from "../../train/train-clean.ts";
import { lowQuantile } from "../../train/article-gate.ts";
import type { Example } from "../../train/lib/logistic.ts";

// The real dev pages: which of them train:clean learns from under each setting.
const pages = [...loadExtraction(), ...loadWebpages()];
const tuning = pages.filter((p) => p.half === "tune");

describe("train:clean's training pages", () => {
  it("TRAIN_ON=tuning learns from every tuning page and no checking page", () => {
    const chosen = trainingPages(pages, "tuning");
    expect(chosen).toEqual(tuning);
    expect(chosen.some((p) => p.half === "check")).toBe(false);
  });

  it("TRAIN_ON=all learns from both halves", () => {
    const chosen = trainingPages(pages, "all");
    expect(chosen).toEqual(pages);
    expect(chosen.filter((p) => p.half === "check").length).toBeGreaterThan(100);
  });

  it("the swap trial (TRAIN_ON=checking) learns from every checking page and no tuning page", () => {
    const chosen = trainingPages(pages, "checking");
    expect(chosen).toEqual(pages.filter((p) => p.half === "check"));
    expect(chosen.some((p) => p.half === "tune")).toBe(false);
    expect(trainingPages(pages, "checking", "1").every((p) => p.half === "check")).toBe(true);
  });

  it("a perturbed trial keeps about seven eighths of the tuning pages, or the share it is given, and never a checking page", () => {
    for (const k of ["1", "2", "3"]) {
      const eighths = trainingPages(pages, "tuning", k);
      expect(eighths.every((p) => p.half === "tune")).toBe(true);
      expect(eighths.length / tuning.length).toBeGreaterThan(0.8);
      expect(eighths.length).toBeLessThan(tuning.length);
      const half = trainingPages(pages, "tuning", k, 0.5);
      expect(half.every((p) => p.half === "tune")).toBe(true);
      expect(half.length / tuning.length).toBeGreaterThan(0.4);
      expect(half.length / tuning.length).toBeLessThan(0.6);
    }
    // Different draws leave different pages out.
    expect(trainingPages(pages, "tuning", "1", 0.5)).not.toEqual(trainingPages(pages, "tuning", "2", 0.5));
  });
});

describe("train:clean's pooled-data trials (aw67)", () => {
  const row = new Float64Array(1);
  it("MIX=1 gives extraction-dev's labels the fixed share of the weight whatever the line counts, the total unchanged", () => {
    // The checking halves' text mix: 6,473 extraction-dev lines against 4,475 webpages-dev.
    const examples = [...Array.from({ length: 6473 }, () => ({ x: row, y: 1 as const })), ...Array.from({ length: 4475 }, () => ({ x: row, y: 0 as const }))];
    const fromExtraction = examples.map((_, i) => i < 6473);
    const out = mixed(examples, fromExtraction, MIX_SHARES.text);
    const weight = (keep: (i: number) => boolean) => out.reduce((sum, e, i) => sum + (keep(i) ? (e.weight ?? 1) : 0), 0);
    expect(weight(() => true)).toBeCloseTo(10948, 6);
    expect(weight((i) => fromExtraction[i]!) / 10948).toBeCloseTo(MIX_SHARES.text, 9);
    // One set alone: nothing to mix.
    expect(mixed(examples.slice(0, 10), fromExtraction.slice(0, 10), MIX_SHARES.text)).toEqual(examples.slice(0, 10));
  });

  it("GATE_QUANTILE's base is the lowest real article on the tuning halves' ~390 rows and a higher rank as rows are added", () => {
    const scores = (n: number) => Array.from({ length: n }, (_, i) => (i + 1) / 1000).reverse();
    expect(lowQuantile(scores(392), 0)).toBe(0.001);
    expect(lowQuantile(scores(392), 0.0025)).toBe(0.001);
    expect(lowQuantile(scores(800), 0.0025)).toBe(0.002);
    expect(lowQuantile([], 0.0025)).toBe(Infinity);
  });
});

describe("train:clean's decode search", () => {
  // An objective over the settings alone: extraction likes a short body (bias -1), webpages a long one (bias -3).
  const scoreOf = (d: { bias: number; inner: number; sandwich: number; power: number }) => {
    const extraction = 0.95 - 0.01 * Math.abs(d.bias + 1) - 0.002 * Math.abs(d.inner + 0.5) - 0.001 * Math.abs(d.sandwich + 1.5) - 0.001 * Math.abs(d.power - 0.4);
    const webpages = 0.9 - 0.007 * Math.abs(d.bias + 3) - 0.002 * Math.abs(d.inner + 0.5);
    return { extraction, webpages, mean: (extraction + webpages) / 2 };
  };

  it("finds the grid's best, then the sandwich and power below it, by the objective it is given", () => {
    const byMean = searchDecode("text", scoreOf, (s) => s.mean).decode;
    expect(byMean).toMatchObject({ bias: -1, inner: -0.5, article: -4, sandwich: -1.5, power: 0.4 });
    // Weighing webpages' snippets twice, a longer body wins.
    expect(searchDecode("text", scoreOf, (s) => (s.extraction + 2 * s.webpages) / 3).decode.bias).toBe(-3);
    // The HTML path tries no other power.
    expect(searchDecode("html", scoreOf, (s) => s.mean).decode.power).toBe(0.5);
  });
});

describe("train:clean's held furniture share (HAND_TAIL_HOLD, tx80)", () => {
  it("hand tail labels replace furniture weight: furniture's share stays what the page labels alone give", () => {
    // 30 article and 10 furniture rows from the page labels (webpages' must-nots weighing 2), then 8 hand tail rows.
    const pageRows: Example[] = [...Array.from({ length: 30 }, () => ({ x: [1], y: 1 as const })), ...Array.from({ length: 10 }, (_, i) => ({ x: [0], y: 0 as const, weight: i < 4 ? 2 : 1 }))];
    const tails: Example[] = Array.from({ length: 8 }, () => ({ x: [0], y: 0 as const, weight: 1 }));
    const examples = [...pageRows, ...tails];
    const fromHand = examples.map((_, i) => i >= pageRows.length);
    const s = heldFurnitureFactor(examples, fromHand);
    const weight = (y: 0 | 1) => examples.reduce((n, x) => n + (x.y === y ? (x.weight ?? 1) * (y === 0 ? s : 1) : 0), 0);
    // The page labels alone: 14 furniture against 30 article.
    expect(weight(0) / (weight(0) + weight(1))).toBeCloseTo(14 / 44, 12);
    expect(s).toBeLessThan(1);
    // No hand rows: nothing is reweighed (the committed training, byte for byte).
    expect(heldFurnitureFactor(pageRows, pageRows.map(() => false))).toBe(1);
  });
});
