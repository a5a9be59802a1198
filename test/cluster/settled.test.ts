import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignStoryIds, clusterArticles, defaultClusterOptions, publishedStories, type ClusterOptions } from "../../src/cluster/index.ts";
import { dated } from "../../eval/lib/merge-set.ts";
import type { DatedArticle } from "../../src/types.ts";

// 36 articles of three days of the bench corpus whose weakly linked chains the settle rounds regroup
// (first-build-settle.test.ts): where a story handed out too early would show.
const read = (name: string) =>
  readFileSync(new URL(`../fixtures/cluster/${name}`, import.meta.url), "utf8").trim().split("\n").map((line) => {
    const r = JSON.parse(line) as { path: string; date: string; title: string; paragraphs: string[] };
    return dated(r.path, r.title, r.paragraphs, r.date);
  });
const articles = read("first-build-bench.jsonl");
// 31 articles of the same corpus: four stories of seven to nine reports, each joined by a report whose
// links all fall below the bar two small groups need (decision.ts threshold) but reach the lower one a
// report needs to join an established story (storyThreshold): a hand-out at the higher bar gets them wrong.
const weakJoins = read("weak-joins-bench.jsonl");

/** Clusters `articles`, recording what onSettled hands out before its last call and in it. */
function handedOut(options: ClusterOptions, articles: readonly DatedArticle[]) {
  const early: DatedArticle[][] = [];
  const last: DatedArticle[][][] = [];
  const clusters = clusterArticles(articles, { ...options, onSettled: (stories, done) => (done ? last.push([...stories]) : early.push(...stories)) });
  return { early, last, clusters };
}

describe("stories handed out by clustering before it is done", () => {
  it("hands out early only stories no later step changes, and then every story once, as returned", () => {
    const first = handedOut(defaultClusterOptions, articles);
    const next = handedOut({ ...defaultClusterOptions, published: publishedStories(assignStoryIds(first.clusters, null).state) }, articles);
    const weak = handedOut(defaultClusterOptions, weakJoins);
    expect(weak.clusters.filter((c) => c.members.length >= 7)).toHaveLength(4);
    for (const { early, last, clusters } of [first, next, weak]) {
      expect(clusters.some((c) => c.members.length > 2)).toBe(true);
      // Each early story is a story of its own that stays one: the very array of a returned cluster.
      const returned = new Set(clusters.map((c) => c.members));
      expect(early.every((s) => s.length === 1 && returned.has(s))).toBe(true);
      expect(new Set(early).size).toBe(early.length);
      expect(last).toHaveLength(1);
      expect(last[0]).toEqual(clusters.map((c) => c.members));
      expect(last[0]!.every((s, k) => s === clusters[k]!.members)).toBe(true);
    }
    expect(first.early.length).toBeGreaterThan(0);
    // Not every story of one article is sure before the groups step: some have links a group might take.
    expect(first.clusters.filter((c) => c.members.length === 1).length).toBeGreaterThan(first.early.length);
  });

  it("gives the stories it gives without the hand-out", () => {
    const plain = clusterArticles(articles, defaultClusterOptions);
    const { clusters } = handedOut(defaultClusterOptions, articles);
    expect(clusters.map((c) => [c.id, c.members.map((m) => m.path), c.followUpOf])).toEqual(plain.map((c) => [c.id, c.members.map((m) => m.path), c.followUpOf]));
  });
});
