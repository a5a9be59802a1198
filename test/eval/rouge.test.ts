import { describe, expect, it } from "vitest";
import { rouge, rougeTokens } from "../../eval/lib/rouge.ts";

describe("ROUGE (ROUGE-1.5.5 style)", () => {
  it("lower-cases, splits on non-alphanumerics and stems only tokens longer than 3 characters", () => {
    expect(rougeTokens("The U.S. cats were RUNNING, ran; 3.5%")).toEqual(["the", "u", "s", "cat", "were", "run", "ran", "3", "5"]);
  });

  it("scores clipped unigrams and bigrams by hand-counted overlaps", () => {
    const s = rouge(["the cat sat on the mat"], ["the cat is on the mat"]);
    // Unigrams: the x2, cat, on, mat = 5 of 6 on each side. Bigrams: the cat, on the, the mat = 3 of 5.
    expect(s.rouge1.recall).toBeCloseTo(5 / 6);
    expect(s.rouge1.precision).toBeCloseTo(5 / 6);
    expect(s.rouge2.f1).toBeCloseTo(3 / 5);
    expect(s.rougeLsum.f1).toBeCloseTo(5 / 6); // LCS: the cat on the mat
  });

  it("clips repeated words to the reference count", () => {
    const s = rouge(["the the the the"], ["the cat"]);
    expect(s.rouge1.precision).toBeCloseTo(1 / 4);
    expect(s.rouge1.recall).toBeCloseTo(1 / 2);
  });

  it("takes the union of LCS hits over summary sentences for ROUGE-Lsum", () => {
    // One reference sentence covered by two candidate sentences in pieces: union LCS = all 4 tokens.
    const s = rouge(["alpha beta", "gamma delta"], ["alpha beta gamma delta"]);
    expect(s.rougeLsum.recall).toBeCloseTo(1);
    expect(s.rougeLsum.precision).toBeCloseTo(1);
    // Across the whole summary a token is credited at most as often as it occurs on either side.
    const clipped = rouge(["word zebra"], ["word xray", "word yoke"]);
    expect(clipped.rougeLsum.recall).toBeCloseTo(1 / 4);
    expect(clipped.rougeLsum.precision).toBeCloseTo(1 / 2);
  });

  it("gives zero, not NaN, for an empty summary", () => {
    expect(rouge([], ["something happened"]).rouge1.f1).toBe(0);
  });
});
