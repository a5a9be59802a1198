// Month and weekday names from Intl: ICU's data, which Node ships whole (full-icu) since Node 13, so every machine
// reads the same names (test/text/month-names.test.ts pins the ones the cleaner's models learned with). The date
// stage's tables (src/date/names.ts: many locales and forms, keyed without accents) read them here too.

/** The `type` part of each date formatted in `locale` with `options` (UTC), or null where it has none. */
export function datePartsOf(locale: string, options: Intl.DateTimeFormatOptions, dates: readonly Date[], type: "month" | "weekday"): (string | null)[] {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
  return dates.map((date) => format.formatToParts(date).find((p) => p.type === type)?.value ?? null);
}

/** The fifteenth of each month of 2020, UTC: a date whose month every calendar reads alike. */
export const MONTH_DATES: readonly Date[] = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2020, i, 15)));

/**
 * The long names of the months in `locales`, lower-cased, each once, in the form a date with its day writes
 * ("15. Januar", "15 stycznia": Polish names a date's month in the genitive).
 */
export function monthNames(locales: readonly string[]): string[] {
  const out: string[] = [];
  for (const locale of locales) {
    for (const part of datePartsOf(locale, { month: "long", day: "numeric" }, MONTH_DATES, "month")) {
      const name = part!.toLowerCase();
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}
