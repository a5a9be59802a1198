// The order in which a page's evidence decides its day, after htmldate's method: the page's own
// published date in its markup first, then the address, then the visible date the learned model finds
// most likely, then any other date in the markup. The markup's published date yields only to the day
// the page itself shows when that shown day is the markup's own modified day, or the neighbouring local
// day of a UTC timestamp written near midnight: the page then shows the day its readers see. The address
// yields in the same way to a day the model finds likely when the page never shows the address's day.
// A page with nothing better gets its most likely visible date as a guess, however unlikely.
import { addDays } from "../text/dates.ts";
import { utcMinutes } from "./local-day.ts";
import { shippedModel, weighDates, type PageKind, type WeighedDate } from "./model.ts";
import type { LogisticModel } from "../model/logistic.ts";
import type { PageScan, StructuredDate, StructuredKind, VisibleDate } from "./scan-types.ts";
import type { UrlDate } from "./url.ts";

/** The page's own published date, in order of trust; the feed's day (digest fetch) counts only after all of them. */
const PUBLISHED_ORDER: readonly StructuredKind[] = ["ld-published", "meta-published", "itemprop-published", "time-published", "feed"];
/** Other markup dates, for pages that show no date: in order of how often each named the day on the tuning half. */
const OTHER_ORDER: readonly StructuredKind[] = ["meta-date", "time-first", "ld-published-other", "ld-modified", "itemprop-modified", "meta-modified", "time-modified", "time-other", "ld-created"];
const MODIFIED: ReadonlySet<StructuredKind> = new Set(["ld-modified", "meta-modified", "time-modified", "itemprop-modified"]);
/** A shown date outweighs the markup only when the model finds it more likely than not the article's own. */
const SHOWN = 0.5;
/** How close to midnight (minutes) a UTC timestamp must be for the page's local day to be the next or previous one. */
const UTC_EDGE = 8 * 60;

export type Basis = "markup" | "feed" | "shown" | "url" | "weighed" | "other-markup" | "guess";

export interface Choice {
  day: string;
  basis: Basis;
  /** The structured kinds that name this day (empty when none do). */
  kinds: StructuredKind[];
  /** The visible date that shows the day most likely, and its probability, when one does. */
  mention: VisibleDate | null;
  probability: number | null;
}

export function chooseDay(scan: PageScan, url: UrlDate, kind: PageKind, model: LogisticModel = shippedModel(kind)): Choice | null {
  const weighed = weighDates(scan, url, model).filter((w) => w.day);
  const choice = (day: string, basis: Basis): Choice => {
    const shown = weighed.find((w) => w.day === day);
    const kinds = [...new Set(scan.structured.filter((s) => s.day === day).map((s) => s.kind))];
    return { day, basis, kinds, mention: shown?.mention ?? null, probability: shown?.probability ?? null };
  };
  const top: WeighedDate | undefined = weighed[0];
  for (const k of PUBLISHED_ORDER) {
    const published = scan.structured.find((s) => s.kind === k);
    if (!published) continue;
    if (top && top.probability >= SHOWN && top.day !== published.day && (isModified(scan, top.day!) || isLocalNeighbour(published, top.day!))) return choice(top.day!, "shown");
    return choice(published.day, k === "feed" ? "feed" : "markup");
  }
  if (url.day) {
    // The address names the day a page was filed under; a day the page shows by its headline, where it never shows the address's day, is the article's.
    if (top && top.probability >= SHOWN && top.day !== url.day && !weighed.some((w) => w.day === url.day)) return choice(top.day!, "shown");
    return choice(url.day, "url");
  }
  if (top && top.probability >= model.threshold) return choice(top.day!, "weighed");
  for (const k of OTHER_ORDER) {
    const other = scan.structured.find((s) => s.kind === k);
    if (other) return choice(other.day, "other-markup");
  }
  return top ? choice(top.day!, "guess") : null;
}

function isModified(scan: PageScan, day: string): boolean {
  return scan.structured.some((s) => s.day === day && MODIFIED.has(s.kind));
}

function isLocalNeighbour(published: StructuredDate, day: string): boolean {
  const m = utcMinutes(published);
  if (m === null) return false;
  return (m >= 24 * 60 - UTC_EDGE && day === addDays(published.day, 1)) || (m < UTC_EDGE && day === addDays(published.day, -1));
}
