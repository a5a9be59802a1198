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

describe("headline tokens, read by character table", () => {
  it("are the runs of letters and digits the Unicode pattern finds, in any script", () => {
    const texts = [
      "Breaking News: Markets Rally 3%", "snake_case and kebab-case", "Łódź władze ŚWIĘTO", "Москва — «новости» 2024", "東京の天気 ｶﾀｶﾅ ١٢٣",
      "한국 뉴스", "مرحبا بالعالم", "İstanbul’da ŞEHİR", "e\u0301te\u0301", "x²+y² ½ Ⅻ", "𝐀𝐁 math 😀 emoji", "ǅemal", "", "  ", "a",
    ];
    for (const t of texts) expect(headlineTokens(t), t).toEqual(t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  });

  it("agree with the pattern on every character of the Basic Multilingual Plane", () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const t = `Ab${String.fromCharCode(c)}c d`;
      const want = t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (headlineTokens(t).join("|") !== want.join("|")) throw new Error(`U+${c.toString(16)}`);
    }
  });
});
