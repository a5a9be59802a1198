import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/text/sentences.ts";

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
});
