// dayNumber works a day out by calendar arithmetic: it must give what the RegExp-and-Date reading it
// replaced gave, for every day a build can meet (years 0-9999) and for every string that is no day.
import { describe, expect, it } from "vitest";
import { addDays, dayNumber, daysBetween } from "../../src/text/dates.ts";

/** The reading before stop 79: a RegExp for the form, a UTC Date for the calendar. */
function byDate(iso: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo && date.getUTCDate() === d ? date.getTime() / 86_400_000 : Number.NaN;
}

const two = (n: number) => String(n).padStart(2, "0");

describe("dayNumber", () => {
  it("gives the Date reading's number for every month 00-13 and day 00-32 of every year 0000-9999", () => {
    let valid = 0;
    let previous = Number.NaN;
    const wrong: string[] = [];
    for (let y = 0; y <= 9999; y++) {
      const year = String(y).padStart(4, "0");
      for (let m = 0; m <= 13; m++) {
        const month = `${year}-${two(m)}-`;
        for (let d = 0; d <= 32; d++) {
          const iso = month + two(d);
          const n = dayNumber(iso);
          const want = byDate(iso);
          if (!Object.is(n, want)) wrong.push(`${iso}: ${n}, not ${want}`);
          if (Number.isNaN(n)) continue;
          // Real days, in order, one apart: no day left out or counted twice.
          if (valid > 0 && n !== previous + 1) wrong.push(`${iso}: ${n} after ${previous}`);
          previous = n;
          valid++;
        }
      }
      if (wrong.length > 20) break;
    }
    expect(wrong).toEqual([]);
    expect(valid).toBe(10_000 * 365 + 2_425); // 2,425 leap years in 0000-9999 (year 0 is one)
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(Object.is(dayNumber("1970-01-01"), 0)).toBe(true);
    expect(dayNumber("0000-01-01")).toBe(-719_528);
    expect(dayNumber("9999-12-31")).toBe(2_932_896);
  });

  it("is NaN for what is no day, as the Date reading was", () => {
    const cases = [
      "", "2025", "2025-01", "2025-01-1", "2025-1-01", "25-01-01", "20250-01-01", "2025-01-011", "2025-001-01",
      "2025-02-29", "1900-02-29", "2100-02-29", "2025-04-31", "2025-06-31", "2025-09-31", "2025-11-31", "2025-13-01",
      "2025-00-10", "2025-01-00", "2025-01-32", "2025-99-99", "+2025-01-01", "-2025-01-01", "-025-01-01", "+025-01-01",
      "2025-+1-01", "2025-01--1", "2025-01-+1", " 2025-01-01", "2025-01-01 ", "2025 01-01", "2025-01-01\n", "\n2025-01-01",
      "2025-0 -01", "2025/01/01", "2025.01.01", "2025_01_01", "2025-01-01T00:00:00Z", "2025-01-01Z", "２０２５-01-01",
      "٢٠٢٥-٠١-٠١", "2025-01-0a", "a025-01-01", "2o25-01-01", "2025-01-1e", "1e10-01-01", "0x10-01-01", "2025—01—01",
      "2025-01-0\u0000", "\u00002025-01-0",
    ];
    for (const iso of cases) {
      expect(Object.is(dayNumber(iso), byDate(iso)), iso).toBe(true);
      expect(dayNumber(iso), iso).toBeNaN();
    }
    for (const iso of ["0000-02-29", "2000-02-29", "2024-02-29", "1600-02-29", "9996-02-29"]) expect(dayNumber(iso), iso).toBe(byDate(iso));
  });

  it("gives the Date reading's answer for many strings of digits, signs, spaces and hyphens", () => {
    const odd = ["-", "+", " ", "\n", "٣", "a", "", "00", "1"];
    let seed = 79;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    // Mostly digits in the day's places, now and then something else (or a piece too many or too few).
    const char = (digits: string) => (next() < 0.97 ? digits[Math.floor(next() * digits.length)]! : odd[Math.floor(next() * odd.length)]!);
    let days = 0;
    const wrong: string[] = [];
    for (let k = 0; k < 200_000; k++) {
      const sep = () => (next() < 0.98 ? "-" : odd[Math.floor(next() * odd.length)]!);
      const iso = `${char("0123456789")}${char("0123456789")}${char("0123456789")}${char("0123456789")}${sep()}${char("01")}${char("0123456789")}${sep()}${char("0123")}${char("0123456789")}`;
      const want = byDate(iso);
      if (!Object.is(dayNumber(iso), want)) wrong.push(JSON.stringify(iso));
      if (!Number.isNaN(want)) days++;
    }
    expect(wrong).toEqual([]);
    expect(days).toBeGreaterThan(50_000);
  });

  it("counts days across month, year and century ends, and adds them back", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
    expect(daysBetween("1899-12-31", "1900-03-01")).toBe(60);
    expect(daysBetween("1999-12-31", "2000-03-01")).toBe(61);
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2000-03-01", -1)).toBe("2000-02-29");
  });
});
