import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { dayInZone, dayOf, dayProblem, isoDay, nearestWeekday, readStamp, weekdayOf, weekdayOnOrBefore } from "../../src/date/parse.ts";
import { statedInstant } from "../../src/date/index.ts";
import { addDays, dayNumber, daysBetween } from "../../src/text/dates.ts";

describe("timestamps name the day written in their own offset", () => {
  it("reads ISO 8601 with and without offset, separators or seconds", () => {
    expect(dayOf("2020-02-15T07:00+09:00")).toBe("2020-02-15");
    expect(dayOf("2019-10-18T22:04:00Z")).toBe("2019-10-18");
    expect(dayOf("2019-12-09 20:00:49")).toBe("2019-12-09");
    expect(dayOf("20200414T00:38:07Z")).toBe("2020-04-14");
    expect(dayOf("2025-05-29")).toBe("2025-05-29");
  });

  it("reads RFC 2822, HTTP and Date.toString forms", () => {
    expect(dayOf("Thu, 29 May 2025 22:00:00 -0400")).toBe("2025-05-29");
    expect(dayOf("Wed, 02 Feb 2022 09:12:22 +0100")).toBe("2022-02-02");
    expect(dayOf("Tue Jul 30 09:35:14 CEST 2019")).toBe("2019-07-30");
    expect(dayOf("Tue Jul 30 2019 09:35:14 GMT+0200")).toBe("2019-07-30");
  });

  it("keeps what a UTC timestamp says about the clock, for pages whose local day may differ", () => {
    expect(readStamp("2023-11-09T06:35:29+00:00")).toMatchObject({ year: 2023, month: 11, day: 9, minutes: 395, offset: 0 });
    expect(readStamp("2023-11-09T06:35:29-08:00")?.offset).toBe(-480);
  });

  it("gives nothing for text that is no timestamp, without guessing through Date", () => {
    expect(dayOf("not a date")).toBeNull();
    expect(dayOf("May 2025")).toBeNull();
    expect(dayOf("")).toBeNull();
  });
});

describe("the moment a timestamp states (feed stamps read it through the date stage's reader)", () => {
  const at = (value: string, zone = "UTC") => {
    const s = statedInstant(value, zone);
    return s && { iso: new Date(s.ms).toISOString(), day: s.day };
  };

  it("reads every form the date stage reads, in its own offset, with the day as written", () => {
    expect(at("2025-05-29T09:30:00+02:00")).toEqual({ iso: "2025-05-29T07:30:00.000Z", day: "2025-05-29" });
    expect(at("2025-05-29T23:30:00-04:00")).toEqual({ iso: "2025-05-30T03:30:00.000Z", day: "2025-05-29" });
    expect(at("Thu, 29 May 2025 09:30:00 +0200")).toEqual({ iso: "2025-05-29T07:30:00.000Z", day: "2025-05-29" });
    expect(at("Thu, 29 May 2025 09:30:00 GMT")).toEqual({ iso: "2025-05-29T09:30:00.000Z", day: "2025-05-29" });
    // Without separators, as some CMSs write it: the date stage reads it, so the stamp does too.
    expect(at("20250529T093000Z")).toEqual({ iso: "2025-05-29T09:30:00.000Z", day: "2025-05-29" });
    expect(at("2025-05-29T09:30:00+02:00 (updated)")).toEqual({ iso: "2025-05-29T07:30:00.000Z", day: "2025-05-29" });
  });

  it("keeps whole seconds, as the date stage does: a fraction moves nothing, and midnight with one is still midnight", () => {
    expect(at("2025-05-29T09:30:15.750Z")?.iso).toBe("2025-05-29T09:30:15.000Z");
    expect(at("2025-05-29T09:30:15,5+02:00")?.iso).toBe("2025-05-29T07:30:15.000Z");
    expect(at("2025-05-29T00:00:00.500Z")).toBeNull();
  });

  it("reads a time without an offset, or with a zone name that is no one offset (CEST, IST), in the site's zone", () => {
    expect(at("2025-05-29 09:30", "Europe/Belgrade")?.iso).toBe("2025-05-29T07:30:00.000Z");
    expect(at("Tue Jul 30 09:35:14 CEST 2019", "Europe/Belgrade")?.iso).toBe("2019-07-30T07:35:14.000Z");
    expect(at("2019-12-09 20:00:49 IST", "UTC")?.iso).toBe("2019-12-09T20:00:49.000Z");
    // "UTC+1" is no offset readStamp reads: not read as UTC.
    expect(at("2019-12-09 20:00:49 UTC+1", "Europe/Belgrade")?.iso).toBe("2019-12-09T19:00:49.000Z");
  });

  it("reads UTC's and RFC 2822's zone names (EST, CDT ...) and Date.toString's GMT offset as the offsets they are", () => {
    // A JSON-LD datePublished as a corpus page writes it: 16:02 in Chicago is 21:02 UTC, not 16:02 in the site's zone.
    expect(at("2020-09-25T16:02:50CDT", "UTC")).toEqual({ iso: "2020-09-25T21:02:50.000Z", day: "2020-09-25" });
    expect(at("2020-09-25 16:02:50 cdt", "Europe/Belgrade")?.iso).toBe("2020-09-25T21:02:50.000Z");
    expect(at("Thu, 29 May 2025 09:30:00 EST", "UTC")?.iso).toBe("2025-05-29T14:30:00.000Z");
    expect(at("Thu, 29 May 2025 09:30:00 PDT", "UTC")?.iso).toBe("2025-05-29T16:30:00.000Z");
    expect(at("2019-12-09 20:00:49 UTC", "Europe/Belgrade")?.iso).toBe("2019-12-09T20:00:49.000Z");
    expect(at("2019-12-09T20:00:49 GMT+01:00", "UTC")?.iso).toBe("2019-12-09T19:00:49.000Z");
    expect(at("Tue Jul 30 2019 09:35:14 GMT+0200 (Central European Summer Time)", "UTC")).toEqual({ iso: "2019-07-30T07:35:14.000Z", day: "2019-07-30" });
    expect(at("Tue Jul 30 09:35:14 EDT 2019", "UTC")?.iso).toBe("2019-07-30T13:35:14.000Z");
    // The day is the one written down, in the stated zone.
    expect(readStamp("Tue Jul 30 2019 23:35:14 GMT-0500 (Central Daylight Time)")).toMatchObject({ year: 2019, month: 7, day: 30, minutes: 1415, seconds: 14, offset: -300 });
    // A word that merely starts like a zone name is no zone.
    expect(readStamp("2019-12-09 20:00 ESTONIA")?.offset).toBeNull();
  });

  it("states no moment for a bare day, midnight, an impossible clock or day, or what is no timestamp", () => {
    for (const value of ["2025-05-29", "2025-05-29T00:00:00Z", "2025-05-29T00:00", "Thu, 29 May 2025 00:00:00 +0000", "2025-05-29T25:10:00Z", "2025-05-29T09:75:00Z", "2025-05-29T09:30:61Z", "2025-02-30T09:30:00Z", "1850-05-29T09:30:00Z", "not a date", ""]) {
      expect(at(value), value).toBeNull();
    }
    expect(statedInstant("2025-05-29T09:30:00", "Not/AZone")).toBeNull();
    // An impossible clock leaves the day it is written on: the date stage still dates by it.
    expect(dayOf("2025-05-29T25:10:00Z")).toBe("2025-05-29");
    expect(readStamp("2025-05-29T25:10:00Z")?.minutes).toBeNull();
  });
});

describe("only real days from 1900 to 2100 are days", () => {
  it("rejects impossible days instead of moving them", () => {
    expect(dayOf("2025-02-30")).toBeNull();
    expect(dayOf("2025-13-01")).toBeNull();
    expect(dayOf("2024-02-29")).toBe("2024-02-29");
    expect(dayOf("2023-02-29")).toBeNull();
    expect(dayProblem(2025, 2, 30)).toBe("no such day");
    expect(dayProblem(2025, 13, 1)).toBe("no such month");
  });

  it("rejects years outside 1900–2100", () => {
    expect(dayOf("0000-01-01")).toBeNull();
    expect(dayOf("10000-01-01")).toBeNull();
    expect(dayOf("1899-12-31")).toBeNull();
    expect(dayOf("2101-01-01")).toBeNull();
    expect(isoDay(1900, 1, 1)).toBe("1900-01-01");
    expect(isoDay(2100, 12, 31)).toBe("2100-12-31");
    expect(dayProblem(10000, 1, 1)).toMatch(/year outside/);
  });

  it("turns an instant into a day in the configured zone, and refuses one outside the years", () => {
    const instant = new Date(Date.UTC(2026, 0, 2, 23, 30));
    expect(dayInZone(instant, "UTC")).toBe("2026-01-02");
    expect(dayInZone(instant, "Asia/Kolkata")).toBe("2026-01-03");
    expect(dayInZone(instant, "America/Los_Angeles")).toBe("2026-01-02");
    expect(dayInZone(new Date(Date.UTC(10000, 0, 1)), "UTC")).toBeNull();
  });

  it("gives the day a luxon DateTime in that zone has, for any instant and zone, valid or not", () => {
    const luxonDay = (ms: number, zone: string) => {
      const d = DateTime.fromMillis(ms, { zone });
      return d.isValid ? isoDay(d.year, d.month, d.day) : null;
    };
    const zones = ["UTC", "utc", "GMT", "Europe/Berlin", "America/St_Johns", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC+3", "UTC-9:30", "Nowhere/Void", ""];
    const instants = [Number.NaN, -8.64e15, 8.64e15, 8.64e15 + 1, Date.UTC(1900, 0, 1), Date.UTC(1899, 11, 31, 23), Date.UTC(2100, 11, 31, 23), Date.UTC(2024, 2, 10, 9, 59), Date.UTC(2024, 9, 27, 0, 30)];
    for (let k = 0; k < 200; k++) instants.push(Date.UTC(1970, 0, 1) + k * 1_234_567_891_011);
    for (const zone of zones) for (const ms of instants) expect([zone, ms, dayInZone(new Date(ms), zone)]).toEqual([zone, ms, luxonDay(ms, zone)]);
    expect(dayInZone(new Date(Date.UTC(2024, 0, 1, 1)), "America/New_York")).toBe("2023-12-31");
  });
});

describe("calendar arithmetic", () => {
  it("finds weekdays around an anchor", () => {
    expect(weekdayOf("2025-05-29")).toBe(4);
    expect(nearestWeekday("2025-05-28", 4)).toBe("2025-05-29");
    expect(nearestWeekday("2025-05-30", 4)).toBe("2025-05-29");
    expect(weekdayOnOrBefore("2025-06-23", 1)).toBe("2025-06-23");
    expect(weekdayOnOrBefore("2025-06-25", 1)).toBe("2025-06-23");
  });

  it("counts days across months, leap years and daylight-saving changes", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(daysBetween("2025-03-29", "2025-03-31")).toBe(2);
    expect(daysBetween("2025-12-31", "2025-01-01")).toBe(-364);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2025-02-30")).toBeNaN();
    expect(dayNumber("2025-2-3")).toBeNaN();
  });
});
