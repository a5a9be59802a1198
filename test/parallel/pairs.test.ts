import { describe, expect, it } from "vitest";
import { clusterArticles, defaultClusterOptions, type PairHelper } from "../../src/cluster/index.ts";
import { WorkerPool } from "../../src/parallel/pool.ts";
import { pairHelper } from "../../src/parallel/pairs.ts";
import { startSummaryThreads, summariseAll } from "../../src/parallel/summaries.ts";
import { summarise } from "../../src/summarise/index.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";
import type { SummaryJob } from "../../src/cache/summaries.ts";
import type { StoryCluster } from "../../src/types.ts";

// Real coverage of two topics (test/fixtures/cluster), all on one day.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const articles = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x) => ({ ...x.article, evidence: { ...x.article.evidence, date: "2025-05-01" } }));
const stories = (cs: StoryCluster[]) => cs.map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));

/** `helper`, and this thread held back until the helper has delivered its first chunk: it always scores some. */
function holdingBack(helper: PairHelper): PairHelper & { delivered: boolean } {
  const out = {
    delivered: false,
    begin(job: Parameters<PairHelper["begin"]>[0]) {
      const run = helper.begin(job);
      const deadline = Date.now() + 20_000;
      // The helper takes chunk 0 first (this thread has taken none): wait until it is delivered.
      while (Atomics.load(job.control, 1) !== 3 && Date.now() < deadline) Atomics.wait(job.control, 1, Atomics.load(job.control, 1), 50);
      out.delivered = Atomics.load(job.control, 1) === 3;
      return run;
    },
  };
  return out;
}

describe("pairs scored on a pool thread", () => {
  it("gives the stories scoring here alone gives, and the thread then summarises as before", async () => {
    const alone = stories(clusterArticles(articles.map((a) => ({ ...a }))));
    expect(alone.length).toBeGreaterThan(3);
    const pool = startSummaryThreads(2)!;
    try {
      const helper = holdingBack(pairHelper(pool));
      const shared = clusterArticles(articles.map((a) => ({ ...a })), { ...defaultClusterOptions, sharedPairs: { helper, minArticles: 0, chunk: 2 } });
      expect(helper.delivered).toBe(true);
      expect(stories(shared)).toEqual(alone);
      const jobs = alone.slice(0, 4).map((s) => (): SummaryJob => ({ inputs: s.members.map((path) => ({ title: path, text: `${path} was reported.\nIt was reported again.` })), options: {} }));
      expect(await summariseAll(jobs, { workers: 2, minParallel: 0, threads: pool })).toEqual(jobs.map((job) => summarise(job().inputs, {})));
    } finally {
      await pool.close();
    }
  });

  it("scores everything here when the pool is closed", async () => {
    const pool = new WorkerPool(1);
    await pool.close();
    const warned: string[] = [];
    const shared = clusterArticles(articles.map((a) => ({ ...a })), { ...defaultClusterOptions, sharedPairs: { helper: pairHelper(pool, (w) => warned.push(w)), minArticles: 0 } });
    expect(stories(shared)).toEqual(stories(clusterArticles(articles.map((a) => ({ ...a })))));
    await new Promise((resolve) => setImmediate(resolve));
    expect(warned).toEqual([expect.stringMatching(/closed/)]);
  });
});
