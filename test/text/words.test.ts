// countWords scans the text rather than running the word pattern: it must count exactly the words
// `words` finds, in any script, around apostrophes, and across surrogate pairs, lone or whole.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { countTextWords, countWords, WordReader, words } from "../../src/text/words.ts";

const fixtures = join(import.meta.dirname, "../fixtures");
const texts = readdirSync(fixtures, { recursive: true })
  .map((p) => join(fixtures, String(p)))
  .filter((p) => statSync(p).isFile() && /\.(txt|html?|md|json)$/.test(p))
  .map((p) => readFileSync(p, "utf8"));

describe("countWords", () => {
  it("counts what words() finds in every text fixture", () => {
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) expect(countWords(text)).toBe(words(text).length);
  });

  it("counts what words() finds around apostrophes, digits, marks and surrogates", () => {
    const cases: Array<[string, number]> = [
      ["don't stop", 2],
      ["rock ’n’ roll", 3],
      ["it's_5 o'clock'", 3],
      ["l'été 2025", 2],
      ["'quoted' ''", 1],
      ["e\u0301te\u0301", 2], // a combining mark is not a letter: it splits the word
      ["𝐀𝐁 x", 2],
      ["a\ud800b \udc00", 2],
      ["中文 ٣٤ x²", 3],
      ["", 0],
    ];
    for (const [text, n] of cases) {
      expect(words(text).length, text).toBe(n);
      expect(countWords(text), text).toBe(n);
    }
  });

  it("counts what words() finds in many strings made of awkward pieces", () => {
    const pieces = ["a", "Z", "9", "_", "'", "’", " ", "-", "é", "\u0301", "𝐀", "\ud835", "\udc00", "٣", "中", "ß", "\u00b2", "'a", "x'", "'1", "\n"];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 20_000; k++) {
      let text = "";
      for (let j = Math.floor(next() * 12); j > 0; j--) text += pieces[Math.floor(next() * pieces.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(words(text).length);
    }
  });

  it("counts paragraphs joined by a space as the sum of their counts (the headline choice counts them one by one)", () => {
    const pieces = ["ab", "'", "’s", "9", "_", "\ud835", "\udc00", "é", " ", "\u0301"];
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 5_000; k++) {
      const paragraphs = Array.from({ length: 1 + Math.floor(next() * 4) }, () => Array.from({ length: Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)]).join(""));
      expect(paragraphs.reduce((n, p) => n + countWords(p), 0), JSON.stringify(paragraphs)).toBe(countWords(paragraphs.join(" ")));
    }
  });
});

describe("WordReader", () => {
  const read = (text: string): string[] => {
    const out: string[] = [];
    const r = new WordReader();
    for (let from = 0; r.next(text, from); from = r.end) out.push(text.slice(r.start, r.end));
    return out;
  };

  it("finds the words words() finds, in every text fixture", () => {
    for (const text of texts) expect(read(text)).toEqual(words(text));
  });

  it("finds the words words() finds in many strings made of awkward pieces", () => {
    const pieces = ["a", "Z", "9", "_", "'", "’", " ", "-", "é", "\u0301", "𝐀", "\ud835", "\udc00", "٣", "中", "ß", "\u00b2", "'a", "x'", "'1", "\n", "’s"];
    let seed = 17;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 20_000; k++) {
      let text = "";
      for (let j = Math.floor(next() * 12); j > 0; j--) text += pieces[Math.floor(next() * pieces.length)];
      expect(read(text), JSON.stringify(text)).toEqual(words(text));
    }
  });
});

describe("countTextWords", () => {
  // The definition: each word `words` finds counts once, or once per Han, Hiragana or Katakana code unit in it.
  const unspaced = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
  const byDefinition = (text: string): number =>
    words(text).reduce((n, w) => n + Math.max(1, [...w].reduce((u, ch) => u + (ch.length === 1 && unspaced.test(ch) ? 1 : 0), 0)), 0);

  it("counts a reader's words in every text fixture, Chinese and Japanese a character a word", () => {
    let cjk = 0;
    for (const text of texts) {
      expect(countTextWords(text)).toBe(byDefinition(text));
      if (countTextWords(text) > countWords(text)) cjk++;
    }
    expect(cjk).toBeGreaterThan(0);
  });

  it("counts a reader's words in many strings made of awkward pieces", () => {
    const pieces = ["a", "Z", "9", "_", "'", "’", " ", "-", "é", "\u0301", "𝐀", "\ud835", "\udc00", "\ud840\udc00", "٣", "中", "ひら", "カ", "한", "ß", "'中", "x'", "’カ", "'1", "\n", "\u2e80", "々", "〇"];
    let seed = 23;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let k = 0; k < 20_000; k++) {
      let text = "";
      for (let j = Math.floor(next() * 12); j > 0; j--) text += pieces[Math.floor(next() * pieces.length)];
      expect(countTextWords(text), JSON.stringify(text)).toBe(byDefinition(text));
    }
  });
});
