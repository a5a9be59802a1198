// The article gate's notice share reads every line of every text dump's body, by a scan of code points: it
// must count the words a letters pattern ([\p{L}]+ over the line's lower-case form) finds, and the notice
// words among them, in any script.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADDRESS_WORDS, IMPERATIVE_WORDS, NOTICE_WORDS, noticeWordCount, type NoticeWordCount } from "../../../src/clean/rules/notice-words.ts";

function byPattern(text: string): NoticeWordCount {
  const words = [...text.toLowerCase().matchAll(/\p{L}+/gu)].map((m) => m[0]);
  return {
    words: words.length,
    notice: words.filter((w) => NOTICE_WORDS.has(w)).length,
    address: words.filter((w) => ADDRESS_WORDS.has(w)).length,
    imperative: words.length > 0 && IMPERATIVE_WORDS.has(words[0]!),
  };
}

describe("noticeWordCount", () => {
  it("counts a written notice's words and notice words as the letters pattern does", () => {
    const wall = readFileSync(join(import.meta.dirname, "../../fixtures/clean/notice-ad-blocker-wall.txt"), "utf8");
    for (const line of wall.split("\n").filter((l) => l.trim())) expect(noticeWordCount(line)).toEqual(byPattern(line));
    expect(noticeWordCount("Please enable JavaScript to continue.")).toEqual({ words: 5, notice: 4, address: 0, imperative: true });
    expect(noticeWordCount("If you're seeing this, your browser is out of date.")).toEqual({ words: 11, notice: 1, address: 2, imperative: false });
  });

  it("reads letters of any script and case as the pattern does, astral letters and a lower case that grows included", () => {
    for (const line of ["İstanbul'da SEITE nicht gefunden", "𝐀𝐁 page 𠀀𠀁 Page-not-found", "Straße ǅemal — 東京都、ページ", "über-Zugriff…fehler", "Bitte aktivieren Sie JavaScript, dein Browser", "«Accept» YOUR choices"]) {
      expect(noticeWordCount(line)).toEqual(byPattern(line));
    }
  });
});
