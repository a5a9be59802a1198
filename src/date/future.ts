// Articles dated after the build's own present: a typo'd year ("2062", "2099") would file a story on a day
// no other article reaches, where it stays at the top of the site and the feeds until that day comes. Such
// a day is a doubt: the build says so (a warning naming the file, stage, rule and line) and files the
// article under its next evidence that is not in the future: a day its page gives otherwise, else the day
// its file was last written, as an undated article is. It does not guess what was meant ("2026"?).
//
// "Now" is read from the build's inputs, never from the machine's clock, so the same inputs give the same
// report (which the site publishes): no article can be published after the file that holds it was
// written, so the newest file time of the build bounds every day its articles state. A day is in the
// future when it is more than ZONE_SLACK days after that bound and after the newest day of the articles
// the bound does hold. When the file times hold fewer than half the articles with days of their own (one
// old time set on every file by a copy, an archive or a reproducible-build tool; 1970 where a file has
// none), they say nothing about now and nothing is doubted: the other articles alone cannot tell a
// mistyped year from the newest article of a build after a quiet month (the seeds stamped 2017: the
// June follow-up is 25 days after the May story).
import type { Message, ResolvedArticle } from "../types.ts";
import { dayNumber, daysBetween } from "../text/dates.ts";

export const FUTURE_RULE = "future-date";

/**
 * Days a stated day may lead the build's zone's day of the same instant: UTC offsets span −12:00 to
 * +14:00 (26 hours), so a page's own calendar day can be two days after the day its file was written in
 * the build's zone. Not a tuned threshold: a day further ahead cannot be a publication day as written.
 */
export const ZONE_SLACK = 2;

/** Whether an article's day is its own: stated or read from its page, not one it takes from its story. */
const ownDay = (a: ResolvedArticle) => a.dateSource !== "relative-to-story" && a.dateSource !== "story";

/** What the build does with days after its present: a warning for each, and the day each such member is filed under. */
export interface FutureDoubts {
  messages: Message[];
  /** By path: the member's day and its source instead of the future one. */
  refiled: Map<string, Pick<ResolvedArticle, "date" | "dateSource">>;
}

/**
 * The members dated after the build's present, each filed under its next evidence that is not: a warning
 * for each whose day is its own (members that take their story's day say nothing of their own: a
 * mistyped day they copy is their source's, which is warned of), and a day for all of them.
 */
export function futureDoubts(members: readonly ResolvedArticle[]): FutureDoubts {
  const refiled = new Map<string, Pick<ResolvedArticle, "date" | "dateSource">>();
  const lastFile = newest(members.map((a) => a.evidence.mtimeDate));
  if (lastFile === null) return { messages: [], refiled };
  const articles = members.filter(ownDay);
  // Each day against the bounds' numbers, worked out once (`daysBetween(lastFile, day)` is this difference).
  const lastFileDay = dayNumber(lastFile);
  const isHeld = (day: string) => dayNumber(day) - lastFileDay <= ZONE_SLACK;
  const held = articles.filter((a) => isHeld(a.date));
  if (!held.length || held.length * 2 < articles.length) return { messages: [], refiled };
  const present = newest(held.map((a) => a.date))!;
  const presentDay = dayNumber(present);
  const isFuture = (day: string) => !isHeld(day) && dayNumber(day) - presentDay > ZONE_SLACK;
  const messages: Message[] = [];
  for (const a of members) {
    if (!isFuture(a.date)) continue;
    const instead = nextEvidence(a, isFuture);
    if (instead) refiled.set(a.path, instead);
    if (!ownDay(a)) continue;
    const filed = instead ? `filed under ${instead.date} (${instead.dateSource === "file-mtime" ? "the day its file was last written" : instead.dateSource}) instead` : "its day is kept, as nothing else dates it";
    messages.push({
      file: a.path,
      stage: "date",
      level: "warning",
      rule: FUTURE_RULE,
      text: `dated ${a.date} (${a.dateSource}), ${daysBetween(present, a.date)} days after the newest other article (${present}) and after every input file was last written (newest ${lastFile}): a mistyped date? ${filed}`,
      ...(a.evidence.dateLine !== undefined ? { line: a.evidence.dateLine } : {}),
    });
  }
  return { messages: messages.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0)), refiled };
}

/** The member's next day that is not in the future: the day its page gives otherwise, a day its text suggests, else its file's day. */
function nextEvidence(a: ResolvedArticle, isFuture: (day: string) => boolean): Pick<ResolvedArticle, "date" | "dateSource"> | null {
  const e = a.evidence;
  const next: [string | null | undefined, ResolvedArticle["dateSource"]][] = [
    [e.pageDate, "relative-to-page"],
    [e.weakDate, "visible-date"],
    [e.mtimeDate, "file-mtime"],
  ];
  for (const [day, source] of next) if (day && day !== a.date && !isFuture(day)) return { date: day, dateSource: source };
  return null;
}

/** Members with the future ones refiled (the same array when none is). */
export function refile(members: ResolvedArticle[], refiled: FutureDoubts["refiled"]): ResolvedArticle[] {
  if (!refiled.size) return members;
  return members.map((m) => {
    const instead = refiled.get(m.path);
    return instead ? { ...m, ...instead } : m;
  });
}

function newest(days: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const d of days) if (d !== null && (best === null || d > best)) best = d;
  return best;
}
