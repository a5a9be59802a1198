import { describe, expect, it } from "vitest";
import { rowStarts } from "../../src/text/rows.ts";

describe("rowStarts", () => {
  it("turns row counts into row starts and gives each row's first free slot", () => {
    // Entries by row: row 0 holds 2, row 1 none, row 2 holds 3.
    const starts = Int32Array.from([0, 2, 0, 3]);
    const fill = rowStarts(starts);
    expect([...starts]).toEqual([0, 2, 2, 5]);
    expect([...fill]).toEqual([0, 2, 2]);
    // Filling moves the cursors, not the starts.
    fill[0]!++;
    expect(starts[0]).toBe(0);
  });

  it("places entries grouped by row, in the order they come", () => {
    const rows = [2, 0, 2, 1, 0];
    const starts = new Int32Array(4);
    for (const r of rows) starts[r + 1]!++;
    const fill = rowStarts(starts);
    const placed = new Int32Array(rows.length);
    rows.forEach((r, i) => (placed[fill[r]!++] = i));
    expect([...placed]).toEqual([1, 4, 3, 0, 2]);
  });
});
