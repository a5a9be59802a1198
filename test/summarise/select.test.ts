// Selection never spends a summary's sentences on what a chosen sentence already says: the redundancy and
// the shared-words check read every chosen sentence against the sentences it shares terms with.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/summarise/${name}`, import.meta.url), "utf8")) as SummaryInput;
const greenspan = fixture("bbc-business-041.json");
const tunisia = fixture("dates-de-d7d295f11bd7a94b.json");

describe("selectSentences: one fact once", () => {
  it("tells the baby-boom generation's cost once in six sentences of Greenspan's warning", () => {
    const summary = summarise([greenspan], { sentences: 6 });
    expect(summary).toHaveLength(6);
    expect(summary.filter((s) => /baby[- ]boom/.test(s)), summary.join("\n")).toHaveLength(1);
  });

  it("tells Tunisia's summer protests once, in one of its two sentences for them", () => {
    // "Im Sommer demonstrierten die Tunesier …" and "Zweieinhalb Monate zuvor, … hatten noch Tausende Tunesier …
    // demonstriert": the two score within 0.001 of each other, so which is shown is the scores' to say; never both.
    const summary = summarise([tunisia]);
    const told = summary.filter((s) => s.startsWith("Im Sommer demonstrierten die Tunesier") || s.startsWith("Zweieinhalb Monate zuvor"));
    expect(told, summary.join("\n")).toHaveLength(1);
  });
});
