// The carried pages linked into a site folder no earlier build wrote, on a thread of its own, while this
// thread plans, renders what changed and Pagefind indexes. Such a folder has none of the pages' folders yet:
// one new article at 10,000 articles carries some 4,000 story pages, each in a folder to make, and the
// kernel's `mkdir` cost 0.15-1.5 s of CPU there (more where the file system's block groups are full of
// folders: docs/scaling.md, stops 51 and 57). The folders are made first, as soon as the plan names them
// (every page the last build wrote and this one keeps: it is carried or rendered into its folder); the files
// follow once this thread knows which are carried, by src/output's carryFiles, as carryInto would in a
// folder with nothing in it to sort out.
import { Worker } from "node:worker_threads";
import { moduleUrl } from "../cache/code-hash.ts";

/** The thread's program (CommonJS, as an eval'd worker is): make the folders, then carry what it is sent. */
const CARRY = `
const { mkdirSync } = require("node:fs");
const { join } = require("node:path");
const { parentPort, workerData } = require("node:worker_threads");
const output = (workerData.tsx ? import(workerData.tsx).then((m) => m.register()) : Promise.resolve()).then(() => import(workerData.output));
for (const folder of workerData.folders) mkdirSync(join(workerData.to, folder), { recursive: true });
parentPort.once("message", (files) => output.then((m) => {
  parentPort.postMessage(m.carryFiles(workerData.from, workerData.to, files));
  parentPort.close();
}));
`;

export interface CarryThread {
  /** Links (or copies) `files` from the live folder in; settles with whether every one was linked, once all are there. */
  carry(files: readonly string[]): Promise<boolean>;
  /** Stops the thread (a stage that fails before it carries anything); settles when it has. */
  stop(): Promise<void>;
}

/** Starts a thread making `folders` in `to` (relative paths) at once, which then carries the files it is given from `from`. */
export function startCarryThread(from: string, to: string, folders: readonly string[]): CarryThread {
  const output = moduleUrl("../output/index", import.meta.url);
  // From the TypeScript sources (development, tests) the thread registers tsx before it loads them.
  const tsx = output.endsWith(".ts") ? import.meta.resolve("tsx/esm/api") : null;
  const worker = new Worker(CARRY, { eval: true, workerData: { output, tsx, from, to, folders } });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const result = new Promise<boolean>((resolve, reject) => {
    let linked: boolean | null = null;
    worker.once("message", (message: boolean) => (linked = message));
    worker.once("error", reject);
    worker.once("exit", (code) => (linked === null ? reject(new Error(`carrying the unchanged pages into ${to} stopped (thread exit ${code})`)) : resolve(linked)));
  });
  result.catch(() => undefined); // told by `carry`
  return {
    carry(files) {
      worker.postMessage(files);
      return result;
    },
    async stop() {
      await worker.terminate();
      await exited;
    },
  };
}
