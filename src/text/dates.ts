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
 * Days since 1970-01-01 of a YYYY-MM-DD day (four ASCII digits, a hyphen, two, a hyphen, two: nothing
 * else), by calendar arithmetic in the proleptic Gregorian calendar, as `Date` counts them (no RegExp,
 * no `Date`, no luxon object: clustering and the future-day check ask for it per article and per pair);
 * NaN when the string is not that form or not a real day ("2025-02-30", "2025-13-01", "2025-01-00").
 */
export function dayNumber(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 0x2d || iso.charCodeAt(7) !== 0x2d) return Number.NaN;
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3);
  const m = digit(iso, 5) * 10 + digit(iso, 6);
  const d = digit(iso, 8) * 10 + digit(iso, 9);
  // A character that is not a digit made its part NaN, and NaN fails every comparison.
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : MONTH_DAYS[m]!))) return Number.NaN;
  // Days from 0000-03-01 (years counted from March, so that a leap day ends its year), less those to 1970-01-01.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Days in each month of a common year, by month number (1 = January). */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The ASCII digit at `i` as a number, NaN when it is no ASCII digit. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 0x30;
  return c >= 0 && c <= 9 ? c : Number.NaN;
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
