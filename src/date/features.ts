// The signals that decide between candidate days, as numbers for the learned models (model.ts): first
// for each date written on the page (is it the article's?), then for each candidate day (all that
// speaks for it: visible dates, machine-readable dates, the address). Nothing here names a site.
import { isWeekdayName } from "./names.ts";
import type { PageScan, StructuredKind, VisibleDate } from "./scan-types.ts";
import type { UrlDate } from "./url.ts";

// Label words in the dev sets' languages, matched in the words just before a date.
const PUBLISHED = /publi|posted|\bpost\b|released|written|erschienen|veröffentl|erstellt|geschrieben|datum|\bdate\b|\bdated\b|fecha|\bdata\b|geplaatst|udgivet|dodano|zveřejn|vydáno|опубл|публик|дата|yayın|diterbit|mis en ligne|issued/i;
const UPDATED = /updat|aktualisiert|geändert|bearbeitet|modifi|mis à jour|mise à jour|actualiz|aggiorn|bijgewerkt|opdater|uppdater|oppdater|zaktualiz|aktualizov|обновл|оновл|актуализ|güncel|diperbarui|revis|edited|\bstand\b/i;
const ON = /(?:^|[\s:])(?:on|am|le|el|il|den|dne|op|em|в|на|à)\s*:?\s*$/i;
const BYLINE = /(?:^|[^\p{L}])(?:by|von|par|por|di|door|af|av|autor|author|auteur|автор|yazar|oleh)(?:[^\p{L}]|$)/iu;
const COMMENT = /repl|antwort|kommentar|comment|\bsays\b|\bsagt\b|schreibt|\bwrote\b|répond|respond|rispond|reageer|\bsvar|odpowied|ответ|відпов|zitier|\bquote\b|permalink/i;
const COPYRIGHT = /©|\(c\)|copyright|all rights reserved|alle rechte/i;
const TIME_AFTER = /^\s*(?:[,|·•/–—-]|um|at|à|a las|alle|kl\.?|klo|o|в)?\s*\d{1,2}[:.h]\d{2}/i;
const TIME_BEFORE = /\d{1,2}[:h]\d{2}\s*(?:uhr|h|am|pm|[ap]\.m\.)?\s*[,|·•–—-]?\s*$/i;
const LAST_WORD = /([\p{L}]+)\.?,?\s*$/u;

const MARK_DATE = /date|time|datum|fecha|publish|posted|pubdate|dateline|zeit/;
const MARK_META = /meta|byline|author|info|header|headline|subline|kicker|details|entry|post-|article-/;
const MARK_COMMENT = /comment|reply|respon|discussion|forum/;
const MARK_LIST = /related|teaser|sidebar|widget|recent|list|card|footer|archive|calendar|nav|menu|more|popular|trending|similar|recommend/;
const MARK_MODIFIED = /modif|updat/;
const MARK_EMBED = /embed|instagram|twitter|tweet|tiktok|<blockquote>|social/;

export const MENTION_FEATURES = [
  "form-name",
  "form-numeric",
  "form-iso",
  "form-short-year",
  "ambiguous",
  "time-of-day",
  "weekday",
  "label-published",
  "label-updated",
  "label-on",
  "byline",
  "comment-words",
  "copyright",
  "short-block",
  "prose",
  "no-headline",
  "before-headline-near",
  "before-headline-far",
  "after-headline-near",
  "after-headline-mid",
  "after-headline-far",
  "headline-distance",
  "first-after-headline",
  "closest-to-headline",
  "last-before-body",
  "no-body",
  "before-body-near",
  "in-body",
  "after-body",
  "neighbours",
  "rank",
  "position",
  "markup-date",
  "markup-meta",
  "markup-comment",
  "markup-list",
  "markup-modified",
  "markup-embed",
  "in-time",
  "same-day",
  "markup-published-agrees",
  "markup-other-agrees",
  "url-day-agrees",
  "url-month-agrees",
  "year-share",
  "latest-on-page",
  "earliest-on-page",
  "in-headline",
  "same-shape",
] as const;

/** Distances (lines in text, thousands of characters of markup in HTML) that count as near and as mid-way. */
const NEAR = 3;
const MID = 10;

/**
 * The day a visible date names on this page: "08/11/2023" is read the way that agrees with a day the
 * page's markup or address states, else day-first unless the page writes month first.
 */
export function dayOfMention(v: VisibleDate, monthFirst: boolean, known: ReadonlySet<string>): string | null {
  const { day, monthFirst: other } = v.date;
  if (day && other && known.has(day) !== known.has(other)) return known.has(day) ? day : other;
  return monthFirst ? (other ?? day) : (day ?? other);
}

/**
 * Whether the page writes numeric dates month first (12/26/2019): decided by its unambiguous numeric
 * dates, then by whether it writes "Nov 8, 2023" rather than "8 Nov 2023", then by its language.
 */
export function writesMonthFirst(scan: PageScan): boolean {
  let vote = 0;
  for (const v of scan.visible) {
    const d = v.date;
    if (d.form === "numeric") {
      if (d.day === null && d.monthFirst) vote += 2;
      else if (d.monthFirst === null && d.day && /[/-]/.test(v.block.slice(d.start, d.end))) vote -= 2;
    } else if (d.form === "name") {
      vote += /^\d/.test(v.block.slice(d.start, d.end)) ? -0.5 : 0.5;
    }
  }
  if (vote === 0 && scan.lang) return scan.lang === "en-us";
  return vote > 0;
}

/** What the whole page says, against which each of its visible dates is weighed. */
export interface PageContext {
  monthFirst: boolean;
  /** Which visible dates stand where a byline does: first after the headline, closest to it, last before the body. */
  firstAfterHeadline: number | null;
  closestToHeadline: number | null;
  lastBeforeBody: number | null;
  /** The day each visible date names, in page order. */
  days: (string | null)[];
  /** How many visible dates name each day. */
  dayCounts: Map<string, number>;
  /** The structured kinds naming each day. */
  markup: Map<string, Set<StructuredKind>>;
  url: UrlDate;
  years: ReadonlyMap<number, number>;
  yearTotal: number;
  latest: string | null;
  earliest: string | null;
  /** The headline with its spaces collapsed, for finding a date written in it. */
  headline: string;
  /** How many visible dates are written in each shape (see shapeOf): items of one list share theirs. */
  shapes: Map<string, number>;
  /**
   * Each visible date's place in reading order, counted from the headline: dates far above it (a
   * masthead's clock, a menu's teasers) come after all the others. Page order when no headline was found.
   */
  ranks: number[];
  /** Each visible date's shape (shapeOf), worked out once. */
  shapeOf: Map<VisibleDate, string>;
  /** What each visible date's block of text says as a whole, worked out once per block. */
  blocks: Map<string, BlockSigns>;
}

interface BlockSigns {
  words: number;
  byline: boolean;
  comment: boolean;
}

function blockSigns(block: string): BlockSigns {
  return { words: block.split(/\s+/).filter(Boolean).length, byline: BYLINE.test(block.slice(0, 160)), comment: COMMENT.test(block.slice(0, 240)) };
}

const PUBLISHED_KINDS: ReadonlySet<StructuredKind> = new Set(["ld-published", "meta-published", "time-published", "itemprop-published", "feed"]);

export function pageContext(scan: PageScan, url: UrlDate): PageContext {
  const visible = scan.visible;
  const markup = new Map<string, Set<StructuredKind>>();
  for (const s of scan.structured) markup.set(s.day, (markup.get(s.day) ?? new Set()).add(s.kind));
  const known = new Set(markup.keys());
  if (url.day) known.add(url.day);
  const monthFirst = writesMonthFirst(scan);
  const days = visible.map((v) => dayOfMention(v, monthFirst, known));
  const dayCounts = new Map<string, number>();
  for (const d of days) if (d) dayCounts.set(d, (dayCounts.get(d) ?? 0) + 1);
  // A byline stands near the headline and the body: a date further away is no landmark, even the first.
  const near = (d: number | null) => d !== null && Math.abs(d) <= MID;
  let closest: VisibleDate | null = null;
  let lastBefore: VisibleDate | null = null;
  for (const v of visible) {
    if (near(v.fromHeadline) && (!closest || Math.abs(v.fromHeadline!) < Math.abs(closest.fromHeadline!))) closest = v;
    if (near(v.fromBody) && v.fromBody! < 0) lastBefore = v;
  }
  let yearTotal = 0;
  for (const n of scan.years.values()) yearTotal += n;
  const sorted = [...dayCounts.keys()].sort();
  const shapes = new Map<VisibleDate, string>();
  const blocks = new Map<string, BlockSigns>();
  for (const v of visible) {
    shapes.set(v, shapeOf(v));
    if (!blocks.has(v.block)) blocks.set(v.block, blockSigns(v.block));
  }
  return {
    monthFirst,
    firstAfterHeadline: visible.find((v) => near(v.fromHeadline) && v.fromHeadline! >= 0)?.index ?? null,
    closestToHeadline: closest?.index ?? null,
    lastBeforeBody: lastBefore?.index ?? null,
    days,
    dayCounts,
    markup,
    url,
    years: scan.years,
    yearTotal,
    latest: sorted.length > 1 ? sorted[sorted.length - 1]! : null,
    earliest: sorted.length > 1 ? sorted[0]! : null,
    headline: collapse(scan.headline),
    shapes: countShapes(shapes),
    ranks: ranksFromHeadline(visible),
    shapeOf: shapes,
    blocks,
  };
}

export function mentionFeatures(v: VisibleDate, page: PageContext): number[] {
  const day = page.days[v.index] ?? null;
  const kinds = day ? page.markup.get(day) : undefined;
  const d = v.date;
  const before = v.block.slice(Math.max(0, d.start - 60), d.start);
  const after = v.block.slice(d.end, d.end + 30);
  const lastWord = LAST_WORD.exec(before)?.[1] ?? "";
  const signs = page.blocks.get(v.block) ?? blockSigns(v.block);
  const h = v.fromHeadline;
  const b = v.fromBody;
  const m = v.markup;
  const flag = (x: boolean) => (x ? 1 : 0);
  return [
    flag(d.form === "name" || d.form === "cjk"),
    flag(d.form === "numeric"),
    flag(d.form === "iso"),
    flag(d.form === "short"),
    flag(!!d.day && !!d.monthFirst),
    flag(TIME_AFTER.test(after) || TIME_BEFORE.test(before)),
    flag(!!lastWord && isWeekdayName(lastWord)),
    flag(PUBLISHED.test(before)),
    flag(UPDATED.test(before)),
    flag(ON.test(before)),
    flag(signs.byline),
    flag(signs.comment),
    flag(COPYRIGHT.test(before + after)),
    flag(v.block.length <= 80),
    flag(signs.words >= 15),
    flag(h === null),
    flag(h !== null && h < 0 && h >= -NEAR),
    flag(h !== null && h < -NEAR),
    flag(h !== null && h >= 0 && h <= NEAR),
    flag(h !== null && h > NEAR && h <= MID),
    flag(h !== null && h > MID),
    h === null ? 0 : Math.log1p(Math.abs(h)),
    flag(page.firstAfterHeadline === v.index),
    flag(page.closestToHeadline === v.index),
    flag(page.lastBeforeBody === v.index),
    flag(b === null),
    flag(b !== null && b < 0 && b >= -2 * NEAR),
    flag(v.inBody),
    flag(v.afterBody),
    Math.log1p(v.neighbours),
    Math.log1p(page.ranks[v.index] ?? v.index),
    v.position,
    flag(MARK_DATE.test(m)),
    flag(MARK_META.test(m)),
    flag(MARK_COMMENT.test(m)),
    flag(MARK_LIST.test(m)),
    flag(MARK_MODIFIED.test(m)),
    flag(MARK_EMBED.test(m)),
    flag(v.inTime),
    day ? Math.log((page.dayCounts.get(day) ?? 1)) : 0,
    flag(!!kinds && [...kinds].some((k) => PUBLISHED_KINDS.has(k))),
    flag(!!kinds && [...kinds].some((k) => !PUBLISHED_KINDS.has(k))),
    flag(!!day && page.url.day === day),
    flag(!!day && page.url.month !== null && day.startsWith(page.url.month)),
    day && page.yearTotal ? (page.years.get(Number(day.slice(0, 4))) ?? 0) / page.yearTotal : 0,
    flag(!!day && day === page.latest),
    flag(!!day && day === page.earliest),
    flag(page.headline.length > 0 && page.headline.includes(collapse(v.block.slice(d.start, d.end)))),
    Math.log((page.shapes.get(page.shapeOf.get(v) ?? shapeOf(v)) ?? 1)),
  ];
}

/**
 * How a date is written with what stands right by it (three characters before, twelve after, digits as
 * 0): the teasers of a list ("30.01.2022 · Männer · HBL1") or a run of comments share theirs.
 */
function shapeOf(v: VisibleDate): string {
  const d = v.date;
  const form = d.form;
  const before = v.block.slice(Math.max(0, d.start - 3), d.start);
  const after = v.block.slice(d.end, d.end + 12);
  return `${before}|${form}|${after}`.replace(/\d/g, "0").replace(/\s+/g, " ");
}

function countShapes(shapes: ReadonlyMap<VisibleDate, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const shape of shapes.values()) out.set(shape, (out.get(shape) ?? 0) + 1);
  return out;
}

function ranksFromHeadline(visible: readonly VisibleDate[]): number[] {
  const above = (v: VisibleDate) => v.fromHeadline !== null && v.fromHeadline < -NEAR;
  const order = [...visible.filter((v) => !above(v)), ...visible.filter(above)];
  const ranks = new Array<number>(visible.length).fill(0);
  order.forEach((v, i) => (ranks[v.index] = i));
  return ranks;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
