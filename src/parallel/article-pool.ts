// The article step's threads, in a module of their own: a cold build starts them before it loads the
// stages' code (src/cli/build-stages.ts), so that each thread loads the step's code while this one
// loads the rest, and is ready to read the files (./articles.ts `articlesAhead`).
import { runnableModuleUrl } from "../cache/code-hash.ts";
import type { ArticleTaskArgs } from "./article-task.ts";
import { defaultWorkerCount, WorkerPool } from "./pool.ts";

export const ARTICLE_TASK = { module: runnableModuleUrl("./article-task", import.meta.url), name: "prepareFiles" };
/** Ingest's reads and the article step beside (`readAndPrepareFiles`), in the same module. */
export const READ_TASK = { module: ARTICLE_TASK.module, name: "readAndPrepareFiles" };

/**
 * `workers - 1` threads (this one is the other), started now, each loading the article step's code (an
 * empty chunk: `args` serve no file, every chunk sent later carries its own). Null for one thread or none.
 */
export function startArticlePool(workers = defaultWorkerCount(), args: ArticleTaskArgs = { zone: "UTC", ruleNames: [] }): WorkerPool | null {
  if (workers <= 1) return null;
  const pool = new WorkerPool(workers - 1);
  void pool.warm(ARTICLE_TASK, args);
  return pool;
}
