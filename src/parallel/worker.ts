// A pool thread: imports the requested module once and runs its chunk function on each request.
import { parentPort } from "node:worker_threads";
import type { Reply } from "./pool.ts";

type ChunkFunction = (items: unknown[], args: unknown) => unknown[];

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
  parentPort!.postMessage(reply);
});
