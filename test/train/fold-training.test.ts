import { describe, expect, it } from "vitest";
import { foldForm, perturbedOut } from "../../train/lib/bagging.ts";
import { distinctPages, loadExtraction, loadWebpages } from "../../eval/lib/clean-corpus.ts";
import { TRAINING_NOTICES } from "../../train/lib/notice-training-pages.ts";

// A K-fold training (PERTURB=fold<k>of<K>, nt78) holds every tuning page out of exactly one fold's training, so the
// held-out rows of the K trainings score each page once, by a model that never saw it.
const ids = [...distinctPages(loadExtraction(), loadWebpages()).filter((p) => p.half === "tune").map((p) => p.id), ...TRAINING_NOTICES.map((n) => n.id)];

describe("PERTURB=fold<k>of<K>: a K-fold training by page hash", () => {
  it("leaves every tuning page and training notice out of exactly one of the K folds", () => {
    for (const K of [4, 8]) {
      const outIn = ids.map((id) => Array.from({ length: K }, (_, k) => perturbedOut(`fold${k}of${K}`, id)).filter(Boolean).length);
      expect(outIn.every((n) => n === 1)).toBe(true);
      // Each fold holds out a share near 1/K of the pages (none empty, none over twice its share).
      for (let k = 0; k < K; k++) {
        const out = ids.filter((id) => perturbedOut(`fold${k}of${K}`, id)).length;
        expect(out).toBeGreaterThan(0);
        expect(out).toBeLessThan((2 * ids.length) / K);
      }
    }
  });

  it("keeps the draws PERTURB=k as they were (about an eighth out, not a fold)", () => {
    expect(foldForm("3")).toBeNull();
    const out = ids.filter((id) => perturbedOut("3", id)).length;
    expect(out).toBeGreaterThan(ids.length / 16);
    expect(out).toBeLessThan(ids.length / 4);
  });

  it("refuses a K that does not divide the hash's 256 values or a fold past K", () => {
    expect(() => foldForm("fold0of3")).toThrow();
    expect(() => foldForm("fold8of8")).toThrow();
    expect(foldForm("fold7of8")).toEqual({ k: 7, of: 8 });
  });
});
