import { describe, expect, it } from "vitest";
import { cleanText, emptyMeta } from "../../../src/clean/text.ts";
import { cleanSource, InputRejected } from "../../../src/clean/index.ts";
import { makeDoc } from "../../../src/clean/doc.ts";
import { articleRun, keepSandwiched, locateScored } from "../../../src/clean/rules/locate.ts";

const menu = ["Home", "News", "World", "Business", "Science", "Sport", "Weather"];
const para = (topic: string, n: number) =>
  `The ${topic} plan, which the council approved on Monday after a long debate, will cost about ${n} million pounds and take two years to finish.`;
const story = [
  para("harbour wall", 3),
  "Engineers said the harbour wall had been damaged by the storms of last winter and that repairs could not wait any longer.",
  para("harbour wall", 4),
  "Fishermen who use the harbour said they welcomed the harbour wall repairs but worried about where their boats would go meanwhile.",
  para("harbour wall", 5),
];
const cookie =
  "We use cookies and similar technologies to personalise content and ads, to provide social media features and to analyse our traffic. By clicking Accept all you consent to our use of cookies; see our privacy policy and cookie settings.";
const text = (lines: string[]) => cleanText("t", lines.join("\n"));

describe("locate-article", () => {
  it("finds the article under a menu and a cookie banner, and leaves both out", () => {
    const result = text([...menu, cookie, "Accept all", "Harbour Wall Repairs To Begin After Winter Storms", "By Jane Smith, November 18, 2019", ...story, "Related stories", "Facebook", "Twitter"]);
    expect(result.paragraphs).toEqual(story);
    expect(result.title).toBe("Harbour Wall Repairs To Begin After Winter Storms");
  });

  it("has no article on a page of menus and a cookie banner, and says so", () => {
    const result = text([...menu, cookie, "Accept all", "Reject all", "Privacy policy", "Imprint"]);
    expect(result.paragraphs).toEqual([]);
    expect(result.rejected).toMatch(/no block of the page reads as article text/);
  });

  it("refuses such a page as an input, with the reason, instead of publishing the banner", () => {
    const file = { path: "banner.txt", format: "text" as const, text: [...menu, cookie, "Accept all"].join("\n"), encoding: "utf-8" as const, mtime: new Date(0) };
    expect(() => cleanSource(file)).toThrow(InputRejected);
    expect(() => cleanSource(file)).toThrow(/page furniture/);
  });

  it("does not take a run of teasers glued to their headlines for the article, however sure the block scores are", () => {
    const teasers = [
      "Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left Ruth's Chris Steak House without paying a bill of almost seven hundred dollars, police said on Tuesday.",
      "Michigan To Mail Redistricting Panel Applications To 250,000The state of Michigan will mail applications for its new redistricting commission to a quarter of a million voters this week.",
      "Your Weather Today In Detroit For MondayYou can leave your umbrella at home through Sunday, with sunshine and mild temperatures expected across the whole of the region.",
    ];
    const lines = [...teasers, "Weather", "Sports", "Video", "News", "Travel", "Contact", ...story.slice(0, 3)];
    const scoresOf = (doc: ReturnType<typeof makeDoc>) => Float64Array.from(doc.lines, (l) => (teasers.includes(l.text) ? 3 : story.includes(l.text) ? 2 : -4));
    const decode = { bias: -2, inner: 0, article: -4, power: 0.5, patience: 6, sandwich: 0 };
    const doc = makeDoc("t", lines.join("\n"), emptyMeta());
    expect(doc.lines.slice(0, 3).every((l) => l.glued)).toBe(true);
    const run = articleRun(doc, scoresOf(doc), decode)!.run;
    expect(doc.lines.slice(run[0], run[1]).map((l) => l.text)).toEqual(story.slice(0, 3));
    // The same blocks as HTML (where a card's headline and teaser are separate elements): the scores decide.
    const html = makeDoc("t", lines.join("\n"), emptyMeta(), "html");
    expect(articleRun(html, scoresOf(html), decode)!.core[0]).toBe(0);
  });

  it("keeps a weak line between two article lines of the body (a list item), not a weaker one, nor one at the body's edge", () => {
    const item = "A new sea wall";
    const advert = "Advertisement";
    const tags = "Tags: harbour";
    const lines = [...menu, story[0]!, story[1]!, item, story[2]!, advert, story[3]!, story[4]!, tags, "Related stories", "Facebook"];
    const doc = makeDoc("t", lines.join("\n"), emptyMeta());
    const weak: Record<string, number> = { [item]: -0.6, [advert]: -3, [tags]: -0.6 };
    const score = Float64Array.from(doc.lines, (l) => weak[l.text] ?? (story.includes(l.text) ? 2 : -4));
    const decode = { bias: -2, inner: 0, article: -4, power: 0.5, patience: 6, sandwich: -1 };
    locateScored(score, decode).apply(doc);
    keepSandwiched.apply(doc);
    const kept = doc.lines.filter((l) => l.drop === null).map((l) => l.text);
    expect(kept).toEqual([story[0], story[1], item, story[2], story[3], story[4]]);
    // At the inner cut itself (the setting off), the weak line goes as before.
    const off = makeDoc("t", lines.join("\n"), emptyMeta());
    locateScored(score, { ...decode, sandwich: 0 }).apply(off);
    keepSandwiched.apply(off);
    expect(off.lines.filter((l) => l.drop === null).map((l) => l.text)).toEqual(story);
  });

  it("crosses a byline and share row up to a standfirst only with a longer patience above, and not below the article", () => {
    const standfirst = "The council will spend five million pounds on the harbour wall, which was damaged by last winter's storms.";
    const row = ["By Jane Smith", "November 18, 2019", "Facebook", "Twitter", "Email"];
    const lines = [...menu, standfirst, ...row, ...story, ...row, "Another story about the council and what it decided on Monday evening about the new car park beside the station."];
    const doc = makeDoc("t", lines.join("\n"), emptyMeta());
    const score = Float64Array.from(doc.lines, (l) => (story.includes(l.text) ? 2 : l.text === standfirst || l.text.startsWith("Another") ? 2 : -4));
    const decode = { bias: -2, inner: 0, article: -4, power: 0.5, patience: 6, sandwich: -1 };
    const first = story[0]!;
    const textOf = (run: [number, number]) => [doc.lines[run[0]]!.text, doc.lines[run[1] - 1]!.text];
    expect(textOf(articleRun(doc, score, decode)!.run)).toEqual([first, story[4]]);
    expect(textOf(articleRun(doc, score, { ...decode, above: 30 })!.run)).toEqual([standfirst, story[4]]);
    // The same patience both ways would take in the teaser under the article too.
    expect(textOf(articleRun(doc, score, { ...decode, patience: 30 })!.run)[1]).toMatch(/^Another story/);
  });
});
