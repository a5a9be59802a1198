import { describe, expect, it } from "vitest";
import { loadWebpages } from "../../eval/lib/clean-corpus.ts";

// SPAN_FURNITURE_K=k (tl83, a trial): only the first k place labels under the body, where its end is decided.
// The switches are read when the module loads, so they are set before the dynamic import.
process.env.SPAN_FURNITURE = "below";
process.env.SPAN_FURNITURE_K = "8";
const { labelsOf, prepared } = await import("../../train/lib/clean-items.ts");

// Real tuning-half webpages-dev text dumps.
const labelled = loadWebpages()
  .filter((p) => p.half === "tune")
  .slice(0, 80)
  .flatMap((page) => {
    const doc = prepared(page, "text");
    return doc ? [{ doc, labels: labelsOf(page, doc) }] : [];
  });

describe("SPAN_FURNITURE_K: the place labels stop after the first k under the body", () => {
  it("labels at most 8 lines by place on any page, and still labels the tails", () => {
    const counts = labelled.map(({ labels }) => labels.filter((y) => y === 5).length);
    expect(Math.max(...counts)).toBe(8);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(5);
  });

  it("labels the first lines under the must-not, leaving the long lines further down unknown", () => {
    for (const { doc, labels } of labelled) {
      const placed = [...labels.keys()].filter((i) => labels[i] === 5);
      if (placed.length < 8) continue;
      const lastPlaced = placed[placed.length - 1]!;
      // Every long unknown line between the first place label and the eighth is labelled: the first 8, not any 8.
      for (let i = placed[0]!; i <= lastPlaced; i++) if (labels[i] === -1) expect(doc.lines[i]!.words < 8 || doc.lines[i]!.drop !== null).toBe(true);
    }
  });
});
