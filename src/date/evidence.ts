// What one article says about its own date, before anything is known about its story: a date stated by
// whoever wrote the file (front matter, a metadata line), else the day the page's own evidence points at
// (its markup, its address, the dates written near its headline: see choose.ts), and the weekday its
// lead names ("on Thursday") with the page's own clock, for resolving that later.
import type { CleanArticle, DateEvidence, DateSource, Message } from "../types.ts";
import { dayInZone, dayProblem, FIRST_YEAR, isoDay, LAST_YEAR, readStamp, weekdayOf, weekdayOnOrBefore } from "./parse.ts";
import { dayMentions, WEEKDAYS, type DayMention } from "./yearless.ts";
import { scanHtml } from "./html-scan.ts";
import { scanText } from "./text-scan.ts";
import { urlDate } from "./url.ts";
import type { PageKind } from "./model.ts";
import { chooseDay, type Choice } from "./choose.ts";
import type { PageScan } from "./scan-types.ts";
import { ZONE_SLACK } from "./future.ts";
import { daysBetween } from "../text/dates.ts";

const WEEKDAY = new RegExp(`\\b(${WEEKDAYS.join("|")})\\b`, "i");
const DAY_END = /day\b/i;
// A dateline opens the paragraph ("WASHINGTON, May 29 (Reuters) -"); a date further in is history.
const DATELINE_WINDOW = 60;
const RANGE_RULE = "date-range";
/** Below this probability (the mention model's) a visible date is a guess, not evidence. */
const WEAK = 0.5;

export function findEvidence(article: CleanArticle, zone: string): DateEvidence {
  const messages: Message[] = [];
  const warn = (text: string) => messages.push({ file: article.path, stage: "date", level: "warning", text, rule: RANGE_RULE });
  const mtimeDate = dayInZone(article.mtime, zone);
  if (!mtimeDate) warn(`file time ${describeInstant(article.mtime)} is outside ${FIRST_YEAR}–${LAST_YEAR}; not used as a date`);

  const weekday = leadWeekday(article.paragraphs);
  // Only an article that says "on Thursday" needs the page's own year and clock to resolve it.
  // Dates in the body are the story's history ("the parade on May 9"); the page around it tells the day.
  const contextDays = weekday ? dayMentions(article.context) : [];
  // The page's year is read (from the page, else the article's own text) only where something needs it:
  // a day mention without a year, or a dateline.
  let year: number | null | undefined;
  const pageYear = () => (year === undefined ? (year = likelyYear(article.context, contextDays) ?? likelyYear(article.paragraphs.join("\n"))) : year);
  const pageAnchor = weekday ? anchorOf(contextDays, contextDays.some((m) => m.year === null) ? pageYear() : null) : null;
  const pageDate = weekday && pageAnchor ? weekdayOnOrBefore(pageAnchor, weekday) : null;
  const base = { weekday, pageAnchor, pageDate, mtimeDate, messages };

  const stated = statedInFile(article, warn);
  if (stated) return located({ ...base, ...stated }, article, [article.meta.date]);

  const kind: PageKind = article.format === "html" ? "html" : "text";
  const scan = scanOf(article, kind);
  for (const b of scan.bad) warn(`ignored date "${b.value}" (${b.where}): ${b.problem}`);
  const choice = chooseDay(scan, urlDate(article.meta.url), kind);
  if (choice) {
    // A day only weakly suggested by the text yields to "on Thursday" read against the page or the story;
    // a guess yields to them always.
    const weak = choice.basis === "weighed" && choice.kinds.length === 0 && (choice.probability ?? 0) < WEAK;
    const shown = choice.mention ? choice.mention.block.slice(choice.mention.date.start, choice.mention.date.end) : null;
    const probes = [shown, choice.basis === "url" ? article.meta.url : null];
    if ((weak && weekday) || choice.basis === "guess") return located({ ...base, date: null, dateSource: null, weakDate: choice.day }, article, probes);
    return located({ ...base, date: choice.day, dateSource: sourceOf(choice) }, article, probes);
  }

  const dateline = weekday ? datelineOf(article.paragraphs[0] ?? "", pageYear(), weekday) : null;
  if (dateline) return { ...base, date: dateline, dateSource: "dateline" };
  return { ...base, date: null, dateSource: null };
}

/**
 * The evidence with the input line its day is written on, when that day is more than ZONE_SLACK days
 * after the file's own time (the only days the build may warn of as future: future.ts); other evidence
 * is returned as it is, unsearched. The line is the first holding what was read (a visible date as
 * written, a stated value, the address), else the day in ISO form (markup); none when neither is found.
 */
function located(e: DateEvidence, article: CleanArticle, probes: readonly (string | null | undefined)[]): DateEvidence {
  const day = e.date ?? e.weakDate ?? null;
  if (!day || (e.mtimeDate !== null && daysBetween(e.mtimeDate, day) <= ZONE_SLACK)) return e;
  for (const probe of [...probes, day]) {
    const at = probe ? article.raw.indexOf(probe) : -1;
    if (at >= 0) return { ...e, dateLine: lineAt(article.raw, at) };
  }
  return e;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

export function scanOf(article: CleanArticle, kind: PageKind): PageScan {
  const input = { raw: article.raw, title: article.title, paragraphs: article.paragraphs };
  return kind === "html" ? scanHtml(input) : scanText(input);
}

/** A date given with the file by whoever wrote it (front matter, a `date …` line): used as stated when it is a real day. */
function statedInFile(article: CleanArticle, warn: (text: string) => void): { date: string; dateSource: DateSource } | null {
  const { date, dateOrigin } = article.meta;
  if (!date || (dateOrigin !== "front-matter" && dateOrigin !== "metadata-line")) return null;
  const stamp = readStamp(date);
  const where = dateOrigin === "front-matter" ? "front matter" : "metadata line";
  if (!stamp) {
    warn(`ignored date "${date.slice(0, 80)}" (${where}): not a date`);
    return null;
  }
  const problem = dayProblem(stamp.year, stamp.month, stamp.day);
  if (problem) {
    warn(`ignored date "${date.slice(0, 80)}" (${where}): ${problem}`);
    return null;
  }
  return { date: isoDay(stamp.year, stamp.month, stamp.day)!, dateSource: dateOrigin };
}

function sourceOf(choice: Choice): DateSource {
  if (choice.basis === "shown" || choice.basis === "weighed" || choice.basis === "guess") return "visible-date";
  if (choice.basis === "url") return "url";
  if (choice.basis === "feed") return "feed";
  const kinds = choice.kinds;
  if (kinds.some((k) => k.startsWith("ld-"))) return "json-ld";
  if (kinds.some((k) => k.startsWith("meta-"))) return "html-meta";
  if (kinds.some((k) => k.startsWith("time-") || k.startsWith("itemprop-"))) return "time-element";
  return "visible-date";
}

function describeInstant(d: Date): string {
  return Number.isNaN(d.getTime()) ? "(invalid)" : d.toISOString();
}

/**
 * A date at the head of the first paragraph ("WASHINGTON, May 29 –") without a year: accepted only when
 * the stated weekday confirms it in the page's year.
 */
function datelineOf(first: string, year: number | null, weekday: number | null): string | null {
  const m = dayMentions(first.slice(0, DATELINE_WINDOW + 20)).find((d) => d.index < DATELINE_WINDOW);
  if (!m || m.year || !year || !weekday) return null;
  const iso = isoDay(year, m.month, m.day);
  return iso && weekdayOf(iso) === weekday ? iso : null;
}

/**
 * The weekday the lead (the first three paragraphs) names first, 1 (Monday) … 7, or null. Each weekday's
 * name ends in "day", so a paragraph without "day" as a word's end is passed over unread.
 */
function leadWeekday(paragraphs: readonly string[]): number | null {
  for (let i = 0; i < 3 && i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (!DAY_END.test(p)) continue;
    const m = WEEKDAY.exec(p);
    if (m) return WEEKDAYS.indexOf(m[1]!.toLowerCase()) + 1;
  }
  return null;
}

/** The year the page talks about most (bare years only; "January 26, 2017" is someone's history). */
function likelyYear(text: string, mentions: readonly DayMention[] = dayMentions(text)): number | null {
  const counts = new Map<number, number>();
  const withinDates = new Set(mentions.filter((d) => d.year).map((d) => d.year!));
  for (const m of text.matchAll(/\b(19[89]\d|20\d\d)\b/g)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + (withinDates.has(y) ? 0.5 : 1));
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) if (c > bestCount || (c === bestCount && best !== null && y > best)) [best, bestCount] = [y, c];
  return best;
}

/** The day the page mentions most often (its clock, its other items), the latest on a tie. */
function anchorOf(mentions: readonly DayMention[], year: number | null): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) {
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
