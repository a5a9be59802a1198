// The headline of a text dump: which line near the start of the located article is it? Lines that
// are dates, numbers, navigation, forms or labels never are (a hard rule: a reader must never see
// "Skip to content" as a story's headline); among the rest a learned model weighs shape, place,
// repetition in the page, the byline or date under it, and the page URL's slug.
import type { Line, TextDoc } from "./doc.ts";
import { GROUP_BIT } from "./lexicon.ts";
import { headlineTokens, plainTokens, slugTokens, tokenF1 } from "./headline.ts";
import { BYLINE, BYLINE_OR_DATE } from "./bylines.ts";

export const HEADLINE_FEATURES = [
  "log-words", "caps-share", "stop-share", "ends-sentence", "ends-question", "headline-shape", "prose", "log-repeats",
  "above-body", "in-body", "log-distance", "nearest-above", "slug-f1", "slug-cover", "byline-or-date-below",
  "byline-or-date-above", "first-line", "position", "block-score", "next-block-score", "lexicon-share", "dropped",
  "title-f1", "has-url", "body-overlap",
] as const;

/** Lexicon groups that make a short line furniture whatever else it says. */
const FURNITURE = GROUP_BIT.consent | GROUP_BIT.navigation | GROUP_BIT.account | GROUP_BIT.subscribe | GROUP_BIT.legal | GROUP_BIT.comments | GROUP_BIT.ads | GROUP_BIT.related | GROUP_BIT.market;

/** Never a headline: dates, numbers, navigation, forms, labels, bylines. */
export function cannotBeHeadline(line: Line): boolean {
  if (line.words < 1 || line.words > 35 || line.dated || line.glued) return true;
  const t = line.text;
  const last = t.charCodeAt(t.length - 1);
  if (last === 58 || last === 44 || last === 59) return true;
  // Mostly numbers (ratings, counts, addresses); "Monstergespräche #1" is a headline.
  if (line.numbers * 2 > line.words || (line.numbers * 2 === line.words && line.words >= 4) || line.digits > 0.5) return true;
  if (line.dateOrNumber) return true;
  // Mostly furniture words: two of them at least, or one standing alone ("Home prices rise" is a headline).
  const share = line.lexiconWords / line.words;
  if ((share >= 0.5 && (line.lexiconWords >= 2 || line.words === 1)) || (line.words <= 10 && share >= 0.3 && line.lexiconWords >= 2)) return true;
  if (line.words <= 6 && (line.lexiconFirst & FURNITURE) !== 0) return true;
  if (BYLINE.test(t)) return true;
  // Menus glued together ("Auto NewsRetail NewsHealth News"), addresses, date-led lines.
  if (line.innerCaps >= 2 || /https?:\/\/|www\.\w/.test(t)) return true;
  const date = BYLINE_OR_DATE.exec(t);
  if (date && (line.words <= 8 || date.index < 4)) return true;
  return false;
}

export interface HeadlineCandidate {
  index: number;
  x: Float64Array;
}

/** How far above the body a headline may stand, and how far into it. */
const ABOVE = 40;
const INTO = 8;

/** Candidate lines around the body's start, with their features. */
export function headlineCandidates(doc: TextDoc, knownTitle: string | null = null): HeadlineCandidate[] {
  const lines = doc.lines;
  const n = lines.length;
  if (n === 0) return [];
  const start = bodyAnchor(doc);
  const slug = slugTokens(doc.meta.url);
  const title = knownTitle ? headlineTokens(knownTitle) : [];
  const firstKept = lines.findIndex((l) => l.drop === null || l.drop === "page-header" || l.drop === "locate-article");
  const scores = doc.scores;
  // The article's words: a headline's recur in its body, another story's or a menu's do not.
  const bodyTerms = new Map<number, number>();
  const [coreFrom, coreTo] = doc.core ?? [doc.start, doc.end];
  for (let i = coreFrom; i < coreTo; i++) {
    if (lines[i]!.drop !== null) continue;
    for (const t of lines[i]!.terms) bodyTerms.set(t, (bodyTerms.get(t) ?? 0) + 1);
  }
  const out: HeadlineCandidate[] = [];
  // Above the article's run as well as its core: the block model may keep the headline's own
  // lines (deck, byline) as article text and put the core further down.
  const from = Math.max(0, Math.min(start, doc.start) - ABOVE);
  const to = Math.min(n, start + INTO);
  // The nearest possible headline above the body (the usual place).
  let nearest = -1;
  for (let i = start - 1; i >= from && nearest < 0; i--) if (usable(lines[i]!) && !cannotBeHeadline(lines[i]!) && lines[i]!.words >= 3) nearest = i;
  for (let i = from; i < to; i++) {
    const l = lines[i]!;
    if (!usable(l) || cannotBeHeadline(l)) continue;
    const toks = title.length > 0 ? headlineTokens(l.text) : [];
    const below = near(lines, i + 1, Math.min(n, i + 4));
    const above = near(lines, Math.max(0, i - 3), i);
    let slugCover = 0;
    const plain = slug.length > 0 ? plainTokens(l.text) : [];
    if (slug.length > 0) {
      const set = new Set(plain);
      slugCover = slug.filter((w) => set.has(w)).length / slug.length;
    }
    const x = Float64Array.of(
      Math.log1p(l.words),
      l.caps,
      l.stops,
      /[.!?…]["'”’)]*$/.test(l.text) ? 1 : 0,
      l.text.endsWith("?") ? 1 : 0,
      l.headline ? 1 : 0,
      l.prose ? 1 : 0,
      Math.log(l.repeats),
      i < start ? 1 : 0,
      i >= start ? 1 : 0,
      Math.log1p(Math.abs(start - i)),
      i === nearest ? 1 : 0,
      tokenF1(plain, slug),
      slugCover,
      below ? 1 : 0,
      above ? 1 : 0,
      i === firstKept ? 1 : 0,
      n > 1 ? i / (n - 1) : 0,
      scores ? clamp(scores[i]!) : 0,
      scores && i + 1 < n ? clamp(scores[i + 1]!) : 0,
      l.lexiconWords / Math.max(1, l.words),
      l.drop !== null ? 1 : 0,
      tokenF1(toks, title),
      doc.meta.url ? 1 : 0,
      bodyOverlap(l, bodyTerms, i >= coreFrom && i < coreTo && l.drop === null),
    );
    out.push({ index: i, x });
  }
  return out;
}

/**
 * Where the article's text begins: the first kept line of its core (the run where the block model
 * puts most article text), not a stray line the model kept higher up the page.
 */
export function bodyAnchor(doc: TextDoc): number {
  const [from, to] = doc.core ?? [doc.start, doc.end];
  for (let i = from; i < to; i++) if (doc.lines[i]!.drop === null) return i;
  return Math.min(from, Math.max(0, doc.lines.length - 1));
}

/** Share of the line's content words the article's body uses (the line's own use left out). */
function bodyOverlap(line: Line, body: Map<number, number>, inBody: boolean): number {
  if (line.terms.length === 0) return 0;
  let shared = 0;
  for (const t of line.terms) if ((body.get(t) ?? 0) > (inBody ? 1 : 0)) shared++;
  return shared / line.terms.length;
}

/** Lines a headline may be: kept, or dropped only for standing outside the body or reading like a caption (a short headline often does). */
function usable(l: Line): boolean {
  return l.drop === null || l.drop === "page-header" || l.drop === "locate-article" || l.drop === "page-footer" || l.drop === "photo-caption";
}

function near(lines: readonly Line[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) {
    const l = lines[j]!;
    if (l.words <= 15 && (l.dated || l.bylineOrDate || l.dateOrNumber)) return true;
  }
  return false;
}

const clamp = (v: number): number => Math.max(-20, Math.min(20, v));
