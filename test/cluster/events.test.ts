import { describe, expect, it } from "vitest";
import { clusterArticles } from "../../src/cluster/index.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";
import { eventStats, pairwiseScores } from "../../eval/lib/pairwise.ts";

// events-dev topic 21: two fatal hit-and-run crashes (Bloomington; Queens), each reported by a dozen
// outlets in their own words, all given one date.
const items = buildEventsSet(new URL("../fixtures/cluster/events-topic-21.jsonl", import.meta.url).pathname);

describe("merging real coverage of look-alike events", () => {
  it("puts each crash's coverage together and keeps the two crashes apart", () => {
    const clusters = clusterArticles(items.map((x) => x.article));
    const storyOf = new Map(clusters.flatMap((c) => c.members.map((m) => [m.path, c.id] as const)));
    const predicted = items.map((x) => storyOf.get(x.article.path)!);
    const gold = items.map((x) => x.gold);
    const scores = pairwiseScores(predicted, gold);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
    expect(eventStats(predicted, gold, items.map((x) => x.topic!)).mixedTopics).toBe(0);
  });
});
