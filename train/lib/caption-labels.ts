// Silver caption labels for text dumps (tx60, stop 60, issue 8), read from a TUNING page's HTML: a dump line is a
// picture's caption or credit when a <figcaption>, or an element whose class / id words name a caption or a credit
// (a general list below, never a site's name), holds its text. Training only: src never reads a text dump's HTML.
import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import type { TextDoc } from "../../src/clean/doc.ts";
import { shingles, tokens } from "../../eval/lib/extraction-score.ts";
import { coverOf } from "./clean-items.ts";

/** Class / id words that mark a caption or a photo credit in many sites' templates (English, German, French, Italian). */
const CAPTION_WORDS = new Set([
  "caption", "captions", "figcaption", "credit", "credits", "photocredit", "imagecredit", "bildunterschrift", "bildtext",
  "bildquelle", "legende", "légende", "didascalia",
]);

const wordsOf = (s: string): string[] => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const classWords = (s: string): string[] => wordsOf(s.replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2"));

/** The page's caption and credit texts (3+ words each). */
export function captionTexts(html: string): string[] {
  const dom = parseDocument(html, { decodeEntities: true });
  const marked = (e: Element): boolean => {
    if (e.name === "script" || e.name === "style" || e.name === "meta") return false;
    if (e.name === "figcaption") return true;
    return [...classWords(e.attribs.class ?? ""), ...classWords(e.attribs.id ?? "")].some((w) => CAPTION_WORDS.has(w));
  };
  const out = new Set<string>();
  for (const e of DomUtils.findAll(marked, dom.children)) {
    const t = DomUtils.textContent(e).replace(/\s+/g, " ").trim();
    // A wrapper marked "caption" around a whole gallery or story is no caption.
    if (wordsOf(t).length >= 3 && wordsOf(t).length <= 80) out.add(t);
  }
  return [...out];
}

/** Dump lines of 3+ tokens whose shingles a caption text holds (at 0.8 or more). */
export function captionLines(doc: TextDoc, html: string): number[] {
  const caps = captionTexts(html);
  if (caps.length === 0) return [];
  const joined = shingles(caps.join(" \n "));
  const sh = caps.map((c) => shingles(c));
  const out: number[] = [];
  doc.lines.forEach((l, i) => {
    const n = tokens(l.text).length;
    if (n < 3) return;
    if (n >= 4 ? coverOf(l.text, joined) >= 0.8 && sh.some((s) => coverOf(l.text, s) >= 0.8) : caps.some((c) => c.includes(l.text.trim()))) out.push(i);
  });
  return out;
}
