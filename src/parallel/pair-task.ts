// Candidate pairs scored on a pool thread beside the clustering thread (src/cluster/shared-pairs.ts):
// the chunk function the pool runs once, with the job in shared memory and a port to send chunks back on.
import type { MessagePort } from "node:worker_threads";
import { scorePairChunks, type SharedPairJob } from "../cluster/index.ts";

export interface PairTaskArgs {
  job: SharedPairJob;
  port: MessagePort;
}

/** Without arguments it only loads (WorkerPool.warm). */
export function scorePairsHere(_items: unknown[], args: PairTaskArgs | null): unknown[] {
  if (!args) return [];
  try {
    scorePairChunks(args.job, (edges) => args.port.postMessage(edges, [edges.a.buffer, edges.b.buffer, edges.weight.buffer, edges.capped.buffer]));
  } finally {
    args.port.close();
  }
  return [];
}
