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

describe("white space in a text dump", () => {
  it("reads as the whole text folded to single plain spaces, then split and trimmed", () => {
    const text = "Title\u00a0 here\n\u200b\n  Body\ttext  with \u2009 gaps \n\u3000Second\u202fline\u200b\n \t\nLast  one";
    const folded = text.replace(/[ \u00a0\u2000-\u200b\u202f\u205f\u3000\t]{2,}|[\u00a0\u2000-\u200b\u202f\u205f\u3000\t]/g, " ");
    const want: [string, boolean][] = [];
    let blank = true;
    for (const raw of folded.split("\n")) {
      const t = raw.trim();
      if (!t) blank = true;
      else (want.push([t, blank]), (blank = false));
    }
    const doc = makeDoc("spaces.txt", text, emptyMeta());
    expect(doc.lines.map((l) => [l.text, l.blankBefore])).toEqual(want);
    expect(want.map((w) => w[0])).toEqual(["Title here", "Body text with gaps", "Second line", "Last one"]);
    expect(doc.lines.map((l) => l.words)).toEqual([2, 4, 2, 2]);
  });
});
