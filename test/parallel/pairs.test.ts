import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, type PairsBeside, type PairsJob, type RowStore, type StoredPairs } from "../../src/cluster/index.ts";
import { pairsBeside, warmPairs } from "../../src/parallel/pairs.ts";
import { WorkerPool } from "../../src/parallel/pool.ts";
import { buildEventsSet, seedArticles } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";

// Real coverage over a month (as test/cluster/reuse.test.ts): two topics' reports, and the seeds.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const onDay = (a: DatedArticle, day: string): DatedArticle => ({ ...a, evidence: { ...a.evidence, date: day } });
const events = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) =>
  onDay(x.article, x.topic === "21" ? addDays("2025-05-01", k % 4) : addDays("2025-05-15", k % 7)),
);
const all = [...events, ...seedArticles(fixture("../seeds")).map((x) => x.article).filter((a) => (a.evidence.date ?? a.evidence.pageDate) !== null)];

/** A pair store in memory, as the build's cache keeps them. */
function memoryStore(): RowStore & { pairs: Map<string, StoredPairs> } {
  const pairs = new Map<string, StoredPairs>();
  return { pairs, get: (key) => structuredClone(pairs.get(key)), put: (key, value) => void pairs.set(key, structuredClone(value)) };
}

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
const options = { ...defaultClusterOptions, minIdfDocuments: 10 };
function cluster(beside?: PairsBeside) {
  const rows = memoryStore();
  const pairStats = { reused: 0, scored: 0 };
  const out = stories(clusterArticles(all.map((a) => ({ ...a })), { ...options, rows, pairStats, ...(beside ? { pairsBeside: beside } : {}) }));
  return { stories: out, pairs: [...rows.pairs.values()], pairStats };
}

const pool = new WorkerPool(1);
// Loaded before the clustering that waits for it (from the sources, through tsx, a thread takes seconds to load it).
beforeAll(() => warmPairs(pool), 60_000);
afterAll(() => pool.close());

describe("clustering's pairs step split with another thread", () => {
  const alone = cluster();

  it("gives the stories, and keeps the pairs, one thread gives, with nearly half the articles' pairs scored on the other thread", () => {
    const beside = pairsBeside(pool, { minArticles: 0 })!;
    const sent: PairsJob[] = [];
    let answered = 0;
    const split = cluster({
      takes: beside.takes,
      start: (job) => {
        sent.push(job);
        const join = beside.start(job);
        return () => {
          const answer = join();
          if (answer) answered++;
          return answer;
        };
      },
    });
    expect(sent.length).toBe(1);
    expect(answered).toBe(1);
    expect(sent[0]!.visit.length).toBeGreaterThan(all.length / 3);
    expect(sent[0]!.visit.length).toBeLessThan(all.length / 2);
    // The profiles' arrays are the other thread's too, not a copy sent to it.
    expect(sent[0]!.tables.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(sent[0]!.tables.values.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(split.stories).toEqual(alone.stories);
    // The stored pairs (their order, weights and each article's capped keys) to the last bit, and the same count of pairs scored.
    expect(split.pairs).toEqual(alone.pairs);
    expect(split.pairStats).toEqual(alone.pairStats);
    expect(alone.stories.filter((s) => s.members.length > 1).length).toBeGreaterThan(3);
  });

  it("scores the pairs on this thread when no answer comes (a closed pool), and gives the same stories", async () => {
    const closed = new WorkerPool(1);
    const beside = pairsBeside(closed, { minArticles: 0 })!;
    await closed.close();
    const split = cluster(beside);
    expect(split.stories).toEqual(alone.stories);
    expect(split.pairs).toEqual(alone.pairs);
  });

  it("sends no job of fewer articles than its least (the copy would cost more than it saves)", () => {
    const beside = pairsBeside(pool)!;
    let sent = 0;
    const split = cluster({
      takes: beside.takes,
      start: (job) => {
        sent++;
        return beside.start(job);
      },
    });
    expect(beside.takes(all.length)).toBe(false);
    expect(sent).toBe(0);
    expect(split.stories).toEqual(alone.stories);
  });
});
