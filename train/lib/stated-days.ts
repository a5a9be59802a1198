// mx63 (issue 9), a trial: the times an article's lead states, resolved to calendar days against the article's
// own day with luxon, as evidence of which occasion it reports. Each time becomes a span of days [from, to]
// (days since 1970-01-01, UTC):
//   a full date ("December 15, 2008", "15 Dec. 2008")          that day
//   a day of a month ("Dec. 15", "15 December")                that day in the year that puts it at most a week after the article's day
//   a month with a year ("December 2008")                      the month
//   a weekday ("Tuesday", "next Tuesday")                      the last such day up to the article's day (or the next one after "next");
//                                                              none right before a date ("Tuesday, Dec. 16"), which names that date's weekday
//   yesterday / today / tonight / last night / tomorrow        the day before, of, or after
//   last / next week, month, year                              the week, calendar month or year before or after
// Read from the headline and the first LEAD_SENTENCES body sentences: where a report states when its event happened.
import { DateTime } from "luxon";
import { splitSentences } from "../../src/text/sentences.ts";

export type Span = readonly [number, number];
const LEAD_SENTENCES = 3;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTH = String.raw`(jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?\.?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)`;
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?\b`, "giu");
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}(?:,?\s+((?:19|20)\d\d))?\b`, "giu");
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH}\s+(?:of\s+)?((?:19|20)\d\d)\b`, "giu");
const WEEKDAY = /\b(next|last|this)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/giu;
const RELATIVE = /\b(yesterday|today|tonight|last night|tomorrow|(?:last|next|this) (?:week|month|year))\b/giu;

const monthOf = (word: string) => MONTHS.indexOf(word.toLowerCase().slice(0, 3)) + 1;
const dayNumber = (d: DateTime) => Math.round(d.toMillis() / 86_400_000);

/** The spans of the times the lead states, resolved against `day` (YYYY-MM-DD); none when the day cannot be read. */
export function statedDays(title: string, paragraphs: readonly string[], day: string | null): Span[] {
  if (!day) return [];
  const own = DateTime.fromISO(day, { zone: "utc" });
  if (!own.isValid) return [];
  const lead = [title, ...paragraphs.flatMap((p) => splitSentences(p)).slice(0, LEAD_SENTENCES)].join("\n");
  const spans: Span[] = [];
  const at = (y: number, m: number, d: number) => {
    const t = DateTime.utc(y, m, d);
    return t.isValid && t.day === d ? t : null;
  };
  const dated = (m: number, d: number, year: string | undefined) => {
    if (m < 1 || d < 1 || d > 31) return;
    let t = at(year ? Number(year) : own.year, m, d);
    if (!t) return;
    if (!year && dayNumber(t) > dayNumber(own) + 7) t = at(own.year - 1, m, d);
    if (t) spans.push([dayNumber(t), dayNumber(t)]);
  };
  const taken: Array<[number, number]> = [];
  const free = (m: RegExpMatchArray) => !taken.some(([a, b]) => m.index! < b && a < m.index! + m[0].length);
  for (const m of lead.matchAll(MONTH_DAY_YEAR)) {
    if (m[1]!.toLowerCase() === "may" && !/^May/.test(m[1]!)) continue;
    dated(monthOf(m[1]!), Number(m[2]), m[3]);
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of lead.matchAll(DAY_MONTH_YEAR)) {
    if (!free(m)) continue;
    dated(monthOf(m[2]!), Number(m[1]), m[3]);
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of lead.matchAll(MONTH_YEAR)) {
    if (!free(m)) continue;
    const start = DateTime.utc(Number(m[2]), monthOf(m[1]!), 1);
    spans.push([dayNumber(start), dayNumber(start.endOf("month").startOf("day"))]);
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of lead.matchAll(WEEKDAY)) {
    // "Tuesday, Dec. 16": the weekday of the date that follows, not a day of its own.
    const end = m.index! + m[0].length;
    if (taken.some(([a]) => a >= end && a <= end + 3)) continue;
    const w = WEEKDAYS.indexOf(m[2]!.toLowerCase()) + 1;
    const next = m[1]?.toLowerCase() === "next";
    const back = (own.weekday - w + 7) % 7;
    const t = next ? own.plus({ days: (w - own.weekday + 7) % 7 || 7 }) : own.minus({ days: back });
    spans.push([dayNumber(t), dayNumber(t)]);
  }
  for (const m of lead.matchAll(RELATIVE)) {
    const word = m[1]!.toLowerCase();
    const one = (d: DateTime) => spans.push([dayNumber(d), dayNumber(d)]);
    if (word === "yesterday" || word === "last night") one(own.minus({ days: 1 }));
    else if (word === "today" || word === "tonight") one(own);
    else if (word === "tomorrow") one(own.plus({ days: 1 }));
    else {
      const [which, unit] = word.split(" ") as ["last" | "next" | "this", "week" | "month" | "year"];
      const base = which === "last" ? own.minus({ [`${unit}s`]: 1 }) : which === "next" ? own.plus({ [`${unit}s`]: 1 }) : own;
      spans.push([dayNumber(base.startOf(unit)), dayNumber(base.endOf(unit).startOf("day"))]);
    }
  }
  return spans;
}

/** The fewest days between a span of one side and a span of the other (0 when two overlap), or null when a side states none. */
export function daysApart(a: readonly Span[], b: readonly Span[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  let best = Infinity;
  for (const [x0, x1] of a) for (const [y0, y1] of b) best = Math.min(best, Math.max(0, x0 - y1, y0 - x1));
  return best;
}
