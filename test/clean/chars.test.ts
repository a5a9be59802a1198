import { describe, expect, it } from "vitest";
import { isTrimmedSpace, isUpperCased } from "../../src/clean/chars.ts";

describe("all capitals, read by character table", () => {
  it("agrees with comparing the text to its upper-cased copy", () => {
    const texts = [
      "BREAKING NEWS", "Breaking News", "NEWS 24/7 — LIVE", "STRASSE", "STRAßE", "ÉTÉ À PARIS", "été", "ΑΘΗΝΑ", "Αθήνα",
      "МОСКВА", "Москва", "東京 NEWS", "ǅ", "ǄEMAL", "µ", "ÿ", "Ⅻ", "ⅻ", "ⓐ", "𝐀𝐁", "𐐀𐐁", "𐐨", "", "123 !?", "\ud800 LONE",
    ];
    for (const t of texts) expect(isUpperCased(t), t).toBe(t === t.toUpperCase());
  });

  it("agrees on every character of the Basic Multilingual Plane", () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const t = `AB${String.fromCharCode(c)}`;
      if (isUpperCased(t) !== (t === t.toUpperCase())) throw new Error(`U+${c.toString(16)}`);
    }
  });
});

describe("white space that trim removes, read by character table", () => {
  it("agrees with String.prototype.trim on every code unit", () => {
    for (let c = 0; c < 0x10000; c++) {
      if (isTrimmedSpace(c) !== (String.fromCharCode(c).trim() === "")) throw new Error(`U+${c.toString(16)}`);
    }
    expect(isTrimmedSpace(0xa0)).toBe(true);
    expect(isTrimmedSpace(0x200b)).toBe(false);
  });
});
