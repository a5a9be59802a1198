// A group's stated day as clustering counts it: a whole number of days (src/text/dates.ts), so that a
// window test is a subtraction; null when the group states no day.
import { dayNumber } from "../text/dates.ts";

export function dayOrNull(iso: string | null | undefined): number | null {
  const n = iso ? dayNumber(iso) : Number.NaN;
  return Number.isNaN(n) ? null : n;
}
