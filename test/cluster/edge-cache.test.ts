// Incremental clustering: a build that takes the unchanged days' scored pairs from the cache gives the
// stories a cold build gives, and scores again only the days near a new article.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { clusterArticles, defaultClusterOptions, type EdgeCache } from "../../src/cluster/index.ts";
import { buildEventsSet, seedArticles } from "../../eval/lib/merge-set.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";

const fixtures = join(import.meta.dirname, "../fixtures");
const real = [
  ...buildEventsSet(join(fixtures, "cluster/events-topic-21.jsonl")),
  ...buildEventsSet(join(fixtures, "cluster/events-topic-45.jsonl")),
  ...seedArticles(join(fixtures, "seeds")),
].map((x) => x.article);
// Real reports spread over three weeks (each event's coverage within two days), the seeds as dated.
const spread = real.map((a, k): DatedArticle => (a.path.startsWith("ecbplus") || a.evidence.date ? { ...a, evidence: { ...a.evidence, date: `2024-03-${String(1 + ((k * 7) % 20)).padStart(2, "0")}`, pageDate: null } } : a));

function memoryCache() {
  const blocks = new Map<string, number[]>();
  const counts = { gets: 0, hits: 0, puts: 0 };
  const cache: EdgeCache = {
    get: (key) => {
      counts.gets++;
      const kept = blocks.get(key);
      if (kept) counts.hits++;
      return kept;
    },
    put: (key, edges) => {
      counts.puts++;
      blocks.set(key, JSON.parse(JSON.stringify(edges)) as number[]);
    },
  };
  return { cache, blocks, counts };
}

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, followUpOf: c.followUpOf, members: c.members.map((m) => m.path) }));

describe("clustering with the edge cache", () => {
  it("gives a cold build's stories after one new article, scoring only the days near it", () => {
    const days = new Set(spread.map((a) => a.evidence.date));
    expect(days.size).toBeGreaterThan(10);
    const fresh = spread.find((a) => a.evidence.date === "2024-03-20")!;
    const before = spread.filter((a) => a !== fresh);
    const { cache, counts } = memoryCache();
    expect(stories(clusterArticles(before, defaultClusterOptions, undefined, cache))).toEqual(stories(clusterArticles(before)));
    expect(counts.hits).toBe(0);
    const cold = stories(clusterArticles(spread));
    expect(cold.some((s) => s.members.length > 1)).toBe(true);
    counts.gets = counts.hits = counts.puts = 0;
    expect(stories(clusterArticles(spread, defaultClusterOptions, undefined, cache))).toEqual(cold);
    // Days more than windowDays + idfDays (4) from the 20th keep their pairs: the 1st to the 15th.
    expect(counts.hits).toBeGreaterThanOrEqual(10);
    expect(counts.puts).toBe(counts.gets - counts.hits);
    expect(counts.puts).toBeLessThanOrEqual(5);
  });

  it("scores a block again when what is kept is not pairs of its articles, with the same stories", () => {
    const { cache, blocks } = memoryCache();
    clusterArticles(spread, defaultClusterOptions, undefined, cache);
    for (const [key, edges] of blocks) if (edges.length > 0) blocks.set(key, [0, 10_000, 0.9, ...edges]);
    expect(stories(clusterArticles(spread, defaultClusterOptions, undefined, cache))).toEqual(stories(clusterArticles(spread)));
  });
});
