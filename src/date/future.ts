// Articles dated after the build's own present: a typo'd year ("2062") files a story on a day no other
// article reaches, where it stays at the top of the site until that day comes. The build says so; it does
// not change the day (a warning, not a guess at what was meant).
//
// "Now" is read from the build's inputs, never from the machine's clock, so the same inputs give the same
// report (which the site publishes): no article can be published after the file that holds it was
// written, so the newest file time of the build bounds every day its articles state. A day is in the
// future when it is more than ZONE_SLACK days after that bound and after the newest day of the articles
// the bound does hold. When the file times hold fewer than half the articles with days of their own (one
// old time set on every file by a copy, an archive or a reproducible-build tool; 1970 where a file has
// none), they say nothing about now and nothing is warned of: the other articles alone cannot tell a
// mistyped year from the newest article of a build after a quiet month (the seeds stamped 2017: the
// June follow-up is 25 days after the May story).
import type { Message, ResolvedArticle } from "../types.ts";
import { daysBetween } from "../text/dates.ts";

export const FUTURE_RULE = "future-date";

/**
 * Days a stated day may lead the build's zone's day of the same instant: UTC offsets span −12:00 to
 * +14:00 (26 hours), so a page's own calendar day can be two days after the day its file was written in
 * the build's zone. Not a tuned threshold: a day further ahead cannot be a publication day as written.
 */
export const ZONE_SLACK = 2;

/** Whether an article's day is its own: stated or read from its page, not one it takes from its story. */
const ownDay = (a: ResolvedArticle) => a.dateSource !== "relative-to-story" && a.dateSource !== "story";

/** A warning for each article whose own day is in the future of the build's inputs, in path order. */
export function futureDateWarnings(members: readonly ResolvedArticle[]): Message[] {
  const lastFile = newest(members.map((a) => a.evidence.mtimeDate));
  if (lastFile === null) return [];
  // Members that take their story's day say nothing of their own: a mistyped day they copy is their source's.
  const articles = members.filter(ownDay);
  const isHeld = (a: ResolvedArticle) => daysBetween(lastFile, a.date) <= ZONE_SLACK;
  const held = articles.filter(isHeld);
  if (!held.length || held.length * 2 < articles.length) return [];
  const present = newest(held.map((a) => a.date))!;
  const messages: Message[] = [];
  for (const a of articles) {
    const ahead = daysBetween(present, a.date);
    if (isHeld(a) || ahead <= ZONE_SLACK) continue;
    messages.push({
      file: a.path,
      stage: "date",
      level: "warning",
      rule: FUTURE_RULE,
      text: `dated ${a.date} (${a.dateSource}), ${ahead} days after the newest other article (${present}) and after every input file was last written (newest ${lastFile}): its story stays at the top of the site until then; a mistyped date?`,
      ...(a.evidence.dateLine !== undefined ? { line: a.evidence.dateLine } : {}),
    });
  }
  return messages.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
}

function newest(days: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const d of days) if (d !== null && (best === null || d > best)) best = d;
  return best;
}
