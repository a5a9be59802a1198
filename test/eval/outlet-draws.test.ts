// The few-outlets draws of eval:merge (issue 9's Multi-News-style days made from events-dev): what a reader of
// the figures relies on is that each day holds 2-3 reports of different copies per event, one or both events of
// each topic, the same draws on every run, and halves by topic.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildEventsSet, outletDraws } from "../../eval/lib/merge-set.ts";
import { summariseDraws, pairwiseScores } from "../../eval/lib/pairwise.ts";

const eventsPath = fileURLToPath(new URL("../../../shared/corpus/events-dev.jsonl", import.meta.url));
const draws = outletDraws(eventsPath, 4);
const group = <T,>(xs: readonly T[], key: (x: T) => string) => {
  const m = new Map<string, T[]>();
  for (const x of xs) (m.get(key(x)) ?? m.set(key(x), []).get(key(x))!).push(x);
  return m;
};

describe("few-outlets draws", () => {
  it("keeps 2 or 3 reports of each kept event, never two of one copy", () => {
    for (const items of draws) {
      for (const reports of group(items, (x) => x.gold).values()) {
        expect(reports.length).toBeGreaterThanOrEqual(2);
        expect(reports.length).toBeLessThanOrEqual(3);
        const long = reports.map((x) => new Set(x.article.paragraphs.map((p) => (p.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).join(" ")).filter((p) => p.split(" ").length >= 8)));
        for (let i = 0; i < long.length; i++) for (let j = i + 1; j < long.length; j++) expect([...long[i]!].filter((p) => long[j]!.has(p))).toEqual([]);
      }
    }
  });

  it("puts one event of every topic on even days and both look-alike events on odd days", () => {
    const topics = new Set(buildEventsSet(eventsPath).map((x) => x.topic)).size;
    draws.forEach((items, d) => {
      const byTopic = group(items, (x) => x.topic!);
      expect(byTopic.size).toBe(topics);
      for (const reports of byTopic.values()) expect(new Set(reports.map((x) => x.gold)).size).toBe(d % 2 ? 2 : 1);
      // Halves by topic: both events of a topic fall in one half.
      for (const x of items) expect(x.splitKey).toBe(x.topic);
    });
  });

  it("draws the same days on every run and different days from one draw to the next", () => {
    const again = outletDraws(eventsPath, 4);
    expect(again.map((d) => d.map((x) => x.article.path))).toEqual(draws.map((d) => d.map((x) => x.article.path)));
    const names = (d: number) => draws[d]!.map((x) => x.article.path.split("/").pop()).join();
    expect(names(0)).not.toBe(names(2));
  });

  it("summarises the draws as mean and range", () => {
    const s = [pairwiseScores(["a", "a", "b"], ["x", "x", "y"]), pairwiseScores(["a", "a", "a"], ["x", "x", "y"])];
    expect(summariseDraws(s)).toBe("P 66.7 (33.3-100.0) R 100.0 (100.0-100.0) F1 75.0 (50.0-100.0)");
  });
});
