// The follow-up step's vectors weighed with the background table's IDF alone (profile.ts FollowUpIdf
// "background"): no other article moves them, so one new article leaves the follow-up links of the stories
// it does not change to be taken from the last build, and the links are those of a cold clustering.
import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, type RowStore } from "../../src/cluster/index.ts";
import { buildProfiles, type FollowUpIdf, type Profile, type SparseVector } from "../../src/cluster/profile.ts";
import { dayOrNull } from "../../src/cluster/days.ts";
import { spanOf } from "../../src/cluster/time.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";
import { all, events, linkMemoryStore } from "./two-month-batch.ts";

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
const cluster = (articles: readonly DatedArticle[], followUpIdf: FollowUpIdf, rows?: RowStore, followUpStats?: { reused: number; linked: number }) =>
  stories(clusterArticles(articles.map((a) => ({ ...a })), { ...defaultClusterOptions, minIdfDocuments: 10, followUpIdf, ...(rows ? { rows } : {}), ...(followUpStats ? { followUpStats } : {}) }));

const weightsOf = (v: SparseVector) => Array.from(v.weights.subarray(v.from, v.to));
/** Each article's follow-up word and name weights (its own vectors, or the window's), by path. */
function followUpWeights(batch: readonly DatedArticle[], followUps: FollowUpIdf): Map<string, string> {
  const days = batch.map((a) => dayOrNull(spanOf(a.evidence).first));
  const profiles: Profile[] = buildProfiles(batch, 30, false, undefined, { days, windowDays: 2, minDocuments: 10, followUps });
  return new Map(batch.map((a, i) => {
    const p = profiles[i]!.followUp ?? profiles[i]!;
    return [a.path, JSON.stringify([weightsOf(p.words), weightsOf(p.names), weightsOf(p.actors), weightsOf(p.numbers)])];
  }));
}

describe("follow-up vectors weighed apart from the IDF window", () => {
  const added = events.find((a) => a.evidence.date === "2025-05-15")!;
  const before = all.filter((a) => a !== added);

  it("are not moved by a new article near an article's day, where the window's are", () => {
    const moved = (mode: FollowUpIdf) => {
      const [was, now] = [followUpWeights(before, mode), followUpWeights(all, mode)];
      return before.filter((a) => was.get(a.path) !== now.get(a.path)).length;
    };
    expect(moved("window")).toBeGreaterThan(5);
    expect(moved("background")).toBe(0);
  });

  it("give, after one new article, a cold clustering's stories and links, linking again fewer stories than the window's", () => {
    const linked = (mode: FollowUpIdf) => {
      const store = linkMemoryStore();
      cluster(before, mode, store);
      const stats = { reused: 0, linked: 0 };
      expect(cluster(all, mode, store, stats)).toEqual(cluster(all, mode));
      // What the build keeps is what a cold clustering keeps.
      const fresh = linkMemoryStore();
      cluster(all, mode, fresh);
      expect([...store.links.values()]).toEqual([...fresh.links.values()]);
      return stats;
    };
    const [window, background] = [linked("window"), linked("background")];
    expect(background.linked).toBeLessThan(window.linked);
    expect(background.reused).toBeGreaterThan(window.reused);
    // The seeds' follow-up (2025-06-23 to early June) is still found.
    expect(cluster(all, "background").some((s) => s.followUpOf !== null)).toBe(true);
  });
});
