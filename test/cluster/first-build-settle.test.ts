import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assignStoryIds, clusterArticles, defaultClusterOptions, publishedStories } from "../../src/cluster/index.ts";
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
