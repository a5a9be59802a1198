import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { defaultTuning, summarise, type SummaryInput } from "../../src/summarise/index.ts";

// Four outlets' reports of one factory fire: three tell readers near the plant to stay indoors (each at the
// end of a long report, in nearly the same words), the fourth does not; each has details of its own nearer the top.
const fire = JSON.parse(readFileSync(new URL("../fixtures/summarise/ellsworth-fire.json", import.meta.url), "utf8")) as SummaryInput[];
const stayIndoors = (s: string) => /within two miles/.test(s) && /stay indoors/.test(s);

describe("summarise: what most outlets report", () => {
  it("carries the fact three of a story's four outlets report, once, in the digest's three sentences", () => {
    const summary = summarise(fire);
    expect(summary).toHaveLength(3);
    expect(summary.filter(stayIndoors), summary.join("\n")).toHaveLength(1);
    // The story's event stays first.
    expect(summary[0]).toMatch(/fire at the Harlan Coatings paint factory in Ellsworth/);
    // Without outlet agreement the third place goes to one outlet's own detail instead.
    expect(summarise(fire, {}, { ...defaultTuning, agreement: 0 }).filter(stayIndoors)).toHaveLength(0);
  });

  it("reads agreement only in stories of three articles or more: two outlets' summary is as before", () => {
    const two = fire.slice(0, 2);
    expect(defaultTuning.agreement).toBeGreaterThan(0);
    expect(summarise(two)).toEqual(summarise(two, {}, { ...defaultTuning, agreement: 0 }));
    expect(summarise(two, { words: 100 })).toEqual(summarise(two, { words: 100 }, { ...defaultTuning, agreement: 0 }));
  });
});
