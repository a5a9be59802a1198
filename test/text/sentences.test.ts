import { describe, expect, it } from "vitest";
import { datelineLength, splitSentences } from "../../src/text/sentences.ts";

describe("splitSentences", () => {
  it("keeps abbreviations, initials and decimals inside sentences", () => {
    const text = "Mr. Vucic met U.S. officials on Jan. 5 in Belgrade. Growth was 8.1% in 2004. J. K. Rowling said so.";
    expect(splitSentences(text)).toEqual(["Mr. Vucic met U.S. officials on Jan. 5 in Belgrade.", "Growth was 8.1% in 2004.", "J. K. Rowling said so."]);
  });

  it("returns exact substrings, closing quotes included", () => {
    const text = '"We will not allow it," he said. "Never." The talks ended.';
    const out = splitSentences(text);
    for (const s of out) expect(text).toContain(s);
    expect(out).toEqual(['"We will not allow it," he said.', '"Never."', "The talks ended."]);
  });

  it("splits a dateline off as a segment of its own, so the sentence starts after it", () => {
    expect(splitSentences("WASHINGTON (AP) — The Senate voted on Tuesday.")).toEqual(["WASHINGTON (AP) —", "The Senate voted on Tuesday."]);
    expect(splitSentences("(Reuters) - Oil prices rose. Gold fell.")).toEqual(["(Reuters) -", "Oil prices rose.", "Gold fell."]);
    expect(splitSentences("BELGRADE, Serbia: Russia on Thursday accused Serbia.")).toEqual(["BELGRADE, Serbia:", "Russia on Thursday accused Serbia."]);
    expect(splitSentences("Mannheim, Germany (Sports Network) - Wladimir Klitschko retained his titles.")[1]).toBe("Wladimir Klitschko retained his titles.");
    // Dashes inside a sentence are not datelines.
    expect(splitSentences("Lindsay Lohan - who was jailed - is out. The Senate voted - narrowly - on Tuesday.")).toHaveLength(2);
  });

  it("splits the same given the dateline's length its caller has read", () => {
    for (const text of ["WASHINGTON (AP) — The Senate voted on Tuesday. It adjourned.", "(Reuters) - Oil prices rose. Gold fell.", "Oil prices rose. Gold fell."]) {
      expect(splitSentences(text, datelineLength(text))).toEqual(splitSentences(text));
    }
  });
});
