import { describe, expect, it } from "vitest";
import { candidatePairs, dayOrder, visitCandidates } from "../../src/cluster/candidates.ts";
import type { Profile } from "../../src/cluster/profile.ts";

/** A profile that only has blocking keys (all the candidate step reads). */
function keyed(keys: number[]): Profile {
  const empty = { ids: new Int32Array(0), weights: new Float32Array(0), from: 0, to: 0 };
  const run = { ids: Int32Array.from(keys), weights: Float32Array.from(keys, () => 0.5), from: 0, to: keys.length };
  return { words: empty, lead: empty, title: empty, actors: empty, quantities: empty, quantityUnits: empty, units: empty, names: empty, leadNames: empty, numbers: empty, sentences: [], days: empty, weekdays: 0, months: 0, years: empty, keys: run };
}
const pairsOf = (list: ReturnType<typeof candidatePairs>) => Array.from({ length: list.length }, (_, k) => `${list.a[k]}-${list.b[k]}`);

describe("candidate pairs", () => {
  it("pairs only articles that share a key and lie within the date window", () => {
    const profiles = [keyed([1, 2]), keyed([2, 3]), keyed([4]), keyed([1])];
    const days = [100, 101, 100, 110];
    expect(pairsOf(candidatePairs(profiles, days, { windowDays: 2, postingCap: 10, minKeyScore: 0 }))).toEqual(["0-1"]);
  });

  it("lets an undated article meet dated ones, and skips a key too common around a day", () => {
    // Five articles share key 7 (too common at a cap of 4), each with a key of its own.
    const common = Array.from({ length: 5 }, (_, i) => keyed([7, 100 + i]));
    const profiles = [...common, keyed([8]), keyed([8])];
    const days: Array<number | null> = [100, 100, 100, 100, 100, 100, null];
    expect(pairsOf(candidatePairs(profiles, days, { windowDays: 2, postingCap: 4, minKeyScore: 0 }))).toEqual(["5-6"]);
  });

  it("pairs copies of one report whose every key is too common, up to ten times the cap near their day", () => {
    // Six copies of one report (keys 1-3 each), the cap 2: every key of each is too common near its day.
    const copies = Array.from({ length: 6 }, () => keyed([1, 2, 3]));
    const options = { windowDays: 2, postingCap: 2, minKeyScore: 0 };
    const all = pairsOf(candidatePairs(copies, copies.map(() => 100), options));
    expect(all).toHaveLength(15);
    // Another report sharing only the commonest key is not a copy's candidate: the rarest key decides.
    const withOther = [...copies, keyed([1, 9])];
    expect(pairsOf(candidatePairs(withOther, withOther.map(() => 100), options))).toEqual(all);
    // Past ten times the cap (21 copies at a cap of 2) none are compared, as before; so are copies days apart.
    const many = Array.from({ length: 21 }, () => keyed([1, 2, 3]));
    expect(candidatePairs(many, many.map(() => 100), options).length).toBe(0);
    expect(candidatePairs(copies, copies.map((_, i) => 100 + 10 * i), options).length).toBe(0);
  });

  it("needs enough shared key weight", () => {
    const profiles = [keyed([1]), keyed([1])];
    expect(candidatePairs(profiles, [1, 1], { windowDays: 2, postingCap: 10, minKeyScore: 0.3 }).length).toBe(0);
    expect(candidatePairs(profiles, [1, 1], { windowDays: 2, postingCap: 10, minKeyScore: 0.2 }).length).toBe(1);
  });

  it("finds the same pairs whatever order the first articles are visited in (clustering visits them by day)", () => {
    // Keys shared across days and a key too common on one day only: the window and the cap are each pair's first article's.
    const profiles = [keyed([1, 2]), keyed([2, 3]), keyed([1, 3]), keyed([3]), keyed([1, 2, 3]), keyed([2]), keyed([3]), keyed([1])];
    const days: Array<number | null> = [105, 100, 101, null, 103, 100, 104, 102];
    const options = { windowDays: 2, postingCap: 3, minKeyScore: 0 };
    const visited: string[] = [];
    visitCandidates(profiles, days, options, (i, j) => visited.push(`${i}-${j}`), dayOrder(days));
    const inPathOrder = pairsOf(candidatePairs(profiles, days, options));
    expect(inPathOrder.length).toBeGreaterThan(3);
    expect([...visited].sort()).toEqual([...inPathOrder].sort());
    expect(visited).not.toEqual(inPathOrder);
    expect(Array.from(dayOrder(days))).toEqual([1, 5, 2, 7, 4, 6, 0, 3]);
  });
});
