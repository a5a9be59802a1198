// A story's categories in the story's own language are names, never its function words, weekdays or
// common words. Real dev text (test/fixtures/categories/other-languages.jsonl: the first six paragraphs the
// cleaner keeps of tuning-half webpages-dev pages, and one bbc-dev article).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { storyCategories } from "../../src/digest/categories.ts";

const rows = readFileSync(new URL("../fixtures/categories/other-languages.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; lang: string; text: string });
const categoriesOf = (id: string) => storyCategories([rows.find((r) => r.id === id)!.text], []);

describe("story categories in other languages", () => {
  it("never show a German pronoun, article or weekday", () => {
    // "Sie" (the polite you) opens many of the page's sentences and follows a colon; "Das Exemplar", "Montag"
    const christmas = categoriesOf("webpages-dev/8c3935af4702af76");
    expect(christmas).not.toContain("Sie");
    expect(christmas).toContain("Weihnachtsmarkt-Finder");
    // "Smartphone" is a common noun (the German categories' noun list and its form weigh it so, ct73).
    expect(christmas).not.toContain("Smartphone");
    const sheep = categoriesOf("webpages-dev/45a74afb3feefaf7");
    expect(sheep.filter((c) => /^(Das|Der|Die|Ein|Eine)\b/.test(c))).toEqual([]);
    expect(categoriesOf("webpages-dev/d7d295f11bd7a94b")).not.toContain("Montag");
  });

  it("pass over a German noun that follows an article in most of its uses, and keep the names", () => {
    // "eine neue Regierung", "der Regierung", "die Regierung": a common noun; "Najla Bouden" is the name
    const tunisia = categoriesOf("webpages-dev/d7d295f11bd7a94b");
    expect(tunisia).not.toContain("Regierung");
    expect(tunisia).toContain("Najla Bouden");
  });

  it("never show a Spanish article alone, and keep a name that begins with one mid-sentence", () => {
    const ukraine = categoriesOf("webpages-dev/933dba1d28447179");
    expect(ukraine).not.toContain("El");
    expect(ukraine).toContain("Ucrania");
    // "…dijo a El País que…": the newspaper's name is "El País"
    expect(categoriesOf("webpages-dev/43642d92461a0d2a")).toEqual(expect.arrayContaining(["El País", "Ministerio de Transporte"]));
  });

  it("pass over an English word the article also writes in lower case", () => {
    // "Radio" and "Music" beside "…non-commercial music…", "…unpredictable music…"
    const peel = categoriesOf("bbc-dev/bbc-entertainment-231");
    expect(peel).not.toContain("Radio");
    expect(peel).not.toContain("Music");
    expect(peel).toContain("Peel");
  });
});
