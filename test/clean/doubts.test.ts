import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/clean/text.ts";
import { defaultRules, type CleanRule } from "../../src/clean/rules/index.ts";

const warnings = (text: string) => cleanText("t", text).messages.map((m) => m.text);
const dump = (name: string) => cleanText(name, readFileSync(join(import.meta.dirname, "../fixtures/clean", name), "utf8"));

describe("every page gets an answer", () => {
  it("has no article on a page of menus and buttons, and gives the reason instead of the menu", () => {
    const result = cleanText("t", ["Home", "News", "Sport", "Share", "Facebook", "Twitter", "Advertisement"].join("\n"));
    expect(result.paragraphs).toEqual([]);
    expect(result.rejected).toMatch(/no block of the page reads as article text/);
  });

  it("warns when only a few words of a long page are kept", () => {
    const menu = ["Home", "News", "World", "Business", "Sport", "Weather", "Culture", "Travel", "Video", "Audio"];
    const footer = (n: number) => `More from our network: Read Story Number ${n} About Something Else`;
    const story = ["The library will close for two weeks in the spring, the council said on Monday.", "The roof will be repaired while it is closed, and books can be returned at the town hall."];
    const text = [...menu, ...menu, "Library to close for repairs", ...story, ...Array.from({ length: 30 }, (_, i) => footer(i)), ...menu].join("\n");
    expect(cleanText("t", text).paragraphs).toEqual(story);
    expect(warnings(text).join(" ")).toMatch(/^kept only 33 words of a page of \d+: the article may be missing/);
    // One record per warning, named by the check that raised it, as the build report shows it.
    expect(cleanText("t", text).messages).toEqual([expect.objectContaining({ file: "t", stage: "clean", rule: "thin-body", level: "warning" })]);
  });

  it("has nothing to say about an ordinary article", () => {
    const para = (n: number) => `The library, which opened in 1904, will close for ${n} weeks in the spring while the roof is repaired, the council said.`;
    const text = ["Library to close for roof repairs", para(2), para(3), para(4)].join("\n\n");
    expect(warnings(text)).toEqual([]);
  });

  it("does not call a Greek news report 'no running prose' because its function words are not on the cleaner's list", () => {
    const result = dump("greek-police-report.txt");
    expect(result.paragraphs.join(" ")).toContain("Συνελήφθη");
    expect(result.messages.map((m) => m.rule)).not.toContain("no-prose");
  });

  it("still says it of a German page whose kept text is a list of dates and buildings", () => {
    expect(dump("german-building-list.txt").messages.map((m) => m.rule)).toContain("no-prose");
  });
});

describe("fallback body", () => {
  it("keeps the located text when the context rules would leave nothing", () => {
    // A rule that drops every line, standing in for a context rule gone too far.
    const dropAll: CleanRule = { name: "short-line-context", apply: (doc) => doc.lines.forEach((l) => (l.drop ??= "short-line-context")) };
    const rules = [...defaultRules, dropAll];
    const para = "The library, which opened in 1904, will close for two weeks in the spring while the roof is repaired, the council said.";
    const result = cleanText("t", ["Library to close", para].join("\n\n"), undefined, rules);
    expect(result.paragraphs).toEqual([para]);
    expect(result.messages).toContainEqual({ file: "t", stage: "clean", rule: "unfiltered-fallback", level: "warning", text: "every line of the located article looked like page furniture; kept the located text unfiltered" });
  });
});
