// After clustering: relative days ("on Thursday") resolved against the dates the story's other articles state.
import type { DatedArticle, ResolvedArticle } from "../types.ts";
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
    if (!e.mtimeDate) throw new Error(`${m.path}: no usable date`);
    return { ...m, date: e.mtimeDate, dateSource: "file-mtime" };
  });
}

/** The story's day: the day most members have, the earliest on a tie. */
export function storyDate(members: ResolvedArticle[]): string {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.date, (counts.get(m.date) ?? 0) + 1);
  let best = members[0]!.date;
  let bestCount = 0;
  for (const [day, c] of [...counts].sort()) if (c > bestCount) [best, bestCount] = [day, c];
  return best;
}
