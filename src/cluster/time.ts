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
 * The day numbers of the days spans state, each string parsed once: the groups step asks `fitsWindow`
 * of every pair of groups it weighs, and a batch states few distinct days. Cleared when it grows past
 * DAY_CACHE (it only saves parsing).
 */
const dayNumbers = new Map<string, number>();
const DAY_CACHE = 1 << 16;

function dayNumberOf(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) {
    if (dayNumbers.size >= DAY_CACHE) dayNumbers.clear();
    n = dayNumber(iso);
    dayNumbers.set(iso, n);
  }
  return n;
}

/**
 * Whether one story could hold both groups within `windowDays`: stated days at most that far apart,
 * and no two stated weekdays further apart than that (an undated "on Monday" follow-up cannot join
 * an "on Thursday" story). The joined span's ends and weekdays as `joinSpans` gives them, without making it.
 */
export function fitsWindow(a: TimeSpan, b: TimeSpan, windowDays: number): boolean {
  const first = !a.first ? b.first : !b.first ? a.first : a.first < b.first ? a.first : b.first;
  const last = !a.last ? b.last : !b.last ? a.last : a.last > b.last ? a.last : b.last;
  if (first && last && dayNumberOf(last) - dayNumberOf(first) > windowDays) return false;
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
