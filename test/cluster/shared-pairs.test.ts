import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, scorePairChunks, type ChunkEdges, type PairHelper, type RowStore, type StoredPairs } from "../../src/cluster/index.ts";
import { buildEventsSet, seedArticles } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";

// Real coverage over a month (as test/cluster/reuse.test.ts): two topics' reports and the seeds.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const onDay = (a: DatedArticle, day: string): DatedArticle => ({ ...a, evidence: { ...a.evidence, date: day } });
const events = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) =>
  onDay(x.article, x.topic === "21" ? addDays("2025-05-01", k % 4) : addDays("2025-05-15", k % 7)),
);
const all = [...events, ...seedArticles(fixture("../seeds")).map((x) => x.article).filter((a) => (a.evidence.date ?? a.evidence.pageDate) !== null)];

function memoryStore(): RowStore & { pairs: Map<string, StoredPairs> } {
  const pairs = new Map<string, StoredPairs>();
  return { pairs, get: () => undefined, put: (key, value) => pairs.set(key, structuredClone(value)) };
}

const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));

/** The stories, the pairs kept for the next build (edges and every article's capped keys) and the pair counts, with `helper` (chunks of 3 articles) or without. */
function run(helper?: PairHelper) {
  const rows = memoryStore();
  const pairStats = { reused: 0, scored: 0 };
  const sharedPairs = helper ? { sharedPairs: { helper, minArticles: 0, chunk: 3 } } : {};
  // Keys held by more than 4 articles near a day are too common: some articles have capped keys.
  const out = stories(clusterArticles(all.map((a) => ({ ...a })), { ...defaultClusterOptions, postingCap: 4, rows, pairStats, ...sharedPairs }));
  return { stories: out, rows: [...rows.pairs.values()], pairStats };
}

/**
 * A helper on this thread: given the job before this thread takes any chunk, it takes chunks until none
 * is left, or until its port "fails" after `delivered` chunks: that chunk is marked failed and the rest
 * are left to the clustering thread.
 */
function inline(delivered: number): PairHelper & { took: number } {
  const helper = {
    took: 0,
    begin(job: Parameters<PairHelper["begin"]>[0]) {
      const sent: ChunkEdges[] = [];
      try {
        scorePairChunks(job, (edges) => {
          if (helper.took === delivered) throw new Error("the port is gone");
          sent.push(edges);
          helper.took++;
        });
      } catch {
        // as a thread that failed
      }
      return { receive: () => sent.shift(), close: () => {} };
    },
  };
  return helper;
}

describe("pairs scored with a helper thread", () => {
  const alone = run();

  it("gives the stories, kept pairs and counts of scoring alone, whoever scores which chunk", () => {
    expect(alone.stories.length).toBeGreaterThan(5);
    expect(alone.rows[0]!.a.length).toBeGreaterThan(0);
    expect(alone.rows[0]!.capped.filter((mask) => mask !== 0).length).toBeGreaterThan(5);
    const eager = inline(Infinity);
    expect(run(eager)).toEqual(alone);
    // The helper scored every chunk (it is given the job before this thread takes any).
    expect(eager.took).toBe(Math.ceil(all.length / 3));
  });

  it("scores here what a failing helper took and left, and everything when there is no helper", () => {
    const some = inline(4);
    expect(run(some)).toEqual(alone);
    expect(some.took).toBe(4);
    const failing = inline(0);
    expect(run(failing)).toEqual(alone);
    expect(failing.took).toBe(0);
    expect(run({ begin: () => null })).toEqual(alone);
  });
});
