// Story summaries on the worker threads: each story is summarised on its own, so the stories are shared
// out in chunks and the results come back in the order asked, whatever thread did them.
import { moduleUrl } from "../cache/code-hash.ts";
import type { SummaryJob } from "../cache/summaries.ts";
import { defaultWorkerCount, WorkerPool } from "./pool.ts";
import { summariseJobs } from "./summary-task.ts";

export interface SummaryPoolOptions {
  /** Threads, this one included (default: `DIGEST_WORKERS`, else one per core). */
  workers?: number;
  /** Fewer stories than this are summarised here: starting a thread would cost more. */
  minParallel?: number;
  warn?: (text: string) => void;
}

export const DEFAULT_MIN_PARALLEL_STORIES = 200;
/** Stories per message: a few milliseconds of work each. */
const CHUNK = 16;

export async function summariseAll(jobs: SummaryJob[], options: SummaryPoolOptions = {}): Promise<string[][]> {
  const workers = options.workers ?? defaultWorkerCount();
  if (workers <= 1 || jobs.length < (options.minParallel ?? DEFAULT_MIN_PARALLEL_STORIES)) return summariseJobs(jobs);
  const pool = new WorkerPool(workers - 1);
  const results = new Array<string[] | undefined>(jobs.length);
  try {
    const task = { module: moduleUrl("./summary-task", import.meta.url), name: "summariseJobs" };
    await pool.forEach<SummaryJob, string[]>(task, jobs, null, CHUNK, (start, out) => out.forEach((r, k) => (results[start + k] = r)), (items) => summariseJobs(items));
  } catch (error) {
    options.warn?.(`worker threads failed (${(error as Error).message}); going on without them`);
    jobs.forEach((job, i) => (results[i] ??= summariseJobs([job])[0]));
  } finally {
    await pool.close();
  }
  return results as string[][];
}
