import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/clean/text.ts";
import { defaultRules, type CleanRule } from "../../src/clean/rules/index.ts";

const warnings = (text: string) => cleanText("t", text).messages.map((m) => m.text);

describe("every page gets an answer", () => {
  it("gives a page of menus and buttons its text back, with the reason", () => {
    // Share buttons and ads go even here; the menu is all there is to give.
    const result = cleanText("t", ["Home", "News", "Sport", "Share", "Facebook", "Twitter", "Advertisement"].join("\n"));
    expect(result.paragraphs.length).toBeGreaterThan(0);
    expect(result.messages.map((m) => m.text)).toContain("no running prose found; kept every line");
  });

  it("warns when only a few words of a long page are kept", () => {
    const teaser = (n: number) => `Read Story Number ${n} About Something Else Entirely Today`;
    const text = [
      ...Array.from({ length: 40 }, (_, i) => teaser(i)),
      "Short note",
      "The meeting has been moved to Thursday, the organisers said.",
      ...Array.from({ length: 10 }, (_, i) => teaser(100 + i)),
    ].join("\n");
    expect(cleanText("t", text).paragraphs).toEqual(["The meeting has been moved to Thursday, the organisers said."]);
    expect(warnings(text).join(" ")).toMatch(/^kept only 10 words of a page of \d+: the article may be missing/);
  });

  it("has nothing to say about an ordinary article", () => {
    const para = (n: number) => `The library, which opened in 1904, will close for ${n} weeks in the spring while the roof is repaired, the council said.`;
    const text = ["Library to close for roof repairs", para(2), para(3), para(4)].join("\n\n");
    expect(warnings(text)).toEqual([]);
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
    expect(result.messages.map((m) => m.text)).toContain("every line of the located article looked like page furniture; kept the located text unfiltered");
  });
});
