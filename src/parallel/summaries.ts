// Story summaries on the worker threads: each story is summarised on its own, so the stories are shared
// out in chunks and the results come back in the order asked, whatever thread did them. A job's inputs
// are made only when its chunk is sent (or summarised here), so only the chunks in flight hold texts.
import { runnableModuleUrl } from "../cache/code-hash.ts";
import type { LazySummaryJob, SummaryJob } from "../cache/summaries.ts";
import { defaultWorkerCount, WorkerPool } from "./pool.ts";
import { summariseClaimed, summariseJobs } from "./summary-task.ts";

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
  /** Chunks sent to `threads` ahead (`SummariesAhead`): this thread takes back those no thread has started once it has no other chunk, and the threads are closed only once all are answered. */
  ahead?: SummariesAhead | null;
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

const SUMMARY_TASK = { module: runnableModuleUrl("./summary-task", import.meta.url), name: "summariseJobs" };
const CLAIMED_TASK = { ...SUMMARY_TASK, name: "summariseClaimed" };
/** The threads' first request: their code loaded and run once over a made-up story (summary-task.ts `primeSummaries`). */
const PRIME_TASK = { ...SUMMARY_TASK, name: "primeSummaries" };

/**
 * At most this many stories are sent ahead: their inputs wait in the threads' queues until they get to
 * them (about 8 KB a story at the bench's articles), and the rest are made a chunk at a time by `summariseAll`.
 */
const MAX_AHEAD = 4096;

/**
 * Summaries sent to the threads before `summariseAll`, while this thread does other work (clusters): the
 * chunks go at once (WorkerPool.send), their inputs made now. A thread takes a chunk by its slot in
 * `claims` before it starts it; this thread takes back, from the last, those none has started once it
 * has nothing else to do (`step`), so that neither waits on a queue the other could share.
 */
export class SummariesAhead {
  private readonly claims = new Int32Array(new SharedArrayBuffer(4 * Math.ceil(MAX_AHEAD / CHUNK)));
  private readonly chunks: Array<{ jobs: LazySummaryJob[]; mine: string[][] | null }> = [];
  private readonly answers: Array<Promise<unknown>> = [];
  /** Chunks looked at from the last by `step`. */
  private back = 0;
  private warned = false;

  constructor(
    private readonly pool: WorkerPool,
    private readonly warn?: (text: string) => void,
  ) {}

  /** The jobs' chunk sent to a thread now (its summaries when answered); null once MAX_AHEAD stories are out. */
  readonly start = (jobs: LazySummaryJob[]): Promise<string[][]> | null => {
    const slot = this.chunks.length;
    if (slot >= this.claims.length || jobs.length > CHUNK) return null;
    const chunk: { jobs: LazySummaryJob[]; mine: string[][] | null } = { jobs, mine: null };
    this.chunks.push(chunk);
    const answer = this.pool.send(CLAIMED_TASK, jobs.map((job) => job()), { claims: this.claims, slot }).then(
      // [] only when this thread took the chunk back, and then it summarised it as it did.
      (out) => (out.length ? (out as string[][]) : chunk.mine!),
      (error: Error) => {
        // Closed before the answer came: the build failed on the way, and nothing will read it.
        if (this.pool.isClosed) return [];
        if (!this.warned) this.warn?.(`worker threads failed (${error.message}); going on without them`);
        this.warned = true;
        Atomics.store(this.claims, slot, 2);
        return (chunk.mine ??= summariseJobs(jobs.map((job) => job())));
      },
    );
    this.answers.push(answer);
    return answer;
  };

  /** Summarises here the last chunk sent ahead that no thread has started; false when none is left. */
  readonly step = (): boolean => {
    while (this.back < this.chunks.length) {
      const slot = this.chunks.length - 1 - this.back++;
      if (Atomics.compareExchange(this.claims, slot, 0, 2) !== 0) continue;
      const chunk = this.chunks[slot]!;
      chunk.mine = summariseJobs(chunk.jobs.map((job) => job()));
      return true;
    }
    return false;
  };

  /** Resolves once every chunk sent is answered. */
  async answered(): Promise<void> {
    await Promise.all(this.answers);
  }
}

/** Summaries sent ahead to `threads`, or null without threads. */
export function summariesAhead(threads: WorkerPool | null, warn?: (text: string) => void): SummariesAhead | null {
  return threads ? new SummariesAhead(threads, warn) : null;
}

/** Stories in a chunk sent ahead. */
export const AHEAD_CHUNK = CHUNK;

/** The summaries' threads, started now and loading their code while this thread does other work (clusters). Null when there would be none. */
export function startSummaryThreads(workers = defaultWorkerCount()): WorkerPool | null {
  if (workers <= 1) return null;
  const pool = new WorkerPool(workers - 1);
  void pool.warm(PRIME_TASK, null);
  return pool;
}

export async function summariseAll(jobs: readonly LazySummaryJob[], options: SummaryPoolOptions = {}): Promise<string[][]> {
  const one = (job: LazySummaryJob) => summariseJobs([job()])[0]!;
  const workers = options.workers ?? defaultWorkerCount();
  const ahead = options.threads ? options.ahead : null;
  // With chunks sent ahead the threads are at work already: a few stories more go to them too.
  if (!ahead && (workers <= 1 || jobs.length < (options.minParallel ?? DEFAULT_MIN_PARALLEL_STORIES))) {
    await options.threads?.close();
    return jobs.map(one);
  }
  const pool = options.threads ?? new WorkerPool(workers - 1);
  const results = new Array<string[] | undefined>(jobs.length);
  try {
    const take = (start: number, out: string[][]) => out.forEach((r, k) => (results[start + k] = r));
    const make = async (_start: number, chunk: LazySummaryJob[]) => chunk.map((job) => job());
    await pool.forEach<LazySummaryJob, string[], SummaryJob>(SUMMARY_TASK, jobs, null, CHUNK, take, { local: (items) => summariseJobs(items), load: make, ahead: AHEAD, localStep: LOCAL_STEP, beside: options.beside, ...(ahead ? { after: ahead.step } : {}) });
  } catch (error) {
    options.warn?.(`worker threads failed (${(error as Error).message}); going on without them`);
    jobs.forEach((job, i) => (results[i] ??= one(job)));
    while (ahead?.step());
  } finally {
    await ahead?.answered();
    await pool.close();
  }
  return results as string[][];
}
