import { describe, expect, it } from "vitest";
import { seedArticles } from "../../eval/lib/merge-set.ts";
import { summarise } from "../../src/summarise/index.ts";
import { wordCount } from "../../src/summarise/candidates.ts";
import { summarizeJsonLine } from "../../src/cli/summarize.ts";

const seeds = seedArticles(new URL("../fixtures/seeds", import.meta.url).pathname);
const input = (prefix: string) => {
  const a = seeds.find((s) => s.article.path.startsWith(prefix))!.article;
  return { title: a.title, text: a.paragraphs.join("\n") };
};
const story = ["000", "001", "002", "003"].map(input);
const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{4,}/g) ?? []);
const overlap = (a: string, b: string) => {
  const [x, y] = [words(a), words(b)];
  return [...x].filter((w) => y.has(w)).length / Math.min(x.size, y.size);
};

describe("summarise", () => {
  it("returns exactly N unchanged sentences of the article with --sentences N, the lead first", () => {
    const article = input("004");
    for (const n of [1, 3, 5]) {
      const summary = summarise([article], { sentences: n });
      expect(summary).toHaveLength(n);
      for (const s of summary) expect(article.text).toContain(s);
    }
    expect(summary3(article)[0]).toMatch(/^BELGRADE - Russia accused Serbia on Monday/);
  });

  it("returns every sentence when fewer are available than asked for", () => {
    expect(summarise([{ text: "One thing happened today in the city. Then another thing happened." }], { sentences: 5 })).toHaveLength(2);
  });

  it("fits whole sentences into a word budget, and gives one sentence even when none fits", () => {
    const article = input("000");
    const summary = summarise([article], { words: 60 });
    expect(summary.length).toBeGreaterThanOrEqual(1);
    expect(summary.reduce((n, s) => n + wordCount(s), 0)).toBeLessThanOrEqual(60);
    expect(summarise([article], { words: 3 })).toHaveLength(1);
  });

  it("summarises a story from several outlets without repeating a fact and uses the rewrite's own facts", () => {
    const summary = summarise(story, { sentences: 4 });
    expect(summary).toHaveLength(4);
    for (let i = 0; i < summary.length; i++) for (let j = i + 1; j < summary.length; j++) expect(overlap(summary[i]!, summary[j]!)).toBeLessThan(0.6);
    const onlyIn002 = summary.filter((s) => story[2]!.text.includes(s) && !story.some((a, k) => k !== 2 && a.text.includes(s)));
    expect(onlyIn002.length).toBeGreaterThan(0);
  });

  it("accepts the articles form on --jsonl", () => {
    const line = JSON.stringify({ id: "A", articles: story });
    const out = summarizeJsonLine(line, { sentences: 3 });
    expect("summary" in out && out.summary).toHaveLength(3);
  });
});

function summary3(article: { title: string; text: string }): string[] {
  return summarise([article], { sentences: 3 });
}
