// What a block of text looks like, as numbers a learned model weighs. A text dump's line and an
// HTML page's block get the same text features (one idea of what an article block is); an HTML
// block adds what its element says (link density, tag, class hints, container). A second set adds
// the neighbourhood: the first model's verdict on the blocks around it, since an article is a run
// of blocks and page furniture comes in runs too.
import type { Line, TextDoc } from "./doc.ts";
import { MARK_ARROW, MARK_AT, MARK_COPYRIGHT, MARK_PIPE, MARK_SLASH, MARK_WWW, endsSentence, endsWithEllipsis } from "./doc.ts";
import { GROUP_BIT, GROUP_BITS, LEXICON_GROUPS } from "./lexicon.ts";
import { LOWER, charClass, isUpperCased } from "./chars.ts";
import { isSectionHeading } from "./section-headings.ts";
import { wordStats } from "./line-features.ts";
import { TermSums } from "../text/term-sums.ts";
import * as logTable from "../model/log-table.ts";
import { float64Scratch } from "./scratch.ts";

// Bound once: under tsx an imported name is read through a getter on every use, and these are per row.
const { log1pCount, logCount } = logTable;

export const TEXT_FEATURES = [
  "log-words", "log-chars", "stop-share", "caps-share", "digit-share", "punctuation", "log-sentences", "commas-per-word",
  "ends-sentence", "ends-colon", "ends-question", "starts-lower", "prose", "headline-shape", "date-line", "date-or-number", "chrome", "glued",
  "separators", "copyright", "url-or-mail", "byline-or-date", "section-heading", "all-caps", "ellipsis",
  ...LEXICON_GROUPS.map((g) => `lexicon-${g}`), "lexicon-share", "log-repeats", "position", "position-words", "dropped-by-rule",
  "inner-caps", "slug-share",
] as const;

export const DOM_FEATURES = [
  "link-density", "tag-p", "tag-h", "tag-li", "tag-td", "tag-quote", "heading-1", "positive-hints", "negative-hints", "in-article",
  "in-picked", "in-header", "in-list", "in-table", "log-container-chars", "container-link-density",
  "log-depth", "container-share", "grand-share", "grand-link-density", "near-negative", "ld-known", "ld-share", "before-headline", "after-headline",
] as const;

/** Neighbourhood features: the first model's log-odds around the block. */
export const CONTEXT_FEATURES = [
  "own", "prev", "next", "mean-3", "mean-10", "max-3", "region", "region-distance", "topic", "topic-share", "log-neighbour-words", "dates-near", "short-near",
  "slug-near", "markers-from-run",
] as const;

/** For HTML blocks: the first model's mean verdict on the other blocks of the same container, and of the one above. */
export const CONTAINER_FEATURES = ["container-mean", "container-others", "grand-mean"] as const;

export function featureNames(html: boolean): string[] {
  return [...TEXT_FEATURES, ...(html ? DOM_FEATURES : [])];
}

export function contextNames(html: boolean): string[] {
  return [...CONTEXT_FEATURES, ...(html ? CONTAINER_FEATURES : [])];
}

/** `featureNames(html).length` and `contextNames(html).length`, without making the lists. */
export function featureCount(html: boolean): number {
  return TEXT_FEATURES.length + (html ? DOM_FEATURES.length : 0);
}

export function contextCount(html: boolean): number {
  return CONTEXT_FEATURES.length + (html ? CONTAINER_FEATURES.length : 0);
}

const URLISH = /https?:\/\/|www\.|@\w/;

/** The rows' buffer while scoring: one for page after page, grown as pages need. */
const rowScratch = float64Scratch();

/**
 * Local features of every line of the document, one row each (no neighbourhood yet). With
 * `spare`, each row has that many more places, for `contextFeatures` to fill in. With `transient`,
 * the rows share one buffer with the next call's: for a caller done with them before then. `slug`:
 * the URL's terms, for a caller that has them already (`slugTerms`).
 */
export function localFeatures(doc: TextDoc, html: boolean, spare = 0, transient = false, slug = slugTerms(doc.meta.url)): Float64Array[] {
  const n = doc.lines.length;
  const width = TEXT_FEATURES.length + (html ? DOM_FEATURES.length : 0) + spare;
  // One buffer for all rows: a page's rows are views into it, not hundreds of small arrays.
  const buffer = transient ? rowScratch.zeros(n * width) : new Float64Array(n * width);
  writeLocalFeatures(doc, html, buffer, width, slug);
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) rows.push(buffer.subarray(i * width, (i + 1) * width));
  return rows;
}

/**
 * `localFeatures` written into one flat array of zeros, line i's row from i × `width` on (a width past
 * the local features leaves room for the context features): no view object per row, for the scorer
 * that reads the rows by offset (`scoreBlocks`).
 */
export function writeLocalFeatures(doc: TextDoc, html: boolean, x: Float64Array, width: number, slug: Set<number>): void {
  const lines = doc.lines;
  const n = lines.length;
  let totalWords = 0;
  for (const l of lines) totalWords += l.words;
  let wordsBefore = 0;
  const headline = html ? headlineBlock(doc) : -1;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    let k = i * width;
    const t = l.text;
    const last = t.charCodeAt(t.length - 1);
    x[k++] = log1pCount(l.words);
    x[k++] = log1pCount(t.length);
    x[k++] = l.stops;
    x[k++] = l.caps;
    x[k++] = l.digits;
    x[k++] = l.punctuation;
    x[k++] = log1pCount(l.sentences);
    x[k++] = l.commas / (l.words + 1);
    x[k++] = endsSentence(t) ? 1 : 0;
    x[k++] = last === 58 ? 1 : 0;
    x[k++] = last === 63 ? 1 : 0;
    x[k++] = (charClass(t.charCodeAt(0)) & LOWER) !== 0 ? 1 : 0;
    x[k++] = l.prose ? 1 : 0;
    x[k++] = l.headline ? 1 : 0;
    x[k++] = l.dated ? 1 : 0;
    x[k++] = l.dateOrNumber ? 1 : 0;
    x[k++] = l.chrome ? 1 : 0;
    x[k++] = l.glued ? 1 : 0;
    x[k++] = (l.marks & (MARK_PIPE | MARK_ARROW)) !== 0 ? 1 : 0;
    x[k++] = (l.marks & MARK_COPYRIGHT) !== 0 ? 1 : 0;
    // URLISH needs an @, "www." or (with a slash) "http": the marks answer for the @, "www." and the slash without a search.
    x[k++] = ((l.marks & (MARK_AT | MARK_WWW)) !== 0 || ((l.marks & MARK_SLASH) !== 0 && t.includes("http"))) && URLISH.test(t) ? 1 : 0;
    x[k++] = l.bylineOrDate ? 1 : 0;
    x[k++] = l.words <= 8 && isSectionHeading(l) ? 1 : 0;
    x[k++] = l.words >= 2 && l.caps === 1 && isUpperCased(t) ? 1 : 0;
    x[k++] = endsWithEllipsis(t) ? 1 : 0;
    for (const bit of GROUP_BITS) x[k++] = (l.lexicon & bit) !== 0 ? 1 : 0;
    x[k++] = l.words ? l.lexiconWords / l.words : 0;
    x[k++] = logCount(l.repeats);
    x[k++] = n > 1 ? i / (n - 1) : 0;
    x[k++] = totalWords ? wordsBefore / totalWords : 0;
    x[k++] = l.drop !== null ? 1 : 0;
    x[k++] = l.words ? Math.min(1, (2 * l.innerCaps) / l.words) : 0;
    x[k++] = slugShare(l, slug);
    if (html) {
      const d = l.dom;
      if (d) {
        x[k++] = d.linkDensity;
        x[k++] = d.tag === "p" ? 1 : 0;
        x[k++] = d.tag === "h" ? 1 : 0;
        x[k++] = d.tag === "li" ? 1 : 0;
        x[k++] = d.tag === "td" ? 1 : 0;
        x[k++] = d.tag === "quote" ? 1 : 0;
        x[k++] = d.level === 1 ? 1 : 0;
        x[k++] = Math.min(3, d.positive);
        x[k++] = Math.min(3, d.negative);
        x[k++] = d.inArticle ? 1 : 0;
        x[k++] = d.inPicked ? 1 : 0;
        x[k++] = d.inHeader ? 1 : 0;
        x[k++] = d.inList ? 1 : 0;
        x[k++] = d.inTable ? 1 : 0;
        x[k++] = Math.log1p(d.containerChars);
        x[k++] = d.containerLinkDensity;
        x[k++] = Math.log1p(d.depth);
        x[k++] = d.containerShare;
        x[k++] = d.grandShare;
        x[k++] = d.grandLinkDensity;
        x[k++] = d.nearNegative ? 1 : 0;
        x[k++] = d.ldShare >= 0 ? 1 : 0;
        x[k++] = Math.max(0, d.ldShare);
        x[k++] = headline >= 0 && i < headline ? 1 : 0;
        x[k++] = headline >= 0 && i > headline ? Math.log1p(Math.min(50, i - headline)) : 0;
      } else k += DOM_FEATURES.length;
    }
    wordsBefore += l.words;
  }
}

/** The block that states the page's headline (its reconciled title, else the first <h1>), or -1. */
function headlineBlock(doc: TextDoc): number {
  const title = doc.meta.title ? doc.meta.title.replace(/\s+/g, " ").trim().toLowerCase() : "";
  let h1 = -1;
  for (let i = 0; i < doc.lines.length; i++) {
    const l = doc.lines[i]!;
    if (title && l.words <= 40 && l.text.toLowerCase() === title) return i;
    if (h1 < 0 && l.dom?.level === 1) h1 = i;
  }
  return h1;
}

/**
 * Content words of the URL's path ("/2019/11/19/michigan-officials-6th-fatality-linked…"), hashed as
 * `Line.terms` are: a block that shares them talks about what the page's address says it is about.
 */
export function slugTerms(url: string | null): Set<number> {
  if (!url) return new Set();
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, "").replace(/[?#].*$/, "");
  let words: string;
  try {
    words = decodeURIComponent(path);
  } catch {
    words = path;
  }
  return new Set(wordStats(words.replace(/[-_/.+]+/g, " ").replace(/\b(?:html?|php|aspx?)\b/gi, " ")).terms);
}

function slugShare(l: Line, slug: Set<number>): number {
  if (slug.size === 0 || l.terms.length === 0) return 0;
  let hits = 0;
  for (const t of l.terms) if (slug.has(t)) hits++;
  return hits / l.terms.length;
}

/** A short line naming a list of other stories or the comments: the article has usually ended above it. */
function isSectionMarker(l: Line): boolean {
  return l.words <= 6 && (l.lexicon & (GROUP_BIT.related | GROUP_BIT.comments)) !== 0;
}

/** The maximum-sum run of `gain` (Kadane), as [start, end), or null when no run gains. */
export function bestRun(gain: ArrayLike<number>): [number, number] | null {
  let best = 0, bestStart = -1, bestEnd = -1, sum = 0, start = 0;
  for (let i = 0; i < gain.length; i++) {
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += gain[i]!;
    if (sum > best) {
      best = sum;
      bestStart = start;
      bestEnd = i;
    }
  }
  return bestStart < 0 ? null : [bestStart, bestEnd + 1];
}

/**
 * How far a run grows from `from` by `step` (1 down the page, -1 up): past the last block where the summed
 * `gain` was highest, stopping once the sum falls below -patience. The returned index is one past that block.
 */
export function grownEdge(gain: ArrayLike<number>, from: number, step: 1 | -1, patience: number): number {
  let sum = 0, best = 0, at = from;
  for (let i = from; i >= 0 && i < gain.length; i += step) {
    sum += gain[i]!;
    if (sum < -patience) break;
    if (sum > best) (best = sum, (at = i + step));
  }
  return at;
}

/** Words of a long paragraph: past it a block weighs no more towards a run. */
export const LONG_PARAGRAPH = 80;

/** How far (in blocks) a block looks for one that shares the URL's words. */
const SLUG_REACH = 8;

/** A word the blocks carrying this share of the page's confidence use is one of the page's topic words. */
const TOPIC_SHARE = 0.1;

/** The topic words' weights, one table for page after page (`contextFeatures` empties it first). */
const termMass = new TermSums();
// Grown twice as the module loads, then emptied (sums are exact whatever the table's size): the first
// page long enough to grow it met a call V8 had no feedback for, and the table's arrays, replaced, no
// longer the constant fields optimised code had assumed: `contextFeatures`, `add` and `get` were
// deoptimised and compiled again, in every thread.
for (let k = 0; k < 1100; k++) termMass.add(k, 1);
termMass.clear();

/** `contextFeatures`' running sums and per-line numbers, none kept past the call. */
const sums = {
  wordPrefix: float64Scratch(), datePrefix: float64Scratch(), shortPrefix: float64Scratch(), markerPrefix: float64Scratch(),
  slugOf: float64Scratch(), prefix: float64Scratch(), gain: float64Scratch(), own: float64Scratch(),
};

/**
 * Neighbourhood features from the first model's log-odds `z` (one per line): written into `into`
 * from `offset` on when given (rows made with spare places), else into new rows.
 */
export function contextFeatures(z: ArrayLike<number>, lines: readonly Line[], html = false, into: Float64Array[] | null = null, offset = 0, slug: Set<number> = new Set()): Float64Array[] {
  const n = z.length;
  const width = contextCount(html);
  const flat = new Float64Array(n * width);
  writeContextFeatures(z, lines, html, flat, width, 0, slug);
  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = flat.subarray(i * width, (i + 1) * width);
    if (into) into[i]!.set(row, offset);
    rows.push(into ? into[i]! : row);
  }
  return rows;
}

/**
 * `contextFeatures` written into one flat array, line i's from i × `stride` + `offset` on (after the
 * local features `writeLocalFeatures` wrote in the same rows), with no view object per row.
 */
export function writeContextFeatures(z: ArrayLike<number>, lines: readonly Line[], html: boolean, x: Float64Array, stride: number, offset: number, slug: Set<number>): void {
  const n = z.length;
  const groups = html ? containerGroups(z, lines) : null;
  // Each place is written before it is read: the sums from their first place, set to 0 here.
  const wordPrefix = sums.wordPrefix.room(n + 1);
  const datePrefix = sums.datePrefix.room(n + 1);
  const shortPrefix = sums.shortPrefix.room(n + 1);
  const markerPrefix = sums.markerPrefix.room(n + 1);
  const slugOf = sums.slugOf.room(n);
  wordPrefix[0] = datePrefix[0] = shortPrefix[0] = markerPrefix[0] = 0;
  for (let i = 0; i < n; i++) {
    const l = lines[i]!;
    markerPrefix[i + 1] = markerPrefix[i]! + (isSectionMarker(l) ? 1 : 0);
    slugOf[i] = slugShare(l, slug);
    wordPrefix[i + 1] = wordPrefix[i]! + l.words;
    datePrefix[i + 1] = datePrefix[i]! + (l.dated || l.dateOrNumber || (l.words <= 12 && l.bylineOrDate) ? 1 : 0);
    shortPrefix[i + 1] = shortPrefix[i]! + (l.words <= 6 ? 1 : 0);
  }
  const prefix = sums.prefix.room(n + 1);
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + z[i]!;
  const mean = (a: number, b: number, skip: number) => {
    const lo = Math.max(0, a), hi = Math.min(n, b);
    const count = hi - lo - (skip >= lo && skip < hi ? 1 : 0);
    if (count <= 0) return 0;
    return (prefix[hi]! - prefix[lo]! - (skip >= lo && skip < hi ? z[skip]! : 0)) / count;
  };
  // The run of lines the first model would keep, weighted by length: where the article most likely is.
  const gain = sums.gain.room(n);
  for (let i = 0; i < n; i++) gain[i] = z[i]! * Math.sqrt(1 + Math.min(LONG_PARAGRAPH, lines[i]!.words));
  const run = bestRun(gain);
  // What the page is mostly about: each content word's weight is the first model's confidence in
  // the blocks that use it. Article paragraphs share their words with each other; a teaser for
  // another story, an author's bio or a subscription offer shares few with anything.
  const mass = termMass;
  mass.clear();
  let total = 0;
  const own = sums.own.zeros(n);
  for (let i = 0; i < n; i++) {
    const w = Math.max(0, z[i]!);
    if (w === 0) continue;
    own[i] = w;
    total += w;
    for (const t of lines[i]!.terms) mass.add(t, w);
  }
  for (let i = 0; i < n; i++) {
    let max3 = -20;
    for (let j = Math.max(0, i - 3); j <= Math.min(n - 1, i + 3); j++) if (j !== i) max3 = Math.max(max3, z[j]!);
    const inRun = run !== null && i >= run[0] && i < run[1];
    const distance = run === null ? 50 : inRun ? 0 : i < run[0] ? run[0] - i : i - run[1] + 1;
    // How much of the other blocks' confidence the block's words carry (its own left out).
    const terms = lines[i]!.terms;
    let topic = 0.5, shared = 0.5;
    if (terms.length > 0 && total > 0) {
      const others = total - own[i]!;
      let sum = 0, count = 0;
      for (const t of terms) {
        const m = others > 0 ? (mass.get(t) - own[i]!) / others : 0;
        sum += m;
        if (m >= TOPIC_SHARE) count++;
      }
      topic = sum / terms.length;
      shared = count / terms.length;
    }
    const lo = Math.max(0, i - 3), hi = Math.min(n, i + 4);
    const logNeighbourWords = neighbourLog(wordPrefix[hi]! - wordPrefix[lo]! - lines[i]!.words, Math.max(1, hi - lo - 1));
    let k = i * stride + offset;
    x[k++] = clamp(z[i]!);
    x[k++] = clamp(i > 0 ? z[i - 1]! : -10);
    x[k++] = clamp(i + 1 < n ? z[i + 1]! : -10);
    x[k++] = clamp(mean(i - 3, i + 4, i));
    x[k++] = clamp(mean(i - 10, i + 11, i));
    x[k++] = clamp(max3);
    x[k++] = inRun ? 1 : 0;
    x[k++] = log1pCount(Math.min(50, distance));
    x[k++] = topic;
    x[k++] = shared;
    x[k++] = logNeighbourWords;
    x[k++] = datePrefix[hi]! - datePrefix[lo]! - (datePrefix[i + 1]! - datePrefix[i]!);
    x[k++] = shortPrefix[hi]! - shortPrefix[lo]! - (shortPrefix[i + 1]! - shortPrefix[i]!);
    let slugNear = 0;
    if (slug.size > 0) for (let j = Math.max(0, i - SLUG_REACH); j <= Math.min(n - 1, i + SLUG_REACH); j++) if (j !== i && slugOf[j]! > slugNear) slugNear = slugOf[j]!;
    x[k++] = slugNear;
    // Section markers (a "related stories" or comments heading) between the run's start and the block.
    const from = run === null ? 0 : run[0];
    x[k++] = log1pCount(i >= from ? markerPrefix[i]! - markerPrefix[from]! : markerPrefix[from]! - markerPrefix[i + 1]!);
    const d = lines[i]!.dom;
    if (!groups || !d) continue;
    const c = groups.container.get(d.container)!;
    const g = groups.grand.get(d.grand)!;
    x[k++] = c.count > 1 ? clamp((c.sum - clamp(z[i]!)) / (c.count - 1)) : clamp(z[i]!);
    x[k++] = Math.log(c.count);
    x[k++] = g.count > 1 ? clamp((g.sum - clamp(z[i]!)) / (g.count - 1)) : clamp(z[i]!);
  }
}

interface Group {
  sum: number;
  count: number;
}

/** Sums of the first model's log-odds by container and by the container's parent. */
function containerGroups(z: ArrayLike<number>, lines: readonly Line[]): { container: Map<number, Group>; grand: Map<number, Group> } {
  const container = new Map<number, Group>();
  const grand = new Map<number, Group>();
  const add = (m: Map<number, Group>, k: number, v: number) => {
    const g = m.get(k);
    if (g) (g.sum += v, g.count++);
    else m.set(k, { sum: v, count: 1 });
  };
  for (let i = 0; i < lines.length; i++) {
    const d = lines[i]!.dom;
    if (!d) continue;
    add(container, d.container, clamp(z[i]!));
    add(grand, d.grand, clamp(z[i]!));
  }
  return { container, grand };
}

const clamp = (v: number): number => Math.max(-20, Math.min(20, v));

/** `Math.log1p(words / count)` by (count, words), for the six counts and word sums below 4096; NaN while not yet computed. */
const NEIGHBOUR_SUMS = 4096;
const neighbourLogs = new Float64Array(7 * NEIGHBOUR_SUMS).fill(Number.NaN);

/** `Math.log1p(words / count)`, the same number, by table: a page's lines meet the same few sums again and again. */
function neighbourLog(words: number, count: number): number {
  if (words >= 0 && words < NEIGHBOUR_SUMS && (words | 0) === words && count <= 6) {
    const j = count * NEIGHBOUR_SUMS + words;
    let v = neighbourLogs[j]!;
    if (v !== v) v = neighbourLogs[j] = Math.log1p(words / count);
    return v;
  }
  return Math.log1p(words / count);
}
