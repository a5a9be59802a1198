// wordCount keeps its last answer (the per-article step asks twice for the same paragraphs): it must
// still count a list changed since, and count what the word pattern finds in the paragraphs.
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { wordCount } from "../../src/text/article-text.ts";
import { words } from "../../src/text/words.ts";

const seeds = join(import.meta.dirname, "../fixtures/seeds");
const paragraphsOf = (name: string) => readFileSync(join(seeds, name), "utf8").split(/\n\s*\n/);

describe("wordCount", () => {
  it("counts the words of the paragraphs as the joined text has them, for every seed article", () => {
    const names = readdirSync(seeds).filter((n) => n.endsWith(".txt"));
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      const paragraphs = paragraphsOf(name);
      expect(wordCount(paragraphs)).toBe(words(paragraphs.join(" ")).length);
      expect(wordCount(paragraphs)).toBe(words(paragraphs.join(" ")).length);
    }
  });

  it("counts a list again once a paragraph is added, replaced or removed", () => {
    const paragraphs = ["Police said 3,500 people came.", "The mayor's office agreed."];
    expect(wordCount(paragraphs)).toBe(10);
    paragraphs.push("Two more.");
    expect(wordCount(paragraphs)).toBe(12);
    paragraphs[0] = "Nobody came.";
    expect(wordCount(paragraphs)).toBe(8);
    paragraphs.pop();
    expect(wordCount(paragraphs)).toBe(6);
  });
});
