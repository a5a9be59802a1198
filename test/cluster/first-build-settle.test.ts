import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignStoryIds, clusterArticles, defaultClusterOptions, publishedStories, type RowStore, type StoredGroups, type StoredPairs } from "../../src/cluster/index.ts";
import type { ReplayStats } from "../../src/cluster/agglomerate-replay.ts";
import { dated } from "../../eval/lib/merge-set.ts";
import type { StoryCluster } from "../../src/types.ts";

// 36 articles of three days of the 10,000-article bench corpus (../shared/tools/make-bench-corpus.py:
// paragraphs of different dev articles recombined, so weakly linked chains abound), the smallest set of
// them found (scripts/try-settle.ts on /tmp/l10k, then cut down) whose first build, left unsettled,
// was parted by the next build from its own state: stories no new article touched changed.
const fixture = new URL("../fixtures/cluster/first-build-bench.jsonl", import.meta.url);
const articles = readFileSync(fixture, "utf8").trim().split("\n").map((line) => {
  const r = JSON.parse(line) as { path: string; date: string; title: string; paragraphs: string[] };
  return dated(r.path, r.title, r.paragraphs, r.date);
});
const partition = (clusters: readonly StoryCluster[]) => clusters.map((c) => c.members.map((m) => m.path).sort().join(",")).sort();

describe("a first build", () => {
  it("publishes stories that its next build, from the state it left, publishes again", () => {
    expect(articles).toHaveLength(36);
    const first = assignStoryIds(clusterArticles(articles, defaultClusterOptions), null);
    expect(first.clusters.some((c) => c.members.length > 2)).toBe(true);
    const next = assignStoryIds(clusterArticles(articles, { ...defaultClusterOptions, published: publishedStories(first.state) }), first.state);
    expect(partition(next.clusters)).toEqual(partition(first.clusters));
    expect(next.clusters.map((c) => c.id).sort()).toEqual(first.clusters.map((c) => c.id).sort());
  });
});

describe("a first build's stored merges", () => {
  it("hold each article's print of the links its last grouping used: the same articles built next replay every merge", () => {
    const pairs = new Map<string, StoredPairs>();
    const groups = new Map<string, StoredGroups>();
    const rows: RowStore = {
      get: (k) => structuredClone(pairs.get(k)),
      put: (k, v) => void pairs.set(k, structuredClone(v)),
      groups: { get: (k) => structuredClone(groups.get(k)), put: (k, v) => void groups.set(k, structuredClone(v)) },
    };
    const fresh = () => articles.map((a) => ({ ...a }));
    const first = assignStoryIds(clusterArticles(fresh(), { ...defaultClusterOptions, rows }), null);
    expect(groups.size).toBe(1);
    const stats: ReplayStats = { replayed: 0, live: 0, liveGroups: 0 };
    const next = assignStoryIds(clusterArticles(fresh(), { ...defaultClusterOptions, rows, published: publishedStories(first.state), replayMaxChanged: 1, replayStats: stats }), first.state);
    expect(partition(next.clusters)).toEqual(partition(first.clusters));
    // Every stored print is as the next build makes it, so nothing is worked out again.
    expect(stats.replayed).toBeGreaterThan(5);
    expect(stats.live).toBe(0);
  });
});
