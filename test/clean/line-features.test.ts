import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MARK_WWW, foldLine, headlineShape, wordStats } from "../../src/clean/line-features.ts";
import { normalise } from "../../src/text/words.ts";

describe("a line's folded form", () => {
  it("is what normalise makes of it, whatever the script, quotes, ligatures or marks", () => {
    const lines = [
      "Breaking News: Markets Rally", "„Wir schaffen das“ – sagte Merkel", "Łódź: władze miasta ogłosiły…", "ﬁnal ﬂight — “Ｔｅｓｔ”",
      "Café’s menu", "e\u0301te\u0301 à Paris", "Москва — «новости»", "東京の天気 ｶﾀｶﾅ", "한국 뉴스 ᄀ\u1161", "مرحبا بالعالم", "ΑΘΗΝΑ ″quoted″",
      "İstanbul’da ŞEHİR", "emoji 😀 line", "x²+y² ½", "ǅemal", "",
    ];
    for (const t of lines) expect(foldLine(t, wordStats(t).fold), t).toBe(normalise(t));
  });
});

describe("headline shape", () => {
  it("holds for a handful of words with no sentence inside, whatever its abbreviations", () => {
    expect(headlineShape(5, "U.S. Envoy Meets Gulf Leaders")).toBe(true);
    expect(headlineShape(5, "Rep. Ilhan Omar Speaks Out")).toBe(true);
    expect(headlineShape(4, "Why? Here's the Answer")).toBe(true);
    expect(headlineShape(4, "Wow! That Was Close")).toBe(true);
    expect(headlineShape(6, "Prices rose sharply. Markets fell at once")).toBe(false);
    expect(headlineShape(5, "It is over! “Nobody saw it")).toBe(true);
    expect(headlineShape(6, "The show is over!” Fans left the hall")).toBe(false);
    expect(headlineShape(5, "Prices rose again.\nMarkets fell")).toBe(false);
    expect(headlineShape(4, "Read this first:")).toBe(false);
  });
});

describe("a line's marks", () => {
  it("say \"www.\" exactly when the line holds it, as written, on every line of the real pages and at the edges", () => {
    const dir = join(import.meta.dirname, "../fixtures/clean");
    const lines = readdirSync(dir).filter((n) => n.endsWith(".txt")).flatMap((n) => readFileSync(join(dir, n), "utf8").split("\n"));
    lines.push("www.example.com", "Visit www.example.com.", "wwww.x", "ww.x w.w.w.", "aww.com", "WWW.EXAMPLE.COM", "www", "www .com", "a www.", "ｗｗｗ.x", "www․x");
    let marked = 0;
    for (const t of lines) {
      const has = (wordStats(t).marks & MARK_WWW) !== 0;
      expect(has, t).toBe(t.includes("www."));
      if (has) marked++;
    }
    expect(marked).toBeGreaterThanOrEqual(4);
  });
});
