import { describe, expect, it } from "vitest";
import { dropLine, makeDoc, type TextDoc } from "../../src/clean/doc.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import { goldWords, keptPlace, lossCause, snippetLine } from "../../eval/lib/losses.ts";

// A page as a scrape gives it: a menu, the article's lead, a gallery's furniture, the rest of the
// article, a list of other stories. Line numbers: 0 menu, 1 lead, 2–5 gallery, 6–8 article, 9–10 teasers.
const PAGE = [
  "Home | News | Sport",
  "The council voted on Tuesday to close the old bridge to cars from the start of next month.",
  "Photo: City Hall",
  "Share",
  "Advertisement",
  "Image 1 of 4",
  "Engineers found cracks in two of the bridge's supports during an inspection in the spring.",
  "Buses will take a longer route through the town centre while the bridge is repaired.",
  "Work is expected to take a year and to cost about four million pounds.",
  "Related stories",
  "New cycle lanes open on the ring road",
].join("\n");
const GOLD = Uint8Array.from([0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0]);

/** The page located as [start, end) with the core given, lines outside dropped as locate drops them. */
function located(start: number, end: number, core: [number, number]): TextDoc {
  const doc = makeDoc("page.txt", PAGE, emptyMeta());
  for (let i = 0; i < doc.lines.length; i++) if (i < start) dropLine(doc, i, "page-header");
  for (let i = end; i < doc.lines.length; i++) dropLine(doc, i, "page-footer");
  doc.start = start;
  doc.end = end;
  doc.core = core;
  return doc;
}

const causeOf = (doc: TextDoc, i: number) => {
  const w = goldWords(doc, GOLD);
  return lossCause(doc, GOLD, i, w.inRun, w.total);
};

describe("loss causes", () => {
  it("calls a lead cut off by a gallery between it and the run a two-part body", () => {
    const doc = located(6, 9, [6, 9]);
    expect(doc.lines.length).toBe(11);
    expect(causeOf(doc, 1)).not.toBe("page-header:above-headline");
  });

  it("calls a body line the run stopped right before an edge", () => {
    const doc = located(1, 8, [6, 8]);
    expect(causeOf(doc, 8)).toBe("page-footer:edge");
  });

  it("calls the body lost when the run holds less than half its words the wrong place", () => {
    const doc = located(9, 11, [9, 11]);
    expect(causeOf(doc, 6)).toBe("page-header:wrong-place");
  });

  it("tells lines the headline rule cut above a headline picked inside the core from the locate rule's", () => {
    const doc = located(7, 9, [6, 9]);
    doc.title = 7;
    expect(causeOf(doc, 6)).toBe("page-header:above-headline");
    expect(causeOf(doc, 1)).not.toBe("page-header:above-headline");
  });

  it("names a line cut inside the run, and any other rule's drop, by its rule", () => {
    const doc = located(1, 9, [6, 9]);
    dropLine(doc, 7, "locate-article");
    dropLine(doc, 8, "short-line-context");
    expect(causeOf(doc, 7)).toBe("inner-cut");
    expect(causeOf(doc, 8)).toBe("short-line-context");
    doc.noArticle = "no article text found";
    expect(causeOf(doc, 7)).toBe("no-article");
  });

  it("places kept lines by the core and finds a snippet's line nearest the run", () => {
    const doc = located(1, 9, [6, 9]);
    expect(keptPlace(doc, 2)).toBe("run-above-core");
    expect(keptPlace(doc, 7)).toBe("core");
    expect(snippetLine(doc, "Buses will take  a longer route")).toBe(7);
    expect(snippetLine(doc, "not on the page")).toBe(-1);
  });
});
