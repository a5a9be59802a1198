import { describe, expect, it } from "vitest";
import { headlineTokens, tokenF1 } from "../../src/clean/headline.ts";

describe("token F1", () => {
  it("counts shared tokens as multisets, for short lists and long ones alike", () => {
    const a = headlineTokens("The cat and the dog and the bird");
    const b = headlineTokens("the the cat fish");
    // shared: the ×2, cat → 3 of 8 and 4 tokens
    expect(tokenF1(a, b)).toBeCloseTo((2 * 3) / 12, 12);
    expect(tokenF1(b, a)).toBeCloseTo((2 * 3) / 12, 12);
    expect(tokenF1(a, [])).toBe(0);
    expect(tokenF1(["x"], ["y"])).toBe(0);
    // Past the short-list size the counts are kept in a table: the same answer.
    const long = Array.from({ length: 40 }, (_, i) => `w${i % 10}`);
    const other = Array.from({ length: 30 }, (_, i) => `w${i % 15}`);
    // w0..w9 appear 4 times in `long`; in `other` w0..w9 twice and w10..w14 twice: shared 20
    expect(tokenF1(long, other)).toBeCloseTo((2 * 20) / 70, 12);
    expect(tokenF1(long.slice(0, 20), other.slice(0, 20))).toBeCloseTo((2 * 15) / 40, 12);
  });
});
