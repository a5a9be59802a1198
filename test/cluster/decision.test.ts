import { describe, expect, it } from "vitest";
import { groupArticles, type MergeDecision } from "../../src/cluster/decision.ts";
import type { TimeSpan } from "../../src/cluster/time.ts";
import type { Profile } from "../../src/cluster/profile.ts";

const edges = (list: Array<[number, number, number]>) => ({ a: Int32Array.from(list, (e) => e[0]), b: Int32Array.from(list, (e) => e[1]), weight: Float32Array.from(list, (e) => e[2]), length: list.length });
const undated = (n: number): TimeSpan[] => Array.from({ length: n }, () => ({ first: null, last: null, weekdays: 0 }));
const off = { minGroup: 0, core: 1, absent: 0 };
const groupsOf = (n: number, list: Array<[number, number, number]>, decision: MergeDecision) =>
  groupArticles(undated(n), edges(list), decision, 2, []).map((g) => g.members);

// Reports 0-3 of one event, all strongly linked; report 4, another outlet's angle on it, is linked to two
// of them only; reports 5 and 6, two stories of one topic, are linked to each other as strongly as 4 is.
const story: Array<[number, number, number]> = [[0, 1, 0.9], [0, 2, 0.9], [0, 3, 0.9], [1, 2, 0.9], [1, 3, 0.9], [2, 3, 0.9], [0, 4, 0.55], [1, 4, 0.55], [5, 6, 0.55]];

describe("which groups become one story", () => {
  it("lets a report join an established story on a lower mean link than two small groups need", () => {
    const groups = groupsOf(7, story, { threshold: 0.6, storyThreshold: 0.25, storiesThreshold: 0.25, established: 4, protagonists: off });
    expect(groups).toContainEqual([0, 1, 2, 3, 4]);
    expect(groups).toContainEqual([5]);
    expect(groups).toContainEqual([6]);
  });

  it("holds every join to the one bar when no story counts as established", () => {
    const groups = groupsOf(7, story, { threshold: 0.6, storyThreshold: 0.25, storiesThreshold: 0.25, established: 0, protagonists: off });
    expect(groups).toContainEqual([0, 1, 2, 3]);
    expect(groups).toContainEqual([4]);
  });

  // Two running stories of one topic, 0-3 and 4-7, each tightly knit, linked by topic-level pairs (mean 0.3).
  const twoStories: Array<[number, number, number]> = [];
  for (const base of [0, 4]) for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) twoStories.push([base + i, base + j, 0.9]);
  for (let i = 0; i < 4; i++) for (let j = 4; j < 8; j++) if ((i + j) % 2 === 0) twoStories.push([i, j, 0.6]);

  it("keeps two established stories apart unless their mean link clears the bar for two stories", () => {
    const apart = groupsOf(8, twoStories, { threshold: 0.6, storyThreshold: 0.25, storiesThreshold: 0.5, established: 4, protagonists: off });
    expect(apart).toEqual([[0, 1, 2, 3], [4, 5, 6, 7]]);
    const together = groupsOf(8, twoStories, { threshold: 0.6, storyThreshold: 0.25, storiesThreshold: 0.25, established: 4, protagonists: off });
    expect(together).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
  });

  it("keeps two groups about different people apart, whatever order their own reports came together in", () => {
    // Reports 0-3 all name person 1, reports 4-6 person 2. 1, 2 and 3 come together first, then 0 joins
    // them; 4-6 likewise; the two groups' mean link (0.7) clears every bar.
    const names = [1, 1, 1, 1, 2, 2, 2].map((id) => ({ names: { ids: Int32Array.of(id), weights: Float32Array.of(1), from: 0, to: 1 } }) as unknown as Profile);
    const list: Array<[number, number, number]> = [[1, 2, 0.9], [1, 3, 0.9], [2, 3, 0.9], [0, 1, 0.8], [0, 2, 0.8], [0, 3, 0.8], [4, 5, 0.9], [4, 6, 0.9], [5, 6, 0.9]];
    for (let i = 0; i < 4; i++) for (let j = 4; j < 7; j++) list.push([i, j, 0.7]);
    list.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const decision = { threshold: 0.6, storyThreshold: 0.6, storiesThreshold: 0.6, established: 0, protagonists: { minGroup: 3, core: 0.5, absent: 0.1 } };
    expect(groupArticles(undated(7), edges(list), decision, 2, names).map((g) => g.members)).toEqual([[0, 1, 2, 3], [4, 5, 6]]);
    expect(groupArticles(undated(7), edges(list), { ...decision, protagonists: off }, 2, names).map((g) => g.members)).toEqual([[0, 1, 2, 3, 4, 5, 6]]);
  });
});
