import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FOLDS, foldIn, foldOf, foldSeedFrom } from "../../train/lib/clean-items.ts";
import { distinctPages, loadExtraction, loadWebpages } from "../../eval/lib/clean-corpus.ts";

// FOLD_SEED=k (tx81): trainings on all tuning pages that differ only in which pages the out-of-fold steps hold out
// together. Seed 0 must be the committed assignment (else the committed weights are not reproduced).
const ids = distinctPages(loadExtraction(), loadWebpages()).filter((p) => p.half === "tune").map((p) => p.id);
const committed = (salt: string, id: string) => createHash("sha256").update(`${salt}:${id}`).digest()[0]! % FOLDS;

describe("FOLD_SEED: the chain's fold assignments under a seed", () => {
  it("is the committed assignment at seed 0, for every salt the chain uses", () => {
    for (const salt of ["fold", "short", "gate", "crossfit", "fold:inner"]) for (const id of ids) expect(foldIn(salt, id, 0)).toBe(committed(salt, id));
    expect(ids.map((id) => foldOf(id))).toEqual(ids.map((id) => committed("fold", id)));
  });

  it("moves a good share of the tuning pages to another fold at seeds 1-4, each fold still used", () => {
    for (const seed of [1, 2, 3, 4]) {
      const moved = ids.filter((id) => foldIn("fold", id, seed) !== foldIn("fold", id, 0)).length;
      // A fresh draw of 4 folds moves about three quarters of the pages.
      expect(moved).toBeGreaterThan(ids.length / 2);
      for (let k = 0; k < FOLDS; k++) expect(ids.filter((id) => foldIn("fold", id, seed) === k).length).toBeGreaterThan(ids.length / 8);
    }
    expect(ids.some((id) => foldIn("fold", id, 1) !== foldIn("fold", id, 2))).toBe(true);
  });

  it("takes only whole seeds", () => {
    expect(foldSeedFrom(undefined)).toBe(0);
    expect(foldSeedFrom("3")).toBe(3);
    expect(() => foldSeedFrom("1.5")).toThrow();
    expect(() => foldSeedFrom("-1")).toThrow();
  });
});
