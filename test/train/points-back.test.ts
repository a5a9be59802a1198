import { describe, expect, it } from "vitest";
import { pointsBack } from "../../train/lib/trial-pair-features.ts";

// events-dev's endangered-species topic (tuning half): the rule's reversal points back in its lead, the rule's own
// reports do not; "a previously unknown flaw" is no pointer back.
describe("pointsBack: a lead that points back to an earlier event of its thread", () => {
  it("reads a reversal of an earlier rule", () => {
    expect(pointsBack("Obama overturns Bush endangered species rule", ["President Obama on Tuesday overturned a last-minute Bush administration regulation."])).toBe(true);
  });

  it("reads 'last week' and 'two weeks ago'", () => {
    expect(pointsBack("Patch released", ["That happened last week as scheduled."])).toBe(true);
    expect(pointsBack("Vote held", ["The vote was announced two weeks ago."])).toBe(true);
  });

  it("does not read the first event's own report", () => {
    expect(pointsBack("Microsoft issues emergency patch for Internet Explorer", ["Microsoft has issued an emergency patch for its Internet Explorer browser."])).toBe(false);
  });

  it("does not take 'previously unknown' for a pointer back", () => {
    expect(pointsBack("Microsoft issues patch to fix IE bug", ["Microsoft has issued a patch to fix a previously unknown vulnerability in its browser."])).toBe(false);
  });

  it("reads only the lead (headline and first two sentences)", () => {
    expect(pointsBack("Rule announced", ["The rule was announced.", "It covers plants.", "It was reversed last year."])).toBe(false);
  });
});
