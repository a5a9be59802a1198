// A group's stated day as clustering counts it: a whole number of days (src/text/dates.ts), so that a
// window test is a subtraction; null when the group states no day.
import { dayNumber } from "../text/dates.ts";

/**
 * dayNumber of each stated day seen (a build states some tens of days, and asks for them hundreds of
 * thousands of times: every candidate merge's window test, settle round after settle round). Bounded: a
 * batch that states more days than this starts again.
 */
const known = new Map<string, number>();
const KNOWN_MAX = 4096;

/** dayNumber(iso), NaN when it is not a day, remembered. */
export function dayNumberOf(iso: string): number {
  let n = known.get(iso);
  if (n === undefined) {
    n = dayNumber(iso);
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(iso, n);
  }
  return n;
}

export function dayOrNull(iso: string | null | undefined): number | null {
  const n = iso ? dayNumberOf(iso) : Number.NaN;
  return Number.isNaN(n) ? null : n;
}
