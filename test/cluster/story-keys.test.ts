import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, scoredCandidates, type RowStore, type StoredFollowUps, type StoredGroups, type StoredPairs } from "../../src/cluster/index.ts";
import { carriedKeys, StoryKeys } from "../../src/cluster/story-keys.ts";
import { centroid, Sums } from "../../src/cluster/follow-up-features.ts";
import { buildEventsSet, seedArticles } from "../../eval/lib/merge-set.ts";
import { addDays, dayNumber } from "../../src/text/dates.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";

// Real coverage over two months (as follow-up-reuse.test.ts): two topics' reports a few days apart, two
// weeks between the topics, and the seeds, whose last report (2025-06-23) follows up their story of three weeks before.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const onDay = (a: DatedArticle, day: string): DatedArticle => ({ ...a, evidence: { ...a.evidence, date: day } });
const events = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) =>
  onDay(x.article, x.topic === "21" ? addDays("2025-05-01", k % 4) : addDays("2025-05-15", k % 7)),
);
const seeds = seedArticles(fixture("../seeds")).map((x) => x.article).filter((a) => (a.evidence.date ?? a.evidence.pageDate) !== null);
const all = [...events, ...seeds];
const dayOf = (a: DatedArticle) => (a.evidence.date ?? a.evidence.pageDate)!;

function memoryStore(tamper?: (links: StoredFollowUps) => StoredFollowUps): RowStore & { links: Map<string, StoredFollowUps>; unsound: number } {
  const [pairs, groups, links] = [new Map<string, StoredPairs>(), new Map<string, StoredGroups>(), new Map<string, StoredFollowUps>()];
  const store = {
    links,
    unsound: 0,
    get: (k: string) => structuredClone(pairs.get(k)),
    put: (k: string, v: StoredPairs) => void pairs.set(k, structuredClone(v)),
    groups: { get: (k: string) => structuredClone(groups.get(k)), put: (k: string, v: StoredGroups) => void groups.set(k, structuredClone(v)) },
    followUps: {
      get: (k: string) => {
        const v = links.get(k);
        return v && (tamper ? tamper(structuredClone(v)) : structuredClone(v));
      },
      put: (k: string, v: StoredFollowUps) => void links.set(k, structuredClone(v)),
      unsound: () => void store.unsound++,
    },
  };
  return store;
}

// IDF windows of at least 10 articles (the build's 100 would span the whole of this small batch, leaving nothing to reuse).
const options = { ...defaultClusterOptions, minIdfDocuments: 10 };
const clustered = (articles: DatedArticle[], rows?: RowStore, followUpStats?: { reused: number; linked: number; keys?: number }) => clusterArticles(articles.map((a) => ({ ...a })), { ...options, ...(rows ? { rows } : {}), ...(followUpStats ? { followUpStats } : {}) });
const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
/**
 * Each story's link as the first member of `known` of the story it follows, by its own (ids may move when
 * a story gains an earlier member); a story of no known member is left out.
 */
const linksOf = (cs: StoryCluster[], known: readonly DatedArticle[]) => {
  const paths = new Set(known.map((a) => a.path));
  const founder = new Map(cs.map((c) => [c.id, c.members.find((m) => paths.has(m.path))?.path]));
  return new Map(cs.filter((c) => founder.get(c.id)).map((c) => [founder.get(c.id)!, c.followUpOf === null ? null : founder.get(c.followUpOf)]));
};

/**
 * The keys the build kept (`kept`, the entry it stored after clustering `articles` into `cs`), read back
 * against this batch's profiles, beside each story's keys made afresh from its centroid: for every story
 * of several articles, [carried ids, fresh ids, carried weights, fresh weights].
 */
function keptAgainstFresh(articles: DatedArticle[], cs: StoryCluster[], kept: StoredFollowUps): Array<[number[], number[], number[], number[]]> {
  const { order, profiles } = scoredCandidates(articles.map((a) => ({ ...a })), options);
  const index = new Map(order.map((a, i) => [a.path, i]));
  const groups = cs.map((c) => c.members.map((m) => index.get(m.path)!));
  // The stored stories are the dated ones by their first day, then index: every story here is dated.
  const first = cs.map((c) => c.members.map(dayOf).sort()[0]!);
  const stored = cs.map((_, s) => s).sort((x, y) => first[x]!.localeCompare(first[y]!) || x - y);
  expect(stored.map((s) => dayNumber(first[s]!))).toEqual(kept.days);
  const storedOf = new Int32Array(cs.length);
  stored.forEach((s, t) => (storedOf[s] = t));
  const k = options.keyTerms;
  const carried = carriedKeys(kept.keys, kept.prints.length, storedOf, k, groups, profiles);
  if (carried === null || carried === "unsound") throw new Error(`kept keys: ${carried}`);
  const sums = new Sums();
  const fresh = new StoryKeys(cs.length, k, (s) => centroid(groups[s]!, profiles, sums, (p) => p.words));
  return groups.flatMap((g, s) => {
    if (g.length === 1) return [];
    const from = carried.at[s]!;
    const m = carried.count[s]!;
    return [[[...carried.ids.subarray(from, from + m)], [...fresh.ids.subarray(s * k, s * k + fresh.count[s]!)], [...carried.weights.subarray(from, from + m)], [...fresh.weights.subarray(s * k, s * k + fresh.count[s]!)]]];
  });
}

describe("follow-up keys kept with the links", () => {
  // The second topic's report on its first day: the first topic's stories and the seeds' keep their prints.
  const onQuietDay = events.find((a) => a.evidence.date === "2025-05-15")!;
  // The seeds' story of early June: the follow-up of 2025-06-23 was linked without it, and is linked to it now.
  const later = seeds.filter((a) => dayOf(a) >= "2025-06-20");
  const earlierSeeds = seeds.filter((a) => !later.includes(a));

  it.each([
    ["an article that changes no link", all.filter((a) => a !== onQuietDay), false],
    ["a story that changes a follow-up's link", [...events, ...later], true],
  ])("after %s, reads back each story's keys as its centroid gives them, and links as a cold clustering does", (_, before, linksMove) => {
    const store = memoryStore();
    const first = clustered(before, store);
    const stats = { reused: 0, linked: 0, keys: 0 };
    const after = clustered(all, store, stats);
    const cold = clustered(all);
    expect(stories(after)).toEqual(stories(cold));
    expect(stats.reused).toBeGreaterThan(0);
    // The stories of several articles whose print is as stored took their keys from the last build, none refused.
    expect(store.unsound).toBe(0);
    expect(stats.keys).toBeGreaterThan(3);
    // Whether a story of both builds follows another than it did.
    const was = linksOf(first, before);
    const moved = [...linksOf(after, before)].filter(([story, link]) => was.has(story) && was.get(story) !== link);
    expect(moved.length > 0, JSON.stringify(moved)).toBe(linksMove);
    // What the build keeps is what a cold clustering keeps, and it reads back as the keys made afresh.
    const fresh = memoryStore();
    clustered(all, fresh);
    expect([...store.links.values()]).toEqual([...fresh.links.values()]);
    const kept = [...store.links.values()][0]!;
    const keys = keptAgainstFresh(all, after, kept);
    expect(keys.length).toBeGreaterThan(3);
    for (const [carriedIds, freshIds, carriedWeights, freshWeights] of keys) {
      expect(carriedIds).toEqual(freshIds);
      expect(carriedWeights).toEqual(freshWeights);
      expect(carriedIds.length).toBeGreaterThan(0);
    }
    expect(earlierSeeds.length).toBeGreaterThan(0);
  });

  it("ignores kept keys that are damaged, with a warning, and links as a cold clustering does", () => {
    const units = (text: string) => new Uint32Array(new Uint8Array(Buffer.from(text, "base64")).buffer);
    const text = (u: Uint32Array) => Buffer.from(u.buffer).toString("base64");
    // The first story of several articles' first key (its count is not 0).
    const firstKey = (u: Uint32Array): number => {
      for (let at = 0; at < u.length; at += 1 + 3 * u[at]!) if (u[at]! > 0) return at + 1;
      throw new Error("no story keeps keys");
    };
    const tampers: Array<(links: StoredFollowUps) => StoredFollowUps> = [
      (l) => ({ ...l, keys: l.keys!.slice(0, -8) }),
      (l) => ({ ...l, keys: text(Uint32Array.from([...units(l.keys!), 0])) }), // one story more than stored
      (l) => {
        const u = units(l.keys!);
        u[firstKey(u)] = 1000; // a member the story does not have
        return { ...l, keys: text(u) };
      },
      (l) => {
        const u = units(l.keys!);
        u[firstKey(u) + 1] = 1 << 30; // a place past its member's words
        return { ...l, keys: text(u) };
      },
      (l) => {
        const u = units(l.keys!);
        const f = new Float32Array(u.buffer);
        f[firstKey(u) + 2] = 0; // lighter than the key after it
        return { ...l, keys: text(u) };
      },
    ];
    const cold = stories(clustered(all));
    for (const tamper of tampers) {
      const store = memoryStore(tamper);
      clustered(all.filter((a) => !later.includes(a)), store);
      expect(stories(clustered(all, store))).toEqual(cold);
      expect(store.unsound).toBe(1);
    }
  });
});
