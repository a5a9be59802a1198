// Story summaries on the worker threads: each story is summarised on its own, so the stories are shared
// out in chunks and the results come back in the order asked, whatever thread did them. A job's inputs
// are made only when its chunk is sent (or summarised here), so only the chunks in flight hold texts.
import { moduleUrl } from "../cache/code-hash.ts";
import type { LazySummaryJob, SummaryJob } from "../cache/summaries.ts";
import { defaultWorkerCount, WorkerPool } from "./pool.ts";
import { summariseJobs } from "./summary-task.ts";

export interface SummaryPoolOptions {
  /** Threads, this one included (default: `DIGEST_WORKERS`, else one per core). */
  workers?: number;
  /** Fewer stories than this are summarised here: starting a thread would cost more. */
  minParallel?: number;
  warn?: (text: string) => void;
  /** Threads started ahead (`startSummaryThreads`), used when there are enough stories; closed once done with. */
  threads?: WorkerPool | null;
  /**
   * Other work of this thread, one small step a call (false once none is left), done while the threads
   * summarise the first chunks (`WorkerPool.forEach`'s `beside`); not called when no thread is used.
   */
  beside?: () => boolean;
}

export const DEFAULT_MIN_PARALLEL_STORIES = 200;
/** Stories per message: a few milliseconds of work each. */
const CHUNK = 16;
/**
 * Two chunks per thread: this thread summarises chunks too, a few milliseconds at a time, and a thread
 * that finished its one chunk would wait for it to answer before it got the next.
 */
const AHEAD = 2;
/** Stories this thread summarises between looking at the threads' answers. */
const LOCAL_STEP = 4;

const SUMMARY_TASK = { module: moduleUrl("./summary-task", import.meta.url), name: "summariseJobs" };

/** The summaries' threads, started now and loading their code while this thread does other work (clusters). Null when there would be none. */
export function startSummaryThreads(workers = defaultWorkerCount()): WorkerPool | null {
  if (workers <= 1) return null;
  const pool = new WorkerPool(workers - 1);
  void pool.warm(SUMMARY_TASK, null);
  return pool;
}

export async function summariseAll(jobs: readonly LazySummaryJob[], options: SummaryPoolOptions = {}): Promise<string[][]> {
  const one = (job: LazySummaryJob) => summariseJobs([job()])[0]!;
  const workers = options.workers ?? defaultWorkerCount();
  if (workers <= 1 || jobs.length < (options.minParallel ?? DEFAULT_MIN_PARALLEL_STORIES)) {
    await options.threads?.close();
    return jobs.map(one);
  }
  const pool = options.threads ?? new WorkerPool(workers - 1);
  const results = new Array<string[] | undefined>(jobs.length);
  try {
    const take = (start: number, out: string[][]) => out.forEach((r, k) => (results[start + k] = r));
    const make = async (_start: number, chunk: LazySummaryJob[]) => chunk.map((job) => job());
    await pool.forEach<LazySummaryJob, string[], SummaryJob>(SUMMARY_TASK, jobs, null, CHUNK, take, { local: (items) => summariseJobs(items), load: make, ahead: AHEAD, localStep: LOCAL_STEP, beside: options.beside });
  } catch (error) {
    options.warn?.(`worker threads failed (${(error as Error).message}); going on without them`);
    jobs.forEach((job, i) => (results[i] ??= one(job)));
  } finally {
    await pool.close();
  }
  return results as string[][];
}
