import { describe, expect, it } from "vitest";
import { gateLines, thresholdRuleOf, thresholdWords, type GateRow, type ThresholdRule } from "../../train/article-gate.ts";

// Rows as train:clean's gate sees them: each real page with and without its URL, and stripped furniture; `oof` is each
// row's out-of-fold probability (what the folds of trainArticleGate give).
function rowsOf(realLows: readonly number[], furniture: readonly number[]): { rows: GateRow[]; oof: number[] } {
  const rows: GateRow[] = [];
  const oof: number[] = [];
  realLows.forEach((p, i) => {
    for (const withUrl of [true, false]) {
      rows.push({ page: { id: `real-${i}`, url: null, set: i % 2 ? "extraction" : "webpages" }, kind: "real", x: new Float64Array(0), y: 1, withUrl });
      oof.push(withUrl ? p : Math.min(1, p * 1.1));
    }
  });
  furniture.forEach((p, i) => {
    rows.push({ page: { id: `stripped-${i}`, url: null, set: "webpages" }, kind: "stripped", x: new Float64Array(0), y: 0 });
    oof.push(p);
  });
  return { rows, oof };
}

// 150 real pages from 0.20 up, two of them lower (0.15, 0.12); furniture spread under and over the lines.
const ordinary = Array.from({ length: 148 }, (_, i) => 0.2 + i * 0.005);
const furniture = Array.from({ length: 60 }, (_, i) => 0.0005 * (i + 1) ** 1.5);

// nt79's trial rule (train/try-gate-quantile.ts): a quarter of the real pages' 2% quantile, each page at its lowest row.
const pageQuantile: ThresholdRule = { q: 0.02, byPage: true, margin: 0.25 };

describe("the article gate's threshold rules (nt79, train/try-gate-quantile.ts)", () => {
  it("a share of pages: one odd page does not move it, where the lowest row × 0.5 follows it down", () => {
    const { rows, oof } = rowsOf([0.15, 0.12, ...ordinary], furniture);
    // 150 pages: rank ceil(0.02 × 150) = 3 from the lowest page, 0.20.
    expect(gateLines(rows, oof, "text", pageQuantile).threshold).toBeCloseTo(0.05, 6);
    expect(gateLines(rows, oof, "text").threshold).toBeCloseTo(0.06, 6);
    // One page far under the rest (a brief that reads like a teaser): the threshold stays (rank 4 of 151 is 0.20 still),
    // where the lowest row × 0.5 (before stop 79) would follow it down thirtyfold.
    const odd = rowsOf([0.004, 0.15, 0.12, ...ordinary], furniture);
    expect(gateLines(odd.rows, odd.oof, "text", pageQuantile).threshold).toBeCloseTo(0.05, 6);
    expect(gateLines(odd.rows, odd.oof, "text").threshold).toBeCloseTo(0.002, 6);
  });

  it("keeps the refusal line at or under the threshold and the doubt line at twice it", () => {
    const { rows, oof } = rowsOf([0.15, 0.12, ...ordinary], furniture);
    const lines = gateLines(rows, oof, "text", pageQuantile);
    expect(lines.refuse).toBeLessThanOrEqual(lines.threshold);
    expect(lines.refuse).toBeGreaterThan(0);
    expect(lines.doubt).toBeCloseTo(2 * lines.threshold, 6);
  });

  it("trains both gates at half the lowest real row unless a trial says otherwise, and says the rule in the weight file's words", () => {
    const { rows, oof } = rowsOf([0.15, 0.12, ...ordinary], furniture);
    expect(gateLines(rows, oof, "html").threshold).toBeCloseTo(0.06, 6);
    expect(thresholdRuleOf("text")).toEqual({ q: 0, byPage: false, margin: 0.5 });
    expect(thresholdWords(thresholdRuleOf("text"))).toBe("half the lowest");
    expect(thresholdWords(pageQuantile)).toBe("0.25 times the 2% quantile (by page) of the");
  });
});
