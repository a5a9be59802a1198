// The signals that decide between candidate days, as numbers for the learned models (model.ts): first
// for each date written on the page (is it the article's?), then for each candidate day (all that
// speaks for it: visible dates, machine-readable dates, the address). Nothing here names a site.
import { isWeekdayName } from "./names.ts";
import type { PageScan, StructuredKind, VisibleDate } from "./scan-types.ts";
import type { UrlDate } from "./url.ts";
import { addDays } from "./parse.ts";

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

/** Which visible dates stand where a byline does: first after the headline, closest to it, last before the body. */
export interface Landmarks {
  firstAfterHeadline: number | null;
  closestToHeadline: number | null;
  lastBeforeBody: number | null;
}

export function landmarks(visible: readonly VisibleDate[]): Landmarks {
  let closest: VisibleDate | null = null;
  let lastBefore: VisibleDate | null = null;
  for (const v of visible) {
    if (v.fromHeadline !== null && (!closest || Math.abs(v.fromHeadline) < Math.abs(closest.fromHeadline!))) closest = v;
    if (v.fromBody !== null && v.fromBody < 0) lastBefore = v;
  }
  return {
    firstAfterHeadline: visible.find((v) => v.fromHeadline !== null && v.fromHeadline >= 0)?.index ?? null,
    closestToHeadline: closest?.index ?? null,
    lastBeforeBody: lastBefore?.index ?? null,
  };
}

export function mentionFeatures(v: VisibleDate, marks: Landmarks): number[] {
  const d = v.date;
  const before = v.block.slice(Math.max(0, d.start - 60), d.start);
  const after = v.block.slice(d.end, d.end + 30);
  const lastWord = LAST_WORD.exec(before)?.[1] ?? "";
  const words = v.block.split(/\s+/).filter(Boolean).length;
  const h = v.fromHeadline;
  const b = v.fromBody;
  const m = v.markup;
  const flag = (x: boolean) => (x ? 1 : 0);
  return [
    flag(d.form === "name" || d.form === "cjk"),
    flag(d.form === "numeric"),
    flag(d.form === "iso"),
    flag(!!d.day && !!d.monthFirst),
    flag(TIME_AFTER.test(after) || TIME_BEFORE.test(before)),
    flag(!!lastWord && isWeekdayName(lastWord)),
    flag(PUBLISHED.test(before)),
    flag(UPDATED.test(before)),
    flag(ON.test(before)),
    flag(BYLINE.test(v.block.slice(0, 160))),
    flag(COMMENT.test(v.block.slice(0, 240))),
    flag(COPYRIGHT.test(before + after)),
    flag(v.block.length <= 80),
    flag(words >= 15),
    flag(h === null),
    flag(h !== null && h < 0 && h >= -NEAR),
    flag(h !== null && h < -NEAR),
    flag(h !== null && h >= 0 && h <= NEAR),
    flag(h !== null && h > NEAR && h <= MID),
    flag(h !== null && h > MID),
    h === null ? 0 : Math.log1p(Math.abs(h)),
    flag(marks.firstAfterHeadline === v.index),
    flag(marks.closestToHeadline === v.index),
    flag(marks.lastBeforeBody === v.index),
    flag(b === null),
    flag(b !== null && b < 0 && b >= -2 * NEAR),
    flag(v.inBody),
    flag(v.afterBody),
    Math.log1p(v.neighbours),
    Math.log1p(v.index),
    v.position,
    flag(MARK_DATE.test(m)),
    flag(MARK_META.test(m)),
    flag(MARK_COMMENT.test(m)),
    flag(MARK_LIST.test(m)),
    flag(MARK_MODIFIED.test(m)),
    flag(MARK_EMBED.test(m)),
    flag(v.inTime),
  ];
}

const STRUCTURED_FEATURES: readonly StructuredKind[] = [
  "ld-published",
  "ld-published-other",
  "ld-modified",
  "ld-created",
  "meta-published",
  "meta-published-other",
  "meta-modified",
  "meta-date",
  "time-published",
  "time-published-other",
  "time-modified",
  "time-first",
  "time-other",
  "itemprop-published",
  "itemprop-modified",
];

const OWN_PUBLISHED: ReadonlySet<StructuredKind> = new Set(["ld-published", "meta-published", "time-published", "itemprop-published"]);

export const DAY_FEATURES = [
  "visible-best",
  "visible-logit",
  "visible-margin",
  "visible-count",
  ...STRUCTURED_FEATURES,
  "url-day",
  "url-month",
  "url-other-day",
  "utc-neighbour",
  "structured-kinds",
  "not-the-published",
  "latest",
  "earliest",
] as const;

/** Everything that speaks for one candidate day. */
export interface DayEvidence {
  day: string;
  /** Best probability among the visible dates naming it (0 when none), and how many name it. */
  visibleBest: number;
  visibleCount: number;
  /** The visible date that names it with the best probability. */
  bestMention: VisibleDate | null;
  kinds: Set<StructuredKind>;
  utcNeighbour: boolean;
}

/** Near midnight UTC, a page's local day is likely the next or previous one. */
const UTC_EDGE_MINUTES = 8 * 60;

export function candidateDays(scan: PageScan, mentionProbs: Map<VisibleDate, number>, monthFirst: boolean, url: UrlDate): DayEvidence[] {
  const days = new Map<string, DayEvidence>();
  const get = (day: string): DayEvidence => {
    let e = days.get(day);
    if (!e) days.set(day, (e = { day, visibleBest: 0, visibleCount: 0, bestMention: null, kinds: new Set(), utcNeighbour: false }));
    return e;
  };
  for (const s of scan.structured) {
    get(s.day).kinds.add(s.kind);
    if (s.utcMinutes !== null) {
      if (s.utcMinutes >= 24 * 60 - UTC_EDGE_MINUTES) get(addDays(s.day, 1)).utcNeighbour = true;
      if (s.utcMinutes < UTC_EDGE_MINUTES) get(addDays(s.day, -1)).utcNeighbour = true;
    }
  }
  const known = new Set(scan.structured.map((s) => s.day));
  if (url.day) known.add(url.day);
  for (const v of scan.visible) {
    const day = dayOfMention(v, monthFirst, known);
    if (!day) continue;
    const e = get(day);
    const p = mentionProbs.get(v) ?? 0;
    e.visibleCount++;
    if (p > e.visibleBest || !e.bestMention) [e.visibleBest, e.bestMention] = [p, v];
  }
  if (url.day) get(url.day);
  return [...days.values()];
}

export function dayFeatures(e: DayEvidence, all: readonly DayEvidence[], url: UrlDate): number[] {
  const others = Math.max(0, ...all.filter((x) => x !== e).map((x) => x.visibleBest));
  const ownPublished = [...e.kinds].some((k) => OWN_PUBLISHED.has(k));
  const pagePublished = all.some((x) => [...x.kinds].some((k) => OWN_PUBLISHED.has(k)));
  const days = all.map((x) => x.day);
  // The day a feed gave when the page was fetched counts as a published date when the page states none.
  const fromFeed = e.kinds.has("feed") && !all.some((x) => [...x.kinds].some((k) => OWN_PUBLISHED.has(k)));
  const latest = days.reduce((a, b) => (b > a ? b : a));
  const earliest = days.reduce((a, b) => (b < a ? b : a));
  return [
    e.visibleBest,
    e.visibleCount ? Math.log(Math.max(e.visibleBest, 1e-4) / Math.max(1 - e.visibleBest, 1e-4)) : -10,
    e.visibleBest - others,
    Math.log1p(e.visibleCount),
    ...STRUCTURED_FEATURES.map((k) => (e.kinds.has(k) || (k === "meta-published" && fromFeed) ? 1 : 0)),
    url.day === e.day ? 1 : 0,
    url.month !== null && e.day.startsWith(url.month) ? 1 : 0,
    url.day !== null && url.day !== e.day ? 1 : 0,
    e.utcNeighbour && e.kinds.size === 0 ? 1 : 0,
    e.kinds.size,
    pagePublished && !ownPublished ? 1 : 0,
    e.day === latest && days.length > 1 ? 1 : 0,
    e.day === earliest && days.length > 1 ? 1 : 0,
  ];
}
