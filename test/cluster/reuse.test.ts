import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, type PairRows, type RowStore, type StoredGroups } from "../../src/cluster/index.ts";
import type { ReplayStats } from "../../src/cluster/agglomerate-replay.ts";
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

/** A row store in memory that counts what it was asked and gave; `tamper` changes what it gives. */
function memoryStore(tamper?: (rows: PairRows, key: string) => PairRows | undefined): RowStore & { rows: Map<string, PairRows>; asked: number; given: Set<string>; tampered: Set<string>; stored: Set<string> } {
  const rows = new Map<string, PairRows>();
  const store = {
    rows,
    asked: 0,
    given: new Set<string>(),
    tampered: new Set<string>(),
    stored: new Set<string>(),
    get(key: string) {
      store.asked++;
      const found = rows.get(key);
      const out = found && (tamper ? tamper(structuredClone(found), key) : structuredClone(found));
      if (out) store.given.add(key);
      if (found && JSON.stringify(out) !== JSON.stringify(found)) store.tampered.add(key);
      return out;
    },
    put(key: string, value: PairRows) {
      store.stored.add(key);
      rows.set(key, structuredClone(value));
    },
  };
  return store;
}

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
// IDF windows of at least 10 articles (the build's 100 would span the whole of this small batch, leaving nothing to reuse).
const options = { ...defaultClusterOptions, minIdfDocuments: 10 };
const cluster = (articles: DatedArticle[], rows?: RowStore) => stories(clusterArticles(articles.map((a) => ({ ...a })), { ...options, ...(rows ? { rows } : {}) }));
const cold = cluster(all);

describe("clustering with the last build's rows", () => {
  it("gives, after one new article, the stories a cold clustering gives, scoring again only the days near it", () => {
    const store = memoryStore();
    expect(cluster(before, store)).toEqual(cluster(before));
    expect(store.given.size).toBe(0);
    store.asked = 0;
    store.stored.clear();
    expect(cluster(all, store)).toEqual(cold);
    // The first topic's days and the seeds' days come from the store; the days near the new article do not.
    expect(store.given.size).toBeGreaterThan(0);
    expect(store.stored.size).toBeGreaterThan(0);
    expect(store.given.size + store.stored.size).toBe(store.asked);
    expect(cold.some((s) => s.followUpOf !== null)).toBe(true);
    expect(cold.filter((s) => s.members.length > 1).length).toBeGreaterThan(3);
    // Every day's rows as a cold clustering of the same articles scores them, to the last bit: nothing
    // reused was stale.
    const fresh = memoryStore();
    cluster(all, fresh);
    for (const [key, rows] of fresh.rows) expect(store.rows.get(key)).toEqual(rows);
  });

  it("ignores rows that are damaged or belong to other articles, and clusters as a cold build does", () => {
    const tampers: Array<(rows: PairRows, key: string) => PairRows | undefined> = [
      (r) => ({ ...r, p: r.p.map(() => 2) }),
      (r) => ({ ...r, b: r.b.map((b) => b + 10_000) }),
      (r) => ({ a: r.b, b: r.a, p: r.p }),
      (r) => ({ ...r, a: r.a.slice(1) }),
    ];
    for (const tamper of tampers) {
      const store = memoryStore(tamper);
      cluster(before, store);
      store.stored.clear();
      expect(cluster(all, store)).toEqual(cold);
      // Every damaged row was scored again (and put back).
      expect(store.tampered.size).toBeGreaterThan(0);
      for (const key of store.tampered) expect(store.stored.has(key)).toBe(true);
    }
    // Another day's rows under every key.
    const store = memoryStore();
    cluster(all, store);
    const nonEmpty = [...store.rows.values()].filter((r) => r.a.length > 0);
    const put = new Set<string>();
    const foreign: RowStore = { get: (key) => structuredClone(nonEmpty.find((r) => r !== store.rows.get(key))), put: (key) => void put.add(key) };
    expect(nonEmpty.length).toBeGreaterThan(1);
    expect(cluster(all, foreign)).toEqual(cold);
    // Each day's rows were scored again (a day without pairs may take another's only if it is empty too).
    for (const [key, rows] of store.rows) if (rows.a.length > 0) expect(put.has(key)).toBe(true);
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

