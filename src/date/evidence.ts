// What one article says about its own date, before anything is known about its story.
import { DateTime } from "luxon";
import type { CleanArticle, DateEvidence, DateSource } from "../types.ts";
import { dayMentions, dayOf, isoDay, weekdayOnOrBefore, WEEKDAYS } from "./parse.ts";

const WEEKDAY = new RegExp(`\\b(${WEEKDAYS.join("|")})\\b`, "i");
// A dateline opens the paragraph ("WASHINGTON, May 29 (Reuters) -"); a date further in is history.
const DATELINE_WINDOW = 60;

export function findEvidence(article: CleanArticle, zone: string): DateEvidence {
  const mtimeDate = DateTime.fromJSDate(article.mtime).setZone(zone).toISODate()!;
  const lead = article.paragraphs.slice(0, 3).join("\n");
  // Dates in the body are the story's history ("the parade on May 9"); the page around it tells the day.
  const mtimeYear = Number(mtimeDate.slice(0, 4));
  const pageYear = likelyYear(article.context, mtimeYear) ?? likelyYear(article.paragraphs.join("\n"), mtimeYear);
  const weekdayMatch = WEEKDAY.exec(lead);
  const weekday = weekdayMatch ? WEEKDAYS.indexOf(weekdayMatch[1]!.toLowerCase()) + 1 : null;
  const pageAnchor = anchorOf(article.context, pageYear);
  const pageDate = weekday && pageAnchor ? weekdayOnOrBefore(pageAnchor, weekday) : null;
  const base = { weekday, pageAnchor, pageDate, mtimeDate };

  if (article.meta.date) {
    const day = dayOf(article.meta.date, zone);
    if (day) return { ...base, date: day, dateSource: (article.meta.dateOrigin ?? "html-meta") as DateSource };
  }
  const dateline = datelineOf(article.paragraphs[0] ?? "", pageYear, weekday);
  if (dateline) return { ...base, date: dateline, dateSource: "dateline" };
  return { ...base, date: null, dateSource: null };
}

/**
 * A date at the head of the first paragraph ("WASHINGTON, May 29, 2025 –", "On Thursday, May 29,").
 * Without a year it is accepted only when the stated weekday confirms the page's year.
 */
function datelineOf(first: string, year: number | null, weekday: number | null): string | null {
  const m = dayMentions(first.slice(0, DATELINE_WINDOW + 20)).find((d) => d.index < DATELINE_WINDOW);
  if (!m) return null;
  if (m.year) return isoDay(m.year, m.month, m.day);
  if (!year || !weekday) return null;
  const iso = isoDay(year, m.month, m.day);
  return iso && DateTime.fromISO(iso, { zone: "utc" }).weekday === weekday ? iso : null;
}

/** The year the page talks about most (bare years only; "January 26, 2017" is someone's history). */
function likelyYear(text: string, mtimeYear: number): number | null {
  const counts = new Map<number, number>();
  const withinDates = new Set(dayMentions(text).filter((d) => d.year).map((d) => d.year!));
  for (const m of text.matchAll(/\b(19[89]\d|20\d\d)\b/g)) {
    const y = Number(m[1]);
    if (y > mtimeYear + 1) continue;
    counts.set(y, (counts.get(y) ?? 0) + (withinDates.has(y) ? 0.5 : 1));
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) if (c > bestCount || (c === bestCount && best !== null && y > best)) [best, bestCount] = [y, c];
  return best;
}

/** The day the page mentions most often (its clock, its other items), the latest on a tie. */
function anchorOf(text: string, year: number | null): string | null {
  const counts = new Map<string, number>();
  for (const m of dayMentions(text)) {
    const y = m.year ?? year;
    if (!y) continue;
    const iso = isoDay(y, m.month, m.day);
    if (iso) counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [iso, c] of counts) if (c > bestCount || (c === bestCount && best !== null && iso > best)) [best, bestCount] = [iso, c];
  return best;
}
