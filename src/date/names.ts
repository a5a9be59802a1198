// Month and weekday names in the languages Digest meets, taken from the runtime's own locale data (ICU
// via Intl) rather than typed in: long, genitive ("19 novembre", "15 августа") and short forms, each
// also without accents and with a trailing dot removed. Where two languages use one word for different
// months, the earlier locale in the list wins (Croatian, whose "listopad" is October, is left out).

import { datePartsOf, MONTH_DATES } from "../text/month-names.ts";

const LOCALES = [
  "en", "en-GB", "de", "de-AT", "fr", "es", "it", "pt", "nl", "da", "sv", "nb", "fi", "pl", "cs", "sk", "hu", "ro", "tr",
  "ru", "uk", "bg", "el", "id", "ca", "sl", "lv", "lt", "et", "hy", "ar", "hi",
];

/** Lower case, no accents, no trailing dot: the form names are looked up in. */
export function nameKey(word: string): string {
  return word.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/\.$/, "");
}


function buildMonths(): Map<string, number> {
  const map = new Map<string, number>();
  const add = (word: string | null, month: number) => {
    if (!word || /\d/.test(word)) return;
    for (const piece of word.split(/\s+/)) {
      const key = nameKey(piece.replace(/^(de|d’|d')/, ""));
      if (key.length >= 3 && !map.has(key)) map.set(key, month);
    }
  };
  const styles: Intl.DateTimeFormatOptions[] = [{ month: "long" }, { day: "numeric", month: "long" }, { day: "numeric", month: "short" }, { month: "short" }];
  for (const locale of LOCALES) {
    for (const style of styles) datePartsOf(locale, style, MONTH_DATES, "month").forEach((word, i) => add(word, i + 1));
  }
  // Three-letter cuts of Latin-script names ("Okt", "Dez", "Sep") that the locales' own short forms lack.
  for (const [key, m] of [...map]) if (/^[a-z]{4,}$/.test(key)) add(key.slice(0, 3), m), add(key.slice(0, 4), m);
  return map;
}

function buildWeekdays(): Set<string> {
  const set = new Set<string>();
  const dates = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2020, 5, 1 + i)));
  for (const locale of LOCALES) {
    for (const weekday of ["long", "short"] as const) {
      for (const w of datePartsOf(locale, { weekday }, dates, "weekday")) if (w) set.add(nameKey(w));
    }
  }
  return set;
}

// Built on first use (about 30 ms of Intl work), so commands that never read a date do not pay for it.
let months: Map<string, number> | null = null;
let weekdays: Set<string> | null = null;

/** The month a word names (1–12), or 0. */
export function monthOf(word: string): number {
  months ??= buildMonths();
  return months.get(nameKey(word)) ?? 0;
}

export function isWeekdayName(word: string): boolean {
  weekdays ??= buildWeekdays();
  return weekdays.has(nameKey(word));
}
