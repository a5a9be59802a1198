// German writes a day as an ordinal ("am 25. Juli"); its full stop ends no sentence, so no summary sentence
// opens with a month cut from its day ("Juli, dem Tag der Revolution, hatten …").
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";
import { splitSentences } from "../../src/text/sentences.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/summarise/${name}`, import.meta.url), "utf8")) as SummaryInput;
// dates-dev (tuning half) d7d295f11bd7a94b, a report on Tunisia, and 26cb9ea171cd1b58, on Crocs' cowboy boot:
// each saved page as the build cleans it (its paragraphs, its headline).
const tunisia = fixture("dates-de-d7d295f11bd7a94b.json");
const crocs = fixture("dates-de-26cb9ea171cd1b58.json");
const MONTH_FIRST = /^(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b/;

describe("a day written as an ordinal", () => {
  it("stays with its month in a summary", () => {
    // Tunisia's "am 25. Juli" sentence is one sentence of the page (whether the summary shows it is the scores' to say).
    const first = summarise([tunisia]);
    expect(splitSentences(tunisia.text.split("\n").find((p) => p.includes("am 25. Juli"))!).some((s) => s.startsWith("Zweieinhalb Monate zuvor, am 25. Juli, dem Tag der Revolution, hatten noch Tausende Tunesier"))).toBe(true);
    const boots = summarise([crocs]);
    expect(boots.some((s) => s.startsWith("Als es am 23. Oktober so weit war, war die Crocs-Community bereit"))).toBe(true);
    for (const s of [...first, ...boots]) expect(s).not.toMatch(MONTH_FIRST);
  });

  it("ends no sentence, while a number before another capital still may", () => {
    expect(splitSentences("Vom 12. bis 19. Februar 2022 spielen sie in Oberhaching. Die Halle ist offen.")).toEqual([
      "Vom 12. bis 19. Februar 2022 spielen sie in Oberhaching.",
      "Die Halle ist offen.",
    ]);
    expect(splitSentences("The death toll rose to 12. March organisers said nothing.")).toEqual(["The death toll rose to 12.", "March organisers said nothing."]);
  });
});
