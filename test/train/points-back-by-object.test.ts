import { describe, expect, it } from "vitest";
import { introduced, introducedTo, personIntroducedTo, pointsBack, pointsBackByObject } from "../../train/lib/trial-pair-features.ts";

// events-dev's tuning half: the endangered-species rule's reversal names the earlier rule as the object of its lead's
// verb; the rule's own reports, an election's own reports and a same-event report written later do not (lk73's
// `pointsBack` takes their time phrases for pointers back).
describe("pointsBackByObject: a lead that names an earlier event as the object of its verb", () => {
  it("reads a reversal verb with its object", () => {
    expect(pointsBackByObject("Obama overturns Bush endangered species rule", ["President Obama on Tuesday overturned a last-minute Bush administration regulation."])).toBe(true);
    expect(pointsBackByObject("Scientific Consultations Under Endangered Species Act Restored", ["The Obama administration today revoked an eleventh-hour Bush-era rule that undermined protections."])).toBe(true);
    expect(pointsBackByObject("Obama Reverses Bush on Species Protection Measure", ["In a move that will subject a number of government projects to scrutiny, President Obama is restoring a requirement."])).toBe(true);
  });

  it("reads a word of succession as the object of the verb", () => {
    expect(pointsBackByObject("Microsoft releases second patch for browser", ["The company said the fix covers all versions."])).toBe(true);
    expect(pointsBackByObject("Agency issues another warning on storms", ["Forecasters said the storm would strengthen."])).toBe(true);
  });

  it("does not read time phrases that a same-event report written later gives", () => {
    const title = "Just six weeks before President-elect Barack Obama takes office, the Bush administration …";
    const lead = ["Just six weeks before President-elect Barack Obama takes office, the Bush administration issued revised endangered species regulations Thursday."];
    expect(pointsBack(title, lead)).toBe(true);
    expect(pointsBackByObject(title, lead)).toBe(false);
    expect(pointsBackByObject("Patch released", ["That happened last week, a day earlier than planned, again."])).toBe(false);
  });

  it("does not read an ordinal of a series, a unit of time or a verb without its object", () => {
    expect(pointsBackByObject("Voters in Turkmenistan began to cast their ballots", ["Voting began at 8:00 on Sunday in the country's fourth parliamentary election."])).toBe(false);
    expect(pointsBackByObject("Protests go on", ["Crowds gathered for a second day in the capital."])).toBe(false);
    expect(pointsBackByObject("Court ruling", ["The judge said the decision would not be reversed on appeal."])).toBe(false);
    expect(pointsBackByObject("Microsoft rushes out security patch for Internet Explorer", ["Normally, Microsoft releases security bulletins on the second Tuesday of each month."])).toBe(false);
  });

  it("reads only the headline and the first sentence", () => {
    expect(pointsBackByObject("Rule announced", ["The rule was announced.", "A later government overturned the rule."])).toBe(false);
  });
});

// A later report's surname counts only where a person stands: after a title or before a verb of saying, not an
// organisation written once in full ("Indianapolis Colts" then "Colts").
describe("personIntroducedTo: a surname the later report puts where a person stands", () => {
  const first = introduced("Archbishop Desmond Tutu calls for Guantanamo to close", ["The Indianapolis Colts played on the same day."]);
  it("counts a surname before a verb of saying or after a title", () => {
    const later = ["The archbishop spoke in Cape Town.", "Tutu said the camp was a stain."];
    expect(personIntroducedTo(first, introduced("Camp criticised", later), later.join("\n").toLowerCase())).toBe(1);
    const titled = ["Dr Tutu spoke in Cape Town."];
    expect(personIntroducedTo(first, introduced("Camp criticised", titled), titled.join("\n").toLowerCase())).toBe(1);
  });
  it("does not count an organisation named once in full", () => {
    const later = ["The Colts won again.", "The fix covers all versions."];
    expect(introducedTo(first, introduced("Fix out", later))).toBe(1);
    expect(personIntroducedTo(first, introduced("Fix out", later), later.join("\n").toLowerCase())).toBe(0);
  });
});
