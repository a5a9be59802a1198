import { describe, expect, it } from "vitest";
import { Protagonists } from "../../src/cluster/protagonists.ts";
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
