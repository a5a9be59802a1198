// The months' long names as dates write them, from Intl: ICU's data, which Node ships whole (full-icu) since
// Node 13, so every machine reads the same names (test/text/month-names.test.ts pins them). The date stage keeps
// its own (src/date/names.ts): many more locales and forms, keyed without accents, for reading a date.

/**
 * The long names of the months in `locales`, lower-cased, each once, in the form a date with its day writes
 * ("15. Januar", "15 stycznia": Polish names a date's month in the genitive).
 */
export function monthNames(locales: readonly string[]): string[] {
  const out: string[] = [];
  for (const locale of locales) {
    const format = new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", timeZone: "UTC" });
    for (let m = 0; m < 12; m++) {
      const name = format.formatToParts(Date.UTC(2020, m, 15)).find((p) => p.type === "month")!.value.toLowerCase();
      if (!out.includes(name)) out.push(name);
    }
  }
  return out;
}
