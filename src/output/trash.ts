// Removing what earlier builds left beside the output folders (the folders a swap put aside, copies a
// killed build staged) on a thread of its own, while the build goes on.
//
// A swap leaves the folders it replaced where it put them (`._site.digest-old-<tx>`): removing a site
// of many thousand files costs seconds, and nothing needs them gone before the next build. That build
// finds them (they are never published: only a rename of a finished staged folder publishes) and hands
// them here, where they are removed while the pipeline runs on the main thread. A build killed meanwhile
// leaves them half removed, which is still only garbage for the one after.
import { Worker } from "node:worker_threads";

/** The thread's whole program: remove each path in turn (CommonJS, as an eval'd worker is). */
const REMOVE = `
const { rmSync } = require("node:fs");
const { workerData } = require("node:worker_threads");
for (const path of workerData) {
  try { rmSync(path, { recursive: true, force: true, maxRetries: 2 }); } catch {}
}
`;

export interface Trash {
  /** Settles when the thread has finished (what it could not remove, a later build tries again). */
  done: Promise<void>;
  /** Lets the process end without waiting; what is left is removed by a later build. */
  leave(): void;
}

/** Starts removing `paths` on a worker thread; none: nothing started. */
export function removeInBackground(paths: readonly string[]): Trash | null {
  if (!paths.length) return null;
  const worker = new Worker(REMOVE, { eval: true, workerData: [...paths] });
  const done = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.once("error", () => undefined);
  return { done, leave: () => worker.unref() };
}
