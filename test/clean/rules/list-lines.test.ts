import { describe, expect, it } from "vitest";
import { cleanText, emptyMeta } from "../../../src/clean/text.ts";
import { makeDoc } from "../../../src/clean/doc.ts";
import { defaultRules, rulesWithout } from "../../../src/clean/rules/index.ts";
import { labelOf, listLineRows, shapeOf, LIST_LINES_FEATURES } from "../../../src/clean/rules/list-lines.ts";

const menu = ["Home", "News", "Business", "People", "Careers", "Contact"];
const intro = [
  "The company announced on Tuesday that its long-serving head of operations will take over as chief executive next month, after the board voted unanimously for the appointment.",
  "We asked her to share some thoughts about the business, the year ahead and what she has learned over twenty years of working in the industry, and she kindly agreed.",
  "Q: What is the one thing you have learned in your past roles that helps you most as chief executive?",
  "A: I think the importance of listening carefully to understand where a person is coming from is the biggest lesson, and it has served me well in every job I have had.",
  "Q: How do you plan your day when there is so much to do?",
  "A: I start early, I keep a short list of the three things that must happen that day, and I protect time for the people who need my help with the decisions they face.",
  "Now for a few quick questions, just for fun.",
];
const quick = [
  "Q: Favourite childhood memory?",
  "A: A trip to the seaside",
  "Q: Favourite apps?",
  "A: Maps, the weather and a crossword",
  "Q: Favourite books?",
  "A: Anything by Terry Pratchett",
  "Q: Favourite athlete?",
  "A: Serena Williams",
];
const footer = ["Share this entry", "Share on Facebook", "Share on Twitter", "Leave a Reply", "Your email address will not be published. Required fields are marked *", "Name *", "Email *", "Copyright © 2019 Example Ltd. All rights reserved."];
const page = [...menu, "Introducing Our New Chief Executive", ...intro, ...quick, ...footer].join("\n");

describe("keep-list-lines", () => {
  it("keeps the short answers of an interview's quick-fire list that locate-article set aside", () => {
    const kept = cleanText("t", page).paragraphs;
    const without = cleanText("t", page, emptyMeta(), rulesWithout("keep-list-lines")).paragraphs;
    const quickKept = (body: string[]) => quick.filter((q) => body.includes(q)).length;
    expect(quickKept(kept)).toBeGreaterThan(quickKept(without));
    expect(kept.some((p) => footer.includes(p))).toBe(false);
  });

  it("reads the label before a colon and a short line's word classes as its signature", () => {
    const doc = makeDoc("t", ["Q: Favourite apps?", "Breakfast: two eggs and toast", "He said: no.", "1 Kyle Busch 4,000", "2 Kevin Harvick 3,950"].join("\n"), emptyMeta());
    expect(doc.lines.map(labelOf)).toEqual(["q", "breakfast", "he said", "", ""]);
    expect(shapeOf(doc.lines[3]!)).toBe(shapeOf(doc.lines[4]!));
    expect(shapeOf(doc.lines[3]!)).toBe("NCCN");
  });

  it("classes a word by its first character past ASCII too", () => {
    // A Roman numeral is a number, É and Ω capitals, ß lower case, an emoji other.
    const doc = makeDoc("t", ["Ⅻ 😀 Émile\u00a0ok", "Round\t3 ß Ω"].join("\n"), emptyMeta());
    expect(doc.lines.map(shapeOf)).toEqual(["NPCl", "CNlC"]);
  });

  it("counts a candidate's siblings of the same label among the lines that stay", () => {
    const doc = makeDoc("t", page, emptyMeta());
    for (const rule of defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "locate-article") + 1)) rule.apply(doc);
    const rows = listLineRows(doc, doc.scores!);
    const q = rows.find((r) => doc.lines[r.index]!.text.startsWith("Q: Favourite"));
    expect(q).toBeDefined();
    const at = (name: (typeof LIST_LINES_FEATURES)[number]) => q!.x[LIST_LINES_FEATURES.indexOf(name)]!;
    expect(at("sibLabel")).toBeGreaterThan(Math.log1p(3));
    expect(at("sibLabelKept")).toBeGreaterThan(0);
    expect(at("label")).toBe(1);
  });

  it("reads a quick-fire list by its labels whatever stays: every line of its stretch labelled, labels all around", () => {
    const doc = makeDoc("t", page, emptyMeta());
    for (const rule of defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "locate-article") + 1)) rule.apply(doc);
    const rows = listLineRows(doc, doc.scores!);
    const of = (text: string) => {
      const r = rows.find((row) => doc.lines[row.index]!.text === text);
      expect(r, text).toBeDefined();
      return (name: (typeof LIST_LINES_FEATURES)[number]) => r!.x[LIST_LINES_FEATURES.indexOf(name)]!;
    };
    // The answers' stretch is the quick-fire list alone; each of its lines has labelled lines within five on both sides.
    const answer = of("A: Maps, the weather and a crossword");
    expect(answer("stretchLabels")).toBe(1);
    expect(answer("labelsNear")).toBeGreaterThanOrEqual(Math.log1p(7));
    // A comment form's field under the article: no label in its stretch, none near it.
    const field = of("Name *");
    expect(field("stretchLabels")).toBe(0);
    expect(field("labelsNear")).toBe(0);
  });
});
