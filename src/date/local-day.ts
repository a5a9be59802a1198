// A timestamp written in UTC (Z, +00:00) names the day in Greenwich, not always the day the page's
// readers saw: "2023-11-09T01:09:55Z" is the evening of 8 November in Denver. When the page states its
// own zone elsewhere (another timestamp with an offset, or the same instant written in local time
// without one: "2023-11-08 18:09:55"), the UTC stamps are read as the day in that zone.
import { addDays, dayNumber } from "../text/dates.ts";
import type { StructuredDate } from "./scan-types.ts";

const DAY = 24 * 60;
/** The widest offset in use (UTC+14), and the step every offset is a multiple of (UTC+5:45 is one). */
const MAX_OFFSET = 14 * 60;
const OFFSET_STEP = 15;

/** The page's structured dates, those written in UTC moved to the day in the page's own zone when the page states one. */
export function inPageZone(structured: StructuredDate[]): StructuredDate[] {
  const offset = pageOffset(structured);
  if (offset === null) return structured;
  return structured.map((s) => {
    const t = s.time;
    if (!t || t.offset !== 0) return s;
    const shift = Math.floor((t.minutes + offset) / DAY);
    return { ...s, day: shift ? addDays(s.day, shift) : s.day, time: { minutes: t.minutes + offset - shift * DAY, seconds: t.seconds, offset } };
  });
}

/** Minutes after midnight of a timestamp still read in UTC (Z, +00:00; the page states no zone): its local day may be a neighbour. */
export function utcMinutes(s: StructuredDate): number | null {
  return s.time?.offset === 0 ? s.time.minutes : null;
}

/**
 * The page's offset from UTC in minutes: the one its timestamps with a non-zero offset state most often
 * (the earliest on a tie), else the difference between a UTC stamp and the same instant written in local
 * time without an offset (same seconds, a whole number of quarter hours apart, at most 14 hours), else null.
 */
export function pageOffset(structured: readonly StructuredDate[]): number | null {
  const counts = new Map<number, number>();
  for (const s of structured) {
    const o = s.time?.offset;
    if (o !== null && o !== undefined && o !== 0) counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [o, c] of counts) if (best === null || c > counts.get(best)!) best = o;
  if (best !== null) return best;
  for (const u of structured) {
    if (u.time?.offset !== 0 || u.time.seconds === null) continue;
    for (const l of structured) {
      if (!l.time || l.time.offset !== null || l.time.seconds !== u.time.seconds) continue;
      const diff = (dayNumber(l.day) - dayNumber(u.day)) * DAY + l.time.minutes - u.time.minutes;
      if (diff !== 0 && Math.abs(diff) <= MAX_OFFSET && diff % OFFSET_STEP === 0) return diff;
    }
  }
  return null;
}
