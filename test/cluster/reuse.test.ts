import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, type RowStore, type StoredGroups, type StoredPairs } from "../../src/cluster/index.ts";
import type { ReplayStats } from "../../src/cluster/agglomerate-replay.ts";
import { pairMemo } from "../../src/cluster/rows.ts";
import { buildEventsSet, seedArticles } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";

// Real coverage spread over a month: the two topics' reports a few days apart within each topic, the
// topics two weeks apart, and the seeds (four outlets' reports and a follow-up three weeks later).
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const onDay = (a: DatedArticle, day: string): DatedArticle => ({ ...a, evidence: { ...a.evidence, date: day } });
const events = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) =>
  onDay(x.article, x.topic === "21" ? addDays("2025-05-01", k % 4) : addDays("2025-05-15", k % 7)),
);
// The build clusters dated articles only (and with an undated one, nothing is reused): the seeds' undated copies stay out.
const all = [...events, ...seedArticles(fixture("../seeds")).map((x) => x.article).filter((a) => (a.evidence.date ?? a.evidence.pageDate) !== null)];
// The article a later build adds: one of the second topic's reports on its first day, so the first
// topic's days are untouched, and the second topic's last days lie beyond its date window but not
// beyond the IDF windows of the days around it.
const added = events.find((a) => a.evidence.date === "2025-05-15")!;
const before = all.filter((a) => a !== added);

/** A pair store in memory that counts what it was asked and gave; `tamper` changes what it gives. */
function memoryStore(tamper?: (pairs: StoredPairs) => StoredPairs | undefined): RowStore & { pairs: Map<string, StoredPairs>; given: number; tampered: number } {
  const pairs = new Map<string, StoredPairs>();
  const store = {
    pairs,
    given: 0,
    tampered: 0,
    get(key: string) {
      const found = pairs.get(key);
      const out = found && (tamper ? tamper(structuredClone(found)) : structuredClone(found));
      if (out) store.given++;
      if (found && JSON.stringify(out) !== JSON.stringify(found)) store.tampered++;
      return out;
    },
    put(key: string, value: StoredPairs) {
      pairs.set(key, structuredClone(value));
    },
  };
  return store;
}

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
// IDF windows of at least 10 articles (the build's 100 would span the whole of this small batch, leaving nothing to reuse).
const options = { ...defaultClusterOptions, minIdfDocuments: 10 };
const cluster = (articles: DatedArticle[], rows?: RowStore, pairStats?: { reused: number; scored: number }) => stories(clusterArticles(articles.map((a) => ({ ...a })), { ...options, ...(rows ? { rows } : {}), ...(pairStats ? { pairStats } : {}) }));
const cold = cluster(all);

describe("clustering with the last build's pairs", () => {
  it("gives, after one new article, the stories a cold clustering gives, scoring again only the pairs of articles that changed", () => {
    const store = memoryStore();
    const first = { reused: 0, scored: 0 };
    expect(cluster(before, store, first)).toEqual(cluster(before));
    expect(store.given).toBe(0);
    expect(first.reused).toBe(0);
    const again = { reused: 0, scored: 0 };
    expect(cluster(all, store, again)).toEqual(cold);
    expect(store.given).toBe(1);
    // The first topic's pairs and the seeds' come from the store; the new article's and those of its neighbours whose vectors it moved do not.
    expect(again.reused).toBeGreaterThan(again.scored);
    expect(again.scored).toBeGreaterThan(0);
    const coldStats = { reused: 0, scored: 0 };
    cluster(all, undefined, coldStats);
    expect(again.scored).toBeLessThan(coldStats.scored / 2);
    expect(cold.some((s) => s.followUpOf !== null)).toBe(true);
    expect(cold.filter((s) => s.members.length > 1).length).toBeGreaterThan(3);
    // What the build keeps is what a cold clustering of the same articles keeps, to the last bit: nothing reused was stale.
    const fresh = memoryStore();
    cluster(all, fresh);
    expect([...store.pairs.values()]).toEqual([...fresh.pairs.values()]);
  });

  it("ignores pairs that are damaged or were kept for other articles, and clusters as a cold build does", () => {
    const tampers: Array<(pairs: StoredPairs) => StoredPairs> = [
      (r) => ({ ...r, p: r.p.map(() => 2) }),
      (r) => ({ ...r, b: r.b.map((b) => b + 10_000) }),
      (r) => ({ ...r, a: r.b, b: r.a }),
      (r) => ({ ...r, a: r.a.slice(1) }),
      (r) => ({ ...r, paths: [...r.paths].reverse() }),
      (r) => ({ ...r, prints: r.prints.slice(1) }),
      // Another article's print and capped keys under each path: nothing matches, everything is scored.
      (r) => ({ ...r, prints: [...r.prints.slice(1), r.prints[0]!], capped: [...r.capped.slice(1), r.capped[0]!] }),
    ];
    for (const tamper of tampers) {
      const store = memoryStore(tamper);
      cluster(before, store);
      const stats = { reused: 0, scored: 0 };
      expect(cluster(all, store, stats)).toEqual(cold);
      expect(store.tampered).toBe(1);
      expect(stats.reused).toBe(0);
    }
    // Capped keys that differ: the pairs of those articles on days near the new one are scored again.
    const scored = (tamper?: (pairs: StoredPairs) => StoredPairs) => {
      const store = memoryStore(tamper);
      cluster(before, store);
      const stats = { reused: 0, scored: 0 };
      expect(cluster(all, store, stats)).toEqual(cold);
      return stats.scored;
    };
    expect(scored((r) => ({ ...r, capped: r.capped.map((c) => c + 1) }))).toBeGreaterThan(scored());
  });

  it("takes a day's stored pairs only when every one of them is of articles here: a day with one that is not is scored again, none of its pairs taken", () => {
    // Stored after a build with the added article; the next build has it no more. A made-up stored pair joins an
    // article of the first topic's first day (its days far from the added article's: settled) to the gone article.
    const store = memoryStore();
    cluster(all, store);
    const [key, entry] = [...store.pairs][0]!;
    const gone = entry.paths.indexOf(added.path);
    const firstDay = new Set(events.filter((a) => a.evidence.date === "2025-05-01").map((a) => a.path));
    // The last of the day's articles (in path order) with pairs of its own: the others' pairs are read before its own.
    const x = entry.paths.reduce((last, p, i) => (firstDay.has(p) && i < gone && entry.a.includes(i) ? i : last), -1);
    expect(x).toBeGreaterThanOrEqual(0);
    // After x's last stored pair (pairs ordered by first article, then second).
    let at = 0;
    while (at < entry.a.length && (entry.a[at]! < x || (entry.a[at] === x && entry.b[at]! < gone))) at++;
    const splice = (list: number[], value: number) => [...list.slice(0, at), value, ...list.slice(at)];
    store.pairs.set(key, { ...entry, a: splice(entry.a, x), b: splice(entry.b, gone), p: splice(entry.p, 0.5) });
    const stats = { reused: 0, scored: 0 };
    expect(cluster(before, store, stats)).toEqual(cluster(before));
    expect(stats.reused).toBeGreaterThan(0);
    // What it keeps is what a cold clustering keeps: no pair of that day was taken and scored again as well.
    const fresh = memoryStore();
    cluster(before, fresh);
    expect([...store.pairs.values()]).toEqual([...fresh.pairs.values()]);
  });

  it("scores the pairs of unchanged articles that a removed article's keys kept from being candidates", () => {
    // A low cap: the second topic's keys are too common around its first day while all its reports are there; coarse IDF
    // bins leave most of the other articles' vectors as they were.
    const capped = { ...options, postingCap: 3, idfBinWidth: 0.5 };
    const run = (articles: DatedArticle[], rows?: RowStore) => stories(clusterArticles(articles.map((a) => ({ ...a })), { ...capped, ...(rows ? { rows } : {}) }));
    const gone = events.filter((a) => a.evidence.date === "2025-05-15").slice(0, 2);
    const fewer = all.filter((a) => !gone.includes(a));
    const store = memoryStore();
    run(all, store);
    const first = structuredClone([...store.pairs.values()][0]!);
    expect(run(fewer, store)).toEqual(run(fewer));
    const fresh = memoryStore();
    run(fewer, fresh);
    const [kept, cold] = [[...store.pairs.values()][0]!, [...fresh.pairs.values()][0]!];
    expect(kept).toEqual(cold);
    // Some articles whose vectors did not change had keys too common before and not now.
    const before = new Map(first.paths.map((p, i) => [p, [first.prints[i], first.capped[i]]]));
    const released = cold.paths.filter((p, i) => before.get(p)?.[0] === cold.prints[i] && before.get(p)?.[1] !== cold.capped[i]);
    expect(released.length).toBeGreaterThan(0);
  });

  it("takes a pair from the store only when both articles and the first one's capped keys are as they were", () => {
    const stored: StoredPairs = { paths: ["a", "b", "c", "d"], prints: ["pa", "pb", "pc", "pd"], capped: [0, 1, 0, 0], a: [0, 0, 1], b: [1, 3, 3], p: [0.5, 0.25, 0.75] };
    // Now: "a" changed, "b" and "d" as they were, "c" gone, "e" new.
    const memo = pairMemo(stored, ["a", "b", "d", "e"], ["pa2", "pb", "pd", "pe"], 0.05)!;
    expect([...memo.same]).toEqual([-1, 1, 3, -1]);
    expect(memo.reusable(1, 1)).toBe(true);
    expect(memo.reusable(1, 0)).toBe(false);
    expect(memo.reusable(0, 0)).toBe(false);
    expect(memo.reusable(2, -1)).toBe(false);
    expect(memo.probability(1, 3)).toBe(0.75);
    expect(memo.probability(0, 2)).toBe(-1);
    expect(pairMemo({ ...stored, p: [0.5, 0.25, 0.01] }, ["a"], ["pa"], 0.05)).toBeNull();
  });

  it("replays the last build's merges, and a new article that changes a story on the days before it gives the stories a cold clustering gives", () => {
    // A report on the topic's last day: the stories of the days before it come together differently.
    const late = events.find((a) => a.path.endsWith("45_11ecbplus.txt"))!;
    const without = all.filter((a) => a !== late);
    const groups = new Map<string, StoredGroups>();
    const store: RowStore = { ...memoryStore(), groups: { get: (k) => structuredClone(groups.get(k)), put: (k, v) => void groups.set(k, structuredClone(v)) } };
    const stats: ReplayStats = { replayed: 0, live: 0, liveGroups: 0 };
    // Replayed whatever share of the articles changed (the build replays only when few did).
    const run = (articles: DatedArticle[]) => stories(clusterArticles(articles.map((a) => ({ ...a })), { ...options, rows: store, replayMaxChanged: 1, replayStats: stats }));
    const first = run(without);
    expect(first).toEqual(cluster(without));
    expect(groups.size).toBe(1);
    const again = run(all);
    expect(again).toEqual(cold);
    expect(stats.replayed).toBeGreaterThan(0);
    expect(stats.live).toBeGreaterThan(0);
    const day = late.evidence.date;
    const dayOf = new Map(all.map((a) => [a.path, a.evidence.date]));
    const changedElsewhere = first.filter((s) => s.members.every((m) => dayOf.get(m) !== day) && !again.some((t) => JSON.stringify(t.members) === JSON.stringify(s.members)));
    expect(changedElsewhere.length).toBeGreaterThan(0);
    // And back: the article gone again.
    expect(run(without)).toEqual(cluster(without));
  });
});

