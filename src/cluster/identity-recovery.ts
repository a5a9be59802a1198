// Story ids when the state file is gone but the last build's report is not: the report lists every story
// it published with its articles (and the ids merged into it), which is what keeps a story's id. Read
// from our own JSON, never from the digests' Markdown.
import type { IdentityState, StoryRecord } from "./identity.ts";

/** What a build report must hold for its stories to be taken back (src/report BuildReport, in part). */
interface ReportedStory {
  id: string;
  date: string;
  members: string[];
  formerIds?: string[];
  /** The headline it was published with. */
  title?: string;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

function reportedStories(report: unknown): ReportedStory[] | null {
  const stories = (report as { stories?: unknown } | null)?.stories;
  if (!Array.isArray(stories)) return null;
  for (const s of stories as Partial<ReportedStory>[]) {
    if (!s || typeof s.id !== "string" || typeof s.date !== "string" || !isStrings(s.members) || (s.formerIds !== undefined && !isStrings(s.formerIds)) || (s.title !== undefined && typeof s.title !== "string")) return null;
  }
  return stories as ReportedStory[];
}

/**
 * The story-id state a build report implies: each story it lists with its articles (by path: what they
 * said is not in the report, so a renamed one is not recognised until the next build records it again),
 * the ids merged into it, its day and its headline. Stories are taken as created in the order of their dates (the report
 * keeps no serials; when two of them merge later, the earlier story's id stays). What the report cannot give:
 * the articles of stories merged away (should they part again, they get a new id) and stories withdrawn
 * before it (their ids are not reserved). Null when it is not a report.
 */
export function identityFromReport(report: unknown): IdentityState | null {
  const stories = reportedStories(report);
  if (!stories) return null;
  const ordered = [...stories].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const records = ordered.map(
    (s, serial): StoryRecord => ({
      id: s.id,
      serial,
      members: [...s.members].sort().map((path) => ({ path, hash: "" })),
      ...(s.formerIds?.length ? { formerIds: [...s.formerIds].sort() } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(s.date) ? { day: s.date } : {}),
      ...(s.title !== undefined ? { headline: s.title } : {}),
    }),
  );
  return { version: 1, next: records.length, stories: records };
}

/** Whether `state` is the one the build that wrote `report` left: a record for each story it lists, with the same articles. */
export function stateMatchesReport(state: IdentityState, report: unknown): boolean {
  const stories = reportedStories(report);
  if (!stories) return false;
  const byId = new Map(state.stories.map((r) => [r.id, r]));
  return stories.every((s) => {
    const r = byId.get(s.id);
    if (!r || r.members.length !== s.members.length) return false;
    const paths = new Set(r.members.map((m) => m.path));
    return s.members.every((p) => paths.has(p));
  });
}
