// A photo's caption, told by the credit that closes it, is no sentence of a summary: it describes a picture the
// reader is not shown.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";

// webpages-dev 4d1dbcc2284ca7a3 (tuning half), an avalanche service's weekly report as the build cleans the saved
// page: its photos' captions are paragraphs of their own, each closed by "(Foto: name, date)". Summaries showed
// "Hier auf der Mäschenfurgga … keine grossflächige Bruchausbreitung mehr (Foto: SLF/Estermann, 14.01.2022)."
const report = JSON.parse(readFileSync(new URL("../fixtures/summarise/webpages-captions-4d1dbcc2284ca7a3.json", import.meta.url), "utf8")) as SummaryInput;
const CREDIT = /\((?:Foto|AP Foto|REUTERS)\b[^()]*\)\.?$/u;

describe("a photo caption among an article's sentences", () => {
  it("is never a summary sentence", () => {
    expect(report.text).toMatch(/\(Foto: SLF\/Estermann, 14\.01\.2022\)\./u);
    const summary = summarise([report]);
    expect(summary).toHaveLength(3);
    for (const s of summary) expect(s).not.toMatch(CREDIT);
    for (const s of summarise([report], { sentences: 30 })) expect(s).not.toMatch(CREDIT);
  });

  it("goes with a wire photographer's credit too, and a sentence that only mentions a photo stays", () => {
    const text = [
      "Players of Borussia Dortmund celebrate in the empty stadium after a Bundesliga match against Schalke (AP Foto/Martin Meissner, Pool)",
      "The league resumed on Saturday after a break of two months, with no spectators allowed in any of its stadiums.",
      "The club said the photo (taken by a fan outside the ground) had been shared thousands of times by Sunday evening.",
    ].join("\n");
    const all = summarise([{ title: "Bundesliga resumes", text }], { sentences: 3 });
    expect(all).not.toContainEqual(expect.stringMatching(CREDIT));
    expect(all).toContain("The club said the photo (taken by a fan outside the ground) had been shared thousands of times by Sunday evening.");
  });
});
