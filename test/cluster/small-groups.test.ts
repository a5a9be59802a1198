// The "who" check between two small groups (decision.ts `small`, protagonists.ts SmallGroupCore): one day
// of the few-outlets draws (eval:merge's Multi-News-style days from events-dev), where each event is told by
// two or three outlets. Topic 7 (tuning half): Klitschko's title defence against Rahman (three reports) and,
// a year later, against Thompson (two). The reports' words are alike; only who the fight was against parts them.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, mergeModels } from "../../src/cluster/index.ts";
import { loadDecision } from "../../src/cluster/decision.ts";
import type { SmallGroupOptions } from "../../src/cluster/protagonists.ts";
import { outletDraws } from "../../eval/lib/merge-set.ts";
import { halfOf } from "../../eval/lib/split.ts";

const eventsPath = fileURLToPath(new URL("../../../shared/corpus/events-dev.jsonl", import.meta.url));
const day = outletDraws(eventsPath)[1]!;
const gold = new Map(day.map((x) => [x.article.path, x.gold]));
/** The setting shipped at stop 62 (pk62): names and stated times, groups of 2..3, core 1, share 0. */
const small: SmallGroupOptions = { minGroup: 2, maxGroup: 3, core: 1, absent: 0, missingShare: 0, times: true };

/** The stories holding topic 7's reports, each as its reports' events. */
function topic7(decision: ReturnType<typeof mergeModels>["decision"]): string[][] {
  const stories = clusterArticles(day.map((x) => x.article), defaultClusterOptions, { ...mergeModels(), decision });
  return stories
    .map((s) => s.members.filter((a) => a.path.includes("/ecbplus-7-")).map((a) => gold.get(a.path)!).sort())
    .filter((events) => events.length > 0);
}

describe("two look-alike events, each told by a few outlets on one day", () => {
  it("is a tuning-half topic with both events drawn", () => {
    const reports = day.filter((x) => x.topic === "7");
    expect(new Set(reports.map((x) => halfOf(x.splitKey)))).toEqual(new Set(["tune"]));
    expect(new Set(reports.map((x) => x.gold)).size).toBe(2);
  });

  it("keeps the two title defences apart with the committed decision's small-group check, each whole", () => {
    const { decision } = mergeModels();
    expect(topic7(decision)).toEqual([["ecbplus-7-ecb", "ecbplus-7-ecb", "ecbplus-7-ecb"], ["ecbplus-7-ecbplus", "ecbplus-7-ecbplus"]]);
    // Without it (and without the look-alike check, look-alike.test.ts, which parts them too) the rest of the
    // decision (its protagonist check starts at groups of three) makes them one story.
    const { small: _, lookAlike: __, ...without } = decision;
    expect(topic7(without)).toEqual([["ecbplus-7-ecb", "ecbplus-7-ecb", "ecbplus-7-ecb", "ecbplus-7-ecbplus", "ecbplus-7-ecbplus"]]);
  });
});

describe("the small-group check in the model file", () => {
  it("is the shipped setting in the committed decision and refused with a reason when damaged", () => {
    const { decision } = mergeModels();
    expect(decision.small).toEqual(small);
    expect(loadDecision({ ...decision, small }).small).toEqual(small);
    expect(() => loadDecision({ ...decision, small: { ...small, times: "yes" } })).toThrow(/merge decision settings are damaged; retrain with npm run train:merge/);
    expect(() => loadDecision({ ...decision, small: { ...small, maxGroup: undefined } })).toThrow(/damaged/);
  });
});
