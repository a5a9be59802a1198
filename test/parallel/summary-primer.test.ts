import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { primeSummaries } from "../../src/parallel/summary-task.ts";
import { PRIMER_STORY } from "../../src/parallel/summary-primer.ts";
import { collectCandidates } from "../../src/summarise/candidates.ts";
import { summarise, type SummaryInput } from "../../src/summarise/index.ts";
import { Vocabulary } from "../../src/summarise/terms.ts";

const fixture = <T>(name: string) => JSON.parse(readFileSync(new URL(`../fixtures/summarise/${name}`, import.meta.url), "utf8")) as T;
const stories: SummaryInput[][] = [
  fixture<SummaryInput[]>("ellsworth-fire.json"),
  [fixture<SummaryInput>("extraction-byline-85439e26.json")],
  [fixture<SummaryInput>("webpages-captions-4d1dbcc2284ca7a3.json")],
];

describe("the summaries' thread primed with a made-up story", () => {
  it("gives every story the summary it gives unprimed", () => {
    const before = stories.map((s) => [summarise(s), summarise(s, { words: 40 }), summarise(s, { sentences: 2 })]);
    expect(primeSummaries()).toEqual([]);
    expect(stories.map((s) => [summarise(s), summarise(s, { words: 40 }), summarise(s, { sentences: 2 })])).toEqual(before);
    expect(before.flat().every((summary) => summary.length > 0)).toBe(true);
  });

  it("runs the branches most stories never reach: a byline, a photo credit and addresses left out, a quotation, a copy printed outside it, a dateline, a run-on", () => {
    const candidates = collectCandidates([...PRIMER_STORY], new Vocabulary());
    const texts = candidates.map((c) => c.text);
    expect(texts.some((t) => t.startsWith("By Jane Doe") || t.includes("(Photo:") || t.includes("http://"))).toBe(false);
    expect(candidates.some((c) => c.dateline)).toBe(true);
    expect(candidates.some((c) => c.quote !== null)).toBe(true);
    const outside = candidates.find((c) => c.duplicateOf !== null && c.quote === null && candidates[c.duplicateOf]!.text === c.text && c.text.endsWith("she added."));
    expect(outside).toBeDefined();
    expect(candidates.some((c) => c.text.startsWith("residents asked") && c.text.split(" ").length <= 41)).toBe(true);
  });
});
