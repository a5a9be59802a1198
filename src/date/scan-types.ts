// What a scan of one page finds about its dates, before any weighing.
import type { DateMention } from "./text-dates.ts";

/** Where a machine-readable date came from. "-main" kinds are the page's own article; others may be anything. */
export type StructuredKind =
  | "ld-published"
  | "ld-published-other"
  | "ld-modified"
  | "ld-created"
  | "meta-published"
  | "meta-published-other"
  | "meta-modified"
  | "meta-date"
  | "time-published"
  | "time-published-other"
  | "time-modified"
  | "time-first"
  | "time-other"
  | "itemprop-published"
  | "itemprop-modified"
  | "feed";

export interface StructuredDate {
  kind: StructuredKind;
  day: string;
  /** The clock time as written (a timestamp's), for reading a UTC stamp in the page's own zone (local-day.ts). */
  time: StampTime | null;
}

export interface StampTime {
  /** Minutes after midnight. */
  minutes: number;
  seconds: number | null;
  /** Offset from UTC in minutes, when stated. */
  offset: number | null;
}

/** A value that was meant as a date but is not a usable day (2025-02-30, 0000-01-01, 10000-01-01). */
export interface BadDate {
  value: string;
  where: string;
  problem: string;
}

/** A date written in the page's visible text, with what stands around it. */
export interface VisibleDate {
  date: DateMention;
  /** The text of the line (text dumps) or block (HTML) it stands in; `date.start`/`end` index into it. */
  block: string;
  /** Order among the page's visible dates. */
  index: number;
  /** Where it stands in the page: 0 top … 1 bottom. */
  position: number;
  /** Lines (text) or blocks of text (HTML, roughly) from the headline: negative before it; null when no headline was found. */
  fromHeadline: number | null;
  /** The same from the start of the article body, and whether it stands after the body's end. */
  fromBody: number | null;
  afterBody: boolean;
  /** How many other dated lines (text) or blocks (HTML) stand close by: a list of items, not a byline. */
  neighbours: number;
  /** class, id and itemprop of the markup around it, lower case (HTML only). */
  markup: string;
  /** Inside a <time> element. */
  inTime: boolean;
  /** Its line or block is part of the article body the cleaner kept. */
  inBody: boolean;
}

export interface PageScan {
  structured: StructuredDate[];
  visible: VisibleDate[];
  bad: BadDate[];
  /** How often each year is written in the page's visible text (dates and bare years alike). */
  years: Map<number, number>;
  /** The page's language tag (HTML lang), lower case, when known. */
  lang: string | null;
  /** The headline the cleaner found (a date written in it is the subject's, rarely the page's). */
  headline: string;
}
