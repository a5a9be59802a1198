// A line of a date and one other word is a date line: the months' names as listed before they came from Intl
// (src/clean/date-words.ts, src/text/month-names.ts), and not ICU's other forms the models never learned.
import { describe, expect, it } from "vitest";
import { isDateOrNumberLine } from "../../src/clean/date-words.ts";

describe("isDateOrNumberLine", () => {
  it.each(["18. Jänner 2023 Wien", "15 września 2023 Warszawa", "12 abril 2023 Madrid", "12 ene 2023 Madrid", "Mi, 18. Oktober 2023 um 12:50 Uhr"])("reads '%s' as a date line", (line) => {
    expect(isDateOrNumberLine(line)).toBe(true);
  });
  it.each(["18. Jän 2023 Wien", "18. Feber 2023 Wien", "15 wrzesień 2023 Warszawa", "12 abr 2023 Madrid"])("reads '%s' as no date line, as before", (line) => {
    expect(isDateOrNumberLine(line)).toBe(false);
  });
});
