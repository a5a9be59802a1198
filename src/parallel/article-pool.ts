// The article step's task and its threads, in a module that imports no stage's code: a cold build starts
// the threads before it loads the stages (src/cli/build-stages.ts), so that their start-up runs beside
// that load and the threads are ready for the first files ingest reads.
import { moduleUrl } from "../cache/code-hash.ts";
import { defaultWorkerCount, WorkerPool } from "./pool.ts";

export const ARTICLE_TASK = { module: moduleUrl("./article-task", import.meta.url), name: "prepareFiles" };

/** The threads beside this one (`workers` in all), loading the article step's code now; null when there would be none. */
export function startArticlePool(workers = defaultWorkerCount()): WorkerPool | null {
  if (workers <= 1) return null;
  const pool = new WorkerPool(workers - 1);
  // An empty chunk: the thread loads the module (the rule names are only read for the files given).
  void pool.warm(ARTICLE_TASK, { zone: "UTC", ruleNames: [] });
  return pool;
}
