import { describe, expect, it } from "vitest";
import { contextFeatures, contextNames, featureCount, localFeatures } from "../../src/clean/block-features.ts";
import { makeDoc } from "../../src/clean/doc.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import { textFixture } from "./text-fixture.ts";

/** Every line of a real text dump with its `shape-period` (the first model's verdicts all 0: the feature reads shapes only). */
function shapePeriods(name: string): { text: string; value: number }[] {
  const doc = makeDoc(name, textFixture(name).text, emptyMeta());
  const rows = localFeatures(doc, false, contextNames(false).length);
  contextFeatures(rows.map(() => 0), doc.lines, false, rows, featureCount(false));
  const at = featureCount(false) + contextNames(false).indexOf("shape-period");
  return doc.lines.map((l, i) => ({ text: l.text, value: rows[i]![at]! }));
}

describe("shape-period: lists under an article repeat their lines' shapes, its paragraphs do not", () => {
  const lines = shapePeriods("greek-police-report.txt");
  const from = (start: string) => lines.findIndex((l) => l.text.startsWith(start));

  it("reads the report's paragraphs as not repeated", () => {
    for (const start of ["Συνελήφθη", "Ειδικότερα", "Από την εμπεριστατωμένη", "Η προανάκριση"]) {
      const i = from(start);
      expect(i).toBeGreaterThan(0);
      expect(lines[i]!.value).toBeLessThan(0.5);
    }
  });

  it("reads the share links and the section menu under the report as repeated", () => {
    const menu = lines.slice(from("facebook"), from("Δημοσιογραφικό τμήμα"));
    expect(menu.length).toBeGreaterThan(25);
    expect(menu.filter((l) => l.value >= 0.75).length).toBeGreaterThanOrEqual(0.7 * menu.length);
  });

  it("is a text line's feature only: an HTML block's context row is as before", () => {
    expect(contextNames(false)).toContain("shape-period");
    expect(contextNames(true)).not.toContain("shape-period");
  });
});
