import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { daysApart, statedDays } from "../../train/lib/stated-days.ts";

// Leads of two events-dev tuning reports (topics 27 and 9), as the corpus gives them.
const patch = {
  title: "Hackers exploit critical IE bug; Microsoft promises patch",
  paragraphs: [
    "IE6 through IE11 harbor vulnerability, but in-the-wild attacks limited to IE8 and IE9",
    "September 17, 2013 03:16 PM ET",
    "Computerworld-Microsoft today said that hackers are exploiting a critical, but unpatched, vulnerability in Internet Explorer 8 (IE8) and Internet Explorer 9 (IE9), and that its engineers are working on an update to plug the hole.",
  ],
};
const rule = {
  title: "",
  paragraphs: ["The US Interior and Commerce departments reported Dec. 11 final proposed changes to the Endangered Species Act, which Interior Secretary Dirk A. Kempthorne said were not as extensive as originally planned."],
};
const days = (spans: ReturnType<typeof statedDays>) => spans.map(([a, b]) => [a, b].map((d) => DateTime.fromMillis(d * 86_400_000, { zone: "utc" }).toISODate()).join(".."));

describe("statedDays: a lead's times resolved against the article's own day", () => {
  it("reads a full date as that day and 'today' as the article's day", () => {
    expect(days(statedDays(patch.title, patch.paragraphs, "2013-09-17"))).toEqual(["2013-09-17..2013-09-17", "2013-09-17..2013-09-17"]);
  });

  it("puts a day of a month without its year in the year the article's day gives it", () => {
    expect(days(statedDays(rule.title, rule.paragraphs, "2008-12-12"))).toEqual(["2008-12-11..2008-12-11"]);
    expect(days(statedDays(rule.title, rule.paragraphs, "2009-01-05"))).toEqual(["2008-12-11..2008-12-11"]);
  });

  it("reads a weekday as the last such day and gives nothing without a day to resolve against", () => {
    expect(days(statedDays("Microsoft to patch IE on Wednesday", [], "2008-12-16"))).toEqual(["2008-12-10..2008-12-10"]);
    expect(days(statedDays("Microsoft to patch IE next Wednesday", [], "2008-12-16"))).toEqual(["2008-12-17..2008-12-17"]);
    expect(days(statedDays("Patch released Tuesday, Dec. 16, 2008", [], "2024-01-15"))).toEqual(["2008-12-16..2008-12-16"]);
    expect(statedDays(rule.title, rule.paragraphs, null)).toEqual([]);
  });

  it("says how many days apart two reports' times are", () => {
    const a = statedDays(patch.title, patch.paragraphs, "2013-09-17");
    const b = statedDays(rule.title, rule.paragraphs, "2008-12-12");
    expect(daysApart(a, b)).toBe(1741);
    expect(daysApart(a, a)).toBe(0);
    expect(daysApart(a, [])).toBeNull();
  });
});
