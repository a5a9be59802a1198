// Clustering's pairs step split with the summaries' thread on a cold build (src/cluster: ClusterOptions.pairsBeside).
// That thread has nothing to do until clustering hands out its first settled stories, after the pairs step:
// it is sent the profiles (as the arrays they are views of) and the second half of the articles to visit,
// and scores their pairs while this thread scores the first half. Clustering runs on this thread to its
// end without letting its event loop in, so the answer comes through a shared buffer this thread waits on.
import type { PairsAnswer, PairsBeside, PairsJob } from "../cluster/index.ts";
import { runnableModuleUrl } from "../cache/code-hash.ts";
import type { WorkerPool } from "./pool.ts";
import { answerViews, DONE, GIVEN_UP, HEADER_BYTES, WAITING, type SentPairs } from "./pairs-task.ts";

const PAIRS_TASK = { module: runnableModuleUrl("./pairs-task", import.meta.url), name: "scorePairs" };

/**
 * More articles than this are not split: the thread's profiles are a copy of this thread's arrays (some
 * 34 MB at 10,000 articles), memory a 100,000-article build does not have to spare.
 */
export const MAX_SPLIT_ARTICLES = 20_000;

/** The least time this thread waits for the answer, and how many times its own half's time it waits at most, before it scores the pairs itself. */
const WAIT_MS = 2_000;
const WAIT_FACTOR = 4;

/** Has `pool`'s thread load the task's code now (never rejects: a thread that fails answers no job). */
export function warmPairs(pool: WorkerPool): Promise<void> {
  return pool.send(PAIRS_TASK, [], null).then(
    () => undefined,
    () => undefined,
  );
}

/** Fewer articles than this are not split: the job's copy of the profiles would cost more than half their pairs. */
export const MIN_SPLIT_ARTICLES = 2_000;

/**
 * ClusterOptions.pairsBeside on `pool`'s thread (its task's code loaded now), or none without a pool. Jobs
 * of fewer than `minArticles` or more than `maxArticles` articles are not sent (scored on this thread).
 */
export function pairsBeside(pool: WorkerPool | null, { minArticles = MIN_SPLIT_ARTICLES, maxArticles = MAX_SPLIT_ARTICLES } = {}): PairsBeside | undefined {
  if (!pool || pool.isClosed) return undefined;
  void warmPairs(pool);
  return {
    takes: (articles) => articles >= minArticles && articles <= maxArticles && !pool.isClosed,
    start: (job: PairsJob) => {
      if (pool.isClosed) return () => null;
      const capacity = Math.max(1 << 16, 32 * job.visit.length);
      const answer = new SharedArrayBuffer(HEADER_BYTES + 8 * job.visit.length + 12 * capacity);
      const views = answerViews(answer, job.visit.length, capacity);
      const sent: SentPairs = { job, answer, capacity };
      // A thread that fails or stops answers nothing: the pairs are scored here (the same pairs).
      pool.send(PAIRS_TASK, [sent], null).catch(() => {});
      const start = performance.now();
      return (): PairsAnswer | null => {
        Atomics.wait(views.header, 0, WAITING, Math.max(WAIT_MS, WAIT_FACTOR * (performance.now() - start)));
        if (Atomics.compareExchange(views.header, 0, WAITING, GIVEN_UP) !== DONE) return null;
        const length = views.header[1]!;
        return { a: views.a.slice(0, length), b: views.b.slice(0, length), weight: views.weight.slice(0, length), length, capped: views.capped.slice(), scored: views.header[2]! };
      };
    },
  };
}
