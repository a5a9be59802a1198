import { describe, expect, it } from "vitest";
import { loadWebpages } from "../../eval/lib/clean-corpus.ts";
import type { Item } from "../../train/lib/clean-items.ts";

// SPAN_FURNITURE_HOLD=1 (tl83, a trial): the furniture labels by place under the body (SPAN_FURNITURE=below) are the
// rows HAND_TAIL_HOLD's factor treats as added, so the text path's furniture keeps the share the page labels alone give.
// The switches are read when the modules load, so they are set before the dynamic imports.
process.env.SPAN_FURNITURE = "below";
process.env.SPAN_FURNITURE_WEIGHT = "0.3";
process.env.SPAN_FURNITURE_HOLD = "1";
const { examplesUnmixed, heldFurnitureFactor } = await import("../../train/train-clean.ts");
const { labelsOf, prepared } = await import("../../train/lib/clean-items.ts");

// Real tuning-half webpages-dev text dumps, labelled as train:clean labels them.
const items: Item[] = loadWebpages()
  .filter((p) => p.half === "tune")
  .slice(0, 60)
  .flatMap((page) => {
    const doc = prepared(page, "text");
    return doc ? [{ page, path: "text" as const, doc, labels: labelsOf(page, doc) }] : [];
  });
const rows = (item: Item) => item.doc.lines.map(() => new Float64Array(1));

describe("SPAN_FURNITURE_HOLD: the place labels under the body do not add to furniture's share", () => {
  it("marks the place labels (and only them) as added rows, weighing SPAN_FURNITURE_WEIGHT", () => {
    const placed = items.reduce((n, i) => n + i.labels.filter((y) => y === 5).length, 0);
    // The tuning pages' tails: teaser and link runs under the body are labelled by place.
    expect(placed).toBeGreaterThan(50);
    const { examples, fromHand } = examplesUnmixed(items, rows);
    const added = examples.filter((_, i) => fromHand[i]);
    expect(added.length).toBe(placed);
    expect(added.every((e) => e.y === 0 && e.weight === 0.3)).toBe(true);
  });

  it("gives a factor under 1 that brings furniture's share of the weight back to the page labels' own", () => {
    const { examples, fromHand } = examplesUnmixed(items, rows);
    const factor = heldFurnitureFactor(examples, fromHand);
    expect(factor).toBeLessThan(1);
    const share = (keep: (i: number) => boolean, f: number) => {
      let furniture = 0, all = 0;
      examples.forEach((e, i) => {
        if (!keep(i)) return;
        const w = (e.weight ?? 1) * (e.y === 0 ? f : 1);
        (all += w), e.y === 0 && (furniture += w);
      });
      return furniture / all;
    };
    expect(share(() => true, factor)).toBeCloseTo(share((i) => !fromHand[i], 1), 9);
  });
});
