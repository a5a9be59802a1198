import { describe, expect, it } from "vitest";
import { readMentions } from "../../src/cluster/mentions.ts";

describe("what an article names", () => {
  const m = readMentions("Palin's Church Damaged In Suspicious Fire", [
    "Authorities estimate the damage to the Wasilla Bible Church at $1 million after a fire on Friday night, June 8, 2012.",
    "Gov. Sarah Palin attended the church. Police said 3,500 people came in December.",
  ]);

  it("reads names from capitals mid-sentence, not from sentence openings or the headline", () => {
    expect(new Set(m.names)).toEqual(new Set(["wasilla", "bible", "church", "sarah", "palin"]));
    expect(m.names).not.toContain("authorities");
    expect(m.names).not.toContain("police");
    expect(m.names).not.toContain("suspicious");
  });

  it("reads numbers, days of a month, weekdays of the lead, months and years", () => {
    expect(m.numbers).toEqual(expect.arrayContaining(["1", "8", "2012", "3500"]));
    expect(m.days).toEqual(["6-8"]);
    expect(m.weekdays).toBe(1 << 4); // Friday
    expect(m.months).toBe((1 << 5) | (1 << 11)); // June, December
    expect(m.years).toEqual([2012]);
  });

  it("counts the headline's words first and the lead's sentences one by one", () => {
    expect(m.words.slice(0, m.titleWords)).toEqual(["palin", "church", "damaged", "suspicious", "fire"]);
    expect(m.sentenceStarts.length).toBeGreaterThanOrEqual(3);
  });

  it("reads the counts the opening states with what they count", () => {
    const q = readMentions("Quake", ["A 6.1-magnitude quake killed 12 people and injured 3,500 on June 8, and prices rose 9.5% in 2012."]);
    expect(q.quantities).toEqual([
      { unit: "magnitude", value: "6.1" },
      { unit: "people", value: "12" },
      { unit: "%", value: "9.5" },
    ]);
  });
});
