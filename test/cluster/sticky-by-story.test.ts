import { describe, expect, it } from "vitest";
import { clusterArticles, contextEdges, defaultClusterOptions, mergeModels, pairEdges, scoredCandidates } from "../../src/cluster/index.ts";
import { MARGIN, stickyByStory, stickyEdges } from "../../src/cluster/hysteresis.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";

// The settle rounds (index.ts) lean each link towards the groups of the round before, known by index; the
// published stories of a last build are known by path. Both must move every link alike.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const articles = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x) => x.article);

describe("links leaned towards stories known by index", () => {
  it("moves every link as the same stories known by path do", () => {
    const scored = scoredCandidates(articles, defaultClusterOptions);
    const models = mergeModels();
    const edges = contextEdges(scored.order.length, pairEdges(scored, models.pair), models.context);
    const paths = scored.order.map((a) => a.path);
    const clusters = clusterArticles(articles.map((a) => ({ ...a })), defaultClusterOptions);
    const byPath = new Map<string, number>();
    clusters.forEach((c, k) => {
      for (const m of c.members) byPath.set(m.path, k);
    });
    // One article left out of every story: its links are as they were.
    byPath.delete(paths[0]!);
    const story = Int32Array.from(paths, (p) => byPath.get(p) ?? -1);
    expect(clusters.length).toBeGreaterThan(1);
    expect(clusters.some((c) => c.members.length > 1)).toBe(true);
    const weights = (e: { weight: Float32Array; length: number }) => Array.from(e.weight.subarray(0, e.length));
    for (const margin of [MARGIN, 0, 0.25]) {
      // By definition: a link between two published articles moved by the margin in log-odds, towards
      // them when they were in one story, away when apart; any other link as it was.
      const want = weights(edges).map((p, k) => {
        const [sa, sb] = [story[edges.a[k]!]!, story[edges.b[k]!]!];
        if (sa < 0 || sb < 0 || margin === 0) return p;
        return Math.fround(1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + (sa === sb ? margin : -margin)))));
      });
      expect(weights(stickyByStory(edges, story, margin))).toEqual(want);
      expect(weights(stickyEdges(edges, paths, byPath, margin))).toEqual(want);
      if (margin !== 0) expect(want).not.toEqual(weights(edges));
    }
  });
});
