// Stage 3: dates. `dateArticles` runs before clustering; `resolveDates` after it, per story.
import type { CleanArticle, DatedArticle, DateEvidence, DateSource, ResolvedArticle } from "../types.ts";
import { findEvidence } from "./evidence.ts";
import { FIRST_YEAR, LAST_YEAR } from "./parse.ts";

export { resolveDates, storyDate } from "./resolve.ts";
export { futureDoubts, refile } from "./future.ts";

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
