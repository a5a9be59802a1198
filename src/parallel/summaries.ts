// Story summaries on the worker threads: each story is summarised on its own, so the stories are shared
// out in chunks and the results come back in the order asked, whatever thread did them. A job's inputs
// are made only when its chunk is sent (or summarised here), so only the chunks in flight hold texts.
import { moduleUrl } from "../cache/code-hash.ts";
import type { LazySummaryJob, SummaryJob } from "../cache/summaries.ts";
import { defaultWorkerCount, WorkerPool } from "./pool.ts";
import { summariseJobs } from "./summary-task.ts";
import type { CleanArticle } from "../types.ts";

export interface SummaryPoolOptions {
  /** Threads, this one included (default: `DIGEST_WORKERS`, else one per core). */
  workers?: number;
  /** Fewer stories than this are summarised here: starting a thread would cost more. */
  minParallel?: number;
  warn?: (text: string) => void;
  /** Threads started ahead (`startSummaryThreads`), used when there are enough stories; closed once done with. */
  threads?: WorkerPool | null;
  /** Work this thread does first, between the threads' answers, before it summarises stories too (the categories). */
  localAfter?: Promise<unknown>;
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
const WARM_TASK = { module: SUMMARY_TASK.module, name: "warmSummaries" };

/**
 * Stories a thread started ahead summarises before the real ones come, its results dropped. A fresh
 * thread's first few hundred stories cost it several times what they cost warm (V8 compiling the
 * summariser, each new spelling stemmed: docs/scaling.md, stop 51); summarised while this thread
 * clusters, on the core clustering leaves idle, that cost is out of the summaries' stage.
 */
export const WARM_STORIES = 400;

/** Each thread's flag: set when the real stories come, so that it stops warming up (src/parallel/summary-task.ts). */
const warmingOf = new WeakMap<WorkerPool, Int32Array>();

/**
 * The summaries' threads, started now and loading their code while this thread does other work (clusters). Null when there would be none.
 * `warmUp`: articles to make practice stories of (`warmUpJobs`), summarised on the threads until `summariseAll` starts.
 */
export function startSummaryThreads(workers = defaultWorkerCount(), warmUp: readonly WarmArticle[] = []): WorkerPool | null {
  if (workers <= 1) return null;
  const pool = new WorkerPool(workers - 1);
  void pool.warm(SUMMARY_TASK, null);
  const jobs = warmUpJobs(warmUp);
  if (jobs.length) {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    warmingOf.set(pool, stop);
    void pool.warm(WARM_TASK, stop, jobs);
  }
  return pool;
}

type WarmArticle = Pick<CleanArticle, "title" | "paragraphs" | "stored">;

/**
 * Practice stories of one to three articles, taken evenly across `articles` (outlets and kinds of page
 * alike), as the pipeline makes a story's inputs. Paragraphs left in the cache are read, not kept.
 */
export function warmUpJobs(articles: readonly WarmArticle[], stories = WARM_STORIES): SummaryJob[] {
  const jobs: SummaryJob[] = [];
  const size = (k: number) => 1 + (k % 3);
  const needed = Array.from({ length: stories }, (_, k) => size(k)).reduce((a, b) => a + b, 0);
  if (articles.length === 0) return jobs;
  const step = Math.max(1, Math.floor(articles.length / needed));
  let at = 0;
  for (let k = 0; k < stories && at < articles.length; k++) {
    const inputs = [];
    for (let m = 0; m < size(k) && at < articles.length; m++, at += step) {
      const a = articles[at]!;
      const paragraphs = a.paragraphs.length === 0 && a.stored ? a.stored.source.read(a.stored.at).paragraphs : a.paragraphs;
      inputs.push({ title: a.title, text: paragraphs.join("\n") });
    }
    jobs.push({ inputs });
  }
  return jobs;
}

export async function summariseAll(jobs: readonly LazySummaryJob[], options: SummaryPoolOptions = {}): Promise<string[][]> {
  // The real stories are here: the threads stop warming up (within a story) and take them.
  if (options.threads) {
    const stop = warmingOf.get(options.threads);
    if (stop) Atomics.store(stop, 0, 1);
  }
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
    await pool.forEach<LazySummaryJob, string[], SummaryJob>(SUMMARY_TASK, jobs, null, CHUNK, take, { local: (items) => summariseJobs(items), load: make, ahead: AHEAD, localStep: LOCAL_STEP, localAfter: options.localAfter });
  } catch (error) {
    options.warn?.(`worker threads failed (${(error as Error).message}); going on without them`);
    jobs.forEach((job, i) => (results[i] ??= one(job)));
  } finally {
    await pool.close();
  }
  return results as string[][];
}
