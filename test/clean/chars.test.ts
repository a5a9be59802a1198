import { describe, expect, it } from "vitest";
import { FOLD_NON_ASCII, FOLD_TYPOGRAPHIC, FOLD_UNSTABLE, foldClass, isTrimmedSpace, isUpperCased } from "../../src/clean/chars.ts";

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

describe("characters a line's fold needs no NFKC pass for, read by character table", () => {
  it("are left alone by NFKC on their own and between letters, on every code unit past ASCII", () => {
    let stable = 0;
    for (let c = 0x80; c < 0x10000; c++) {
      const bits = foldClass(c);
      if ((bits & FOLD_NON_ASCII) === 0) throw new Error(`U+${c.toString(16)} not marked past ASCII`);
      if (bits & FOLD_UNSTABLE) continue;
      stable++;
      const ch = String.fromCharCode(c);
      for (const t of [ch, `e${ch}a`, `${ch}${ch}`, `가${ch}`]) if (t.normalize("NFKC") !== t) throw new Error(`U+${c.toString(16)}`);
    }
    expect(stable).toBeGreaterThan(40000);
  });

  it("sends ligatures, marks, jamo, ellipses and surrogates to the NFKC pass, and flags typographic quotes", () => {
    for (const c of [0xfb01, 0x2026, 0x0301, 0x1161, 0x11a8, 0xd83d, 0x2033, 0xff21]) expect(foldClass(c) & FOLD_UNSTABLE, c.toString(16)).toBe(FOLD_UNSTABLE);
    for (const c of [0xe9, 0x142, 0x0627, 0x4e2d, 0xac00, 0x2019, 0x2013]) expect(foldClass(c) & FOLD_UNSTABLE, c.toString(16)).toBe(0);
    expect(foldClass(0x201c) & FOLD_TYPOGRAPHIC).toBe(FOLD_TYPOGRAPHIC);
    expect(foldClass(0xe9) & FOLD_TYPOGRAPHIC).toBe(0);
  });
});
