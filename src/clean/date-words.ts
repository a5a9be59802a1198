// Words that make up date and time lines in the languages of the pages ("Mi, 18. Oktober 2023 um
// 12:50 Uhr", "Posted Nov 8, 2023 / 04:43 PM"): a line made of little else is a date line, never a
// headline, however it is punctuated. (Reading the date itself is the date stage's work.)
import * as chars from "./chars.ts";
import { wordHash } from "./line-features.ts";
import { monthNames } from "../text/month-names.ts";
import { TermSums } from "../text/term-sums.ts";

const { DIGIT, LETTER, charClass, lowerOf, table: CLASS } = chars;

/** Read on first use (about 1-3 ms of Intl work, 10 ms more when it is the process's first Intl call). */
const months = (): string[] => [
  // full: English, German (and Austrian: "Jänner"), French, Spanish, Italian, Dutch, Portuguese, Polish
  ...monthNames(["en", "de", "de-AT", "fr", "es", "it", "nl", "pt", "pl"]),
  // and short, by hand: a few of each language's (ICU's short forms are more: German "Jän", Spanish "abr")
  ..."jan feb mar apr jun jul aug sep sept oct nov dec mär okt dez janv févr avr juil déc ene".split(" "),
];
const OTHER_WORDS = (
  // weekdays
  "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
  "montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so " +
  "lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo " +
  // times, and the words around them
  "am pm uhr um at h min mins minute minutes hr hrs hour hours sec ago vor stunden minuten tagen today yesterday heute gestern " +
  "gmt utc cet cest est edt pst pdt cst cdt bst ist " +
  "posted published updated veröffentlicht aktualisiert publié mis jour publicado actualizado pubblicato " +
  "on le el il de der den des del the and und et y"
).split(" ");

const DATE_WORD = 1;
const MONTH_OR_DAY = 2;

/**
 * What a word's hash is here (`MONTH_OR_DAY`, `DATE_WORD`, 0 for any other word), by one look-up in
 * an open-addressed table of typed arrays: most short lines of a page go through this test.
 */
let kindTable: TermSums | null = null;

function buildKinds(): TermSums {
  const kinds = new TermSums();
  const words = [...months(), ...OTHER_WORDS];
  /** The months' and weekdays' names come first in the words, up to "am": a word listed twice keeps its first kind. */
  const namesEnd = words.indexOf("am");
  words.forEach((w, i) => {
    const h = wordHash(w);
    if (kinds.get(h) === 0) kinds.add(h, i < namesEnd ? MONTH_OR_DAY : DATE_WORD);
  });
  return kinds;
}

/**
 * A line made of dates, times and numbers: at most one other word (recipe times, ratings and
 * counts included: "Total 1 hr 50 min", "4.3182 330 5 1").
 */
export function isDateOrNumberLine(text: string): boolean {
  const kinds = (kindTable ??= buildKinds());
  let other = 0, names = 0, tokens = 0, numbers = 0;
  let digits = false;
  // Letter and digit runs, hashed as they are read (no substrings).
  let h = 0, inToken = false, numeric = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const k = CLASS[c] || charClass(c);
    if (k & (LETTER | DIGIT) && c !== 95) {
      if (!inToken) (inToken = true, (h = 0), (numeric = (k & DIGIT) !== 0));
      h = (Math.imul(h, 31) + (c < 128 ? (c >= 65 && c <= 90 ? c | 32 : c) : lowerOf(c))) | 0;
      continue;
    }
    if (!inToken) continue;
    inToken = false;
    if (++tokens > 14) return false;
    if (numeric) {
      digits = true;
      numbers++;
      continue;
    }
    const kind = kinds.get(h & 0x3fffffff);
    if (kind === MONTH_OR_DAY) names++;
    else if (kind === 0 && ++other > 1) return false;
  }
  // "May Day" and "So What" are not dates: a number, or two month or day names, must be there; and
  // beside another word ("Total 1 hr 50 min"), two numbers or a number and a name ("Monstergespräche #1" is a headline).
  if (tokens === 0) return false;
  return other === 0 ? digits || names >= 2 : numbers >= 2 || (digits && names >= 1);
}
