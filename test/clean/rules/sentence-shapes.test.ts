import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeLine } from "../../../src/clean/doc.ts";
import { bodyWords } from "../../../src/clean/rules/article-gate.ts";
import { noticeWordCount } from "../../../src/clean/rules/notice-words.ts";
import { slowVoiceCounts, voiceLevels as levels } from "../../../src/clean/rules/sentence-shapes.ts";
import type { Line } from "../../../src/clean/doc.ts";

const fixture = (path: string) => readFileSync(join(import.meta.dirname, "../../fixtures", path), "utf8");
/** The levels the gate reads off a body's lines. */
const voiceLevels = (lines: readonly Line[]) => {
  const c = bodyWords(lines);
  return levels(c.voiceWords, c.reporting, c.speaking);
};
/** One line's voice counts from the gate's one scan (notice-words.ts). */
const voiceCounts = (line: string) => {
  const c = noticeWordCount(line);
  return { words: c.voiceWords, reporting: c.reporting, speaking: c.speaking };
};
const linesOf = (text: string) => text.split("\n").filter((t) => t.trim()).map((t) => makeLine(t, false));

// notice-accesso-negato.txt is left out: its reference and address numbers count as reporting (numbers are one of its words).
const NOTICES = ["clean/notice-session-expired.txt", "clean/notice-ad-blocker-wall.txt", "clean/notice-update-your-browser.txt", "clean/notice-assine-para-ler.txt"];

describe("the two voices of a kept body (the article gate's reporting and speaking levels)", () => {
  const reports = ["seeds/001_573368ba96f89019.txt", "languages/de-04b5ffdcdaf058f8.txt", "languages/es-28be5dbd8b69b21b.txt", "languages/it-7e6be4e7cf7ad521.txt"];
  const notices = NOTICES;

  it("hears a news report, in four languages, as reporting more than a notice page to the reader", () => {
    const lowestReport = Math.min(...reports.map((f) => voiceLevels(linesOf(fixture(f))).reporting));
    for (const f of notices) expect(voiceLevels(linesOf(fixture(f))).reporting, f).toBeLessThan(lowestReport);
  });

  it("hears a session wall, an ad-blocker wall and an outdated-browser page speak to their reader more than a report does", () => {
    const loudestReport = Math.max(...reports.map((f) => voiceLevels(linesOf(fixture(f))).speaking));
    for (const f of notices.slice(0, 3)) expect(voiceLevels(linesOf(fixture(f))).speaking, f).toBeGreaterThan(loudestReport);
  });

  it("counts a site speaking of itself ('we') and the formal German 'Sie', not the pronoun 'sie' of a report", () => {
    const we = voiceLevels(linesOf("We are performing maintenance and we will be back shortly."));
    const formal = voiceLevels(linesOf("Bitte melden Sie sich erneut an, um Ihren Artikel zu lesen."));
    const report = voiceLevels(linesOf("Die Ministerin sagte, sie werde 2024 zurücktreten."));
    expect(we.speaking).toBeGreaterThan(0);
    expect(formal.speaking).toBeGreaterThan(0);
    expect(report.speaking).toBe(0);
    expect(report.reporting).toBeGreaterThan(0);
  });
});

describe("the gate's one-pass scan of voice words (noticeWordCount) against the letters pattern (slowVoiceCounts)", () => {
  it("counts every line of the language fixtures and notices as the pattern does", () => {
    const files = [...readdirSync(join(import.meta.dirname, "../../fixtures/languages")).map((f) => `languages/${f}`), ...NOTICES, ...reportsAll()];
    let lines = 0;
    for (const f of files) {
      for (const line of fixture(f).split("\n")) {
        expect(voiceCounts(line), `${f}: ${line}`).toEqual(slowVoiceCounts(line));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(500);
  });

  it("counts the listed words in any case, beside accents, digits, astral letters and a lower case that grows", () => {
    const lines = [
      "SAID Said said, SAGTE laut Zufolge; DÉCLARÉ Selon según SEGÚN dijo",
      "You YOUR Please BITTE Vous VEUILLEZ Usted você VOCÊ uw Jouw WE Our nous NOSSO",
      "Sie sie SIE Ihnen IHNEN ihnen Ihr ihr Ihre",
      "he2said she-said «elle» „er“ 𝐀said said𝐀 İhr ΣΑΙΔ Kelvin said",
      "théysaid saidthey saïd sаid (Cyrillic a) ÉLLE Él él ELLA",
    ];
    for (const line of lines) expect(voiceCounts(line), line).toEqual(slowVoiceCounts(line));
    expect(voiceCounts("He said: please, you and we.")).toEqual({ words: 6, reporting: 2, speaking: 3 });
  });

  it("takes a unit for a letter exactly when the pattern does (every unit the scan reads without the slow way)", () => {
    const wrong: number[] = [];
    for (let c = 0x80; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCharCode(c);
      if (voiceCounts(`a${s}b`).words !== slowVoiceCounts(`a${s}b`).words) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});

function reportsAll(): string[] {
  return readdirSync(join(import.meta.dirname, "../../fixtures/seeds")).filter((f) => f.endsWith(".txt")).map((f) => `seeds/${f}`);
}
