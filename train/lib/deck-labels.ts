// Silver standfirst labels for text dumps (sf59, stop 59, issue 8), read from each TUNING page's HTML: a dump line is a
// standfirst when its text is the page's meta / og / twitter description, or the text of an element whose class, id or
// itemprop words name a dek (a general list below, never a site's name), AND the page's true body (extraction-dev's
// article_body, else the HTML path's body) does not hold it, AND it stands above the body's first line. The first
// body line under it is that page's first paragraph. Training only: src never reads a text dump's HTML.
import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import type { TextDoc } from "../../src/clean/doc.ts";
import { shingles } from "../../eval/lib/extraction-score.ts";
import { coverOf } from "./clean-items.ts";

/** Class / id / itemprop words that mark a dek in many sites' templates (English, German, French, Spanish, Italian). */
export const DECK_WORDS = new Set([
  "dek", "deck", "standfirst", "subtitle", "subtitles", "subheadline", "subhead", "subheading", "summary", "lead", "lede",
  "leadin", "teaser", "intro", "introduction", "excerpt", "abstract", "description", "strapline", "sapo", "chapo",
  "chapeau", "vorspann", "einleitung", "bajada", "entradilla", "sommario", "occhiello", "catenaccio", "kurztext", "summary",
]);
/** Words that, in the same class, say the element is a list of other stories' teasers, not this page's dek. */
const LIST_WORDS = new Set(["list", "item", "items", "card", "cards", "related", "more", "teasers", "grid", "slider", "carousel", "widget", "sidebar", "footer", "nav", "menu"]);
/** Words that say the element describes a picture, an author or the site, not the story. */
const OTHER_WORDS = new Set(["caption", "credit", "credits", "photo", "image", "img", "media", "figure", "video", "author", "bio", "byline", "site", "blog", "tagline", "logo", "header", "meta", "date", "profile"]);
/** An ancestor's class words that make it a rail of other stories. */
const RAIL_WORDS = new Set(["related", "teasers", "slider", "carousel", "sidebar", "recommended", "trending"]);

const space = (s: string): string => s.replace(/\s+/g, " ").trim();
const wordsOf = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
// camelCase and snake / kebab parts: "articleLead" -> article, lead.
const classWords = (s: string): string[] => wordsOf(s.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2"));

export interface DeckText {
  text: string;
  /** "meta" for a description meta tag, else the class word that named the element. */
  how: string;
}

/** The page's dek texts: description metas and marked elements (5+ words each). */
export function deckTexts(html: string): DeckText[] {
  const dom = parseDocument(html, { decodeEntities: true });
  const out: DeckText[] = [];
  const seen = new Set<string>();
  const add = (text: string, how: string) => {
    const t = space(text);
    if (wordsOf(t).length < 5 || seen.has(t)) return;
    seen.add(t);
    out.push({ text: t, how });
  };
  for (const e of DomUtils.findAll((e) => e.name === "meta", dom.children)) {
    const key = (e.attribs.property ?? e.attribs.name ?? e.attribs.itemprop ?? "").toLowerCase();
    if (key === "description" || key === "og:description" || key === "twitter:description") add(e.attribs.content ?? "", "meta");
  }
  const marked = (e: Element): string | null => {
    if (e.name === "meta" || e.name === "script" || e.name === "style" || e.name === "a" || e.name === "img") return null;
    const ws = [...classWords(e.attribs.class ?? ""), ...classWords(e.attribs.id ?? ""), ...classWords(e.attribs.itemprop ?? "")];
    if (ws.some((w) => LIST_WORDS.has(w) || OTHER_WORDS.has(w))) return null;
    // Inside a figure, a list item or a rail of other stories: a caption or a teaser, not this page's dek.
    for (let p = e.parent; p && p.type === "tag"; p = p.parent) {
      const q = p as Element;
      if (q.name === "figure" || q.name === "figcaption" || q.name === "li") return null;
      if (classWords(q.attribs.class ?? "").some((w) => RAIL_WORDS.has(w))) return null;
    }
    return ws.find((w) => DECK_WORDS.has(w)) ?? null;
  };
  for (const e of DomUtils.findAll((e) => marked(e) !== null, dom.children)) {
    // The outermost marked element only holds a dek when it is short: a "lead" wrapping the whole story is no dek.
    const text = DomUtils.textContent(e);
    if (wordsOf(text).length <= 80) add(text, marked(e)!);
  }
  return out;
}

export interface DeckLabel {
  /** The standfirst line(s) of the dump. */
  decks: number[];
  /** The first body line of 8+ words under the last of them. */
  first: number;
  how: string[];
}

const MIN_FIRST = 8;
/** A dek stands close over the story's first paragraph (a site's tagline or a teaser rail further up is none). */
const REACH = Number(process.env.DECK_REACH ?? 15);
/** The class the labels are for: bs58's "early: the anchor on a line of 8+ words the body lacks". */
const MIN_DECK = Number(process.env.DECK_MIN_WORDS ?? 8);

/**
 * The dump's silver standfirsts: lines of MIN_DECK+ words (not a byline or date line) whose shingles a dek text holds (at 0.8 or more), the body holds
 * under half, standing above the body's first line of 8+ words and at most REACH lines over it.
 */
export function deckLabel(doc: TextDoc, html: string, body: string): DeckLabel | null {
  const bodySh = shingles(body);
  const first = doc.lines.findIndex((l) => l.words >= MIN_FIRST && coverOf(l.text, bodySh) >= 0.5);
  if (first < 0) return null;
  const decks = deckTexts(html).map((d) => ({ ...d, sh: shingles(d.text) }));
  const out: number[] = [];
  const how: string[] = [];
  for (let i = Math.max(0, first - REACH); i < first; i++) {
    const l = doc.lines[i]!;
    if (l.words < MIN_DECK || l.dated || l.bylineOrDate || coverOf(l.text, bodySh) >= 0.5) continue;
    const d = decks.find((d) => coverOf(l.text, d.sh) >= 0.8);
    if (d) (out.push(i), how.push(d.how));
  }
  return out.length ? { decks: out, first, how } : null;
}
