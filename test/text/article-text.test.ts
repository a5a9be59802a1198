// An article's word count is counted once, by the cleaner (to reject short texts), and carried into its
// cache record: the count must be the one the word pattern finds in the paragraphs, whichever way it came.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { wordCount } from "../../src/text/article-text.ts";
import { words } from "../../src/text/words.ts";
import { cleanArticle } from "../../src/pipeline/article.ts";
import { cleanRecordJson, type CleanRecord } from "../../src/cache/articles.ts";
import type { SourceFile } from "../../src/types.ts";

const seeds = join(import.meta.dirname, "../fixtures/seeds");
const names = readdirSync(seeds).filter((n) => n.endsWith(".txt"));
const fileOf = (name: string): SourceFile => ({ path: `articles/${name}`, format: "text", text: readFileSync(join(seeds, name), "utf8"), encoding: "utf-8", mtime: new Date(Date.UTC(2024, 0, 1)) });

describe("wordCount", () => {
  it("counts the words of the paragraphs as the joined text has them, for every seed article", () => {
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      const paragraphs = readFileSync(join(seeds, name), "utf8").split(/\n\s*\n/);
      expect(wordCount(paragraphs)).toBe(words(paragraphs.join(" ")).length);
    }
  });

  it("is what the cleaned article's record carries, counted by the cleaner or, without its count, again", () => {
    for (const name of names) {
      const file = fileOf(name);
      const outcome = cleanArticle(file);
      if (!("article" in outcome)) throw new Error(`${name} was rejected: ${outcome.rejected.reason}`);
      const count = words(outcome.article.paragraphs.join(" ")).length;
      expect(outcome.words).toBe(count);
      const recorded = (o: typeof outcome) => (JSON.parse(cleanRecordJson(file, o)!.record) as Extract<CleanRecord, { text: unknown }>).text.words;
      expect(recorded(outcome)).toBe(count);
      expect(recorded({ article: outcome.article })).toBe(count);
    }
  });
});
