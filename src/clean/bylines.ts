// Byline and date lines: "By Jane Smith", "von …", "Updated Nov 13, 2019", "18 November 2019".

/** The words a byline opens with, in the languages of the pages. */
const OPENINGS = "by|von|par|por|oleh|от";
/** The words a dated stamp opens with ("Updated …"). */
const STAMPS = "updated|published|posted|veröffentlicht|aktualisiert";

/** A line opening with a byline: "By Jane Smith", "von …", "par …". */
export const BYLINE = new RegExp(String.raw`^(${OPENINGS})\s+\p{Lu}`, "iu");

const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
/** The date forms: "Nov 13, 2019", "18 November 2019", "2019-11-18", "18.11.2019". */
const DATE_FORMS_SOURCE = `\\b${MONTH} \\d{1,2},? (?:19|20)\\d\\d\\b|\\b\\d{1,2}\\.? ${MONTH} (?:19|20)\\d\\d\\b|\\b(?:19|20)\\d\\d-\\d\\d-\\d\\d|\\b\\d{1,2}\\.\\d{1,2}\\.(?:19|20)?\\d\\d\\b`;
/** "By Mike Wall", "Updated Nov 13, 2019", "2019-11-18T20:51Z", "18 November 2019". */
export const BYLINE_OR_DATE = new RegExp(`^(?:${OPENINGS})\\s+\\p{Lu}|^(?:${STAMPS})\\b|${DATE_FORMS_SOURCE}`, "iu");

/**
 * `BYLINE_OR_DATE.exec(text)?.index ?? -1`, six times faster: the anchored openings, else the date
 * forms without the u flag. Without it the date forms match the same text but for the two characters
 * Unicode case folding adds to ASCII letters (ſ, K): a line with one gets the whole pattern.
 */
function bylineOrDateIndex(text: string): number {
  if (text.includes("\u017f") || text.includes("\u212a")) return BYLINE_OR_DATE.exec(text)?.index ?? -1;
  return BYLINE_OR_STAMP.test(text) ? 0 : (DATE_FORMS.exec(text)?.index ?? -1);
}
const DATE_FORMS = new RegExp(DATE_FORMS_SOURCE, "i");

/**
 * A byline, as the headline rule reads one: the opening word, then a name of two capitalised words
 * ("By Jane Smith", "Von Anna Müller"), or a short line ("By Reuters"). `BYLINE` matches any
 * "Von …" line (its \p{Lu} reads case-free under the i flag); a headline such as "Von Sprachregeln,
 * Gender-Politik und …" or "Von Menschen und Mäusen" has no name after the opening.
 */
export function isHeadlineByline(text: string, words: number): boolean {
  const m = BYLINE_OPENING.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length);
  return NAME_START.test(rest) && (words <= 3 || TWO_NAMES.test(rest));
}
const BYLINE_OPENING = new RegExp(String.raw`^(?:${OPENINGS})\s+`, "iu");
const NAME_START = /^\p{Lu}/u;
const TWO_NAMES = /^\p{Lu}[\p{L}.'’-]*\s+\p{Lu}/u;

/** Where a date or a dated stamp ("Updated …") first matches in the line, or -1: `bylineOrDateAt` without the byline openings. */
export function dateAt(text: string, hasDigits: boolean): number {
  const at = bylineOrDateAt(text, hasDigits);
  if (at !== 0 || !BYLINE_OPENING.test(text)) return at;
  // The byline opening matched at 0: look for a date form further on.
  const later = hasDigits && YEAR_OR_DOTTED.test(text) ? bylineOrDateIndex(text.slice(1)) : -1;
  return later >= 0 ? later + 1 : -1;
}

const BYLINE_OR_STAMP = new RegExp(String.raw`^(?:(?:${OPENINGS})\s+\p{Lu}|(?:${STAMPS})\b)`, "iu");
/** What every date form of `BYLINE_OR_DATE` holds: a year's four digits, or digits on both sides of a full stop. */
const YEAR_OR_DOTTED = /(?:19|20)\d\d|\d\.\d/;

/** `BYLINE_OR_DATE.test(text)`, cheaper: without a digit only the byline and stamp openings can match. */
export function isBylineOrDate(text: string, hasDigits: boolean): boolean {
  // The openings start with b, v, p, o, u or о: other lines skip the pattern.
  const c = text.charCodeAt(0) | 32;
  if ((c === 98 || c === 118 || c === 112 || c === 111 || c === 117 || c === 0x43e || c === 0x41e) && BYLINE_OR_STAMP.test(text)) return true;
  // Every date form above has a year (19xx, 20xx) or a dotted day and month.
  if (!hasDigits || !(text.includes("19") || text.includes("20") || dottedNumber(text))) return false;
  // Nor can a date form match without YEAR_OR_DOTTED; the one opening not looked for above can ("aktualisiert").
  return (YEAR_OR_DOTTED.test(text) || c === 97) && bylineOrDateIndex(text) >= 0;
}

/** A digit, a full stop, a digit: "18.11.". */
function dottedNumber(text: string): boolean {
  for (let i = text.indexOf("."); i > 0 && i < text.length - 1; i = text.indexOf(".", i + 1)) {
    const a = text.charCodeAt(i - 1), b = text.charCodeAt(i + 1);
    if (a >= 48 && a <= 57 && b >= 48 && b <= 57) return true;
  }
  return false;
}

/**
 * Where `BYLINE_OR_DATE` first matches in the line, or -1. The pattern runs only where it can match:
 * on a line opening with one of its openings' letters, or holding a year's four digits or a dotted
 * day and month.
 */
export function bylineOrDateAt(text: string, hasDigits: boolean): number {
  const c = text.charCodeAt(0) | 32;
  const opening = c === 97 || c === 98 || c === 111 || c === 112 || c === 117 || c === 118 || c === 0x43e;
  if (!opening && !(hasDigits && YEAR_OR_DOTTED.test(text))) return -1;
  return bylineOrDateIndex(text);
}
