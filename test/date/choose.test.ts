// How the evidence of one page decides its day (src/date/choose.ts), on small made-up scans.
import { describe, expect, it } from "vitest";
import { chooseDay } from "../../src/date/choose.ts";
import { shippedModel } from "../../src/date/model.ts";
import { findDates } from "../../src/date/text-dates.ts";
import type { PageScan, StructuredDate, VisibleDate } from "../../src/date/scan-types.ts";

const blocks = ["Erschienen am: 01.11.2023", "Die nächste Ausgabe erscheint am 6. November 2023."];
const visible: VisibleDate[] = blocks.map((block, index) => ({ date: findDates(block)[0]!, block, index, position: 0.8 + 0.1 * index, fromHeadline: 13 + index, fromBody: 13 + index, afterBody: true, neighbours: 1, markup: " <p> footer", inTime: false, inBody: false }));
const scan = (structured: StructuredDate[] = []): PageScan => ({ structured, visible, bad: [], years: new Map(), lang: "de", headline: "Die Anleitungen der Vorfahren" });
const none = { day: null, month: null };
// A model that trusts no visible date at all: every one is below its threshold.
const doubtful = { ...shippedModel("html"), threshold: 1 };

describe("a page with nothing but doubtful visible dates", () => {
  it("is dated by the most likely of them as a guess rather than by none", () => {
    expect(chooseDay(scan(), none, "html", doubtful)).toMatchObject({ day: "2023-11-01", basis: "guess" });
  });

  it("takes any date in its markup before a guess", () => {
    const markup: StructuredDate = { kind: "meta-date", day: "2023-10-31", time: null };
    expect(chooseDay(scan([markup]), none, "html", doubtful)).toMatchObject({ day: "2023-10-31", basis: "other-markup" });
  });
});

describe("the address against the day the page shows", () => {
  const byline = "July 9, 2020 at 6:40 PM EDT";
  const shown = (extra: string[]): PageScan => {
    const blocks = [byline, ...extra];
    const v: VisibleDate[] = blocks.map((block, index) => ({ date: findDates(block)[0]!, block, index, position: 0.1 + 0.2 * index, fromHeadline: 1 + 20 * index, fromBody: 20 * index, afterBody: index > 0, neighbours: 0, markup: "", inTime: false, inBody: false }));
    return { structured: [], visible: v, bad: [], years: new Map(), lang: "en", headline: "Federal workers are returning to the office" };
  };
  const url = { day: "2020-07-08", month: "2020-07" };

  it("yields to a likely day by the headline when the page never shows the address's day", () => {
    expect(chooseDay(shown([]), url, "text")).toMatchObject({ day: "2020-07-09", basis: "shown" });
  });

  it("keeps the address's day when the page shows it too", () => {
    expect(chooseDay(shown(["Posted July 8, 2020"]), url, "text")).toMatchObject({ day: "2020-07-08", basis: "url" });
  });
});
