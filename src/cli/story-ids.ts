// The story ids a build starts from (digests/story-ids.json), and what it does when that file is gone or
// damaged while the folder holds earlier digests: a story's id is its permalink and its feed GUID, so
// starting afresh would give every story a new page and show subscribers the whole backlog as new. The
// ids are taken back, in this order, from:
//   1. the build cache's copy of the file the last build wrote into this digests folder (the same bytes),
//      unless the site's report shows a later build (one run with --no-cache) left other stories;
//   2. the last build's report in the site (build-report.json): its stories, their articles and the ids
//      merged into them (the feeds' GUIDs name the same ids, but not which articles they stand for);
// and the build says which, as a warning on stderr and as a record in its report. Taken back from the report,
// the state has no feed stamps: they are read back from the site's JSON feeds, so that no date a subscriber
// holds goes back (the stamps module keeps each one unless its item has a later stamp of its own).
import { hash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { makeFoldersSync } from "../text/folders.ts";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { IDENTITY_FILE, identityFromReport, parseIdentityState, stateMatchesReport, type IdentityState } from "../cluster/index.ts";
import type { Message } from "../types.ts";
import { SHOWN_UNKNOWN } from "../digest/index.ts";
import { FEED_FILES, STORY_FEED_FILES } from "../feed/index.ts";
import { counted } from "../text/counted.ts";
import { REPORT_FILE } from "../output/index.ts";

/**
 * The cache's copy of the state file: a header naming the digests folder it was written into (its path from
 * the cache folder, so that a folder moved whole keeps it) and the MD5 of the text, then the text as written.
 * Not a cache state file (../cache/state.ts): made JSON, the text (a megabyte at 10,000 articles) would be
 * escaped quote by quote (at 10,000 articles, 17-28 ms CPU a build against 3).
 */
const COPY_FILE = "story-ids.copy";
const COPY_HEADER = /^DIGEST-STORY-IDS 1 ([0-9a-f]{32}) (".*")$/;

export interface StoryIdsFound {
  state: IdentityState | null;
  /** The warning given when the file was missing or damaged (also for the build report). */
  message?: Message;
}

export interface StoryIdsPlaces {
  /** The live digests folder (absolute) and the names the user gave the folders (for messages). */
  digests: string;
  digestsShown: string;
  site: string;
  siteShown: string;
  /** The build cache's folder, or null without a cache. */
  cache: string | null;
  cacheShown: string;
  warn: (text: string) => void;
}

/** A day's digest: what tells that earlier builds published into this folder. */
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.md$/;

export function readStoryIds(given: StoryIdsPlaces): StoryIdsFound {
  // Folders by their own names (the report never shows where files live; a build elsewhere says the same).
  const named = (folder: string) => basename(resolve(folder));
  const places = { ...given, digestsShown: named(given.digestsShown), siteShown: named(given.siteShown), cacheShown: named(given.cacheShown) };
  const shown = join(places.digestsShown, IDENTITY_FILE);
  const text = readText(join(places.digests, IDENTITY_FILE));
  const parsed = text === null ? null : parseIdentityState(text);
  if (parsed && "state" in parsed) return { state: parsed.state };
  const problem = parsed ? `is damaged (${parsed.error})` : "is missing";
  let earlier = false;
  try {
    earlier = readdirSync(places.digests).some((name) => DAY_FILE.test(name));
  } catch {
    // no digests folder: a first build
  }
  if (!earlier) {
    if (parsed) places.warn(`warning: ${shown}: ${parsed.error}; story ids start afresh`);
    return { state: null };
  }
  const meaning = `${shown} ${problem}, but the folder ${places.digestsShown} holds earlier digests: the file keeps each published story's id (its permalink and feed GUID), and without it every story would get a new one`;
  const recovered = recover(places);
  const said = recovered ? `${meaning}. ${recovered.how}` : `${meaning}, and nothing could be recovered (no copy in the build cache, no ${join(places.siteShown, REPORT_FILE)}): story ids start afresh, so permalinks change and feed readers show every story as new; restore ${shown} from a backup and build again to keep them`;
  places.warn(`warning: ${said}`);
  return { state: recovered?.state ?? null, message: { file: shown, stage: "cluster", rule: "story-ids", level: "warning", text: said } };
}

function recover(places: StoryIdsPlaces): { state: IdentityState; how: string } | null {
  const copy = places.cache ? readCopy(places.cache, places.warn) : null;
  // The copy names the digests folder by its place from the cache folder (a folder moved or copied whole, cache
  // and all, keeps it); a copy written before names it by its absolute path.
  const ours = copy !== null && places.cache !== null && (isAbsolute(copy.digests) ? copy.digests === places.digests : resolve(places.cache, copy.digests) === resolve(places.digests));
  const parsed = ours ? parseIdentityState(copy.text) : null;
  const cached = parsed && "state" in parsed ? parsed.state : null;
  const reportText = lastReportText(places.site);
  let report: unknown = null;
  try {
    report = reportText === null ? null : JSON.parse(reportText);
  } catch {
    // not a report: nothing to take from it
  }
  const reportShown = join(places.siteShown, REPORT_FILE);
  if (cached && (report === null || stateMatchesReport(cached, report))) {
    return { state: cached, how: `Recovered it as the last build wrote it, from the build cache (${places.cacheShown}): ${counted(cached.stories.length, "story id")} kept` };
  }
  const fromReport = identityFromReport(report);
  if (!fromReport) return null;
  const merged = fromReport.stories.reduce((n, r) => n + (r.formerIds?.length ?? 0), 0);
  return {
    state: withFeedStamps(fromReport, places.site),
    how: `Recovered the ids of the ${counted(fromReport.stories.length, "story", "stories")}${merged ? ` (and ${counted(merged, "id")} merged into them)` : ""} from the last build's report, ${reportShown}; a story merged away earlier that parts again, or one withdrawn before that build, gets a new id`,
  };
}

/** A story's id, or a day (YYYY-MM-DD), from its feed item's id: the story's permalink or the day page's address. */
const STORY_ITEM = /\/stories\/([^/?#]+)\/$/;
const DAY_ITEM = /\/(\d{4})\/(\d{2})\/(\d{2})\/$/;

/** The state with each story's and day's stamp as the site's JSON feeds published it (what they showed unknown). */
function withFeedStamps(state: IdentityState, site: string): IdentityState {
  const stories = feedStamps(join(site, STORY_FEED_FILES.json), (id) => STORY_ITEM.exec(id)?.[1] ?? null);
  const days = feedStamps(join(site, FEED_FILES.json), (id) => {
    const m = DAY_ITEM.exec(id);
    return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
  });
  const stamped = (r: IdentityState["stories"][number]) => {
    const stamp = stories.get(r.id);
    return stamp === undefined ? r : { ...r, stamp, shown: SHOWN_UNKNOWN };
  };
  return {
    ...state,
    stories: state.stories.map(stamped),
    ...(state.merged ? { merged: state.merged.map(stamped) } : {}),
    days: [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([day, stamp]) => ({ day, stamp, shown: SHOWN_UNKNOWN })),
  };
}

/** Each item's "last changed" date in a JSON feed of the site, by the key its id gives; empty when the feed is unreadable. */
function feedStamps(path: string, keyOf: (id: string) => string | null): Map<string, string> {
  const out = new Map<string, string>();
  let feed: unknown = null;
  try {
    feed = JSON.parse(readText(path) ?? "null");
  } catch {
    return out;
  }
  const items = (feed as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return out;
  for (const item of items as unknown[]) {
    const { id, date_modified: modified, date_published: published } = (item ?? {}) as Record<string, unknown>;
    const stamp = typeof modified === "string" ? modified : published;
    const key = typeof id === "string" ? keyOf(id) : null;
    if (key !== null && typeof stamp === "string" && Number.isFinite(Date.parse(stamp))) out.set(key, stamp);
  }
  return out;
}

/** Keeps a copy of the state file the build wrote, for the build after one that finds it gone. */
export function keepStoryIds(cacheDir: string, digests: string, text: string, warn: (text: string) => void): void {
  const file = join(cacheDir, COPY_FILE);
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    makeFoldersSync(cacheDir);
    writeFileSync(temp, `DIGEST-STORY-IDS 1 ${hash("md5", text)} ${JSON.stringify(relative(resolve(cacheDir), resolve(digests)) || ".")}\n${text}`);
    renameSync(temp, file);
  } catch (error) {
    warn(`cache: cannot write ${file} (${(error as Error).message}); a lost story-id file could not be taken back from it`);
    rmSync(temp, { force: true });
  }
}

function readCopy(cacheDir: string, warn: (text: string) => void): { digests: string; text: string } | null {
  const file = join(cacheDir, COPY_FILE);
  const whole = readText(file);
  if (whole === null) return null;
  const newline = whole.indexOf("\n");
  const header = COPY_HEADER.exec(newline < 0 ? "" : whole.slice(0, newline));
  const text = whole.slice(newline + 1);
  let digests: unknown = null;
  try {
    digests = header ? JSON.parse(header[2]!) : null;
  } catch {
    // damaged: below
  }
  if (!header || typeof digests !== "string" || hash("md5", text) !== header[1]) {
    warn(`cache: ${file} is damaged or not a Digest cache of this version; ignoring it`);
    return null;
  }
  return { digests, text };
}

/** The text of the report the last build left in the site folder; null when there is none or it cannot be read. */
export function lastReportText(site: string): string | null {
  return readText(join(site, REPORT_FILE));
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}
