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

/** Whole days from `a` to `b` (both YYYY-MM-DD); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round(DateTime.fromISO(b, { zone: "utc" }).diff(DateTime.fromISO(a, { zone: "utc" }), "days").days);
}
