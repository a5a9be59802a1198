// The look-alike check between small groups (decision.ts `lookAlike`, look-alike.ts). One day of the few-outlets
// draws (eval:merge's Multi-News-style days from events-dev): topic 9 (tuning half), a rule on a species and its
// reversal, each told by three outlets. The reports' words are alike; each trio agrees on what the other never says.
// And events-dev whole (tuning half), where one event's small groups, with other reports of it in reach, must not
// be parted: a parted piece there would join the look-alike event's story (mg69).
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, mergeModels, type MergeDecision } from "../../src/cluster/index.ts";
import { loadDecision } from "../../src/cluster/decision.ts";
import type { LookAlikeOptions } from "../../src/cluster/look-alike.ts";
import { buildEventsSet, outletDraws, type LabelledArticle } from "../../eval/lib/merge-set.ts";
import { halfOf } from "../../eval/lib/split.ts";

const eventsPath = fileURLToPath(new URL("../../../shared/corpus/events-dev.jsonl", import.meta.url));
/** The setting shipped at stop 69 (mj69). */
const lookAlike: LookAlikeOptions = { maxGroup: 3, core: 0.5, ratio: 1 };
const { lookAlike: _, ...without } = mergeModels().decision;

/** Each story's tuning-half reports of `topic` (all topics when absent), as their gold events. */
function stories(items: readonly LabelledArticle[], decision: MergeDecision, topic?: string): string[][] {
  const gold = new Map(items.map((x) => [x.article.path, x]));
  const keep = (path: string) => halfOf(gold.get(path)!.splitKey) === "tune" && (topic === undefined || gold.get(path)!.topic === topic);
  return clusterArticles(items.map((x) => x.article), defaultClusterOptions, { ...mergeModels(), decision })
    .map((s) => s.members.filter((a) => keep(a.path)).map((a) => gold.get(a.path)!.gold).sort())
    .filter((events) => events.length > 0)
    .sort((a, b) => a.join().localeCompare(b.join()));
}

describe("two look-alike events, each told by three outlets on one day", () => {
  const day = outletDraws(eventsPath)[11]!;

  it("is a tuning-half topic with both events drawn", () => {
    const reports = day.filter((x) => x.topic === "9");
    expect(new Set(reports.map((x) => halfOf(x.splitKey)))).toEqual(new Set(["tune"]));
    expect(new Set(reports.map((x) => x.gold)).size).toBe(2);
  });

  it("keeps the rule and its reversal apart with the committed decision, each whole; one story without the check", () => {
    expect(stories(day, mergeModels().decision, "9")).toEqual([["ecbplus-9-ecb", "ecbplus-9-ecb", "ecbplus-9-ecb"], ["ecbplus-9-ecbplus", "ecbplus-9-ecbplus", "ecbplus-9-ecbplus"]]);
    expect(stories(day, without, "9")).toEqual([["ecbplus-9-ecb", "ecbplus-9-ecb", "ecbplus-9-ecb", "ecbplus-9-ecbplus", "ecbplus-9-ecbplus", "ecbplus-9-ecbplus"]]);
  });
});

describe("one event's small groups with more of its coverage in reach", () => {
  it("are never parted: events-dev's tuning-half stories are the same with the check as without", () => {
    const items = buildEventsSet(eventsPath);
    expect(stories(items, mergeModels().decision)).toEqual(stories(items, without));
  });
});

describe("the look-alike check in the model file", () => {
  it("is the shipped setting in the committed decision and refused with a reason when damaged", () => {
    const { decision } = mergeModels();
    expect(decision.lookAlike).toEqual(lookAlike);
    expect(() => loadDecision({ ...decision, lookAlike: { ...lookAlike, ratio: "1" } })).toThrow(/merge decision settings are damaged; retrain with npm run train:merge/);
  });
});
