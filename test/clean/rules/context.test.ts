import { describe, expect, it } from "vitest";
import { makeDoc } from "../../../src/clean/doc.ts";
import { emptyMeta } from "../../../src/clean/text.ts";
import { handShortLineContext, isGluedTeaser, lineKind } from "../../../src/clean/rules/context.ts";
import { cleanSource, defaultRules } from "../../../src/clean/index.ts";
import { textFixture } from "../text-fixture.ts";
import { shortLineContext } from "../../../src/clean/rules/short-lines.ts";
import { makeLine } from "../../../src/clean/doc.ts";

const para = (n: string) => `The council said on Monday that the ${n} plan would go ahead, and that residents would be told about it by letter.`;

describe("short-line-context", () => {
  it("keeps a subheading between paragraphs and drops bylines and share rows", () => {
    const doc = makeDoc("t", [para("first"), "By Jane Smith", "What happens next", para("second"), "Share | Tweet | Email", para("third")].join("\n"), emptyMeta());
    shortLineContext.apply(doc);
    const kept = doc.lines.filter((l) => l.drop === null).map((l) => l.text);
    expect(kept).toContain("What happens next");
    expect(kept).not.toContain("By Jane Smith");
    expect(kept).not.toContain("Share | Tweet | Email");
  });

  it("keeps a quotation in guillemets between paragraphs, and drops a breadcrumb", () => {
    const quotes = ["»Wie bringe ich Studierende dazu, im Hörsaal Fragen zu stellen?«", "D’où « la nécessité impérieuse de se réapproprier le langage »."];
    const doc = makeDoc("t", [para("first"), ...quotes, para("second"), "Home » News » Politik", para("third")].join("\n"), emptyMeta());
    shortLineContext.apply(doc);
    const kept = doc.lines.filter((l) => l.drop === null).map((l) => l.text);
    expect(kept).toEqual(expect.arrayContaining(quotes));
    expect(kept).not.toContain("Home » News » Politik");
    expect(lineKind(makeLine("Startseite › Ratgeber › Garten", true))).toBe("bad");
  });

  it("recognises a headline glued to its teaser text", () => {
    expect(isGluedTeaser(makeLine("Customers Leave Without Paying Bill At Troy SteakhouseA party of six left without paying.", true))).toBe(true);
    expect(isGluedTeaser(makeLine("Michigan To Mail Redistricting Panel Applications To 250,000The state of Michigan will mail them.", true))).toBe(true);
    expect(isGluedTeaser(makeLine("Toyota Recalls Thousands Of Older 4Runner SUVs", true))).toBe(false);
    expect(isGluedTeaser(makeLine("Your Weather Today In Detroit For MondayYou can leave your umbrella at home through Sunday.", true))).toBe(true);
    expect(isGluedTeaser(makeLine("Following the 16-inch MacBook Pro, Apple plans to release a new model in 2020.", true))).toBe(false);
  });
});

describe("short-line-context on a real text dump", () => {
  // A blog post hard-wrapped at about 70 characters (webpages-dev, tuning half): no line ends a
  // sentence, so none reads as prose and the opening paragraph sits above the first one that does.
  const page = textFixture("hard-wrapped-blog-post.txt", "https://emacspeak.blogspot.com/2019/10/meta-programming-in-emacs-using.html");

  it("keeps the hard-wrapped opening paragraph that the hand rule alone drops", () => {
    const opening = "functions without changing the original function; Advice in Lisp";
    const learned = cleanSource(page).paragraphs.join("\n");
    const hand = cleanSource(page, defaultRules.map((r) => (r.name === "short-line-context" ? handShortLineContext : r))).paragraphs.join("\n");
    expect(hand).not.toContain(opening);
    expect(learned).toContain(opening);
    expect(learned).toContain("advice.el shipped as part of Emacs 19.23.");
  });

  it("still leaves the blog's sidebar out", () => {
    const body = cleanSource(page).paragraphs.join("\n");
    expect(body).not.toContain("View my complete profile");
    expect(body).not.toMatch(/Followers \(\d+\)/);
  });
});
