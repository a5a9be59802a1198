// The cluster stage's second thread (src/cluster/pair-worker.ts, serving pair-thread.ts): started as
// clustering starts, so its code is loaded while this thread reads the articles' profiles, and stopped once
// clustering is done with it.
import { MessageChannel, Worker } from "node:worker_threads";
import { moduleUrl } from "../cache/code-hash.ts";
import { defaultWorkerCount } from "./pool.ts";

export interface ClusterThread {
  /** This thread's end of the channel the other thread serves (src/cluster/pair-thread.ts servePairThread). */
  port: import("node:worker_threads").MessagePort;
  close(): void;
}

/** A thread serving clustering, or null when the build runs on one (`DIGEST_WORKERS` 0 or 1, or one core). */
export function startClusterThread(): ClusterThread | null {
  if (defaultWorkerCount() <= 1) return null;
  const { port1, port2 } = new MessageChannel();
  const entry = moduleUrl("../cluster/pair-worker", import.meta.url);
  const options = { workerData: { port: port2 }, transferList: [port2] };
  let worker: Worker;
  if (entry.endsWith(".js")) worker = new Worker(new URL(entry), options);
  else {
    // From the TypeScript sources (development, tests): the thread registers tsx before it loads them.
    const tsx = import.meta.resolve("tsx/esm/api");
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
    worker = new Worker(boot, { ...options, eval: true });
  }
  // A thread that fails scores nothing: this thread scores every chunk itself (pair-thread.ts).
  worker.on("error", () => {});
  worker.unref();
  return {
    port: port1,
    close: () => {
      port1.close();
      void worker.terminate();
    },
  };
}
