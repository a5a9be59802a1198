// The pool's threads as helpers of clustering's pair scoring (src/cluster/shared-pairs.ts): each thread
// gets the job and a port of its own, and the clustering thread reads what they send without waiting
// for its event loop (receiveMessageOnPort), since clustering runs in one synchronous call.
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { moduleUrl } from "../cache/code-hash.ts";
import type { ChunkEdges, HelperRun, PairHelper, SharedPairJob } from "../cluster/index.ts";
import type { WorkerPool } from "./pool.ts";

export const PAIR_TASK = { module: moduleUrl("./pair-task", import.meta.url), name: "scorePairsHere" };

/** `pool`'s threads as pair-scoring helpers; `warn` hears of a thread that failed (the pairs are then scored here). */
export function pairHelper(pool: WorkerPool, warn?: (text: string) => void): PairHelper {
  return {
    begin(job: SharedPairJob): HelperRun | null {
      const ports: MessagePort[] = [];
      pool
        .onEach(PAIR_TASK, () => {
          const { port1, port2 } = new MessageChannel();
          ports.push(port1);
          return { args: { job, port: port2 }, transfer: [port2] };
        })
        .catch((error: unknown) => warn?.(`pair scoring on a worker thread failed (${(error as Error).message}); scored on the main thread`));
      if (ports.length === 0) return null;
      let next = 0;
      return {
        receive(): ChunkEdges | undefined {
          for (let tried = 0; tried < ports.length; tried++, next = (next + 1) % ports.length) {
            const got = receiveMessageOnPort(ports[next]!);
            if (got) return got.message as ChunkEdges;
          }
          return undefined;
        },
        close(): void {
          for (const port of ports) port.close();
        },
      };
    },
  };
}
