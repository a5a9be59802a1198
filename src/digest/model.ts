// The view model: what a reader sees of each day and each story. The Markdown digests, the pages and
// every feed are renderings of it; nothing downstream reads Markdown back.
import type { ResolvedArticle, Story } from "../types.ts";
import { dayTitle, daysBetween, monthTitle } from "../text/dates.ts";
import { dayPath, monthPath, sourceUrl, storyPath } from "../text/paths.ts";
import { stripControlChars } from "../text/plain-text.ts";
import { shortHash } from "../text/hash.ts";
import { categoriseArticles, type Categorise } from "./categories.ts";
import { textLanguage, type TextLanguage } from "./language.ts";
import { oneSpellingEach, outletLabel, outletOf, stripSiteName, UNKNOWN_OUTLET, type Outlet } from "./outlets.ts";
import { dayStart, revision, settle, storyStamp, type PublishedItem, type Stamp } from "./stamps.ts";
import { dayShown, storyShown, type PublishedItems } from "./published.ts";
import type { ViewParts, ViewStore } from "./view-cache.ts";

export { revision } from "./stamps.ts";

export interface SourceView {
  /** The input file, relative to the input folder. */
  path: string;
  /** The outlet's name, or null when nothing names it. */
  outlet: string | null;
  /** What pages show for the outlet: its name, else the article's host, else "Unknown outlet". */
  label: string;
  /** The original article (http or https only), or null. */
  url: string | null;
  headline: string;
  /** The language its headline is written in (see `sourceLanguage`). */
  language: TextLanguage;
  date: string;
}

/** An id a story had in an earlier build, and that id's permalink. */
export interface FormerId {
  id: string;
  path: string;
}

/** Another story, as a link to it. */
export interface StoryRef {
  id: string;
  headline: string;
  date: string;
  path: string;
}

export interface StoryView {
  id: string;
  /** Ids the story had in earlier builds, with their permalinks, which lead here. */
  former: FormerId[];
  /** The permalink: /stories/<id>/. */
  path: string;
  date: string;
  dayPath: string;
  headline: string;
  summary: string[];
  /** One per article, oldest first (the build report lists them all). */
  sources: SourceView[];
  /** The sources a reader is shown: a copy of another (same outlet, address and headline) only once. */
  listed: SourceView[];
  /** Distinct outlet labels, in the order of the sources. */
  outlets: string[];
  /** The outlets in one short line for compact lists: "NewsX, Reuters and 2 other sources". */
  credit: string;
  /** Distinct outlets that are named (not a host or "Unknown outlet"): the story's authors in feeds. */
  namedOutlets: string[];
  /** How many different outlets covered it (an unnamed one counts by its host, else by itself). */
  breadth: number;
  /** Whether its day is only the day its files were written (no article states one): it never leads a day or the front page. */
  dayFromFiles: boolean;
  /**
   * Why it is held back, when every one of its articles is a page the article gate doubts is an article (a notice, a
   * form, teasers): it has its page and is listed under its day's held-back heading, but no feed item, no place in
   * the day's stories or on the front page. Absent for a story that is published.
   */
  heldBack?: string;
  categories: string[];
  /** The language its headline and summary are written in (null: not told), and their direction. */
  language: TextLanguage;
  /** 1 for the day's leading story. */
  rank: number;
  followUpOf: StoryRef | null;
  followUps: StoryRef[];
  /** Start of the story's day in the configured zone (ISO). */
  published: string;
  /**
   * Moves whenever the story gains a source or a member's feed states a correction, and is never after the newest
   * time its articles state (./stamps.ts); held to what the last build published: kept while its feed item shows the
   * same, never back to or before it once the item changed (`settle`).
   */
  updated: string;
}

/** A day's leading stories, shown in full at the top of its page, the front page and its feed item; the rest are compact rows. */
export const LEAD_STORIES = 5;

export interface DayView {
  date: string;
  title: string;
  path: string;
  monthPath: string;
  /** By rank: the stories published (none held back). */
  stories: StoryView[];
  /** The day's held-back stories (`StoryView.heldBack`), by rank among themselves; in no feed. */
  heldBack: StoryView[];
  published: string;
  /** Moves whenever a story is added to the day or one of its stories gains a source or a stated correction; held to what was published as a story's is. */
  updated: string;
  namedOutlets: string[];
  categories: string[];
}

export interface MonthView {
  key: string;
  label: string;
  path: string;
  /** Newest first. */
  days: DayView[];
}

export interface OutletCount {
  name: string;
  stories: number;
}

/** Where an id from an earlier build now leads. */
export interface Redirect {
  id: string;
  path: string;
  to: StoryRef;
}

export interface DigestModel {
  /** Newest first. */
  days: DayView[];
  months: MonthView[];
  /** Every story, newest day first, by rank within a day, a day's held-back stories after its published ones. */
  stories: StoryView[];
  /** The front page: the latest `homeDays` days' stories ranked by breadth and recency. */
  front: StoryView[];
  /** The days the front page lists: the newest `homeDays` with a story published (`publishedDays`). */
  frontDays: DayView[];
  /** How many stories are published (in the feeds, among their days' stories), and how many are held back. */
  publishedStories: number;
  heldBackStories: number;
  redirects: Redirect[];
  /** The outlets credited with published stories, by how many (a held-back story credits none). */
  outlets: OutletCount[];
  /** Published stories with at least one source whose outlet is not named. */
  storiesWithUnnamed: number;
  /** Each story's and day's feed item as this build publishes it (its stamp, a hash of what it shows): kept for the next build's `published`. */
  published: PublishedItems;
  /**
   * Each story's view key (./view-cache.ts: a hash of all its view takes from its articles, its id, title and
   * summary, the zone and the model's code), by id, where it has one: a page showing the story keys it with
   * this and what other stories lend the view (./model.ts), instead of hashing the view.
   */
  viewKeys?: ReadonlyMap<string, string>;
}

export interface ModelOptions {
  /** IANA zone in which days start (feed dates). */
  zone: string;
  /** How many of the latest days the front page draws from. */
  homeDays: number;
  /** How a story's categories are found: categoriseArticles, or the same through the build cache (./category-cache.ts). */
  categorise?: Categorise;
  /** The feed items the last build published (from the story-id state): what the stamps are held to (`settle`). */
  published?: PublishedItems;
  /** What each story's view takes from its articles, kept from the last build (./view-cache.ts); made afresh without it. */
  views?: ViewStore | null;
}

/** Stories on the front page lose half their weight for every this many days they are older than the newest day. */
const FRONT_HALF_LIFE_DAYS = 2;

/**
 * Text that `text` leaves as it is: no white space but single spaces between other characters, and
 * none of the characters stripControlChars drops (any surrogate is sent the long way, paired or not).
 */
const PLAIN = /^(?:[^\s\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]+(?: [^\s\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]+)*)?$/;

/** Text for display: without control characters, white space collapsed to single spaces and trimmed. */
export function text(s: string): string {
  return PLAIN.test(s) ? s : stripControlChars(s).replace(/\s+/g, " ").trim();
}

/** A story's former ids (stable ids across builds), never its own. */
function formerIdsOf(story: Story): string[] {
  const ids: unknown = story.formerIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string" && id !== story.id) : [];
}

function distinct(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

/** The outlets a story's articles name (null: none), each once whatever its case, first spelling kept: its authors in feeds, and what its categories leave out. */
export function namedOutletsOf(names: readonly (string | null)[]): string[] {
  return distinct(names.filter((o): o is string => o !== null));
}

const NO_LANGUAGE: TextLanguage = { lang: null, dir: null };
/** A letter of neither Latin nor Cyrillic script: a script that names its language by itself (Arabic, Han, kana…). */
const OWN_SCRIPT_LETTER = /(?![\p{Script=Latin}\p{Script=Cyrillic}])\p{L}/u;

/**
 * A source headline's language, for its `lang` in the source list: read from the headline when it is
 * written in a script that tells (an Arabic or Japanese headline under any story); a Latin or Cyrillic
 * headline, too short for function words to tell, is taken to be in the story's language, and so is an
 * Arabic-script one under a Persian or Urdu story (a headline is too short to hold their own letters).
 */
function sourceLanguage(headline: string, story: TextLanguage): TextLanguage {
  if (!OWN_SCRIPT_LETTER.test(headline)) return story;
  const own = textLanguage([headline]);
  return own.lang === "ar" && (story.lang === "fa" || story.lang === "ur") ? story : own;
}

/**
 * What a story's view takes from its articles alone (kept in the build cache: ./view-cache.ts). Its lists are
 * made by loops and `push`, not `map`: an array `map` makes in optimised code is of another elements kind
 * than one it makes in the interpreter, and each call on such an array (the next `map`, `forEach`) then
 * found a kind it had not met and threw the optimised code away. A cold 10k build compiled this function
 * four times (TurboFan, about 60-100 ms of a compiler thread each).
 */
function viewParts(story: Story, zone: string, categorise: Categorise): ViewParts {
  const members = story.members;
  const outlets: Outlet[] = [];
  const sources: SourceView[] = [];
  for (const member of members) {
    const outlet = outletOf(member);
    outlets.push(outlet);
    sources.push({
      path: member.path,
      outlet: outlet.name,
      label: outletLabel(outlet),
      url: sourceUrl(member.meta.url),
      headline: text(stripSiteName(member.title, [outlet.name, member.meta.siteName, member.meta.publisher, member.meta.outletHint], outlet.host)),
      language: NO_LANGUAGE,
      date: member.date,
    });
  }
  const seen = new Set<string>();
  const listed: number[] = [];
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const key = JSON.stringify([s.label.toLowerCase(), s.url, s.headline]);
    if (!seen.has(key)) (seen.add(key), listed.push(i));
  }
  // The story's headline is one of its articles' titles: it loses that article's site name too.
  const own = members.findIndex((m) => m.title === story.title);
  const headline = own >= 0 ? sources[own]!.headline : text(story.title);
  const breadthKeys = new Set<string>();
  for (let i = 0; i < sources.length; i++) {
    const outlet = outlets[i]!;
    breadthKeys.add((outlet.name ?? outlet.host ?? `path:${members[i]!.path}`).toLowerCase());
  }
  const credits = creditsOf(sources, listed);
  const summary: string[] = [];
  for (const sentence of story.summary) {
    const shown = text(sentence);
    if (shown) summary.push(shown);
  }
  const shownHeadline = headline || text(story.title) || story.id;
  const language = textLanguage([shownHeadline, ...summary]);
  for (const s of sources) s.language = s.headline === shownHeadline ? language : sourceLanguage(s.headline, language);
  const heldBack = heldBackWhy(members);
  return {
    sources,
    listed,
    headline: shownHeadline,
    ...credits,
    breadth: breadthKeys.size,
    dayFromFiles: members.every((m) => m.dateSource === "file-mtime"),
    ...(heldBack === null ? {} : { heldBack }),
    categories: categorise(members, credits.namedOutlets, language.lang),
    language,
    stamp: storyStamp(revision(sources, zone, story.id), members, zone, story.id),
  };
}

/** The days a reader is shown in the feeds and on the front page: those with a story published (one of held-back stories only is not). */
export function publishedDays(days: readonly DayView[]): DayView[] {
  return days.filter((d) => d.stories.length > 0);
}

/**
 * Why a story is held back: every article in it is one the article gate doubts (the first one's doubt, as the gate
 * words it), or null when one is not (a story with one undoubted article is published, its doubted ones credited).
 */
export function heldBackWhy(members: readonly ResolvedArticle[]): string | null {
  if (members.length === 0 || !members.every((m) => typeof m.doubt === "string")) return null;
  return members[0]!.doubt!;
}

/** A story's parts and its key in the store (null: it has none, and its parts are not kept). */
interface Parts {
  key: string | null;
  parts: ViewParts;
}

/** A story's parts from the store when it has them, else made (they are kept with what the story's item shows: `shownThrough`). */
function partsOf(story: Story, zone: string, categorise: Categorise, views: ViewStore | null): Parts {
  const key = views?.key(story, zone) ?? null;
  return { key, parts: (key === null ? undefined : views!.get(key)) ?? viewParts(story, zone, categorise) };
}

/**
 * What a story's feed item shows, besides its parts (whose key covers its id, summary and zone): its day and
 * its follow-up links. With the same parts and these, the same hash (`storyShown`).
 */
function shownRefs(v: StoryView): string {
  const ref = (r: StoryRef) => [r.path, r.headline];
  return JSON.stringify([v.date, v.followUpOf ? ref(v.followUpOf) : null, v.followUps.map(ref)]);
}

/**
 * `storyShown` of a story as its own parts spell its outlets (`asMade`), taken from the story's stored parts
 * when they were kept with the same day and links; what changed is kept.
 */
function shownThrough(views: ViewStore | null, parts: ReadonlyMap<string, Parts>, asMade: (v: StoryView) => StoryView): (v: StoryView) => string {
  return (v) => {
    const p = parts.get(v.id)!;
    const refs = p.key === null ? "" : shownRefs(v);
    if (p.key !== null && p.parts.shown?.[0] === refs) return p.parts.shown[1];
    const shown = storyShown(asMade(v));
    if (p.key !== null) views!.put(p.key, { ...p.parts, shown: [refs, shown] });
    return shown;
  };
}

/**
 * A story's view with its outlets spelled as its own parts spell them, for the hashes of what feed items show:
 * an outlet written another way because another story came in or left (`oneSpellingEach`) is no change a
 * reader's feed should show as an update of an old item, which keeps its stamp; the item itself shows the
 * build's spelling (its view key, below, says so to every cache).
 */
function madeSpelling(made: ReadonlyMap<string, ViewParts>): (v: StoryView) => StoryView {
  return (v) => {
    const parts = made.get(v.id);
    if (!parts) return v;
    return { ...v, sources: parts.sources, listed: parts.listed.map((i) => parts.sources[i]!), outlets: parts.outlets, credit: parts.credit, namedOutlets: parts.namedOutlets };
  };
}

/** A story's parts with its outlets' names as the build spells them (`oneSpellingEach`); the parts themselves when none changes. */
function respelled(parts: ViewParts, spelled: ReadonlyMap<string, string>): ViewParts {
  if (!spelled.size || !parts.sources.some((s) => s.outlet !== null && spelled.has(s.outlet))) return parts;
  const sources = parts.sources.map((s) => {
    const name = s.outlet === null ? undefined : spelled.get(s.outlet);
    return name === undefined ? s : { ...s, outlet: name, label: s.label === s.outlet ? name : s.label };
  });
  return { ...parts, sources, ...creditsOf(sources, parts.listed) };
}

/** What a story's sources say of its outlets: their labels, the credit line of the listed ones, the outlets named. */
function creditsOf(sources: readonly SourceView[], listed: readonly number[]): Pick<ViewParts, "outlets" | "credit" | "namedOutlets"> {
  const names: (string | null)[] = [];
  const labels: string[] = [];
  for (const s of sources) (names.push(s.outlet), labels.push(s.label));
  const credited: SourceView[] = [];
  for (const i of listed) credited.push(sources[i]!);
  return { outlets: distinct(labels), credit: creditLine(credited), namedOutlets: namedOutletsOf(names) };
}

function storyView(story: Story, zone: string, parts: ViewParts, stamps: Map<string, Stamp>): StoryView {
  stamps.set(story.id, parts.stamp);
  return {
    id: story.id,
    former: formerIdsOf(story).map((id) => ({ id, path: storyPath(id) })),
    path: storyPath(story.id),
    date: story.date,
    dayPath: dayPath(story.date),
    headline: parts.headline,
    summary: story.summary.map(text).filter(Boolean),
    sources: parts.sources,
    listed: parts.listed.map((i) => parts.sources[i]!),
    outlets: parts.outlets,
    credit: parts.credit,
    namedOutlets: parts.namedOutlets,
    breadth: parts.breadth,
    dayFromFiles: parts.dayFromFiles,
    ...(parts.heldBack === undefined ? {} : { heldBack: parts.heldBack }),
    categories: parts.categories,
    language: parts.language,
    rank: 0,
    followUpOf: null,
    followUps: [],
    published: dayStart(story.date, zone).iso,
    updated: parts.stamp.updated,
  };
}

/** A day's revision held as its stories' are (`storyStamp`: a correction its feed states moves the day too). */
function dayStamp(base: string, stories: readonly StoryView[], membersOf: ReadonlyMap<string, readonly ResolvedArticle[]>, zone: string): Stamp {
  return storyStamp(base, stories.flatMap((s) => membersOf.get(s.id) ?? []), zone);
}

/**
 * The stamps the model shows: no two stories, and no two days, in one second (a correction can move a stamp
 * to any day), and held to what the last build published (./stamps.ts `settle`); what they show and the
 * stamps they get are handed on for the next build.
 */
function settleStamps(views: StoryView[], days: DayView[], dayStamps: ReadonlyMap<string, Stamp>, stamps: ReadonlyMap<string, Stamp>, published: PublishedItems | undefined, shownOf: (v: StoryView) => string, asMade: (v: StoryView) => StoryView): PublishedItems {
  const storyShows = new Map(views.map((v) => [v.id, shownOf(v)]));
  const dayShows = new Map(days.map((d) => [d.date, dayShown(dayAsMade(d, asMade), LEAD_STORIES)]));
  const stories = settle(stamps, storyShows, published?.stories ?? new Map());
  const dayUpdates = settle(dayStamps, dayShows, published?.days ?? new Map());
  for (const v of views) v.updated = stories.get(v.id) ?? v.updated;
  for (const d of days) d.updated = dayUpdates.get(d.date) ?? d.updated;
  const item = (updated: string, shown: string): PublishedItem => ({ stamp: updated, shown });
  return {
    stories: new Map(views.map((v) => [v.id, item(v.updated, storyShows.get(v.id)!)])),
    days: new Map(days.map((d) => [d.date, item(d.updated, dayShows.get(d.date)!)])),
  };
}

/**
 * `settled` with the last published item of each held-back story and of each day with held-back stories only, as
 * the last build left it (`last`): a story a reader's feed once showed keeps its stamp while it is held back, so that
 * when it is published again it is an update of that item (the same GUID, its permalink), dated after it.
 */
function keepLastPublished(settled: PublishedItems, views: readonly StoryView[], days: readonly DayView[], last: PublishedItems | undefined): PublishedItems {
  if (!last) return settled;
  const stories = new Map(settled.stories);
  const dayItems = new Map(settled.days);
  for (const v of views) {
    const was = v.heldBack === undefined ? undefined : last.stories.get(v.id);
    if (was) stories.set(v.id, was);
  }
  for (const d of days) {
    const was = dayItems.has(d.date) ? undefined : last.days.get(d.date);
    if (was) dayItems.set(d.date, was);
  }
  return { stories, days: dayItems };
}

/** How a story's sources' outlets are written. */
function spellingOf(v: StoryView): string {
  return shortHash(JSON.stringify(v.sources.map((s) => s.outlet)), 16);
}

/** A day with its stories' outlets spelled as their own parts spell them (`madeSpelling`). */
function dayAsMade(day: DayView, asMade: (v: StoryView) => StoryView): DayView {
  const stories = day.stories.map(asMade);
  if (stories.every((s, i) => s === day.stories[i])) return day;
  return { ...day, stories, namedOutlets: distinct(stories.flatMap((s) => s.namedOutlets)) };
}

const UNKNOWN = UNKNOWN_OUTLET;
/** Outlets named in a credit line before the rest are counted. */
const CREDIT_NAMES = 3;

/** "NewsX and 3 other sources"; "A, B, C and D"; "BBC News"; "2 sources, outlets unknown". */
export function creditLine(sources: readonly SourceView[]): string {
  const names = distinct(sources.map((s) => s.label).filter((l) => l !== UNKNOWN));
  const unnamed = sources.filter((s) => s.label === UNKNOWN).length;
  if (!names.length) return unnamed === 1 ? UNKNOWN : `${unnamed} sources, outlets unknown`;
  // One named outlet left over is named: "1 other source" would hide it behind as many words.
  const shown = names.length === CREDIT_NAMES + 1 && !unnamed ? names : names.slice(0, CREDIT_NAMES);
  const others = names.length - shown.length + unnamed;
  if (!others) return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
  return `${shown.join(", ")} and ${others} other ${others === 1 ? "source" : "sources"}`;
}

function ref(story: StoryView): StoryRef {
  return { id: story.id, headline: story.headline, date: story.date, path: story.path };
}

/** localeCompare(…, "en"), made once. */
const ENGLISH = new Intl.Collator("en");

/** Within a day: stated days first, then most outlets, then most articles, then by headline and id, so input order never matters. */
export function byBreadth(a: StoryView, b: StoryView): number {
  return Number(a.dayFromFiles) - Number(b.dayFromFiles) || b.breadth - a.breadth || b.sources.length - a.sources.length || ENGLISH.compare(a.headline, b.headline) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A front-page story's weight: halved for every FRONT_HALF_LIFE_DAYS its day is older than `newest` (the newest day, not the clock). */
function frontDecay(date: string, newest: string): number {
  return 0.5 ** (daysBetween(date, newest) / FRONT_HALF_LIFE_DAYS);
}

export function buildModel(input: readonly Story[], options: ModelOptions): DigestModel {
  const categorise = options.categorise ?? categoriseArticles;
  const stamps = new Map<string, Stamp>();
  const store = options.views ?? null;
  const parts = new Map(input.map((s) => [s.id, partsOf(s, options.zone, categorise, store)]));
  // One outlet, one spelling across the build (a text dump's "Lebensmittel Praxis", the saved page's "Lebensmittelpraxis.de").
  const spelled = oneSpellingEach(input.flatMap((s) => parts.get(s.id)!.parts.sources.flatMap((source) => (source.outlet === null ? [] : [source.outlet]))));
  // The parts as made, of the stories the build spells otherwise.
  const made = new Map<string, ViewParts>();
  const views = input.map((s) => {
    const own = parts.get(s.id)!.parts;
    const shown = respelled(own, spelled);
    if (shown !== own) made.set(s.id, own);
    return storyView(s, options.zone, shown, stamps);
  });
  const membersOf = new Map(input.map((s) => [s.id, s.members]));
  const byId = new Map(views.map((v) => [v.id, v]));
  for (const story of input) {
    const view = byId.get(story.id)!;
    const earlier = story.followUpOf ? byId.get(story.followUpOf) : undefined;
    if (!earlier || earlier === view) continue;
    // A published story never links to a held-back one (its page, digest and feed item would show a notice as the
    // story going on); a held-back story's own page keeps both its links.
    if (earlier.heldBack === undefined || view.heldBack !== undefined) view.followUpOf = ref(earlier);
    if (view.heldBack === undefined || earlier.heldBack !== undefined) earlier.followUps.push(ref(view));
  }
  for (const v of views) v.followUps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  const byDay = new Map<string, StoryView[]>();
  for (const v of views) {
    const day = byDay.get(v.date);
    if (day) day.push(v);
    else byDay.set(v.date, [v]);
  }
  const dayStamps = new Map<string, Stamp>();
  const days: DayView[] = [...byDay.keys()]
    .sort()
    .reverse()
    .map((date) => {
      const all = byDay.get(date)!.sort(byBreadth);
      const stories = all.filter((s) => s.heldBack === undefined);
      const heldBack = all.filter((s) => s.heldBack !== undefined);
      stories.forEach((s, i) => (s.rank = i + 1));
      heldBack.forEach((s, i) => (s.rank = i + 1));
      // A held-back story moves no day's stamp: its feed item shows none of it.
      const sources = stories.flatMap((s) => s.sources);
      const stamp = dayStamp(revision(sources, options.zone), stories, membersOf, options.zone);
      dayStamps.set(date, stamp);
      return {
        date,
        title: `Digest for ${dayTitle(date)}`,
        path: dayPath(date),
        monthPath: monthPath(date),
        stories,
        heldBack,
        published: dayStart(date, options.zone).iso,
        updated: stamp.updated,
        namedOutlets: distinct(stories.flatMap((s) => s.namedOutlets)),
        categories: distinct(stories.flatMap((s) => s.categories.slice(0, 1))),
      };
    });

  const asMade = madeSpelling(made);
  // Only what the feeds publish is settled and kept as published: a held-back story that gains a real article later
  // is then a new item, never an update of one no reader was shown; so is a day that had held-back stories only.
  const feedStories = views.filter((v) => v.heldBack === undefined);
  const feedDays = publishedDays(days);
  const published = keepLastPublished(settleStamps(feedStories, feedDays, dayStamps, stamps, options.published, shownThrough(store, parts, asMade), asMade), views, days, options.published);
  // A view key stands for the view's parts as made: with the outlets spelled otherwise, it says how, so that
  // no page, digest or feed item kept under the key shows the old spelling.
  const viewKeys = new Map<string, string>();
  for (const [id, { key }] of parts) if (key !== null) viewKeys.set(id, made.has(id) ? `${key} ${spellingOf(byId.get(id)!)}` : key);

  const months = new Map<string, MonthView>();
  for (const day of days) {
    const key = day.date.slice(0, 7);
    let month = months.get(key);
    if (!month) {
      month = { key, label: monthTitle(key), path: monthPath(key), days: [] };
      months.set(key, month);
    }
    month.days.push(day);
  }

  const newest = feedDays[0]?.date ?? "1970-01-01";
  const recent = feedDays.slice(0, options.homeDays).flatMap((d) => d.stories);
  // The decay of a day, worked out once (the front page's stories share a few days).
  const decays = new Map<string, number>();
  const decay = (date: string) => decays.get(date) ?? decays.set(date, frontDecay(date, newest)).get(date)!;
  const scores = new Map(recent.map((s) => [s, s.breadth * decay(s.date)]));
  const front = [...recent].sort((a, b) => Number(a.dayFromFiles) - Number(b.dayFromFiles) || scores.get(b)! - scores.get(a)! || (a.date < b.date ? 1 : a.date > b.date ? -1 : byBreadth(a, b)));

  const current = new Set(views.map((v) => v.id));
  const redirects: Redirect[] = [];
  const taken = new Set<string>();
  for (const v of views) {
    for (const { id, path } of v.former) {
      if (current.has(id) || taken.has(id)) continue;
      taken.add(id);
      redirects.push({ id, path, to: ref(v) });
    }
  }
  redirects.sort((a, b) => (a.id < b.id ? -1 : 1));

  const counts = new Map<string, OutletCount>();
  let storiesWithUnnamed = 0;
  // The about page's counts are of what is published: an outlet is not credited with a held-back story.
  for (const v of feedStories) {
    for (const name of v.namedOutlets) {
      const key = name.toLowerCase();
      const entry = counts.get(key) ?? { name, stories: 0 };
      entry.stories++;
      counts.set(key, entry);
    }
    if (v.sources.some((s) => s.outlet === null)) storiesWithUnnamed++;
  }
  const outlets = [...counts.values()].sort((a, b) => b.stories - a.stories || ENGLISH.compare(a.name, b.name) || (a.name < b.name ? -1 : 1));

  return {
    days,
    months: [...months.values()],
    stories: days.flatMap((d) => [...d.stories, ...d.heldBack]),
    front,
    frontDays: feedDays.slice(0, options.homeDays),
    publishedStories: feedStories.length,
    heldBackStories: views.length - feedStories.length,
    redirects,
    outlets,
    storiesWithUnnamed,
    published,
    viewKeys,
  };
}
