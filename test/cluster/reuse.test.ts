import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, PAIR_FEATURES, scoredCandidates, type PairRows, type RowStore, type StoredTerms, type TermStore } from "../../src/cluster/index.ts";
import { decode, encode } from "../../src/cluster/term-store.ts";
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
});

/** A term store that keeps entries as the cache does (JSON) and counts what it gave and took; `tamper` changes what it gives. */
function termStore(tamper?: (stored: StoredTerms, key: string) => StoredTerms | undefined): TermStore & { entries: Map<string, string>; given: Set<string>; stored: Set<string> } {
  const entries = new Map<string, string>();
  const store = {
    entries,
    given: new Set<string>(),
    stored: new Set<string>(),
    get(key: string) {
      const found = entries.get(key);
      const out = found === undefined ? undefined : tamper ? tamper(JSON.parse(found) as StoredTerms, key) : (JSON.parse(found) as StoredTerms);
      if (out) store.given.add(key);
      return out;
    },
    put(key: string, value: StoredTerms) {
      store.stored.add(key);
      entries.set(key, JSON.stringify(value));
    },
  };
  return store;
}

const days = (articles: DatedArticle[]) => new Set(articles.map((a) => a.evidence.date ?? a.evidence.pageDate)).size;
/** Every candidate pair and its features (to the last bit), and the stories. */
const scored = (articles: DatedArticle[], terms?: TermStore) => {
  const s = scoredCandidates(articles.map((a) => ({ ...a })), { ...options, ...(terms ? { terms } : {}) });
  return { a: Array.from(s.pairs.a.subarray(0, s.pairs.length)), b: Array.from(s.pairs.b.subarray(0, s.pairs.length)), features: Array.from(s.features.subarray(0, s.pairs.length * PAIR_FEATURES.length)) };
};
const clusterWith = (articles: DatedArticle[], terms: TermStore, rows?: RowStore) => stories(clusterArticles(articles.map((a) => ({ ...a })), { ...options, terms, ...(rows ? { rows } : {}) }));

describe("clustering with the last build's term runs", () => {
  it("reads the terms of the new article's day only, and scores every pair as a cold clustering does", () => {
    const terms = termStore();
    expect(clusterWith(before, terms, memoryStore())).toEqual(cluster(before));
    expect(terms.given.size).toBe(0);
    terms.stored.clear();
    expect(clusterWith(all, terms, memoryStore())).toEqual(cold);
    expect(terms.given.size).toBe(days(all) - 1);
    expect(terms.stored.size).toBe(1);
    expect(scored(all, terms)).toEqual(scored(all));
  });

  it("reads a day again when one of its articles says something else", () => {
    // The added article's day stays as it was; a first-topic report takes the text of a second-topic one.
    const terms = termStore();
    clusterWith(all, terms);
    const target = all.find((a) => a.evidence.date === "2025-05-02")!;
    const source = all.find((a) => a.evidence.date === "2025-05-16")!;
    const edited = all.map((a) => (a === target ? { ...a, title: source.title, paragraphs: source.paragraphs, terms: source.terms } : a));
    terms.stored.clear();
    const editedCold = cluster(edited);
    expect(editedCold).not.toEqual(cold);
    expect(clusterWith(edited, terms)).toEqual(editedCold);
    expect(terms.stored.size).toBe(1);
    expect(scored(edited, terms)).toEqual(scored(edited));
  });

  // A flipped bit is the cache's to find (each pack line's CRC-32: src/cache/pack.ts); these are entries that pass it.
  it("reads again, and replaces, entries that are cut short, unsound or another day's", () => {
    const tampers: Array<(s: StoredTerms, key: string) => StoredTerms | undefined> = [
      (s) => ({ ...s, data: s.data.slice(0, s.data.length >> 1) }),
      // One byte more than the entry holds.
      (s) => ({ ...s, data: Buffer.concat([Buffer.from(s.data, "base64"), Buffer.of(0)]).toString("base64") }),
      (s) => ({ ...s, data: "" }),
      (s) => ({ ...s, key: "another" }),
      // Sound runs, but a term twice (the first's hash and tag given to the second): ids would no longer be one a term.
      (s, key) => {
        const t = decodeAny(key, s);
        t.hashes[1] = t.hashes[0]!;
        t.tags[1] = t.tags[0]!;
        return encode(key, t);
      },
    ];
    for (const tamper of tampers) {
      const terms = termStore();
      clusterWith(before, terms);
      const tampered = termStore(tamper);
      for (const [k, v] of terms.entries) tampered.entries.set(k, v);
      expect(clusterWith(all, tampered)).toEqual(cold);
      // Every day's entry was read afresh and put back (the damage is in every entry given).
      expect(tampered.stored.size).toBe(days(all));
    }
    // Another day's entry under every key.
    const terms = termStore();
    clusterWith(all, terms);
    const values = [...terms.entries.values()];
    const foreign = termStore();
    for (const [k] of terms.entries) foreign.entries.set(k, values.find((v) => v !== terms.entries.get(k))!);
    expect(clusterWith(all, foreign)).toEqual(cold);
    expect(foreign.stored.size).toBe(days(all));
  });
});

/** A stored group decoded whatever its size (for tampering). */
function decodeAny(key: string, s: StoredTerms) {
  for (let size = 1; size < 10_000; size++) {
    const t = decode(key, s, size);
    if (t) return t;
  }
  throw new Error("not a stored group");
}
