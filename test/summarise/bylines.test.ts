// A byline the page printed as a line of the article ("by <writer> ／ <date>") is no sentence of a summary: it
// says who wrote the page and when, not what happened.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";

// extraction-dev 85439e26… (tuning half), a Japanese patent office's column as the build cleans the saved page:
// its first line is the byline with its date. The story's summary opened with "by ライトハウス国際特許事務所 ／ 2016.12.01".
const column = JSON.parse(readFileSync(new URL("../fixtures/summarise/extraction-byline-85439e26.json", import.meta.url), "utf8")) as SummaryInput;

describe("a byline among an article's sentences", () => {
  it("is never a summary sentence", () => {
    expect(column.text.split("\n")[0]).toBe("by ライトハウス国際特許事務所 ／ 2016.12.01");
    const summary = summarise([column]);
    expect(summary).toHaveLength(3);
    for (const s of summarise([column], { sentences: 30 })) expect(s).not.toMatch(/^by /u);
  });

  it("goes with an English byline and its time, and sentences opening with 'By' that say something stay", () => {
    const text = [
      "By Jane Porter and Minh Do on Monday, November 18th, 2019 at 11:08 a.m.",
      "By early 2005 the net could have two new domain names, the body that runs them said.",
      "By Christmas 2019 most shops in the old town had closed for good.",
    ].join("\n");
    const all = summarise([{ title: "Domain names", text }], { sentences: 3 });
    expect(all).not.toContainEqual(expect.stringMatching(/^By Jane Porter/u));
    expect(all).toContain("By early 2005 the net could have two new domain names, the body that runs them said.");
    expect(all).toContain("By Christmas 2019 most shops in the old town had closed for good.");
  });
});
