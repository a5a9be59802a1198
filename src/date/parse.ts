// Calendar days: checking them, reading timestamps as the day they name, weekday arithmetic. Luxon with
// explicit formats only; nothing here reads the machine's zone or clock.
import { DateTime, Info } from "luxon";
import { addDays, dayNumber } from "../text/dates.ts";

/** The years Digest accepts as an article's day; anything else is a typo, a placeholder or an attack. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** Why y-m-d is not a usable day, or null when it is one. */
export function dayProblem(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return `year outside ${FIRST_YEAR}–${LAST_YEAR}`;
  if (!Number.isInteger(month) || month < 1 || month > 12) return "no such month";
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return "no such day";
  return null;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD when y-m-d is a real day within the accepted years, else null. */
export function isoDay(year: number, month: number, day: number): string | null {
  if (dayProblem(year, month, day)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** What a timestamp says, before any check: the day as written, and the clock time and offset if given. */
export interface Stamp {
  year: number;
  month: number;
  day: number;
  /** Minutes after midnight, when a time of day is given. */
  minutes: number | null;
  /** Seconds past that minute, when written. */
  seconds: number | null;
  /** Offset from UTC in minutes, when the timestamp states one (Z is 0). */
  offset: number | null;
}

// Zone names a timestamp may carry: UTC and RFC 2822's (its obsolete US names, which luxon's RFC 2822 reader
// knows too). Any other name (CEST, IST, BST) means different offsets in different places: it is not read.
const NAMED_OFFSET: Record<string, number> = { Z: 0, UT: 0, UTC: 0, GMT: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };
const ZONE_NAME = "Z|UTC|GMT|UT|[ECMP][SD]T";
const ISO_STAMP = new RegExp(String.raw`^(\d{4})-?(\d{2})-?(\d{2})(?:[T ]\s*(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*((?:UTC|GMT)?[+-]\d{2}(?::?\d{2})?|(?:${ZONE_NAME})(?![a-z+-]))?)?(?![\d])`, "i");
const RFC_LIKE = new RegExp(String.raw`^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|(?:${ZONE_NAME})(?![a-z+-]))?)?`, "i");
// JavaScript's and Java's Date.toString: "Tue Jul 30 2019 09:35:14 GMT+0200 (Central European Summer Time)",
// "Tue Jul 30 09:35:14 CEST 2019".
const TO_STRING = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(?:(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?(?:\s+GMT([+-]\d{4}))?|(\d{2}):(\d{2})(?::(\d{2}))?\s+(\S+)\s+(\d{4}))/i;
const MONTH3: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

/**
 * A machine-written timestamp (ISO 8601, with or without separators, RFC 2822/HTTP, Date.toString) as
 * written. A timestamp names the calendar day in its own offset, so the day is the one written down.
 */
export function readStamp(value: string): Stamp | null {
  const s = value.trim();
  let m = ISO_STAMP.exec(s);
  if (m) {
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), ...clock(m[4], m[5], m[6], m[7]) };
  }
  m = RFC_LIKE.exec(s);
  if (m && MONTH3[m[2]!.toLowerCase()]) {
    return { year: Number(m[3]), month: MONTH3[m[2]!.toLowerCase()]!, day: Number(m[1]), ...clock(m[4], m[5], m[6], m[7]) };
  }
  m = TO_STRING.exec(s);
  if (m && MONTH3[m[1]!.toLowerCase()]) {
    const year = Number(m[3] ?? m[12]);
    const zone = m[7] ?? (m[11] && namedOffset(m[11]) !== null ? m[11] : undefined);
    return { year, month: MONTH3[m[1]!.toLowerCase()]!, day: Number(m[2]), ...clock(m[4] ?? m[8], m[5] ?? m[9], m[6] ?? m[10], zone) };
  }
  return null;
}

/** A written time of day; none when there is none, or when it is no time (25:00, 09:75): the day still stands. */
function clock(hour: string | undefined, minute: string | undefined, second: string | undefined, zone: string | undefined): Pick<Stamp, "minutes" | "seconds" | "offset"> {
  const [h, m, sec] = [Number(hour), Number(minute), second ? Number(second) : null];
  if (!hour || h > 23 || m > 59 || (sec !== null && sec > 59)) return { minutes: null, seconds: null, offset: null };
  return { minutes: h * 60 + m, seconds: sec, offset: zone ? offsetMinutes(zone) : null };
}

function namedOffset(z: string): number | null {
  return NAMED_OFFSET[z.toUpperCase()] ?? null;
}

function offsetMinutes(z: string): number {
  const named = namedOffset(z);
  if (named !== null) return named;
  const signed = z.replace(/^(UTC|GMT)/i, "");
  const digits = signed.slice(1).replace(":", "");
  const total = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0");
  return signed.startsWith("-") ? -total : total;
}

/**
 * The moment a timestamp states, and the day as written, read by `readStamp` as the date stage reads it:
 * null when it states no time of day (a bare day; midnight, which is how a bare day is often written
 * out; an impossible clock), no real day, or no timestamp. Fractions of a second are dropped (readStamp
 * keeps whole seconds). A time without an offset readStamp reads (none, or a zone name other than UTC's and
 * RFC 2822's, such as CEST) is read in `zone`.
 */
export function statedInstant(value: string, zone: string): { ms: number; day: string } | null {
  const stamp = readStamp(value);
  if (!stamp || stamp.minutes === null || (stamp.minutes === 0 && !stamp.seconds)) return null;
  const day = isoDay(stamp.year, stamp.month, stamp.day);
  if (!day) return null;
  const clockMs = (stamp.minutes * 60 + (stamp.seconds ?? 0)) * 1000;
  if (stamp.offset !== null) return { ms: dayNumber(day) * DAY_MS + clockMs - stamp.offset * 60_000, day };
  const local = DateTime.fromObject({ year: stamp.year, month: stamp.month, day: stamp.day, hour: Math.floor(stamp.minutes / 60), minute: stamp.minutes % 60, second: stamp.seconds ?? 0 }, { zone });
  return local.isValid ? { ms: local.toMillis(), day } : null;
}

const DAY_MS = 86_400_000;

/** The day a timestamp names (in its own offset; one without an offset is read as written), or null. */
export function dayOf(value: string): string | null {
  const stamp = readStamp(value);
  return stamp ? isoDay(stamp.year, stamp.month, stamp.day) : null;
}

/** Luxon's widest instant (±100,000,000 days): beyond it a DateTime is invalid. */
const MAX_INSTANT = 8.64e15;

/**
 * The calendar day of an instant in `zone`, or null when that day is outside the accepted years (or the
 * zone is unknown). What `DateTime.fromMillis(ms, { zone })` gives for its year, month and day, without
 * building a DateTime (and its locale) per article: the zone's offset at that instant from luxon, then
 * the same shift luxon makes.
 */
export function dayInZone(instant: Date, zone: string): string | null {
  const ms = instant.getTime();
  if (Number.isNaN(ms) || ms < -MAX_INSTANT || ms > MAX_INSTANT) return null;
  const z = Info.normalizeZone(zone);
  if (!z.isValid) return null;
  const shifted = new Date(ms + z.offset(ms) * 60 * 1000);
  return isoDay(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** 1 = Monday … 7 = Sunday, luxon's numbering. */
export function weekdayOf(iso: string): number {
  return ((((dayNumber(iso) + 3) % 7) + 7) % 7) + 1;
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
