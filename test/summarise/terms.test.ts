// A story's term ids: the stemmed content words, numbered in the order the story first uses them,
// whatever the stories summarised before it on the same thread.
import { describe, expect, it } from "vitest";
import { Vocabulary } from "../../src/summarise/terms.ts";
import { stem } from "../../src/text/tfidf.ts";
import { contentWords } from "../../src/text/words.ts";

/** What the ids must be: each content word's stem, numbered by first use. */
function expected(texts: string[]): number[][] {
  const ids = new Map<string, number>();
  return texts.map((t) => contentWords(t).map((w) => ids.get(stem(w)) ?? (ids.set(stem(w), ids.size), ids.size - 1)));
}

describe("Vocabulary", () => {
  const story = ["The ministers' talks resumed on Monday.", "Talks between the ministers resume: it's the minister's third visit in 2024.", "Léa's café reopened ’s"];

  it("numbers the stems of the content words by first use, the same in every story", () => {
    for (const texts of [story, ["Other words entirely, a different story with talks"], story]) {
      const v = new Vocabulary();
      const got = texts.map((t) => [...v.add(t.toLowerCase())]);
      expect(got).toEqual(expected(texts));
      expect(v.size).toBe(new Set(got.flat()).size);
    }
  });

  it("gives a title only the ids the story's sentences have", () => {
    const v = new Vocabulary();
    for (const t of story) v.add(t.toLowerCase());
    const ids = expected(story);
    // "talks" and "ministers" are in the story; "budget" is not.
    expect([...v.known("Budget talks for Ministers")]).toEqual([ids[0]![1]!, ids[0]![0]!]);
  });

  it("keeps its ids right through a story of more spellings than the thread keeps, and after it", () => {
    const many = Array.from({ length: 80_000 }, (_, k) => `w${k.toString(36)}x`).join(" ");
    const big = new Vocabulary();
    const ids = big.add(many);
    expect(ids.length).toBe(80_000);
    expect(new Set(ids).size).toBe(expected([many])[0]!.length > 0 ? new Set(expected([many])[0]).size : 0);
    expect([...big.add(story[0]!.toLowerCase())]).toEqual(expected([many, story[0]!])[1]);
    const v = new Vocabulary();
    expect(story.map((t) => [...v.add(t.toLowerCase())])).toEqual(expected(story));
  });

  it("leaves the ids it gave for one sentence as they were while it reads the next ones", () => {
    const long = Array.from({ length: 700 }, (_, k) => `term${k.toString(36)}q`).join(" ");
    const texts = [story[1]!, long, story[0]!, story[2]!];
    const v = new Vocabulary();
    const given = texts.map((t) => v.add(t.toLowerCase()));
    expect(given.map((ids) => [...ids])).toEqual(expected(texts));
  });

  it("tells apart spellings of one length whose hashes are the same, and words past Latin-1", () => {
    // Each pair has the same 32-bit FNV-1a hash (the table's), so they meet in one slot: only their characters differ.
    const texts = ["mplnhnk vgbmrpb mplnhnk", "mchgchz kmtpbvh hvmrfnv dnrfbvm kmtpbvh", "東京都 東京駅 сегодня сегодня 東京都", "vgbmrpb dnrfbvm mchgchz"];
    const v = new Vocabulary();
    expect(texts.map((t) => [...v.add(t)])).toEqual(expected(texts));
  });

  it("refuses to be used once another story's vocabulary was made", () => {
    const first = new Vocabulary();
    first.add("talks resumed");
    new Vocabulary();
    expect(() => first.add("talks")).toThrow(/another story/);
  });
});
