// Directed centrality read through shared terms gives every sentence the very score the pairwise definition gives.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { collectCandidates, type SummaryInput } from "../../src/summarise/candidates.ts";
import { directedCentrality, DIRECTED_WINDOW, scoreCandidates } from "../../src/summarise/score.ts";
import { defaultTuning } from "../../src/summarise/index.ts";
import { Vocabulary } from "../../src/summarise/terms.ts";
import { arena } from "../../src/summarise/arena.ts";
import { postingsOf, sentenceSpace, sparseCosine } from "../../src/summarise/vectors.ts";

const fixture = (name: string) => new URL(`../fixtures/summarise/${name}`, import.meta.url);
const lines = (name: string) => readFileSync(fixture(name), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as SummaryInput);
// Several outlets' reports of one patch, and one long German report (more sentences than the window).
const patch = lines("events-27-ecb.jsonl");
const tunisia = JSON.parse(readFileSync(fixture("dates-de-d7d295f11bd7a94b.json"), "utf8")) as SummaryInput;

/** Forward similarity minus `backward` times backward similarity within each article's window, pair by pair over all terms. */
function pairwise(articles: SummaryInput[], backward: number): { got: Float64Array; want: number[]; longest: number } {
  arena.reset();
  const vocabulary = new Vocabulary();
  const candidates = collectCandidates(articles, vocabulary);
  const { vectors } = sentenceSpace(candidates, vocabulary.size);
  const want = candidates.map(() => 0);
  let longest = 0;
  for (let start = 0; start < candidates.length; ) {
    let end = start;
    while (end < candidates.length && candidates[end]!.article === candidates[start]!.article) end++;
    longest = Math.max(longest, end - start);
    for (let i = start; i < end; i++) {
      for (let j = i + 1; j < Math.min(end, i + 1 + DIRECTED_WINDOW); j++) {
        const sim = sparseCosine(vectors[j]!, vectors[i]!);
        want[i] = want[i]! + sim;
        want[j] = want[j]! - backward * sim;
      }
    }
    if (end - start > 1) for (let i = start; i < end; i++) want[i] = want[i]! / (Math.min(end - start, DIRECTED_WINDOW + 1) - 1);
    start = end;
  }
  return { got: directedCentrality(candidates, vectors, postingsOf(vectors, vocabulary.size), backward), want, longest };
}

describe("directedCentrality", () => {
  it("scores each sentence of a story of several outlets exactly as comparing every pair in its article does", () => {
    const { got, want } = pairwise(patch, 0.3);
    expect(patch.length).toBeGreaterThan(2);
    expect([...got]).toEqual(want);
    expect(want.some((x) => x > 0) && want.some((x) => x < 0)).toBe(true);
  });

  it("compares a sentence of a long report only with the sentences within its window", () => {
    const { got, want, longest } = pairwise([tunisia, ...patch.slice(0, 2)], 0.3);
    expect(longest).toBeGreaterThan(DIRECTED_WINDOW + 1);
    expect([...got]).toEqual(want);
  });
});

describe("scoreCandidates", () => {
  it("scores an outlet's word-for-word copy of a report, sentence by sentence, as it scores the report itself", () => {
    // A third and a fourth outlet run the first outlet's report unchanged under titles of their own.
    const story = [...patch.slice(0, 3), { ...patch[0]!, title: "Emergency fix for Internet Explorer" }, { ...patch[0]!, title: "IE patch out" }];
    arena.reset();
    const vocabulary = new Vocabulary();
    const candidates = collectCandidates(story, vocabulary);
    const titles = story.map((a) => vocabulary.known(a.title!));
    const copies = candidates.filter((c) => c.duplicateOf !== null && candidates[c.duplicateOf]!.terms === c.terms);
    expect(copies.length).toBeGreaterThan(10);
    const { scores } = scoreCandidates(candidates, titles, vocabulary.size, defaultTuning);
    // The same story with each copy's terms its own array: every sentence's vector made and compared anew.
    const apart = candidates.map((c) => ({ ...c, terms: c.terms.slice() }));
    expect([...scores]).toEqual([...scoreCandidates(apart, titles, vocabulary.size, defaultTuning).scores]);
  });
});
