// What an article, or a group of them, says about when it happened: stated days and stated weekdays.
import type { DateEvidence } from "../types.ts";
import { dayNumber } from "../text/dates.ts";

export interface TimeSpan {
  /** Earliest and latest stated day, YYYY-MM-DD, or null when no member states one. */
  first: string | null;
  last: string | null;
  /** Bit w-1 set when a member's lead says "on <weekday w>" (1 = Monday). */
  weekdays: number;
}

export function spanOf(e: DateEvidence): TimeSpan {
  const day = e.date ?? e.pageDate;
  return { first: day, last: day, weekdays: e.weekday ? 1 << (e.weekday - 1) : 0 };
}

export function joinSpans(a: TimeSpan, b: TimeSpan): TimeSpan {
  const first = !a.first ? b.first : !b.first ? a.first : a.first < b.first ? a.first : b.first;
  const last = !a.last ? b.last : !b.last ? a.last : a.last > b.last ? a.last : b.last;
  return { first, last, weekdays: a.weekdays | b.weekdays };
}

/**
 * Whether one story could hold both groups within `windowDays`: stated days at most that far apart,
 * and no two stated weekdays further apart than that (an undated "on Monday" follow-up cannot join
 * an "on Thursday" story). The joined span's ends and weekdays as `joinSpans` gives them, without making it;
 * the days' numbers by arithmetic (`dayNumber`: a few character reads, no cache needed), their difference
 * `daysBetween`'s.
 */
export function fitsWindow(a: TimeSpan, b: TimeSpan, windowDays: number): boolean {
  const first = !a.first ? b.first : !b.first ? a.first : a.first < b.first ? a.first : b.first;
  const last = !a.last ? b.last : !b.last ? a.last : a.last > b.last ? a.last : b.last;
  if (first && last && dayNumber(last) - dayNumber(first) > windowDays) return false;
  const weekdays = a.weekdays | b.weekdays;
  if (weekdays === 0) return true;
  for (let x = 0; x < 7; x++) {
    if (!(weekdays & (1 << x))) continue;
    for (let y = x + 1; y < 7; y++) {
      if (weekdays & (1 << y) && Math.min(y - x, 7 - (y - x)) > windowDays) return false;
    }
  }
  return true;
}
