import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { articleTerms, readMentions } from "../../src/cluster/mentions.ts";
import { TOKEN, tokens } from "../../src/text/names-numbers.ts";

describe("what an article names", () => {
  const m = readMentions("Palin's Church Damaged In Suspicious Fire", [
    "Authorities estimate the damage to the Wasilla Bible Church at $1 million after a fire on Friday night, June 8, 2012.",
    "Gov. Sarah Palin attended the church. Police said 3,500 people came in December, and the police and local authorities were there.",
  ]);

  it("reads names from capitals mid-sentence, not from sentence openings the text also writes in lower case, nor from the headline", () => {
    expect(new Set(m.names)).toEqual(new Set(["wasilla", "bible", "church", "sarah", "palin"]));
    expect(m.names).not.toContain("authorities");
    expect(m.names).not.toContain("police");
    expect(m.names).not.toContain("suspicious");
  });

  it("takes a word that only ever opens sentences, never written in lower case, for a name", () => {
    const short = readMentions("Return in February", ["Clijsters is still ranked 22nd. Doctors cleared her to play.", "The doctors said she was fit."]);
    expect(short.names).toContain("clijsters");
    expect(short.names).not.toContain("doctors");
  });

  it("reads numbers, days of a month, weekdays of the lead, months and years", () => {
    expect(m.numbers).toEqual(expect.arrayContaining(["1", "8", "2012", "3500"]));
    expect(m.days).toEqual(["6-8"]);
    expect(m.weekdays).toBe(1 << 4); // Friday
    expect(m.months).toBe((1 << 5) | (1 << 11)); // June, December
    expect(m.years).toEqual([2012]);
  });

  it("counts the headline's words first and the lead's sentences one by one", () => {
    expect(m.words.slice(0, m.titleWords)).toEqual(["palin", "church", "damaged", "suspicious", "fire"]);
    expect(m.sentenceStarts.length).toBeGreaterThanOrEqual(3);
  });

  it("reads the counts the opening states with what they count", () => {
    const q = readMentions("Quake", ["A 6.1-magnitude quake killed 12 people and injured 3,500 on June 8, and prices rose 9.5% in 2012."]);
    expect(q.quantities).toEqual([
      { unit: "magnitude", value: "6.1" },
      { unit: "people", value: "12" },
      { unit: "%", value: "9.5" },
    ]);
  });
});

describe("how the text is cut into tokens", () => {
  // The tokens are read by hand for speed; they must be exactly the pattern's matches.
  const matches = (text: string) => Array.from(text.matchAll(TOKEN), (m) => m[0]);

  it("cuts words with apostrophes, numbers with separators, accents and other scripts as the pattern does", () => {
    const texts = [
      "Palin's church can't cost £3,500.25 at 3:33pm, O’Neill said; it's 9.5% of 1,000,000.",
      "Ends with a number 12. Or 12, or 3.,4 or 1..2 or 'quoted' ’curly’ don't' x'",
      "Café Zürich: naïve coöperation, São Paulo, İstanbul, Ærø, Łódź, ﬁnance",
      "decomposed: e\u0301te\u0301, a\u0301'b\u0301 x'\u0301y \u0301lead mark",
      "Москва и Київ; 東京で会議; مرحبا بالعالم; हिन्दी में; ३४५ ٣٤٥",
      "astral: 𝐀𝐁𝐂 𠀀𠀁 abc𝐀 x'𝐀y, a lone \ud800 surrogate \udc00 and emoji 😀 ok",
      "",
      "   ",
      "tab\tand\nnew line—dash–en—x - y 1-2 2012/13",
    ];
    for (const t of texts) expect(tokens(t)).toEqual(matches(t));
  });

  it("cuts real articles, in several languages, as the pattern does", () => {
    for (const sub of ["seeds", "languages"]) {
      const dir = join(import.meta.dirname, "../fixtures", sub);
      for (const f of readdirSync(dir)) {
        const text = readFileSync(join(dir, f), "utf8");
        expect(tokens(text)).toEqual(matches(text));
      }
    }
  });

  it("reads an article the same after more distinct words than it remembers", () => {
    const article = ["Gov. Sarah Palin attended the Wasilla Bible Church on Friday, June 8, 2012.", "Police said 3,500 people came."];
    const before = articleTerms("Palin's Church Damaged", article);
    const flood = Array.from({ length: 150_000 }, (_, i) => `Zq${i.toString(36)}`).join(" ");
    articleTerms("Flood", [flood]);
    expect(articleTerms("Palin's Church Damaged", article)).toEqual(before);
  });

  it("reads a word longer than the table keeps as any other", () => {
    const long = `Q${"x".repeat(6000)}`;
    const read = (w: string) => readMentions("Report", [`${w} came on Monday. Later ${w} left, and ${w.toLowerCase()} stayed.`, `${w} said so.`]);
    const shown = JSON.stringify(read(long)).replaceAll(long.toLowerCase(), "qzz");
    expect(shown).toEqual(JSON.stringify(read("Qzz")));
    // Capitalised mid-sentence, so a name at the openings too.
    expect(read(long).names).toEqual([long.toLowerCase(), "later", long.toLowerCase(), long.toLowerCase()]);
  });
});
