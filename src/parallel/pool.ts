// A pool of worker threads for one build: an ordered map of a pure chunk function over a list.
//
// Node's worker_threads rather than piscina: the build maps a list known up front, in order, once;
// piscina's long-lived task queue, idle timeouts and thread scaling would be unused, and the workers
// must load the same form of the code as the parent (compiled JavaScript, or TypeScript through tsx in
// development and tests), which is a few lines here and a custom bootstrap there.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { runnableModuleUrl } from "../cache/code-hash.ts";

/** A function the workers can import: `export function name(items, args): results` in `module`. */
export interface Task {
  /** file: URL of the module (its compiled .js, or .ts when running from the sources). */
  module: string;
  name: string;
}

interface Request {
  id: number;
  module: string;
  name: string;
  items: unknown[];
  args: unknown;
}

/** What a worker answers: the chunk's results, or the error the function threw (as data). */
export type Reply = { id: number; results: unknown[] } | { id: number; error: { name: string; message: string; stack?: string } };

/** How many threads to use: `DIGEST_WORKERS` when set (0 or 1 = none), else one per core. */
export function defaultWorkerCount(): number {
  const set = process.env.DIGEST_WORKERS;
  if (set !== undefined && /^\d+$/.test(set)) return Number(set);
  return availableParallelism();
}

/**
 * The stack a thread gets, as big as this thread's: a page nested too deeply to read on one thread must
 * be too deep on the other, or the output would depend on whether threads were used. V8 gives the main
 * thread 984 KiB unless --stack-size says otherwise; Node keeps 192 KiB of a thread's stack in reserve.
 */
function stackSizeMb(): number {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  const set = flags.map((f) => /^--stack[-_]size=(\d+)$/.exec(f)).find(Boolean);
  return ((set ? Number(set[1]) : 984) + 192) / 1024;
}

/** A worker that runs our modules in the form this process runs them. */
function startWorker(): Worker {
  const entry = runnableModuleUrl("./worker", import.meta.url);
  const resourceLimits = { stackSizeMb: stackSizeMb() };
  if (entry.endsWith(".js")) return new Worker(new URL(entry), { resourceLimits });
  // From the TypeScript sources (development, tests): the worker registers tsx before it loads them.
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

export interface ForEachOptions<I, O, S> {
  /** The task's function imported here: this thread takes chunks too (see `map`). */
  local?: (items: S[], args: unknown) => O[];
  /** Makes a chunk's items ready just before it is sent (reads what they stand for), so not all are held at once. */
  load?: (start: number, items: I[]) => Promise<S[]>;
  /**
   * Chunks each thread is given at a time (default 1). With 2, the next chunk waits in the thread's queue
   * while it works on one, so it does not stand idle until this thread, busy with a chunk of its own, answers.
   */
  ahead?: number;
  /** Items `local` is given at a time (default: all of a chunk at once). */
  localStep?: number;
  /**
   * Other work of this thread, one small step a call (false once none is left), done before it takes any
   * chunk with `local`: the threads work through their chunks meanwhile, their answers let in between steps.
   */
  beside?: () => boolean;
  /** Other work of this thread once no chunk is left for it, one small step a call (false once none is left), the threads' answers let in between. */
  after?: () => boolean;
}

interface Waiting {
  name: string;
  resolve: (results: unknown[]) => void;
  reject: (error: Error) => void;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private nextId = 0;
  private sent = 0;
  private readonly waiting = new Map<Worker, Map<number, Waiting>>();
  private closed = false;

  /** Whether `close` was called. */
  get isClosed(): boolean {
    return this.closed;
  }

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a worker pool needs at least one thread, not ${size}`);
  }

  /**
   * Starts every thread now and has it load the task's module (an empty chunk): started ahead of the
   * work, the threads' start-up runs beside whatever this thread does in the meantime. Never rejects:
   * a thread that cannot start fails the map that needs it.
   */
  warm(task: Task, args: unknown): Promise<void> {
    if (this.closed) return Promise.resolve();
    while (this.workers.length < this.size) this.workers.push(startWorker());
    return Promise.all(this.workers.map((worker) => this.run(worker, { id: this.nextId++, module: task.module, name: task.name, items: [], args }).catch(() => []))).then(() => undefined);
  }

  /**
   * `task(chunk, args)` over `items` in chunks of `chunkSize`, spread over the threads; the results in the
   * order of `items`. The first error a chunk throws rejects the whole map with that error's message.
   * `local`, the same function imported here, makes this thread take chunks too (between them it lets
   * the threads' answers in), so N cores need only N - 1 threads to start and warm up.
   */
  async map<I, O>(task: Task, items: readonly I[], args: unknown, chunkSize: number, local?: (items: I[], args: unknown) => O[]): Promise<O[]> {
    const results = new Array<O>(items.length);
    await this.forEach<I, O>(task, items, args, chunkSize, (start, out) => out.forEach((o, k) => (results[start + k] = o)), { local });
    return results;
  }

  /**
   * As `map`, but each chunk's results go to `take(start, results)` as they come, in no set order. With
   * `load`, what is sent (type S) is made from a chunk's items just before it goes; without it, S is I.
   */
  async forEach<I, O, S = I>(
    task: Task,
    items: readonly I[],
    args: unknown,
    chunkSize: number,
    take: (start: number, results: O[]) => void,
    { local, load, ahead = 1, localStep = Infinity, beside, after }: ForEachOptions<I, O, S> = {},
  ): Promise<void> {
    if (this.closed) throw new Error("the worker pool is closed");
    const chunks: Array<{ start: number; items: I[] }> = [];
    for (let start = 0; start < items.length; start += chunkSize) chunks.push({ start, items: items.slice(start, start + chunkSize) });
    while (this.workers.length < Math.min(this.size, chunks.length)) this.workers.push(startWorker());
    let next = 0;
    let failed = false;
    const lane = async (run: (chunk: { items: S[] }) => Promise<unknown[]>) => {
      while (next < chunks.length && !failed) {
        const chunk = chunks[next++]!;
        try {
          const ready = { items: load ? await load(chunk.start, chunk.items) : (chunk.items as unknown[] as S[]) };
          const out = await run(ready);
          if (out.length !== chunk.items.length) throw new Error(`${task.name} returned ${out.length} results for ${chunk.items.length} items`);
          take(chunk.start, out as O[]);
        } catch (error) {
          failed = true; // the other lanes take no more chunks
          throw error;
        }
      }
    };
    const lanes = this.workers.slice(0, chunks.length).flatMap((worker) => Array.from({ length: ahead }, () => lane((chunk) => this.run(worker, { id: this.nextId++, module: task.module, name: task.name, items: chunk.items, args }))));
    if (local) {
      const own = () =>
        lane(async (chunk) => {
          // A few items at a time, the threads' answers let in before each: a thread that finished its
          // chunks gets the next ones within a few items' time, not only once this whole chunk is done.
          const out: O[] = [];
          for (let at = 0; at < chunk.items.length; at += localStep) {
            await new Promise((resolve) => setImmediate(resolve));
            out.push(...local(chunk.items.slice(at, at + localStep), args));
          }
          return out;
        });
      const steps = async (step: () => boolean) => {
        while (!failed && step()) await new Promise((resolve) => setImmediate(resolve));
      };
      const first = async () => {
        if (beside) await steps(beside);
        await own();
        if (after) await steps(after);
      };
      lanes.push(first());
    }
    await Promise.all(lanes);
  }

  /**
   * Sends one chunk to a thread now (the threads in turn), without waiting for this thread's event loop:
   * a thread started ahead (`warm`) works on it while this thread goes on. Resolves with its answer.
   */
  send(task: Task, items: unknown[], args: unknown): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new Error("the worker pool is closed"));
    while (this.workers.length < this.size) this.workers.push(startWorker());
    const worker = this.workers[this.sent++ % this.workers.length]!;
    return this.run(worker, { id: this.nextId++, module: task.module, name: task.name, items, args });
  }

  /**
   * One request on one worker; rejects when the function throws or the worker dies. A worker's requests
   * wait in one table, answered by one listener each (chunks sent ahead leave hundreds in flight).
   */
  private run(worker: Worker, request: Request): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      let waiting = this.waiting.get(worker);
      if (!waiting) {
        const table = new Map<number, Waiting>();
        waiting = table;
        this.waiting.set(worker, table);
        const failAll = (error: (name: string) => Error) => {
          for (const w of table.values()) w.reject(error(w.name));
          table.clear();
        };
        worker.on("message", (reply: Reply) => {
          const w = table.get(reply.id);
          if (!w) return;
          table.delete(reply.id);
          if ("error" in reply) w.reject(rebuild(reply.error));
          else w.resolve(reply.results);
        });
        worker.on("error", (error: Error) => failAll(() => error));
        worker.on("exit", (code: number) => {
          const at = this.workers.indexOf(worker); // a thread that died takes no more work
          if (at >= 0) this.workers.splice(at, 1);
          failAll((name) => new Error(`a worker thread stopped (exit code ${code}) while running ${name}`));
        });
      }
      waiting.set(request.id, { name: request.name, resolve, reject });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The worker's error as an Error again: same name and message, the worker's stack kept. */
function rebuild(data: { name: string; message: string; stack?: string }): Error {
  const error = new Error(data.message);
  error.name = data.name;
  if (data.stack) error.stack = data.stack;
  return error;
}
