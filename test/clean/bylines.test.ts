import { describe, expect, it } from "vitest";
import { BYLINE_OR_DATE, bylineOrDateAt, dateAt, isBylineOrDate } from "../../src/clean/bylines.ts";

// Lines of the kinds the pattern is for, and the two characters Unicode case folding makes ASCII
// letters (ſ for s, K for k), which the split pattern hands back to the whole one.
const LINES = [
  "By Jane Smith", "von Anna Müller", "Updated Nov 13, 2019", "Posted: 18 November 2019 10:42", "2019-11-18T20:51Z",
  "Mi, 18.10.2023 um 12:50 Uhr", "aktualisiert am 3. März 2021", "Sales rose 20% in 2019", "Call 555-2019-12",
  "Published on Dec 3, 2020 by staff", "The 1919 flood", "Sept 5, 1999", "Auguſt 5, 2019", "Dec 5, 2019 at 3 \u212aelvin",
  "ſep 5, 2019", "OCT 31, 2021", "by the river", "By 2020-01-01 the plan", "оТ Ивана", "12.5.19",
];

describe("byline and date lines", () => {
  it("finds a byline or date where the whole pattern does", () => {
    for (const t of LINES) {
      const whole = BYLINE_OR_DATE.exec(t)?.index ?? -1;
      const digits = /\d/.test(t);
      expect(isBylineOrDate(t, digits), t).toBe(whole >= 0);
      if (whole >= 0 && !digits) continue;
      expect(bylineOrDateAt(t, digits), t).toBe(whole);
    }
  });

  it("reads a date after a byline's opening", () => {
    expect(dateAt("By Jane Smith, Nov 13, 2019", true)).toBe(15);
    expect(dateAt("By Jane Smith", false)).toBe(-1);
    expect(dateAt("Auguſt 5, 2019", true)).toBe(0);
  });
});
