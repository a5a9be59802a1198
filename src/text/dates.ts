// Calendar days as readers see them, and as feeds date them. Days are "YYYY-MM-DD" strings; luxon
// with explicit formats and zones, so the output never depends on the machine's zone or clock.
import { DateTime } from "luxon";

/** "2025-05-29" → "Thursday 29 May 2025". */
export function dayTitle(date: string): string {
  return DateTime.fromISO(date, { zone: "utc" }).setLocale("en-GB").toFormat("cccc d LLLL yyyy");
}

/** "2025-05-29" → "Thu 29 May 2025", for lists where the full weekday is too long. */
export function shortDayTitle(date: string): string {
  return DateTime.fromISO(date, { zone: "utc" }).setLocale("en-GB").toFormat("ccc d LLL yyyy");
}

/** "2025-05" or "2025-05-29" → "May 2025". */
export function monthTitle(date: string): string {
  return DateTime.fromISO(`${date.slice(0, 7)}-01`, { zone: "utc" }).setLocale("en-GB").toFormat("LLLL yyyy");
}

/** The first instant of a day in a zone, as an ISO string in UTC ("2025-05-29T00:00:00.000Z" in UTC). */
export function startOfDay(date: string, zone: string): string {
  return DateTime.fromISO(date, { zone }).startOf("day").toUTC().toISO() ?? `${date}T00:00:00.000Z`;
}

/** An ISO instant plus some milliseconds, as an ISO string in UTC. */
export function plusMillis(iso: string, milliseconds: number): string {
  return DateTime.fromISO(iso, { zone: "utc" }).plus({ milliseconds }).toUTC().toISO() ?? iso;
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a YYYY-MM-DD day, by calendar arithmetic (no parsing in a zone, no luxon
 * object: clustering asks for it per article); NaN when the string is not a real day ("2025-02-30").
 */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo && date.getUTCDate() === d ? date.getTime() / DAY_MS : Number.NaN;
}

/** The YYYY-MM-DD day of a day number. */
export function dayOfNumber(n: number): string {
  const date = new Date(n * DAY_MS);
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
}

/** The day `days` after `iso` (before, when negative). */
export function addDays(iso: string, days: number): string {
  return dayOfNumber(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}
