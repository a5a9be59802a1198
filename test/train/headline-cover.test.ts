import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { headlineLedeCover } from "../../train/lib/headline-cover.ts";

const fixture = (path: string) => readFileSync(join(import.meta.dirname, "../fixtures", path), "utf8");
const linesOf = (text: string) => text.split("\n").filter((t) => t.trim());

describe("how much of a body's opening its headline's words cover (the text article gate's headline-lede-cover)", () => {
  it("reads a news report's opening as covering most of its headline", () => {
    const [headline, ...body] = linesOf(fixture("seeds/001_573368ba96f89019.txt"));
    // "Russia accuses Serbia of betrayal for supplying arms to Ukraine": the first line names Russia, Serbia, Ukraine, the
    // arms and the accusation (5 of 7); the second is "Advertisement".
    expect(headlineLedeCover(headline!, body)).toBeCloseTo(5 / 7, 10);
  });

  it("reads a notice whose text talks of something else than its headline as covering little of it", () => {
    const [headline, ...body] = linesOf(fixture("clean/notice-update-your-browser.txt"));
    expect(headlineLedeCover(headline!, body)).toBeLessThan(headlineLedeCover(...reportParts()));
  });

  it("matches a headline's word in another form of it (its first five letters), in any case", () => {
    expect(headlineLedeCover("Feuerwehr rettet Katze", ["Die FEUERWEHREN der Stadt retteten gestern eine Katze vom Dach."])).toBe(1);
    expect(headlineLedeCover("Wahlen in Bayern", ["Die Stadt feiert."])).toBe(0);
  });

  it("reads only the opening: a headline's words that come back only in the third line do not count", () => {
    const body = ["Ein Satz ohne Bezug.", "Noch einer, ganz anders.", "Hier erst: Hafen Umschlag Rekord."];
    expect(headlineLedeCover("Hafen Umschlag Rekord", body)).toBe(0);
    expect(headlineLedeCover("Hafen Umschlag Rekord", body.slice(1))).toBe(1);
    expect(headlineLedeCover("Hafen Umschlag Rekord", body.slice(2))).toBe(1);
  });

  it("counts words of four letters or more only, and reads 0 without a headline or with no such word in it", () => {
    expect(headlineLedeCover(null, ["Anything at all."])).toBe(0);
    expect(headlineLedeCover("Oh no, not it", ["Oh no, not it again."])).toBe(0);
    expect(headlineLedeCover("Oh no, a storm", ["Oh no, a storm again."])).toBe(1);
  });
});

function reportParts(): [string, string[]] {
  const [headline, ...body] = linesOf(fixture("seeds/001_573368ba96f89019.txt"));
  return [headline!, body];
}
