// Stage 3: dates. `dateArticles` runs before clustering; `resolveDates` after it, per story.
import type { CleanArticle, DatedArticle, DateEvidence, DateSource, Message, ResolvedArticle } from "../types.ts";
import { findEvidence } from "./evidence.ts";
import { FIRST_YEAR, LAST_YEAR } from "./parse.ts";
import { FUTURE_RULE } from "./future.ts";

export { evidenceRank, ownDayOf, resolveDates, storyDate, UndatedArticleError } from "./resolve.ts";
export { futureDoubts, refile, FUTURE_RULE } from "./future.ts";
export { statedInstant } from "./parse.ts";

export interface DateOptions {
  /** IANA zone in which an instant without a stated day (a file time) becomes a calendar day. */
  zone: string;
}

export function dateArticles(articles: CleanArticle[], options: DateOptions): DatedArticle[] {
  return articles.map((a) => ({ ...a, evidence: findEvidence(a, options.zone) }));
}

/**
 * Why an article can be given no day at all (its text states none and its file time is outside
 * 1900–2100), or null. Such an article is rejected rather than filed under an impossible day.
 */
export function undatedReason(a: DatedArticle): string | null {
  const e = a.evidence;
  if (e.date || e.pageDate || e.weakDate || e.mtimeDate) return null;
  return `no usable date: the text states none and the file time is outside ${FIRST_YEAR}–${LAST_YEAR}`;
}

/** An article's date on its own, with no story to resolve "on Thursday" against: stated, else from its page. */
export function ownDate(article: CleanArticle, zone: string): { date: string | null; dateSource: DateSource | "relative-to-page" | null; evidence: DateEvidence } {
  const e = findEvidence(article, zone);
  if (e.date) return { date: e.date, dateSource: e.dateSource, evidence: e };
  if (e.pageDate) return { date: e.pageDate, dateSource: "relative-to-page", evidence: e };
  return e.weakDate ? { date: e.weakDate, dateSource: "visible-date", evidence: e } : { date: null, dateSource: null, evidence: e };
}

/**
 * A build-level warning when most articles could only be dated by their file times (which say when a
 * file was copied, not when the story was published), or null.
 */
export function fileTimeWarning(articles: readonly ResolvedArticle[]): string | null {
  const byFileTime = articles.filter((a) => a.dateSource === "file-mtime").length;
  if (byFileTime === 0 || byFileTime * 2 <= articles.length) return null;
  return `${byFileTime} of ${articles.length} articles were dated by their file times, as their text states no date: their days may be wrong`;
}

export const FILE_TIME_RULE = "file-time";

/**
 * One message for an article dated by its file's time alone, so that the report names every input whose
 * day is only when its file was written. An article a future-date warning refiled there has its message.
 */
export function fileTimeMessage(a: ResolvedArticle, said: readonly Pick<Message, "rule">[] = []): Message | null {
  if (a.dateSource !== "file-mtime" || said.some((m) => m.rule === FUTURE_RULE)) return null;
  return { file: a.path, stage: "date", level: "warning", rule: FILE_TIME_RULE, text: `dated ${a.date}, the day its file was last written: neither its text nor its markup states a day, so the day may be when it was copied, not published` };
}
