// The "last changed" stamps of stories and days (feed items' <updated>, <pubDate>, date_modified and the
// feeds' own updated): derived from the inputs only, never the clock or the files' times, so the same
// articles give the same bytes wherever and whenever they are built, and from what the last build published
// (`settle`: the story-id state keeps each item's stamp and a hash of what it showed), so that a date a
// reader has seen never goes back.
import { DateTime } from "luxon";
import type { ResolvedArticle } from "../types.ts";
import { statedInstant } from "../date/index.ts";
import { plusMillis, startOfDay } from "../text/dates.ts";
import { fnv1a } from "../text/hash.ts";

/** What a stamp reads of a source: its day. */
export interface Dated {
  date: string;
}

/** What `storyStamp` reads of a member. */
export type RevisionMember = Pick<ResolvedArticle, "date" | "dateSource" | "mtime" | "meta">;

/** Milliseconds into the day at which a story's revisions are stamped: under 22 hours, leaving room for its sources. */
const REVISION_SLOTS_MS = 80_000_000;

/**
 * How far before the newest moment its articles state a story held by that moment is stamped, at most
 * (and how far into its day a story whose articles state no time is):
 * stories whose newest articles state the same minute still get different stamps (feed readers and the
 * Atom validator want no two entries of a feed to share one).
 */
const HELD_SPREAD_MS = 600_000;


/**
 * A deterministic "last changed" instant for a set of sources: the newest source's day, at a time of
 * day fixed by `key` (a story id: no two stories of a day share an instant, which feed readers and the
 * Atom validator want), plus one second per source. Derived from the inputs only, never the build
 * clock, and it moves whenever a source joins, even one from a day already covered. `storyStamp` holds it
 * to the moments the articles state and moves it to a correction a member's feed stated.
 */
export function revision(sources: readonly Dated[], zone: string, key = ""): string {
  const newest = newestDay(sources);
  const start = dayStart(newest, zone);
  const at = slotOf(key) + 1000 * sources.length;
  // Milliseconds added to a UTC instant: the same ISO string plusMillis gives, without luxon per story.
  return start.ms === null ? plusMillis(start.iso, at) : new Date(start.ms + at).toISOString();
}

/**
 * `revision` (made with the same `key`) held to what the articles state, then moved by a correction:
 *
 * - Held: a slot later in the day than the newest moment the newest day's articles state (a published
 *   time, or the change their feed stated) would show a reader a time that has not come yet when the
 *   site is built that day. The slot then lies in the HELD_SPREAD_MS before that moment (scaled into
 *   the time since the day's start when that is shorter), plus the same second per source: it still
 *   moves on whenever a source joins, and stories that state the same moment keep apart.
 * - Bare: a story whose newest day's articles state no time of day (a bare day, or midnight, which is
 *   how a bare day is often written out; an article whose day is its file's states that file's time)
 *   is stamped in the first HELD_SPREAD_MS of its day (a slot fixed by `key`), plus the same second per
 *   source: a build made that day shows no time still to come. A stated moment later than that slot
 *   never puts a story's stamp before it, so a newcomer stating a time moves a bare story on too.
 * - Moved: a correction a member's feed stated (`digest fetch` saves the feed's `updated` as
 *   `digest:changed`) moves the stamp up to it when it lies between the start of the article's day and
 *   the time its file was written (a page cannot have changed after it was saved). The stamp is
 *   otherwise never moved by the file times of articles that state their day: a checkout or copy gives
 *   every file a new time, and the feeds must not change with it.
 */
export function storyStamp(base: string, members: readonly RevisionMember[], zone: string, key = ""): Stamp {
  // `base` is revision's own ISO string (toISOString or luxon in UTC), not an article's date.
  const baseMs = Date.parse(base);
  if (!Number.isFinite(baseMs)) return { updated: base, at: baseMs, held: false, from: null };
  let at = baseMs;
  const day = newestDay(members);
  const from = dayStart(day, zone).ms;
  // A day's own revision (no key) sits at its start plus a second per source: never after what its articles state.
  const stated = from === null || !key ? null : newestStated(members, day, from, zone);
  if (from !== null && key) {
    const early = slotOf(key) % HELD_SPREAD_MS;
    const span = stated === null ? null : stated - from;
    // A bare day states no time: the story takes the first minutes of its day. A stated moment after
    // that slot never puts the stamp before it (a source stating a time, joining a bare story, moves
    // it on); one inside it holds the stamp there.
    const offset = span === null ? early : span >= early ? Math.max(early, heldOffset(span, early)) : heldOffset(span, early);
    at = Math.min(at, from + offset + 1000 * members.length);
  }
  for (const m of members) {
    const changed = changedAt(m, zone);
    // Most members state no change: their day's start is not looked up (a day's stamp walks every member of the day).
    if (changed === null) continue;
    const start = dayStart(m.date, zone).ms;
    if (start === null || changed < start || changed > m.mtime.getTime()) continue;
    // Plus a second per source past the first, as a held stamp has: a source joining still moves it.
    const moved = changed + 1000 * (members.length - 1);
    if (moved > at) at = moved;
  }
  return { updated: at === baseMs ? base : new Date(at).toISOString(), at, held: stated !== null, from };
}

export interface Stamp {
  updated: string;
  /** `updated` in milliseconds. */
  at: number;
  /** The newest day's articles state a time, which the stamp must not pass: `settle` moves it earlier, not later. */
  held: boolean;
  /** The newest day's start in milliseconds (null outside the years toISOString writes as luxon does). */
  from: number | null;
}

/**
 * What a feed item showed when only its stamp is known: the story-id state was lost and taken back, and the
 * stamps with it from the site's own feeds (src/cli/story-ids.ts). No hash of ./published.ts equals it.
 */
export const SHOWN_UNKNOWN = "unknown";

/** A feed item as the last build published it. */
export interface PublishedItem {
  /** Its stamp, as written. */
  stamp: string;
  /** A hash of what it showed (./published.ts). */
  shown: string;
}

/**
 * The stamps of `stamps` (`storyStamp`s, keyed by story id or day), no two in the same second (an RSS date
 * shows whole seconds, and feed readers and the Atom validator want no two items of a feed to share a
 * date), held to what the last build published (`last`, by key) for items showing `shown` now:
 *
 * - Kept: an item showing what it showed keeps its published stamp byte for byte, whatever moved around
 *   it (a neighbour taking its second, a source joining that shows nothing new).
 * - Moved on: an item that changed is stamped in a second after its published one (an RSS date shows whole
 *   seconds; a reader that goes by the date must see it move, and sort it no lower). Its own stamp when that
 *   is later; else the published one plus a second: a published stamp is past for the reader, and any more
 *   would show a time still to come when the articles state none after it.
 *
 * - Unknown (`SHOWN_UNKNOWN`: stamps read back from the feeds): kept when its own stamp is not past the
 *   published second, else moved on; a date a reader holds never goes back for want of the state.
 *
 * The kept take their seconds first. The rest are taken in order of time, then key (input order never
 * matters); one whose second is taken moves a second later, or, when held below a stated moment, a second
 * earlier, never before its day's start nor back to or before the second it was published in.
 */
export function settle(stamps: ReadonlyMap<string, Stamp>, shown: ReadonlyMap<string, string>, last: ReadonlyMap<string, PublishedItem>): Map<string, string> {
  const out = new Map<string, string>();
  const pinned: [string, Placed][] = [];
  const rest: [string, Placed][] = [];
  for (const [key, s] of stamps) {
    if (!Number.isFinite(s.at) || s.from === null) {
      out.set(key, s.updated);
      continue;
    }
    const was = last.get(key);
    const wasAt = was ? Date.parse(was.stamp) : NaN;
    if (!was || !Number.isFinite(wasAt)) rest.push([key, { ...s, floor: -Infinity }]);
    else if (shown.get(key) === was.shown || (was.shown === SHOWN_UNKNOWN && s.at < (Math.floor(wasAt / 1000) + 1) * 1000)) pinned.push([key, { updated: was.stamp, at: wasAt, held: false, from: s.from, floor: -Infinity }]);
    else {
      const floor = (Math.floor(wasAt / 1000) + 1) * 1000;
      rest.push([key, s.at >= floor ? { ...s, floor } : { updated: new Date(wasAt + 1000).toISOString(), at: wasAt + 1000, held: s.held, from: s.from, floor }]);
    }
  }
  const byTime = ([a, x]: [string, Placed], [b, y]: [string, Placed]) => x.at - y.at || (a < b ? -1 : a > b ? 1 : 0);
  const taken = new Set<number>();
  const moved: [string, Placed][] = [];
  for (const [key, p] of pinned.sort(byTime)) {
    const second = Math.floor(p.at / 1000);
    // Two items published in one second (a state written before stamps were kept apart): the later moves.
    if (taken.has(second)) moved.push([key, { ...p, floor: (second + 1) * 1000 }]);
    else {
      taken.add(second);
      out.set(key, p.updated);
    }
  }
  for (const [key, { updated, held, from, at: first, floor }] of [...rest, ...moved].sort(byTime)) {
    let at = first;
    let step = held ? -1000 : 1000;
    const lowest = Math.max(from!, floor);
    while (taken.has(Math.floor(at / 1000))) {
      at += step;
      if (at < lowest) [at, step] = [first + 1000, 1000];
    }
    taken.add(Math.floor(at / 1000));
    out.set(key, at === first ? updated : new Date(at).toISOString());
  }
  return out;
}

/** A stamp on its way to a second of its own: never placed before `floor`. */
interface Placed extends Stamp {
  floor: number;
}

function slotOf(key: string): number {
  return key ? fnv1a(key) % REVISION_SLOTS_MS : 0;
}

/**
 * Milliseconds after the day's start for a story held `span` after it: `jitter` before the stated
 * moment, scaled into a shorter span. Never after the stated moment, never before the day's start, and
 * never earlier for a later moment (a story whose newest article is newer is never stamped older).
 */
function heldOffset(span: number, jitter: number): number {
  if (span <= 0) return 0;
  return span >= HELD_SPREAD_MS ? span - jitter : Math.floor((span * (HELD_SPREAD_MS - jitter)) / HELD_SPREAD_MS);
}

function newestDay(sources: readonly Dated[]): string {
  return sources.reduce((d, s) => (s.date > d ? s.date : d), sources[0]?.date ?? "1970-01-01");
}

/**
 * The newest moment the members of `day` state, in milliseconds, or null when none states a time of
 * day: a published time written on that day (the day as written, in its own offset, is how the date
 * stage reads it), a stated correction on or after the day's start, or, for an article whose day is
 * only the day its file was written, that file time (its day moves with it already: a copy that gives
 * the file a new time changes its day, whatever the stamp does).
 */
function newestStated(members: readonly RevisionMember[], day: string, from: number, zone: string): number | null {
  let newest: number | null = null;
  const take = (at: number | null) => {
    if (at !== null && at >= from && (newest === null || at > newest)) newest = at;
  };
  for (const m of members) {
    if (m.date !== day) continue;
    // A published time the page states, and the one its feed stated (`digest fetch` saves it as `digest:date`).
    for (const value of [m.meta.date, m.meta.feedDate]) {
      const published = value ? statedInstant(value, zone) : null;
      if (published && published.day === day && (newest === null || published.ms > newest)) newest = published.ms;
    }
    // A change stated after the file was written cannot have happened (as in `storyStamp`): it states nothing.
    const changed = changedAt(m, zone);
    if (changed !== null && changed <= m.mtime.getTime()) take(changed);
    if (m.dateSource === "file-mtime") take(m.mtime.getTime());
  }
  return newest;
}

/**
 * The instant the member's feed said it last changed, in milliseconds, or null: read as the date stage
 * reads a stated time (a bare day states none; a time without an offset is in the site's `zone`, never
 * the machine's).
 */
function changedAt(m: RevisionMember, zone: string): number | null {
  const value = m.meta.changed;
  return value ? (statedInstant(value, zone)?.ms ?? null) : null;
}

const dayStarts = new Map<string, { iso: string; ms: number | null }>();

/** startOfDay, kept per day and zone (a model has a few hundred days and many thousand stories). */
export function dayStart(date: string, zone: string): { iso: string; ms: number | null } {
  const key = `${zone} ${date}`;
  let known = dayStarts.get(key);
  if (!known) {
    const iso = startOfDay(date, zone);
    // Only a plain UTC instant of years 1000–9999 is written by toISOString exactly as luxon writes it.
    const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso) ? DateTime.fromISO(iso, { zone: "utc" }).toMillis() : null;
    known = { iso, ms: ms !== null && Number.isFinite(ms) && iso.slice(0, 1) !== "0" ? ms : null };
    if (dayStarts.size > 100_000) dayStarts.clear();
    dayStarts.set(key, known);
  }
  return known;
}
