import { describe, expect, it } from "vitest";
import { makeDoc } from "../../src/clean/doc.ts";
import { cleanText, emptyMeta } from "../../src/clean/text.ts";

describe("the working document", () => {
  it("counts each line's repeats by its text, lines of the same length apart", () => {
    const doc = makeDoc("page.txt", "Share\nSport\n\n  Share \nNews\u00a0\u00a0today\nNEWS TODAY\nShare\n", emptyMeta());
    expect(doc.lines.map((l) => [l.text, l.repeats])).toEqual([
      ["Share", 3], ["Sport", 1], ["Share", 3], ["News today", 2], ["NEWS TODAY", 2], ["Share", 3],
    ]);
    // The next page starts from nothing.
    expect(makeDoc("other.txt", "Share\nSport\n", emptyMeta()).lines.map((l) => l.repeats)).toEqual([1, 1]);
  });

  it("folds odd and doubled spaces, and marks paragraph breaks", () => {
    const doc = makeDoc("page.txt", "a\u2003b  c\t d\n\nnext  line\ncontinued", emptyMeta());
    expect(doc.lines.map((l) => [l.text, l.blankBefore])).toEqual([["a b c d", true], ["next line", true], ["continued", false]]);
  });
});

describe("hard-wrapped text", () => {
  it("joins a line that continues a sentence, not one after a colon or a sentence's end", () => {
    const text = "The council met on Tuesday and\ndecided to close the road.\nIt said:\nthe works start soon;\nresidents were told.\nBut";
    expect(cleanText("page.txt", text, emptyMeta(), []).paragraphs).toEqual([
      "The council met on Tuesday and decided to close the road.",
      "It said:",
      "the works start soon;",
      "residents were told.",
      "But",
    ]);
  });
});
