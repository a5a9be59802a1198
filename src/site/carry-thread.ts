// The carried pages linked into a site folder no earlier build wrote, on a thread of its own, while this
// thread renders what changed and Pagefind indexes. Such a folder has none of the pages' folders yet: one
// new article at 10,000 articles carries some 4,000 story pages, each in a folder to make, and the kernel's
// `mkdir` cost 0.1-1 s there (more where the file system's block groups are full of folders: docs/scaling.md,
// stops 51 and 57). Nothing else in the folder is sorted out (there is nothing in it), so src/output's
// carryFiles does it all, as carryInto would.
import { Worker } from "node:worker_threads";
import { moduleUrl } from "../cache/code-hash.ts";

/** The thread's program (CommonJS, as an eval'd worker is): load src/output, in the form this process runs it, and carry. */
const CARRY = `
const { parentPort, workerData } = require("node:worker_threads");
const ready = workerData.tsx ? import(workerData.tsx).then((m) => m.register()) : Promise.resolve();
ready.then(() => import(workerData.output)).then((output) => {
  parentPort.postMessage(output.carryFiles(workerData.from, workerData.to, workerData.files));
});
`;

/**
 * Starts linking (or copying) `files` from `from` into `to` on a thread; settles with whether every file
 * was linked once all are there, or rejects with what stopped it.
 */
export function carryOnThread(from: string, to: string, files: readonly string[]): Promise<boolean> {
  const output = moduleUrl("../output/index", import.meta.url);
  // From the TypeScript sources (development, tests) the thread registers tsx before it loads them.
  const tsx = output.endsWith(".ts") ? import.meta.resolve("tsx/esm/api") : null;
  const worker = new Worker(CARRY, { eval: true, workerData: { output, tsx, from, to, files } });
  return new Promise<boolean>((resolve, reject) => {
    let linked: boolean | null = null;
    worker.once("message", (message: boolean) => (linked = message));
    worker.once("error", reject);
    worker.once("exit", (code) => (linked === null ? reject(new Error(`carrying the unchanged pages into ${to} stopped (thread exit ${code})`)) : resolve(linked)));
  });
}
