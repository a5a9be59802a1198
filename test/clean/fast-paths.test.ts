// Stop 78's speed cuts in the text path give the answers of the code they stand in for: the credit patterns are run
// only on lines a cheap test says they may match, and the headline pick asks the top candidate first.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultRules, prepare } from "../../src/clean/index.ts";
import { GLUED_CREDIT, PHOTO_CREDIT, isGluedCredit, isPhotoCredit } from "../../src/clean/headline-features.ts";
import { headlineChoices, headlineScores, labelOver, pickHeadline } from "../../src/clean/headline-model.ts";
import { speaksToReader } from "../../src/clean/rules/notice-words.ts";
import type { TextDoc } from "../../src/clean/doc.ts";
import { textFixture } from "./text-fixture.ts";

const dir = join(import.meta.dirname, "../fixtures/clean");
const pages = [
  ...readdirSync(dir).filter((n) => n.endsWith(".txt")),
  ...readdirSync(join(dir, "headlines")).filter((n) => n.endsWith(".txt")).map((n) => `headlines/${n}`),
];
const fixtureLines = pages.flatMap((n) => readFileSync(join(dir, n), "utf8").split("\n").map((l) => l.trim()).filter(Boolean));

/** Strings made of pieces that sit at the patterns' edges: labels in both cases, the long s and the Kelvin sign, marks. */
function awkward(count: number, seed: number): string[] {
  const pieces = [
    "Foto", "PHOTO", "photographs", "Bild", "bilder", "image", "Pictures", "credit", "CREDITS", "Quelle", "source", "ſource", "ſ", "Photographer",
    "fotograf", "Fotocredit", "by", "BY", " ", "\t", "\u00a0", ":", "©", "(c)", "(C)", " 2020", "cc-by", "CC BY", "cC by", "Wikimedia Commons",
    "WIKIMEDIA COMMONS", "wiKimedia commonſ", "\u212a", "mm", "(", "x", "Z", "9", "é", "Ü", "ÄÖÜ", "abc", "ENEX", "TVN24", "koronawirusem", "ž", "\ud835\udc00", ".",
  ];
  const out: string[] = [];
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let k = 0; k < count; k++) {
    let t = "";
    for (let j = Math.floor(next() * 8); j > 0; j--) t += pieces[Math.floor(next() * pieces.length)];
    out.push(t);
  }
  return out;
}

describe("the credit patterns' gates", () => {
  const lines = [...fixtureLines, ...awkward(40_000, 78), "", " ", "Foto by Jane", "ſource: AP", "Photo © Reuters", "\tQuelle: dpa", "Image: (c) 2019 Acme"];

  it("say a photo credit exactly where PHOTO_CREDIT does, on every fixture line and many awkward strings", () => {
    let credits = 0;
    for (const t of lines) {
      const expected = PHOTO_CREDIT.test(t);
      expect(isPhotoCredit(t), JSON.stringify(t)).toBe(expected);
      if (expected) credits++;
    }
    expect(credits).toBeGreaterThan(1000);
  });

  it("say a glued credit exactly where GLUED_CREDIT does", () => {
    let glued = 0;
    for (const t of lines) {
      const expected = GLUED_CREDIT.test(t);
      expect(isGluedCredit(t), JSON.stringify(t)).toBe(expected);
      if (expected) glued++;
    }
    expect(glued).toBeGreaterThan(100);
  });
});

/** The pick as every candidate asked in page order would make it: the last best-scored one neither a label nor a notice. */
function pickByEveryCandidate(doc: TextDoc): number {
  const candidates = headlineChoices(doc);
  const scores = headlineScores(doc, candidates);
  let best = -Infinity, index = -1;
  for (let k = 0; k < scores.length; k++) {
    if (scores[k]! >= best && !labelOver(doc, candidates, k) && !speaksToReader(doc.lines[candidates[k]!.index]!.text)) (best = scores[k]!, (index = candidates[k]!.index));
  }
  return index;
}

describe("the headline pick", () => {
  it("is the line every candidate asked in turn would give, on every text fixture with and without a URL", () => {
    let asked = 0;
    for (const name of pages) {
      for (const url of ["https://example.com/news/2020/01/02/some-story-slug", null]) {
        const { doc } = prepare(textFixture(name, url));
        for (const rule of defaultRules.slice(0, defaultRules.findIndex((r) => r.name === "find-headline"))) rule.apply(doc);
        if (doc.noArticle) continue;
        expect(pickHeadline(doc), `${name} ${url}`).toBe(pickByEveryCandidate(doc));
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(20);
  });
});
