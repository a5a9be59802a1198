import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeLine } from "../../../src/clean/doc.ts";
import { voiceLevels } from "../../../src/clean/rules/sentence-shapes.ts";

const fixture = (path: string) => readFileSync(join(import.meta.dirname, "../../fixtures", path), "utf8");
const linesOf = (text: string) => text.split("\n").filter((t) => t.trim()).map((t) => makeLine(t, false));

describe("the two voices of a kept body (the article gate's reporting and speaking levels)", () => {
  const reports = ["seeds/001_573368ba96f89019.txt", "languages/de-04b5ffdcdaf058f8.txt", "languages/es-28be5dbd8b69b21b.txt", "languages/it-7e6be4e7cf7ad521.txt"];
  // notice-accesso-negato.txt is left out: its reference and address numbers count as reporting (numbers are one of its words).
  const notices = ["clean/notice-session-expired.txt", "clean/notice-ad-blocker-wall.txt", "clean/notice-update-your-browser.txt", "clean/notice-assine-para-ler.txt"];

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
