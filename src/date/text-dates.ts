// Full dates written out in text, in the dev sets' languages: "19.11.2019", "13. 1. 2020", "2019-11-19",
// "Nov. 19, 2019", "19 novembre 2019", "25 de septiembre de 2020", "19. November 2019", "2019年11月19日",
// "2020. november 8.", and with a two-digit year "04.05.20", "14 Gennaio 20". Other dates need a
// four-digit year (1900–2099): each is looked for around a year, so a page costs one cheap scan for years
// plus a few anchored matches per year.
import { isoDay } from "./parse.ts";
import { monthOf } from "./names.ts";

/** "short" is a numeric date with a two-digit year. */
export type DateForm = "iso" | "numeric" | "short" | "name" | "cjk";

export interface DateMention {
  /** Where the date is written in the text (start inclusive, end exclusive). */
  start: number;
  end: number;
  form: DateForm;
  /** The day read day-first (or as the form fixes it); null when that reading is not a real day. */
  day: string | null;
  /** For "05/11/2020" and "05-11-2020": the month-first reading, when it is a different real day. */
  monthFirst: string | null;
}

/**
 * Where a date may be written: a four-digit year (also one glued to the next date's day, as in
 * "28. Juni 201914. Januar 2020", where a page's published and updated dates run together), or a
 * numeric date with a two-digit year ("04.05.20").
 */
export const DATE_HINT = /(?<!\d)(?:19|20)\d\d(?:(?!\d)|(?=\d{1,2}\.?\s*\p{L}))|(?<![\d.])\d{1,2}\.\d{1,2}\.\d\d(?![\d.])|(?<![\p{L}\d.])\d{1,2}\.?[ \t]+\p{L}{3,}\.?[ \t]+\d\d(?![\d.:]|,(?![ \t]*\d{1,2}[:.]\d\d)|[ \t]*(?!\d{1,2}[:.]\d\d)[\p{L}\d])/gu;
const BEFORE = 44;
const AFTER = 40;

// Month words are runs of one script's letters, so a name glued to text in another script still reads.
const LETTERS = "A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0530-\u058F\u0600-\u06FF\u0900-\u097F";
const WORD = `(?:[A-Za-z\u00C0-\u024F]{3,}|[\u0370-\u03FF]{3,}|[\u0400-\u04FF]{3,}|[\u0530-\u058F]{3,}|[\u0600-\u06FF]{3,}|[\u0900-\u097F]{3,})`;
const YMD = /^(\d{4})([-/.])\s?(\d{1,2})\2\s?(\d{1,2})(?![\d])/;
const CJK = /^(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?/;
const Y_NAME_D = new RegExp(`^(\\d{4})\\.?\\s*(?:m\\.\\s*)?(${WORD})\\.?\\s+(\\d{1,2})(?!\\d)`);
const D_M_Y = /(?<![\d./-])(\d{1,2})([./-])\s?(\d{1,2})\2\s?$/;
const D_NAME_Y = new RegExp(`(?<![${LETTERS}\\d])(\\d{1,2})(?:\\.|er|e|st|nd|rd|th|º|°|ª)?\\s*(?:de\\s+|of\\s+)?(${WORD})\\.?\\s*,?\\s*(?:de\\s+|del\\s+)?$`, "i");
const NAME_D_Y = new RegExp(`(?<![${LETTERS}])(${WORD})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s*,?\\s*$`, "i");
const SHORT_YEAR = /^(\d{1,2})\.(\d{1,2})\.(\d\d)$/;
// "14 Gennaio 20", "3. Mai 21": a month name with a two-digit year, taken only where nothing but a time
// follows on the line, so the number cannot be a count ("14 May 20 people").
const SHORT_NAME_YEAR = /^(\d{1,2})\.?[ \t]+(\p{L}{3,})\.?[ \t]+(\d\d)$/u;

/** Digits of other scripts: Arabic-Indic, Persian, Devanagari, Bengali, full-width (Chinese, Japanese). */
const NATIVE_DIGIT = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\uFF10-\uFF19]/g;
const NATIVE_ZERO = [0x0660, 0x06f0, 0x0966, 0x09e6, 0xff10];

/**
 * The text with every digit written in ASCII: "١٩ نوفمبر ٢٠١٩" and "２０２３年１１月２日" are read as
 * "19 نوفمبر 2019" and "2023年11月2日". One unit for one, so places in it are places in the text.
 */
export function asciiDigits(text: string): string {
  NATIVE_DIGIT.lastIndex = 0;
  if (!NATIVE_DIGIT.test(text)) return text;
  return text.replace(NATIVE_DIGIT, (d) => {
    const c = d.charCodeAt(0);
    const zero = NATIVE_ZERO.find((z) => c >= z && c <= z + 9)!;
    return String.fromCharCode(0x30 + c - zero);
  });
}

/** Every full date in `text`, in order (digits of any script in the list above read as digits). */
export function findDates(written: string): DateMention[] {
  return findAsciiDates(asciiDigits(written));
}

/** findDates for a text whose digits `asciiDigits` has folded already (the same places: one unit for one). */
export function findAsciiDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  let consumed = 0;
  DATE_HINT.lastIndex = 0;
  for (let hit = DATE_HINT.exec(text); hit; hit = DATE_HINT.exec(text)) {
    const p = hit.index;
    if (p < consumed) continue;
    const m = hit[0].length === 4 ? around(text, p, consumed) : shortYear(hit[0], p);
    if (m && m.start >= consumed) {
      out.push(m);
      consumed = m.end;
    }
  }
  return out;
}

/** "04.05.20", "14 Gennaio 20": day, month and a two-digit year (00–49 read as 2000–2049, 50–99 as 1950–1999). */
function shortYear(written: string, p: number): DateMention | null {
  const numeric = SHORT_YEAR.exec(written);
  const named = numeric ? null : SHORT_NAME_YEAR.exec(written);
  const m = numeric ?? named;
  if (!m) return null;
  const month = numeric ? Number(m[2]) : monthOf(m[2]!);
  if (!month) return null;
  const yy = Number(m[3]);
  const year = yy < 50 ? 2000 + yy : 1900 + yy;
  return mention(p, p + written.length, "short", isoDay(year, month, Number(m[1])), null);
}

/** The date written around the year at `p` (nothing before `floor` belongs to it), if any. */
function around(text: string, p: number, floor: number): DateMention | null {
  const year = Number(text.slice(p, p + 4));
  const after = text.slice(p, p + AFTER);
  let m = CJK.exec(after);
  if (m) return mention(p, p + m[0].length, "cjk", isoDay(year, Number(m[2]), Number(m[3])), null);
  m = YMD.exec(after);
  if (m) return mention(p, p + m[0].length, "iso", isoDay(year, Number(m[3]), Number(m[4])), null);
  const from = Math.max(floor, p - BEFORE);
  const before = text.slice(from, p);
  m = D_M_Y.exec(before);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const dayFirst = isoDay(year, b, a);
    const monthFirst = isoDay(year, a, b);
    // "21.01.2020" is day first; a dotted date that cannot be ("01.21.2020") is month first.
    if (m[2] === ".") return mention(from + m.index, p + 4, "numeric", dayFirst ?? monthFirst, null);
    return mention(from + m.index, p + 4, "numeric", dayFirst, monthFirst !== dayFirst ? monthFirst : null);
  }
  m = D_NAME_Y.exec(before);
  if (m) {
    const month = monthOf(m[2]!);
    if (month) return mention(from + m.index, p + 4, "name", isoDay(year, month, Number(m[1])), null);
  }
  m = NAME_D_Y.exec(before);
  if (m) {
    const month = monthOf(m[1]!);
    if (month) return mention(from + m.index, p + 4, "name", isoDay(year, month, Number(m[2])), null);
  }
  m = Y_NAME_D.exec(after);
  if (m) {
    const month = monthOf(m[2]!);
    if (month) return mention(p, p + m[0].length, "name", isoDay(year, month, Number(m[3])), null);
  }
  return null;
}

function mention(start: number, end: number, form: DateForm, day: string | null, monthFirst: string | null): DateMention | null {
  return day || monthFirst ? { start, end, form, day, monthFirst } : null;
}
