// mg64 (issue 9): where a report says its event happened, read from capitalisation alone (no list of places):
// the dateline that opens the body ("Mannheim, Germany (Sports Network) -", "WASHINGTON (AP) —") and the
// capitalised names right after "in", "at", "near", "outside" or "off" in the headline and the first three
// body sentences ("in Mannheim", "at Aoraki Mount Cook"). Each place is kept as its words (lower case, 3+
// letters), so "Mt Cook" and "Mount Cook" meet on "cook". mg60's leadPlaces read "from" too (it catches people:
// "a call from Obama") and compared the two leads' places only; a place here is compared with the other
// report's whole text (placesMissing in trial-pair-features.ts), so "in Germany" against "in Mannheim,
// Germany" is no conflict.
import { splitSentences } from "../../src/text/sentences.ts";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const NOT_PLACE_WORDS = new Set([...MONTHS, ...WEEKDAYS, "the", "this", "that", "his", "her", "their", "its", "our", "and", "for", "updated", "posted", "published"]);
// A capitalised word, or a short abbreviation with its full stop ("Mt.", "St."): a sentence's full stop ends a name,
// so "in New Zealand. Police said" gives "New Zealand" alone. Words of one name are joined by spaces, not line breaks.
const NAME = String.raw`(?:\p{Lu}\p{Ll}{0,2}\.|\p{Lu}[\p{L}'’-]*)`;
const LOCATIVE = new RegExp(String.raw`\b(?:in|at|near|outside|off)[ \t]+(${NAME}(?:[ \t]+(?:of[ \t]+|de[ \t]+)?${NAME}){0,3})`, "gu");
const DATELINE = new RegExp(String.raw`^\s*(${NAME}(?:[ \t]+${NAME}){0,2})(?:,[ \t]*(${NAME}(?:[ \t]+${NAME})?))?[ \t]*(?:\([^)]{1,40}\))?[ \t]*[-—–][ \t]`, "u");

function placeWords(name: string, out: Set<string>): void {
  for (const w of name.toLowerCase().split(/[^\p{L}]+/u)) if (w.length >= 3 && !NOT_PLACE_WORDS.has(w)) out.add(w);
}

/** The words of the places a report's dateline and lead name (see the file's header). */
export function leadPlaceWords(title: string, paragraphs: readonly string[]): Set<string> {
  const out = new Set<string>();
  const first = paragraphs[0] ?? "";
  const dateline = DATELINE.exec(first);
  if (dateline) {
    placeWords(dateline[1]!, out);
    if (dateline[2]) placeWords(dateline[2], out);
  }
  const lead = [title, ...paragraphs.flatMap((p) => splitSentences(p)).slice(0, 3)].join("\n");
  for (const m of lead.matchAll(LOCATIVE)) placeWords(m[1]!, out);
  return out;
}

/** Every word of a text, lower case: what a place of the other report is looked for in. */
export function textWords(title: string, paragraphs: readonly string[]): Set<string> {
  return new Set([title, ...paragraphs].join("\n").toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 3));
}

/**
 * mg76: the places a report names anywhere in its headline and body (not only its lead): each capitalised name after
 * "in", "at", "near", "outside" or "off" not followed by "'s" ("in Palmer", "at Wasilla Bible Church"), kept as its
 * words of 3+ letters that are no month, weekday or function word and that the text never writes in lower case ("in
 * Internet Explorer" keeps both words; "in Gov" of a text that writes "gov" does not). One entry per distinct name.
 */
export function bodyPlaceNames(title: string, paragraphs: readonly string[]): string[][] {
  const text = [title, ...paragraphs].join("\n");
  const lower = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}])\p{Ll}[\p{Ll}'’-]*/gu)) lower.add(m[0]);
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(LOCATIVE)) {
    if (/['’]s$/u.test(m[1]!)) continue;
    const words: string[] = [];
    for (const w of m[1]!.toLowerCase().split(/[^\p{L}]+/u)) if (w.length >= 3 && !NOT_PLACE_WORDS.has(w) && !lower.has(w)) words.push(w);
    if (words.length > 0) out.set(words.join(" "), words);
  }
  return [...out.values()];
}

/** mg76: how many of `places` (bodyPlaceNames) have no word in `words` (the other report's textWords). */
export function placesMissingFrom(places: readonly (readonly string[])[], words: ReadonlySet<string>): number {
  let n = 0;
  for (const p of places) if (!p.some((w) => words.has(w))) n++;
  return n;
}
