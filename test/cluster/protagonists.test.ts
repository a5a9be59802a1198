import { describe, expect, it } from "vitest";
import { GroupCore, Protagonists } from "../../src/cluster/protagonists.ts";
import { buildProfiles } from "../../src/cluster/profile.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";

// events-dev topic 21: a hit-and-run in Bloomington and another in Queens, a dozen reports each.
const items = buildEventsSet(new URL("../fixtures/cluster/events-topic-21.jsonl", import.meta.url).pathname);
const profiles = buildProfiles(items.map((x) => x.article), 30);
const options = { minGroup: 4, core: 0.5, absent: 0.1 };

/** Joins every article of each event into one group and returns the two groups' roots. */
function grouped(who: Protagonists): [number, number] {
  const roots: number[] = [];
  for (const event of [...new Set(items.map((x) => x.gold))].sort()) {
    const members = items.map((x, i) => (x.gold === event ? i : -1)).filter((i) => i >= 0);
    for (const m of members.slice(1)) who.join(members[0]!, m);
    roots.push(members[0]!);
  }
  return [roots[0]!, roots[1]!];
}

describe("protagonists of a growing story", () => {
  it("keeps apart two events whose reports each name someone the other's never do", () => {
    const who = new Protagonists(profiles, options);
    const [a, b] = grouped(who);
    expect(who.contradict(a, b)).toBe(true);
  });

  it("finds no contradiction inside one event's coverage, nor for groups too small to tell", () => {
    const who = new Protagonists(profiles, options);
    const event = items.map((x, i) => (x.gold === items[0]!.gold ? i : -1)).filter((i) => i >= 0);
    const half = Math.floor(event.length / 2);
    for (const m of event.slice(1, half)) who.join(event[0]!, m);
    for (const m of event.slice(half + 1)) who.join(event[half]!, m);
    expect(who.contradict(event[0]!, event[half]!)).toBe(false);
    const fresh = new Protagonists(profiles, options);
    const other = items.findIndex((x) => x.gold !== items[0]!.gold);
    expect(fresh.contradict(0, other)).toBe(false);
  });
});

// events-dev topic 45: one murder case told at two stages (the plea and trial, the verdict) and a
// look-alike killing. The two stages' coverage names the same accused, victim and towns; each stage
// also has a few names of its own (a prosecutor, a county).
describe("protagonists of one event told at two stages", () => {
  const stages = buildEventsSet(new URL("../fixtures/cluster/events-topic-45.jsonl", import.meta.url).pathname);
  const stageProfiles = buildProfiles(stages.map((x) => x.article), 30);
  const index = (id: string) => stages.findIndex((x) => x.article.path === `events/ecbplus-${id}.txt`);
  const earlier = ["45-45_2ecbplus", "45-45_3ecbplus", "45-45_4ecbplus", "45-45_9ecbplus", "45-45_12ecbplus"].map(index);
  const later = stages.map((x, i) => (x.gold === "ecbplus-45-ecbplus" && !earlier.includes(i) ? i : -1)).filter((i) => i >= 0);
  const other = stages.map((x, i) => (x.gold !== "ecbplus-45-ecbplus" ? i : -1)).filter((i) => i >= 0);
  const groups = (share: number) => {
    const who = new Protagonists(stageProfiles, { minGroup: 4, core: 0.5, absent: 0.1, missingShare: share });
    for (const g of [earlier, later, other]) for (const m of g.slice(1)) who.join(g[0]!, m);
    return who;
  };

  it("parts the two stages when one missing protagonist is enough, but not when a third must be missing", () => {
    expect(earlier.every((i) => i >= 0) && later.length >= 4).toBe(true);
    expect(groups(0).contradict(earlier[0]!, later[0]!)).toBe(true);
    expect(groups(0.34).contradict(earlier[0]!, later[0]!)).toBe(false);
  });

  it("still parts the look-alike killing from either stage", () => {
    const who = groups(0.34);
    expect(who.contradict(other[0]!, earlier[0]!)).toBe(true);
    expect(who.contradict(other[0]!, later[0]!)).toBe(true);
  });
});

// GroupCore: the protagonists' check over any items of a report, with shares taken of the reports that
// count (train/try-group-checks.ts counts only those that state a time: one that states none is silent).
describe("a group core whose silent reports do not count", () => {
  // Reports 0-2 are one group, 3-4 another; each report's items by its place in the batch.
  const items: number[][] = [[1], [], [], [2], [2]];
  const place = new Map(profiles.slice(0, items.length).map((p, i) => [p, i]));
  const itemsOf = (p: (typeof profiles)[number]) => items[place.get(p)!]!;
  const options = { minGroup: 1, core: 0.5, absent: 0 };
  const grouped = (core: GroupCore) => {
    core.join(0, 1);
    core.join(0, 2);
    core.join(3, 4);
    return core;
  };

  it("parts two groups whose stating reports agree on different items, however many reports are silent", () => {
    const core = grouped(new GroupCore(profiles.slice(0, items.length), options, itemsOf, (p) => itemsOf(p).length > 0));
    expect(core.contradict(0, 3)).toBe(true);
  });

  it("finds no core in a group most of whose reports are silent when every report counts", () => {
    const core = grouped(new GroupCore(profiles.slice(0, items.length), options, itemsOf, () => true));
    expect(core.contradict(0, 3)).toBe(false);
  });
});
