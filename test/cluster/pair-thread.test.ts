import { afterEach, describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, mergeModels, type RowStore, type StoredPairs } from "../../src/cluster/index.ts";
import { buildProfiles, type ProfileTable } from "../../src/cluster/profile.ts";
import { dayOrder, visitCandidates } from "../../src/cluster/candidates.ts";
import { PAIR_FEATURES, PairScorer } from "../../src/cluster/similarity.ts";
import { scoreOnTwoThreads, shareProfiles, type PairThread } from "../../src/cluster/pair-thread.ts";
import { dayOrNull } from "../../src/cluster/days.ts";
import { spanOf } from "../../src/cluster/time.ts";
import { probability } from "../../src/model/logistic.ts";
import { startClusterThread } from "../../src/parallel/cluster-thread.ts";
import { buildEventsSet, seedArticles } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";

// Real reports of four topics spread over a month, and the seeds: a hundred articles on some twenty days.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const onDay = (a: DatedArticle, day: string): DatedArticle => ({ ...a, evidence: { ...a.evidence, date: day } });
const events = ["1", "11", "21", "45"].flatMap((topic, t) => buildEventsSet(fixture(`events-topic-${topic}.jsonl`)).map((x, k) => onDay(x.article, addDays("2025-05-01", 7 * t + (k % 5)))));
const all = [...events, ...seedArticles(fixture("../seeds")).map((x) => x.article).filter((a) => (a.evidence.date ?? a.evidence.pageDate) !== null)];
const options = { ...defaultClusterOptions, minIdfDocuments: 10 };

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));

/** A row store in memory that keeps what clustering puts in it. */
function memoryStore(): RowStore & { pairs: Map<string, StoredPairs> } {
  const pairs = new Map<string, StoredPairs>();
  return { pairs, get: (key) => pairs.get(key), put: (key, value) => void pairs.set(key, structuredClone(value)) };
}

let thread: PairThread | null = null;
afterEach(() => {
  thread?.close();
  thread = null;
});

describe("candidate pairs scored on two threads", () => {
  it("gives the edges, in the same order, and the capped keys one thread gives, with the other thread scoring some of the chunks", () => {
    const order = [...all].sort((a, b) => (a.path < b.path ? -1 : 1));
    const days = order.map((a) => dayOrNull(spanOf(a.evidence).first));
    const byDay = dayOrder(days);
    const window = { days, windowDays: options.windowDays, minDocuments: 10 };
    const one = buildProfiles(order, options.keyTerms, false, byDay, window);
    const share: { table?: ProfileTable } = {};
    const profiles = buildProfiles(order, options.keyTerms, false, byDay, window, {}, share);
    const model = mergeModels().pair;
    // One thread, as clustering scores them without a second one.
    const expected: string[] = [];
    const expectedCapped = new Float64Array(order.length);
    const scorer = new PairScorer();
    const scratch = new Float64Array(PAIR_FEATURES.length);
    visitCandidates(
      one,
      days,
      options,
      (i, j) => {
        if (!scorer.features(one[i]!, one[j]!, scratch)) return;
        const p = probability(model, scratch, 0);
        if (p >= 0.05) expected.push(`${i}-${j}:${Math.fround(p)}`);
      },
      byDay,
      (i, mask) => (expectedCapped[i] = mask),
    );
    thread = startClusterThread();
    expect(thread).not.toBeNull();
    shareProfiles(thread!, share.table!);
    const stats = { scored: 0, onThread: 0 };
    const capped = new Float64Array(order.length);
    // Chunks of 4 articles, the last 8 left to the other thread.
    const edges = scoreOnTwoThreads(thread!, profiles, days, options, model, 0.05, byDay, { capped, stats, chunk: 4, leave: 8 });
    const got = Array.from({ length: edges.length }, (_, k) => `${edges.a[k]}-${edges.b[k]}:${edges.weight[k]}`);
    expect(expected.length).toBeGreaterThan(50);
    expect(got).toEqual(expected);
    expect([...capped]).toEqual([...expectedCapped]);
    expect(stats.onThread).toBeGreaterThan(0);
    expect(stats.onThread).toBeLessThan(stats.scored);
  }, 30_000);

  it("leaves clustering's stories and the pairs it keeps for the next build as they are on one thread", () => {
    const run = (pairThreadFrom: number) => {
      const rows = memoryStore();
      const pairStats = { reused: 0, scored: 0 };
      const out = stories(clusterArticles(all.map((a) => ({ ...a })), { ...options, rows, pairThreadFrom, pairStats }));
      return { out, kept: [...rows.pairs.values()], pairStats };
    };
    const one = run(Infinity);
    const two = run(0);
    expect(two.out).toEqual(one.out);
    expect(two.kept).toEqual(one.kept);
    expect({ reused: two.pairStats.reused, scored: two.pairStats.scored }).toEqual(one.pairStats);
    expect(one.kept[0]!.a.length).toBeGreaterThan(50);
  }, 30_000);
});
