import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DESCRIBED_BEFORE_PATTERN, describedBefore, referenceKind } from "../../src/summarise/reference.ts";
import { splitSentences } from "../../src/text/sentences.ts";

/** Examples of each word of the pattern, with where the word starts: every letter of every word is swapped below. */
const examples: Array<[string, number]> = [
  ["the aforesaid", 4], ["the abovementioned", 4], ["die erwähnten", 4], ["das besagte", 4], ["der genannte", 4], ["die geschilderten", 4],
  ["die beschriebene", 4], ["die obige", 4], ["la précitée", 3], ["les susmentionnés", 4], ["ledit", 0], ["ladite", 0], ["lesdites", 0],
  ["los mencionados", 4], ["la citada", 3], ["el referido", 3], ["la antedicha", 3],
];

/** Every code unit the case-insensitive Unicode pattern takes for `letter` ("s": s, S and ſ). */
const sameUnderIu = (letter: string): string[] => {
  const one = new RegExp(`^${letter}$`, "iu");
  const out: string[] = [];
  for (let c = 0; c < 0x10000; c++) if (one.test(String.fromCharCode(c))) out.push(String.fromCharCode(c));
  return out;
};

describe("a description said to be given before, found only where one of its words is", () => {
  it("says what the whole pattern says with any code unit the pattern takes for a letter of its words in that letter's place", () => {
    const units = new Map<string, string[]>();
    let tried = 0;
    let matched = 0;
    for (const [example, from] of examples) {
      expect(DESCRIBED_BEFORE_PATTERN.test(example)).toBe(true);
      for (let i = from; i < example.length; i++) {
        const letter = example[i]!;
        if (!units.has(letter)) units.set(letter, sameUnderIu(letter));
        // The units that may keep a match, and a spread of others (which may only lose it).
        for (const unit of [...units.get(letter)!, "x", "İ", "ı", "K", "Å", "ß"]) {
          const text = example.slice(0, i) + unit + example.slice(i + 1);
          const whole = DESCRIBED_BEFORE_PATTERN.test(text);
          tried++;
          if (whole) matched++;
          expect(describedBefore(text), text).toBe(whole);
        }
      }
    }
    expect(units.get("s")).toContain("ſ"); // the one letter that folds to a word's letter but lower-cases to itself
    expect(matched).toBeGreaterThan(200);
    expect(tried).toBeGreaterThan(matched);
    expect(describedBefore("Die oben genannten Maßnahmen")).toBe(true);
    expect(describedBefore("the aforeſaid plan")).toBe(true);
  });

  it("gives every sentence of the fixture stories the kind the whole pattern gives", () => {
    const dir = new URL("../fixtures/summarise/", import.meta.url);
    const texts = ["ellsworth-fire.json", "dates-de-26cb9ea171cd1b58.json", "dates-de-d7d295f11bd7a94b.json"].flatMap((name) => {
      const parsed = JSON.parse(readFileSync(new URL(name, dir), "utf8")) as { text: string } | { text: string }[];
      return (Array.isArray(parsed) ? parsed : [parsed]).map((a) => a.text);
    });
    const sentences = texts.flatMap((t) => t.split(/\n+/).flatMap((p) => splitSentences(p.trim(), 0)));
    expect(sentences.length).toBeGreaterThan(50);
    for (const s of sentences) expect(describedBefore(s)).toBe(DESCRIBED_BEFORE_PATTERN.test(s));
    expect(referenceKind("Die oben genannten Maßnahmen greifen ab Montag.")).toBe("definite");
  });
});
