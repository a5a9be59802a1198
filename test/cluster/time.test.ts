// Whether two groups could be one story by the days and weekdays they state (time.ts fitsWindow).
import { describe, expect, it } from "vitest";
import { fitsWindow, joinSpans, type TimeSpan } from "../../src/cluster/time.ts";
import { daysBetween } from "../../src/text/dates.ts";

/** fitsWindow as it reads: the joined span's days at most `w` apart, and no two stated weekdays further apart than `w`. */
function byDefinition(a: TimeSpan, b: TimeSpan, w: number): boolean {
  const joined = joinSpans(a, b);
  if (joined.first && joined.last && daysBetween(joined.first, joined.last) > w) return false;
  const days = [0, 1, 2, 3, 4, 5, 6].filter((d) => joined.weekdays & (1 << d));
  return days.every((x) => days.every((y) => Math.min(Math.abs(y - x), 7 - Math.abs(y - x)) <= w));
}

describe("fitsWindow", () => {
  const days = [null, "2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02", "2025-03-04", "2024-12-31", "2025-01-01", "2025-02-30"];
  const spans: TimeSpan[] = [];
  for (const first of days) for (const last of days) {
    if ((first === null) !== (last === null) || (first && last && first > last)) continue;
    for (const weekdays of [0, 1, 1 << 3, (1 << 0) | (1 << 6), (1 << 1) | (1 << 4)]) spans.push({ first, last, weekdays });
  }

  it("is what the joined span's days and weekdays say, for every pair of spans and window (a day that is no day never parts them)", () => {
    const found: boolean[] = [];
    const wanted: boolean[] = [];
    for (const w of [0, 1, 2, 3]) for (const a of spans) for (const b of spans) {
      found.push(fitsWindow(a, b, w));
      wanted.push(byDefinition(a, b, w));
    }
    expect(found).toEqual(wanted);
    expect(found.filter(Boolean).length).toBeGreaterThan(0);
    expect(found.filter((x) => !x).length).toBeGreaterThan(0);
  });

  it("parts reports stated four days apart at a window of two, across a month's and a year's end", () => {
    const span = (day: string): TimeSpan => ({ first: day, last: day, weekdays: 0 });
    expect(fitsWindow(span("2025-02-27"), span("2025-03-01"), 2)).toBe(true);
    expect(fitsWindow(span("2025-02-26"), span("2025-03-02"), 2)).toBe(false);
    expect(fitsWindow(span("2024-12-31"), span("2025-01-02"), 2)).toBe(true);
    expect(fitsWindow(span("2024-12-30"), span("2025-01-03"), 2)).toBe(false);
  });
});
