// A build after one new article computes that article on this thread (fewer than `minParallel` to
// compute: no threads started), the rest from the cache a cold build filled on the threads. Its
// articles must be the ones a cold build computes on the threads: which thread cleaned an article, and
// whether it came from the cache, is never seen in the output.
// The inputs are 20 articles of the 10,000-article bench corpus (../shared/tools/make-bench-corpus.py: dev
// articles' paragraphs recombined; every 625th file from the third, and four raw page dumps, a000001,
// a000024, a000061 and a000069), and the bench's one new article (its l10k-extra.txt, as a010000-new.txt).
import { describe, expect, it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest } from "../../src/ingest/index.ts";
import { runPipeline } from "../../src/pipeline.ts";
import { prepareArticles, type PrepareStats } from "../../src/parallel/articles.ts";
import { DiskCache } from "../../src/cache/pack.ts";
import { paragraphsOf, textFacts } from "../../src/text/article-text.ts";
import type { ArticleOutcome } from "../../src/pipeline/article.ts";
import type { SourceFile } from "../../src/types.ts";

const zone = "Europe/London";
const all = (await ingest(join(import.meta.dirname, "../fixtures/bench-articles"))).files;
const NEW = "a010000-new.txt";
const before = all.filter((f) => f.path !== NEW);

/**
 * Each outcome as the next stages see it: an article's paragraphs read back from the cache where it left
 * them there, and its text's hash and word count (which an article from the cache or the threads carries
 * and one made here without a cache does not) checked against them and set aside.
 */
function seen(outcomes: readonly ArticleOutcome[]): string {
  return JSON.stringify(
    outcomes.map((o) => {
      if (!("article" in o)) return o;
      const paragraphs = paragraphsOf(o.article);
      const { text, stored: _, ...article } = o.article;
      if (text) expect(text).toEqual(textFacts(article.title, paragraphs));
      return { ...article, paragraphs };
    }),
  );
}

/** The stories, rejections and messages the rest of the build makes of them. */
function stories(outcomes: readonly ArticleOutcome[], files: readonly SourceFile[]): string {
  const { stories, rejected, messages } = runPipeline([...files], { zone, prepared: [...outcomes] });
  return JSON.stringify({ stories: stories.map((s) => ({ id: s.id, date: s.date, title: s.title, members: s.members.map((m) => m.path), summary: s.summary })), rejected, messages });
}

const freshCache = (warnings: string[]) => new DiskCache(mkdtempSync(join(tmpdir(), "digest-few-")), (text) => warnings.push(text));

describe("one new article, computed on this thread", () => {
  it("gives the articles, stories and messages a cold build computes on the threads", async () => {
    const warnings: string[] = [];
    expect(all.map((f) => f.path)).toContain(NEW);
    expect(all.length).toBeGreaterThan(20);
    // A cold build of every article, on two threads (this one and one more), as a cold build's cache fills.
    const coldStats = {} as PrepareStats;
    const cold = await prepareArticles(all, { zone, workers: 2, minParallel: 1, cache: freshCache(warnings), dropEvidence: true }, coldStats);
    expect(coldStats.threads).toBe(2);
    expect(coldStats.computed).toBe(all.length);

    // The daily build: a cold build of the others on the threads, then the new one added.
    const cache = freshCache(warnings);
    await prepareArticles(before, { zone, workers: 2, minParallel: 1, cache, dropEvidence: true });
    const stats = {} as PrepareStats;
    const next = await prepareArticles(all, { zone, workers: 2, cache: new DiskCache(cache.dir, (text) => warnings.push(text)), dropEvidence: true }, stats);
    expect([stats.computed, stats.threads, stats.cleanHits]).toEqual([1, 0, before.length]);
    expect(seen(next)).toBe(seen(cold));
    expect(stories(next, all)).toBe(stories(cold, all));
    expect(warnings).toEqual([]);
  });

  it("without a cache, on this thread alone, gives what the threads give", async () => {
    const stats = {} as PrepareStats;
    const here = await prepareArticles(all, { zone, workers: 2, dropEvidence: true }, stats);
    expect(stats.threads).toBe(0);
    const threaded = await prepareArticles(all, { zone, workers: 2, minParallel: 1, dropEvidence: true });
    expect(seen(here)).toBe(seen(threaded));
    expect(stories(here, all)).toBe(stories(threaded, all));
  });
});
