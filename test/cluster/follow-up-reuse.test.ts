import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, type RowStore, type StoredFollowUps } from "../../src/cluster/index.ts";
import { knownLinks, UNKNOWN } from "../../src/cluster/follow-up-reuse.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";
import { all, events, linkMemoryStore, seeds } from "./two-month-batch.ts";

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
// IDF windows of at least 10 articles (the build's 100 would span the whole of this small batch, leaving nothing to reuse).
const options = { ...defaultClusterOptions, minIdfDocuments: 10 };
const cluster = (articles: readonly DatedArticle[], rows?: RowStore, followUpStats?: { reused: number; linked: number }) =>
  stories(clusterArticles(articles.map((a) => ({ ...a })), { ...options, ...(rows ? { rows } : {}), ...(followUpStats ? { followUpStats } : {}) }));

describe("follow-up links from the last build", () => {
  it("gives, after one new article, the links a cold clustering gives, linking again only the stories whose reach it changed", () => {
    // A report on the second topic's first day: the first topic's stories lie before its reach, the seeds' after it.
    const added = events.find((a) => a.evidence.date === "2025-05-15")!;
    const store = linkMemoryStore();
    cluster(all.filter((a) => a !== added), store);
    const stats = { reused: 0, linked: 0 };
    const cold = cluster(all);
    expect(cluster(all, store, stats)).toEqual(cold);
    expect(cold.filter((s) => s.followUpOf !== null).length).toBeGreaterThan(2);
    expect(stats.reused).toBeGreaterThan(0);
    expect(stats.linked).toBeGreaterThan(0);
    // What the build keeps is what a cold clustering keeps.
    const fresh = linkMemoryStore();
    cluster(all, fresh);
    expect([...store.links.values()]).toEqual([...fresh.links.values()]);
  });

  it("links a story again when the story it follows arrives after it was first linked", () => {
    // The seeds' story of early June arrives after the follow-up of 2025-06-23 was first linked without it.
    const later = seeds.filter((a) => (a.evidence.date ?? a.evidence.pageDate)! >= "2025-06-20");
    const earlier = seeds.filter((a) => !later.includes(a));
    const store = linkMemoryStore();
    const without = cluster([...events, ...later], store);
    const cold = cluster(all);
    const followUp = (xs: ReturnType<typeof stories>) => xs.find((s) => s.members.some((m) => later.some((a) => a.path === m)))!;
    expect(followUp(cold).followUpOf).not.toBe(followUp(without).followUpOf);
    expect(earlier.length).toBeGreaterThan(0);
    const stats = { reused: 0, linked: 0 };
    expect(cluster(all, store, stats)).toEqual(cold);
    expect(stats.reused).toBeGreaterThan(0);
  });

  it("takes a stored link only where no story of the reach changed, and refuses an entry that is not sound", () => {
    // Days: A 0, B 5, C 20 (follows A), D 40 (follows C); now B has changed and E is new on day 30.
    const stored: StoredFollowUps = { prints: ["A", "B", "C", "D"], days: [0, 5, 20, 40], links: [-1, -1, 0, 2] };
    const prints = ["A", "B2", "C", "E", "D", "U"];
    const days = [0, 5, 20, 30, 40, null];
    const windowDays = 2;
    expect([...knownLinks(stored, prints, days, windowDays, 60)!]).toEqual([-1, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]);
    // A reach of 10 days (no link then reached back 20): C's reach (days 10 to 17) holds no change, D's (30 to 37) holds E.
    const near = { ...stored, links: [-1, -1, -1, -1] };
    expect([...knownLinks(near, prints, days, windowDays, 10)!]).toEqual([-1, UNKNOWN, -1, UNKNOWN, UNKNOWN, UNKNOWN]);
    expect(knownLinks(stored, prints, days, windowDays, 10)).toBeNull();
    // A gone story marks its day: B gone (not changed), C's reach (days -40 to 17) holds it.
    expect([...knownLinks(stored, ["A", "C", "D"], [0, 20, 40], windowDays, 60)!]).toEqual([-1, UNKNOWN, UNKNOWN]);
    expect([...knownLinks(stored, ["A", "B", "C", "D"], [0, 5, 20, 40], windowDays, 60)!]).toEqual([-1, -1, 0, 2]);
    for (const bad of [
      { ...stored, links: [-1, -1, 0] },
      { ...stored, links: [-1, -1, 0, 4] },
      { ...stored, links: [-1, -1, 0, 3] },
      { ...stored, links: [-1, -1, 1.5, 2] },
      { ...stored, days: [0, 5, 20, Number.NaN] },
      { ...stored, prints: ["A", "A", "C", "D"] },
    ]) expect(knownLinks(bad, prints, days, windowDays, 60)).toBeNull();
  });
});
