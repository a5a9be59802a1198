import { describe, expect, it } from "vitest";
import { loadExtraction, loadWebpages } from "../../eval/lib/clean-corpus.ts";
import { trainingPages } from "../../train/train-clean.ts";

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
