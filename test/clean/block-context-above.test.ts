import { describe, expect, it } from "vitest";
import { contextFeatures, contextNames } from "../../src/clean/block-features.ts";
import { makeDoc } from "../../src/clean/doc.ts";
import { emptyMeta } from "../../src/clean/text.ts";

// A text dump's header (headline, byline, date, share row), its article, and a footer of other stories.
const page = [
  "Council approves new bridge over the river",
  "By Jane Smith",
  "November 19, 2019",
  "Share",
  "The city council voted on Tuesday to build a new bridge over the river, ending a debate that lasted ten years.",
  "Work is to start next spring and the bridge should open to traffic in three years, the mayor said.",
  "Residents of both banks welcomed the decision at a meeting that went on late into the evening.",
  "More stories",
  "Heavy rain expected this weekend",
];
// The first model's log-odds: the article lines sure, the rest furniture.
const z = [-1, -3, -3, -4, 3, 3, 3, -4, -2];

function column(name: string, html = false): number[] {
  const doc = makeDoc("t", page.join("\n\n"), emptyMeta());
  const at = contextNames(html).indexOf(name);
  expect(at).toBeGreaterThanOrEqual(0);
  return contextFeatures(z, doc.lines, html).map((row) => row[at]!);
}

describe("which side of the article a text line stands on", () => {
  it("tells the header above the article from the footer below it, at the same distance from it", () => {
    const side = column("above-run");
    expect(side.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(side.slice(4)).toEqual([0, 0, 0, 0, 0]);
  });

  it("sees the byline and date right above the article's first paragraph, and none above its later ones", () => {
    const dates = column("dates-above");
    expect(dates[4]).toBe(2);
    expect(dates[6]).toBe(0);
    const short = column("short-above");
    expect(short[4]).toBe(3);
    // Three lines up: from the third paragraph only the share row is in reach.
    expect(short[6]).toBe(1);
  });

  it("leaves the HTML path's features as they were", () => {
    expect(contextNames(true)).not.toContain("above-run");
  });
});
