// After clustering: relative days ("on Thursday") resolved against the dates the story's other articles state.
import type { DatedArticle, DateSource, ResolvedArticle } from "../types.ts";
import { nearestWeekday } from "./parse.ts";

/** The day most members state outright; the earliest on a tie. */
export function storyAnchor(members: DatedArticle[]): string | null {
  const counts = new Map<string, number>();
  for (const m of members) if (m.evidence.date) counts.set(m.evidence.date, (counts.get(m.evidence.date) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [day, c] of [...counts].sort()) if (c > bestCount) [best, bestCount] = [day, c];
  return best;
}

/** What resolveDates throws for an article nothing dates (the build rejects such articles before clustering). */
export class UndatedArticleError extends Error {}

export function resolveDates(members: DatedArticle[]): ResolvedArticle[] {
  const anchor = storyAnchor(members);
  return members.map((m): ResolvedArticle => {
    const e = m.evidence;
    if (e.date && e.dateSource) return { ...m, date: e.date, dateSource: e.dateSource };
    if (e.weekday && anchor) return { ...m, date: nearestWeekday(anchor, e.weekday), dateSource: "relative-to-story" };
    if (e.pageDate) return { ...m, date: e.pageDate, dateSource: "relative-to-page" };
    // A guess from the page's own weak dates yields to the day the story's articles state.
    if (anchor) return { ...m, date: anchor, dateSource: "story" };
    if (e.weakDate) return { ...m, date: e.weakDate, dateSource: "visible-date" };
    // Articles with no day at all are rejected before clustering (undatedReason in index.ts).
    if (!e.mtimeDate) throw new UndatedArticleError(`${m.path}: no usable date`);
    return { ...m, date: e.mtimeDate, dateSource: "file-mtime" };
  });
}

/**
 * The story's day: the day most members state outright (their own evidence: front matter, markup, address,
 * a visible date line), the earliest on a tie. Only when none states one do days worked out otherwise vote
 * ("on Tuesday" read against the page, a doubtful visible date), and file times (the day a file was
 * copied) only when nothing else dates any member. "On Tuesday" read against the story is the stated day
 * moved to the weekday the lead names: an event's day, not evidence of when anything was published, so
 * however many members say it, it does not outvote the day it was worked out from. `published`, the day an
 * earlier build put the story on, stays its day while a member of that tier still gives it.
 */
export function storyDate(members: ResolvedArticle[], published: string | null = null): string {
  const strongest = Math.min(...members.map(strength));
  // Once published on a day, a story stays there while one of its most firmly dated members gives that day:
  // outlets reporting it the next day would otherwise move it off the day page a reader already read.
  if (published && members.some((m) => m.date === published && strength(m) === strongest)) return published;
  const counts = new Map<string, number>();
  for (const m of members) if (strength(m) === strongest) counts.set(m.date, (counts.get(m.date) ?? 0) + 1);
  let best = members[0]!.date;
  let bestCount = 0;
  for (const [day, c] of [...counts].sort()) if (c > bestCount) [best, bestCount] = [day, c];
  return best;
}

/** How firmly a member's day is known: 0 stated by the article, 1 worked out from its page or story, 2 its file's time. */
function strength(m: ResolvedArticle): number {
  if (m.evidence.date !== null && m.date === m.evidence.date) return 0;
  return m.dateSource === "file-mtime" ? 2 : 1;
}

/**
 * How firmly each source states an article's own day, strongest first: the publisher's structured data or the
 * author's front matter, the page's address, a visible date line, a day worked out from the page, a day the models
 * doubt, the file's time. A finer order than `strength`'s three tiers, for telling which of two copies of one
 * article is dated right (src/pipeline/copies.ts).
 */
const EVIDENCE_RANK: Readonly<Record<DateSource, number>> = {
  "front-matter": 0,
  feed: 0,
  "json-ld": 0,
  "html-meta": 0,
  "time-element": 0,
  "metadata-line": 0,
  url: 1,
  "visible-date": 2,
  dateline: 2,
  "relative-to-page": 3,
  "relative-to-story": 3,
  story: 4,
  copy: 4,
  "file-mtime": 5,
};

/**
 * An article's own day and its source, before any story weighs in (resolveDates' order for an article alone, a
 * doubted visible date given as "story"); null for one whose day its story gives ("on Tuesday" with no day stated).
 */
export function ownDayOf(a: DatedArticle): { day: string; source: DateSource } | null {
  const e = a.evidence;
  if (e.date && e.dateSource) return { day: e.date, source: e.dateSource };
  if (e.pageDate) return { day: e.pageDate, source: "relative-to-page" };
  if (e.weekday) return null;
  if (e.weakDate) return { day: e.weakDate, source: "story" };
  if (e.mtimeDate) return { day: e.mtimeDate, source: "file-mtime" };
  return null;
}

/** The rank (EVIDENCE_RANK) of the source of an article's own day; below every source when it has none of its own. */
export function evidenceRank(a: DatedArticle): number {
  const own = ownDayOf(a);
  return own ? EVIDENCE_RANK[own.source] : 9;
}
