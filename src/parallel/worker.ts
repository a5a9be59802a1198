// A pool thread: imports the requested module once and runs its chunk function on each request.
import { parentPort, workerData } from "node:worker_threads";
import type { Reply } from "./pool.ts";

type ChunkFunction = (items: unknown[], args: unknown) => unknown[];

/** Requests answered, counted where the pool can read it while busy (src/parallel/pool.ts `unanswered`). */
const answered = (workerData as { answered?: SharedArrayBuffer } | null)?.answered ? new Int32Array((workerData as { answered: SharedArrayBuffer }).answered) : null;

const loaded = new Map<string, Promise<Record<string, unknown>>>();

parentPort!.on("message", async (request: { id: number; module: string; name: string; items: unknown[]; args: unknown }) => {
  let reply: Reply;
  try {
    if (!loaded.has(request.module)) loaded.set(request.module, import(request.module) as Promise<Record<string, unknown>>);
    const fn = (await loaded.get(request.module)!)[request.name];
    if (typeof fn !== "function") throw new Error(`${request.module} has no function ${request.name}`);
    reply = { id: request.id, results: (fn as ChunkFunction)(request.items, request.args) };
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    reply = { id: request.id, error: { name: error.name, message: error.message, stack: error.stack } };
  }
  // Counted first: once the answer is in, the count has it.
  if (answered) Atomics.add(answered, 0, 1);
  parentPort!.postMessage(reply);
});
