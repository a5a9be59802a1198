// Which pages this build must render, and which it can take from the last build unchanged.
//
// Every paginated page (a story, a day, a month, a moved story) is rendered from one slice of the view
// model and nothing else (the templates reach no further). Its key is a hash of that slice, of the
// templates, of the site settings and of the rendering code: when the key is the one the page had in
// the last build and the file is still the one that build wrote, the page is the same byte for byte and
// is carried over. The few pages that list across the whole model (front page, archive, about, search,
// 404, favicon) are always rendered.
import { hash } from "node:crypto";
import { LEAD_STORIES, type DayView, type DigestModel, type MonthView, type Redirect, type StoryView } from "../digest/index.ts";

/** A day page's slice: the day and its neighbours' dates and paths (the pager). */
export interface DayPage extends DayView {
  older: { date: string; path: string } | null;
  newer: { date: string; path: string } | null;
}

/** What Eleventy paginates this time (global data `pages`). */
export interface PagesToRender {
  stories: StoryView[];
  days: DayPage[];
  months: MonthView[];
  redirects: Redirect[];
}

export interface PlannedPage {
  /** The output file, relative to the site folder ("stories/s-1/index.html"). */
  file: string;
  kind: "story" | "day" | "month" | "redirect";
}

export interface SitePlan {
  /** Every paginated page of the site, in model order: stories first (the search index's order). */
  pages: PlannedPage[];
  /** The slice each page is rendered from, by file. */
  slices: Map<string, StoryView | DayPage | MonthView | Redirect>;
  /**
   * Each page's key, by file, hashed at the first call: a cold build needs them only for the state it
   * leaves, and hashes them while Pagefind writes the last bundles (./index.ts).
   */
  keys(): ReadonlyMap<string, string>;
}

/** "/stories/s-1/" → "stories/s-1/index.html". */
export function fileOf(path: string): string {
  return `${path.replace(/^\//, "")}index.html`;
}

function keyOf(site: string, kind: string, slice: unknown): string {
  // One string hashed at once (the bytes the parts would be): a hash made and fed per part cost twice as much a page.
  return hash("sha256", `${site}\n${kind}\n${JSON.stringify(slice)}`).slice(0, 32);
}

/**
 * What a day page shows of a story below its first LEAD_STORIES (templates/day.njk `row(story, false)`)
 * and a month page of every story: its id, permalink, headline and credit line. A template that shows
 * more of a row's story must add it here (test/site/day-keys.test.ts fails until it does).
 */
export function rowOf(story: StoryView): [id: string, path: string, headline: string, credit: string, lang: string | null, dir: string | null] {
  return [story.id, story.path, story.headline, story.credit, story.language.lang, story.language.dir];
}

/** `site`: a hash of the templates, settings and code every page shares. */
export function planSite(model: DigestModel, site: string): SitePlan {
  const pages: PlannedPage[] = [];
  const slices = new Map<string, StoryView | DayPage | MonthView | Redirect>();
  /** What each page's key hashes, in `pages`' order. */
  const keyed: Array<() => string> = [];
  const add = (kind: PlannedPage["kind"], path: string, slice: StoryView | DayPage | MonthView | Redirect, key: () => string = () => keyOf(site, kind, slice)) => {
    const file = fileOf(path);
    pages.push({ file, kind });
    slices.set(file, slice);
    keyed.push(key);
  };
  // A story's page shows all of its view but its rank within the day, which moves whenever a story is
  // added above it: left out of the key, so those pages are not rendered again (story.njk must not show it).
  const storyKeys = new Map<StoryView, string>();
  // A story with a view key (src/digest/view-cache.ts: a hash of all its view takes from its articles, its
  // id, title and summary, the zone and the model's code) is keyed by it and what the rest of its view is
  // made of, not by the view's JSON. A model read back from JSON (scripts/bench-site.ts) has no keys.
  const viewKeys = model.viewKeys instanceof Map ? model.viewKeys : undefined;
  const storyKey = (story: StoryView) => {
    let key = storyKeys.get(story);
    if (key === undefined) {
      const view = viewKeys?.get(story.id);
      key = view === undefined ? keyOf(site, "story", { ...story, rank: 0 }) : keyOf(site, "story view", [view, story.date, story.former, story.followUpOf, story.followUps, story.updated]);
      storyKeys.set(story, key);
    }
    return key;
  };
  for (const story of model.stories) add("story", story.path, story, () => storyKey(story));
  // A day holds its leading stories whole: keyed by each one's key (all of it but its rank) and its rank,
  // which say the same as the stories themselves without hashing every story three times. The others are
  // rows (`rowOf`): a day page whose rows' stories changed only where a row does not look (a follow-up
  // link, a source added to a story whose credit stays) is carried over. A month shows less of every story
  // than its day does, so it is keyed by its days' keys.
  const dayKeys = new Map<DayView, string>();
  const dayKeyed = (day: DayView) => {
    let key = dayKeys.get(day);
    if (key === undefined) {
      key = keyOf(site, "day view", { ...day, stories: day.stories.map((s, i) => (i < LEAD_STORIES ? [storyKey(s), s.rank] : rowOf(s))) });
      dayKeys.set(day, key);
    }
    return key;
  };
  model.days.forEach((day, i) => {
    const older = model.days[i + 1];
    const newer = model.days[i - 1];
    const pager = { older: older ? { date: older.date, path: older.path } : null, newer: newer ? { date: newer.date, path: newer.path } : null };
    add("day", day.path, { ...day, ...pager }, () => keyOf(site, "day", { day: dayKeyed(day), ...pager }));
  });
  for (const month of model.months) add("month", month.path, month, () => keyOf(site, "month", { ...month, days: month.days.map(dayKeyed) }));
  for (const moved of model.redirects) add("redirect", moved.path, moved);
  let keys: Map<string, string> | null = null;
  return {
    pages,
    slices,
    keys: () => (keys ??= new Map(pages.map((page, i) => [page.file, keyed[i]!()]))),
  };
}

/** The pages to render, as Eleventy's global data: those in `files`, in model order. */
export function pagesToRender(plan: SitePlan, files: ReadonlySet<string>): PagesToRender {
  const out: PagesToRender = { stories: [], days: [], months: [], redirects: [] };
  for (const page of plan.pages) {
    if (!files.has(page.file)) continue;
    const slice = plan.slices.get(page.file)!;
    if (page.kind === "story") out.stories.push(slice as StoryView);
    else if (page.kind === "day") out.days.push(slice as DayPage);
    else if (page.kind === "month") out.months.push(slice as MonthView);
    else out.redirects.push(slice as Redirect);
  }
  return out;
}
