// The day and month lists the home, archive and month pages are built from, newest first.
import { DateTime } from "luxon";
import { dayPath } from "../digest/index.ts";

/** The part of an Eleventy collection item (one digest file) the templates use. */
export interface DigestItem {
  inputPath: string;
  url: string | false;
  page: { fileSlug: string };
  data: { title?: unknown; stories?: unknown };
  /** Rendered Markdown (Eleventy's templateContent), without the layout. */
  readonly content?: unknown;
}

export interface DayEntry {
  date: string;
  url: string;
  title: string;
  storyIds: string[];
  item: DigestItem;
}

export interface MonthEntry {
  key: string;
  year: string;
  month: string;
  label: string;
  url: string;
  days: DayEntry[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function dayCollections(items: readonly DigestItem[]): DayEntry[] {
  return items
    .filter((item) => DAY.test(item.page.fileSlug))
    .map((item) => ({
      date: item.page.fileSlug,
      url: typeof item.url === "string" ? item.url : dayPath(item.page.fileSlug),
      title: typeof item.data.title === "string" ? item.data.title : item.page.fileSlug,
      storyIds: Array.isArray(item.data.stories) ? item.data.stories.map(String) : [],
      item,
    }))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export function monthCollections(items: readonly DigestItem[]): MonthEntry[] {
  const months = new Map<string, MonthEntry>();
  for (const day of dayCollections(items)) {
    const key = day.date.slice(0, 7);
    let month = months.get(key);
    if (!month) {
      const [year, mm] = key.split("-") as [string, string];
      month = { key, year, month: mm, label: monthTitle(key), url: monthPath(key), days: [] };
      months.set(key, month);
    }
    month.days.push(day);
  }
  return [...months.values()];
}

/** "2025-05" or "2025-05-29" → "May 2025". */
export function monthTitle(date: string): string {
  return DateTime.fromISO(`${date.slice(0, 7)}-01`, { zone: "utc" }).setLocale("en-GB").toFormat("LLLL yyyy");
}

export function monthPath(date: string): string {
  return `/${date.slice(0, 4)}/${date.slice(5, 7)}/`;
}
