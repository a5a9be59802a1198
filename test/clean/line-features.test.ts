import { describe, expect, it } from "vitest";
import { foldLine, wordStats } from "../../src/clean/line-features.ts";
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
