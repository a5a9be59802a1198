// Finding calendar days in text with luxon.
import { DateTime } from "luxon";

const MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const MONTH_DAY_YEAR = new RegExp(`\\b(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, "gi");
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTHS})\\.?(?:,?\\s+(\\d{4}))?\\b`, "gi");
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

export interface DayMention {
  month: number;
  day: number;
  year: number | null;
  index: number;
}

const MONTH_NUMBER: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

function monthNumber(name: string): number {
  return MONTH_NUMBER[name.slice(0, 3).toLowerCase()] ?? 0;
}

/** Every "May 29[, 2025]", "29 May [2025]" and "2025-05-29" in the text. */
export function dayMentions(text: string): DayMention[] {
  const out: DayMention[] = [];
  for (const m of text.matchAll(MONTH_DAY_YEAR)) out.push({ month: monthNumber(m[1]!), day: Number(m[2]), year: m[3] ? Number(m[3]) : null, index: m.index! });
  for (const m of text.matchAll(DAY_MONTH_YEAR)) out.push({ month: monthNumber(m[2]!), day: Number(m[1]), year: m[3] ? Number(m[3]) : null, index: m.index! });
  for (const m of text.matchAll(ISO_DAY)) out.push({ month: Number(m[2]), day: Number(m[3]), year: Number(m[1]), index: m.index! });
  return out.filter((d) => d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31).sort((a, b) => a.index - b.index);
}

export function isoDay(year: number, month: number, day: number): string | null {
  const d = DateTime.utc(year, month, day);
  return d.isValid && d.day === day ? d.toISODate() : null;
}

/** An ISO, RFC 2822 or HTTP timestamp (or a bare day) as a calendar day in `zone`. */
export function dayOf(value: string, zone: string): string | null {
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return DateTime.fromISO(s, { zone }).isValid ? s : null;
  for (const parse of [DateTime.fromISO, DateTime.fromRFC2822, DateTime.fromHTTP]) {
    const d = parse(s, { setZone: true });
    if (d.isValid) return d.setZone(zone).toISODate();
  }
  const loose = DateTime.fromJSDate(new Date(s));
  return loose.isValid && /\d{4}/.test(s) ? loose.setZone(zone).toISODate() : null;
}

/** 1 = Monday … 7 = Sunday, luxon's numbering. */
export function weekdayOf(iso: string): number {
  return DateTime.fromISO(iso, { zone: "utc" }).weekday;
}

export function addDays(iso: string, days: number): string {
  return DateTime.fromISO(iso, { zone: "utc" }).plus({ days }).toISODate()!;
}

/** Whole days from `a` to `b`, both YYYY-MM-DD (read as UTC, so no zone or daylight saving can shift it). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** The day with `weekday` nearest to `anchor` (looking at most 3 days either way, earlier first on a tie). */
export function nearestWeekday(anchor: string, weekday: number): string {
  const back = (weekdayOf(anchor) - weekday + 7) % 7;
  return back <= 3 ? addDays(anchor, -back) : addDays(anchor, 7 - back);
}

/** The latest day with `weekday` on or before `anchor`: a page is never older than what it reports. */
export function weekdayOnOrBefore(anchor: string, weekday: number): string {
  return addDays(anchor, -((weekdayOf(anchor) - weekday + 7) % 7));
}
