// The headline an HTML page states in several places (og:title, JSON-LD headline, twitter:title,
// <h1>, <title>), reconciled into one, with the site's name taken off ("… | Al Bawaba", "… - Reuters").
// A part of a title is the site's name when it matches og:site_name, the page's host name, or
// when the other statements of the headline leave it out: compared, never looked up in a list.

import * as chars from "./chars.ts";
import { archivedPage } from "../text/paths.ts";

// Bound once: under tsx every imported name is read through a getter, too slow for a per-character loop.
const { DIGIT, LETTER, charClass, table: CLASS } = chars;

export interface HeadlineClaims {
  og: string | null;
  jsonLd: string | null;
  twitter: string | null;
  h1: string[];
  title: string | null;
  siteName: string | null;
  url: string | null;
}

const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * The runs of letters and digits of the lower-cased text, as TOKEN finds them, read by character
 * table (the pattern's property classes cost far more a character past Latin). A text with a
 * surrogate (a character outside the BMP, which the pattern reads whole) goes to the pattern.
 */
export function headlineTokens(text: string): string[] {
  const low = text.toLowerCase();
  const out: string[] = [];
  const len = low.length;
  let start = -1;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? low.charCodeAt(i) : 32;
    let inToken: boolean;
    // The text is lower-cased: no ASCII capital is left.
    if (c < 128) inToken = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    else {
      if (c >= 0xd800 && c <= 0xdfff) return low.match(TOKEN) ?? [];
      const k = CLASS[c] || charClass(c);
      // DIGIT also holds "_", which TOKEN leaves out (it is ASCII, read above).
      inToken = (k & (LETTER | DIGIT)) !== 0;
    }
    if (inToken) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(low.slice(start, i));
      start = -1;
    }
  }
  return out;
}

const MARKS = /[\u0300-\u036f]/g;

/** Tokens without accents, as URLs write them ("monstergespräche" → "monstergesprache"). */
export function plainTokens(text: string): string[] {
  return headlineTokens(/[^\x00-\x7f]/.test(text) ? text.normalize("NFD").replace(MARKS, "") : text);
}

/** Token F1 of two texts (lower case, letter and digit runs, multisets). */
export function tokenF1(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length * b.length <= 1024) return sharedFew(a, b);
  const counts = new Map<string, number>();
  for (const t of b) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of a) {
    const n = counts.get(t) ?? 0;
    if (n > 0) (shared++, counts.set(t, n - 1));
  }
  if (shared === 0) return 0;
  return (2 * shared) / (a.length + b.length);
}

/** `tokenF1` of two short token lists, by a search through a copy of one instead of a Map of counts (three times faster). */
function sharedFew(a: readonly string[], b: readonly string[]): number {
  const rest: (string | null)[] = b.slice();
  let shared = 0;
  for (const t of a) {
    const i = rest.indexOf(t);
    if (i >= 0) (shared++, (rest[i] = null));
  }
  if (shared === 0) return 0;
  return (2 * shared) / (a.length + b.length);
}

/** Letters and digits only, lower case: "ROSA.MAG" and "rosa-mag.de"'s name both read "rosamag". */
function squash(text: string): string {
  return (text.toLowerCase().match(TOKEN) ?? []).join("");
}

/** The host's name without "www." and the top-level domain: "www.rosa-mag.de" → "rosamag". */
export function hostKey(url: string | null): string | null {
  if (!url) return null;
  const m = /^[a-z]+:\/\/([^/?#:]+)/i.exec(url);
  if (!m) return null;
  const labels = m[1]!.toLowerCase().split(".").filter((l) => l && l !== "www" && l !== "m");
  if (labels.length > 1) labels.pop();
  // "web.archive.org/web/…/https://real.host/…": the archived page's host is the one that counts.
  const inner = archivedPage(url);
  if (inner !== url) return hostKey(inner);
  const key = squash(labels.join(""));
  return key.length >= 3 ? key : null;
}

/** Words of the URL's last meaningful path segment ("/2019/11/emirates-inks-order.html" → emirates inks order). */
export function slugTokens(url: string | null): string[] {
  if (!url) return [];
  const path = archivedPage(url)!.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/[?#].*$/, "");
  let best: string[] = [];
  for (const seg of path.split("/")) {
    let s = seg;
    try {
      s = decodeURIComponent(seg);
    } catch {
      // a malformed escape: read the segment as it is
    }
    const words = plainTokens(s.replace(/\.[a-z0-9]{2,5}$/i, "")).filter((w) => !/^\d+$/.test(w) || w.length <= 4);
    if (words.length >= best.length) best = words;
  }
  return best.length >= 2 ? best : [];
}

const SEPARATOR = /\s+(?:[|•·»›~/]{1,2}|[-–—]{1,2}|::)\s+|\s*\|\s*/;

function isSitePart(part: string, site: string | null, host: string | null): boolean {
  const key = squash(part);
  if (!key) return true;
  if (host && key.length >= 3 && (key === host || (key.length >= 4 && (host.includes(key) || key.includes(host))))) return true;
  if (site) {
    const s = squash(site);
    if (s && (s === key || (key.length >= 4 && s.length >= 4 && (s.includes(key) || key.includes(s))))) return true;
    if (tokenF1(headlineTokens(part), headlineTokens(site)) >= 0.6) return true;
  }
  return false;
}

/**
 * A title without the site's name: parts separated by " | ", " - " and the like that name the
 * site (by og:site_name or the host) go, and so do parts the other headline statements leave out.
 */
export function stripSiteName(title: string, site: string | null, host: string | null, others: readonly string[] = []): string {
  const parts = title.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return title.trim();
  let kept = parts.filter((p) => !isSitePart(p, site, host));
  if (kept.length > 1 && others.length > 0) {
    // Parts the page's other headline statements share are the headline; the rest is the site's.
    const otherTokens = others.map(headlineTokens);
    const shared = kept.filter((p) => otherTokens.some((o) => tokenF1(headlineTokens(p), o) >= 0.5 || containsAll(o, headlineTokens(p))));
    // One shared word is a label (a category page's <h1> "Korsetts"), not the whole headline.
    if (shared.length > 0 && shared.reduce((n, p) => n + headlineTokens(p).length, 0) >= 2) kept = shared;
  }
  if (kept.length === 0) return parts.reduce((a, b) => (b.length > a.length ? b : a));
  if (kept.length === parts.length) return title.trim();
  // Keep the headline's own inner separators: rejoin the kept run as it stood in the title.
  const first = title.indexOf(kept[0]!);
  const last = title.lastIndexOf(kept[kept.length - 1]!);
  if (first >= 0 && last >= first) {
    const run = title.slice(first, last + kept[kept.length - 1]!.length);
    if (kept.every((k) => run.includes(k)) && run.split(SEPARATOR).length === kept.length) return run.trim();
  }
  return kept.join(" - ");
}

/** A title part no longer than a site's name ("Frankfurter Rundschau", "Wir sind NEOS"): longer parts are headline or tagline. */
const MAX_SITE_WORDS = 6;

/**
 * What a page's `<title>` holds beside its headline, by the title's separators: the parts after the
 * headline, then those before it, each of at most six words, joined by " | " ("Wir sind NEOS - NEOS"
 * with the headline "Wir sind NEOS" → "NEOS"; "A - Politik - Frankfurter Rundschau" → "Politik |
 * Frankfurter Rundschau"). Null when the title has no such part or does not hold the headline. Kept
 * as written: whether a part names the site is for the digest to decide, with the page's host.
 */
export function titleSitePart(title: string | null, headline: string | null): string | null {
  if (!title || !headline) return null;
  const parts = title.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const words = headlineTokens(headline);
  const inHeadline = (part: string) => {
    const own = headlineTokens(part);
    return containsAll(words, own) || tokenF1(own, words) >= 0.5;
  };
  let [lo, hi] = headlineRun(parts, squash(headline));
  if (hi === 0) {
    // The title words its headline otherwise than the headline chosen: the end parts the headline leaves out.
    lo = 0;
    hi = parts.length;
    while (lo < hi && !inHeadline(parts[hi - 1]!)) hi--;
    if (hi === lo) return null;
    while (lo < hi && !inHeadline(parts[lo]!)) lo++;
  }
  const site = [...parts.slice(hi), ...parts.slice(0, lo)].filter((p) => p.split(/\s+/).length <= MAX_SITE_WORDS && /\p{L}/u.test(p));
  return site.length > 0 ? site.join(" | ") : null;
}

/** The run of parts [lo, hi) that reads as the headline, letters and digits only; [0, 0] when none does. */
function headlineRun(parts: readonly string[], headline: string): [number, number] {
  if (!headline) return [0, 0];
  for (let lo = 0; lo < parts.length; lo++) {
    let run = "";
    for (let hi = lo + 1; hi <= parts.length && run.length < headline.length; hi++) {
      run += squash(parts[hi - 1]!);
      if (run === headline) return [lo, hi];
    }
  }
  return [0, 0];
}

function containsAll(haystack: readonly string[], needles: readonly string[]): boolean {
  if (needles.length === 0) return false;
  const set = new Set(haystack);
  return needles.every((n) => set.has(n));
}

/** Most words a kicker glued before a page's headline may have ("Société", "Headline:", "Das Halbfinale der Champions Hockey League am Dienstag"). */
const MAX_KICKER_WORDS = 8;

/**
 * The headline line an HTML page shows, without a kicker glued before it: when the line is the page's
 * stated headline (`stated`: og:title, JSON-LD, reconciled) with 1-8 words before it, a kicker or
 * topic line the heading prints in its own inline element ("Société Dans la queue de la tempête
 * Ciaran …"), the line from the stated headline's first word on. Otherwise the line as shown.
 */
export function withoutKicker(shown: string, stated: string | null): string {
  if (!stated) return shown;
  const want = headlineTokens(stated);
  const all = headlineTokens(shown);
  const extra = all.length - want.length;
  if (want.length < 3 || extra < 1 || extra > MAX_KICKER_WORDS) return shown;
  for (let i = 0; i < want.length; i++) if (all[extra + i] !== want[i]) return shown;
  // The kicker ends at a space: the first cut whose two sides read as the kicker and the stated headline.
  for (let j = shown.indexOf(" "); j > 0; j = shown.indexOf(" ", j + 1)) {
    if (headlineTokens(shown.slice(0, j)).length !== extra) continue;
    // What stands between the kicker and the headline (a colon, a slash, a dash) goes; an opening quote stays.
    const rest = shown.slice(j).replace(/^[\s:|/·•–—-]+/u, "");
    if (rest && headlineTokens(rest).length === want.length) return rest;
  }
  return shown;
}

/**
 * One headline from the page's statements of it, each stripped of the site's name: og:title first
 * (what the page gives to anyone sharing it), then JSON-LD, <h1>, twitter:title, <title>; a
 * statement that is only the site's name is passed over.
 */
export function reconcileHeadline(c: HeadlineClaims): string {
  const host = hostKey(c.url);
  const raw: string[] = [c.og, c.jsonLd, c.h1[0] ?? null, c.twitter, c.title].filter((x): x is string => !!x && !!x.trim());
  const siteTokens = c.siteName ? headlineTokens(c.siteName) : [];
  const keys = raw.map(squash);
  for (let i = 0; i < raw.length; i++) {
    // A statement that copies this one (an og:title that is the <title> as written) is no second witness of its parts.
    const s = stripSiteName(raw[i]!, c.siteName, host, raw.filter((_, j) => keys[j] !== keys[i]));
    const tokens = headlineTokens(s);
    if (tokens.length === 0) continue;
    const onlySite = (siteTokens.length > 0 && tokenF1(tokens, siteTokens) >= 0.8) || (host !== null && squash(s) === host);
    if (!onlySite) return s;
  }
  return "";
}
