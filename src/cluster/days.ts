// Calendar-day arithmetic for clustering, with luxon and explicit formats (the date stage's helpers are
// internal to it). Days are whole numbers counted from 1970-01-01, so a window test is a subtraction.
import { DateTime } from "luxon";

const cache = new Map<string, number>();

/** YYYY-MM-DD as a day number, or null when it is not a real day. */
export function dayNumber(iso: string): number | null {
  let n = cache.get(iso);
  if (n === undefined) {
    const d = DateTime.fromFormat(iso, "yyyy-MM-dd", { zone: "utc" });
    n = d.isValid ? Math.round(d.toMillis() / 86_400_000) : Number.NaN;
    if (cache.size > 10_000) cache.clear();
    cache.set(iso, n);
  }
  return Number.isNaN(n) ? null : n;
}

/** Whole days from `a` to `b`, both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return (dayNumber(b) ?? 0) - (dayNumber(a) ?? 0);
}
