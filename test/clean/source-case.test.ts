// A text dump keeps the capitals a style sheet sets on a logo or a menu ("OSTHESSEN|NEWS"); the outlet is
// shown as the page itself also writes its name ("Osthessen|News"), and an acronym nobody writes otherwise stays.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanSource } from "../../src/clean/index.ts";
import { makeLine } from "../../src/clean/doc.ts";
import { sourceOfText, usualCase } from "../../src/clean/source.ts";

const dir = join(import.meta.dirname, "../fixtures/clean/outlet-dumps");

function outletOfDump(file: string, url: string | null): string | null {
  const text = readFileSync(join(dir, file), "utf8");
  return cleanSource({ path: file, format: "text", text, encoding: "utf-8", mtime: new Date(0), url }).meta.source;
}

describe("an outlet's name printed in capitals", () => {
  it("is shown as the page also writes it", () => {
    // dates-dev dedc096a71cf3e38 and 131cc640591b7f8d (tuning half), the pages' text dumps as saved.
    expect(outletOfDump("people-capitals-masthead.txt", null)).toBe("People");
    expect(outletOfDump("people-capitals-masthead.txt", "https://people.com/mina-starsiak-hawk-posts-sweet-birthday-tribute-to-her-husband-8386194")).toBe("People");
    expect(outletOfDump("osthessen-capitals-masthead.txt", "https://osthessen-news.de/n11752374/claudia-brandes-und-ihr-links-gruenes-buendnis-muessen-jetzt-liefern.html")).toBe("Osthessen|News");
  });

  it("stays in capitals when the page writes it no other way, or only in small letters (an address)", () => {
    const lines = (...texts: string[]) => texts.map((t) => makeLine(t, false));
    const acronym = lines("Body text of the story, long enough to be prose.", "Contact: info@ekd.de", "© 2019 EKD. All rights reserved.");
    expect(sourceOfText(acronym, acronym.slice(0, 1)).source).toBe("EKD");
  });
});

describe("the spelling met most", () => {
  it("counts every mention on a line, not only a line's first", () => {
    // "Abc News" three times on one line, "ABC News" on two lines: the first is met most.
    const lines = ["ABC NEWS", "Watch Abc News tonight, Abc News tomorrow and Abc News on Sunday.", "Follow ABC News online.", "ABC News live."].map((t) => makeLine(t, false));
    expect(usualCase("ABC NEWS", lines)).toBe("Abc News");
    expect(usualCase("ABC NEWS", lines.slice(2))).toBe("ABC News");
  });
});
