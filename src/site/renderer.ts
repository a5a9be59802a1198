// Where Eleventy runs: on this thread, or on a thread of its own started early (a build starts it before
// clustering, so loading Eleventy, about 0.6 s, overlaps work that leaves a core idle). Both render the
// same pages with the same code (./render.ts).
import type { Worker } from "node:worker_threads";
import { moduleUrl } from "../cache/code-hash.ts";
import { startThread } from "../parallel/pool.ts";
import { loadEleventy, renderPages, type RenderEvents, type RenderJob } from "./render.ts";

export interface SiteRenderer {
  render(job: RenderJob, events: RenderEvents): Promise<void>;
  close(): Promise<void>;
}

/** What the rendering thread sends back. */
export type ThreadMessage =
  | { kind: "content"; page: Parameters<RenderEvents["onContent"]>[0] }
  | { kind: "page"; page: Parameters<RenderEvents["onPage"]>[0] }
  | { kind: "warn"; message: string }
  | { kind: "done" }
  | { kind: "error"; error: { name: string; message: string; stack?: string } };

/** The rendering thread's module (its code is the site's code too: see site/index.ts siteCode). */
export const RENDER_THREAD = moduleUrl("./render-thread", import.meta.url);

/** Renders on this thread, loading Eleventy when first asked. */
export function renderHere(): SiteRenderer {
  let eleventy: ReturnType<typeof loadEleventy> | null = null;
  return {
    render: async (job, events) => renderPages(await (eleventy ??= loadEleventy()), job, events),
    close: async () => {},
  };
}

/** Starts the rendering thread now (it loads Eleventy at once); it renders one job at a time. */
export function startRenderThread(): SiteRenderer {
  const worker: Worker = startThread(RENDER_THREAD);
  let busy = false;
  let stopped: string | null = null;
  worker.on("exit", (code) => (stopped = `the site's rendering thread stopped (exit code ${code})`));
  // An error before any job (Eleventy failing to load is reported by the job instead) stops the thread.
  worker.on("error", (error: Error) => (stopped = `the site's rendering thread failed: ${error.message}`));
  return {
    render: (job, events) =>
      new Promise<void>((resolve, reject) => {
        if (stopped) return reject(new Error(stopped));
        if (busy) return reject(new Error("the site's rendering thread is already rendering"));
        busy = true;
        const done = (error?: Error) => {
          busy = false;
          worker.off("message", onMessage);
          worker.off("error", onError);
          worker.off("exit", onExit);
          if (error) reject(error);
          else resolve();
        };
        const onMessage = (message: ThreadMessage) => {
          try {
            if (message.kind === "content") events.onContent(message.page);
            else if (message.kind === "page") events.onPage(message.page);
            else if (message.kind === "warn") events.warn(message.message);
            else if (message.kind === "done") done();
            else done(Object.assign(new Error(message.error.message), { name: message.error.name, stack: message.error.stack }));
          } catch (error) {
            // A handler that throws fails the render; the thread is stopped, as its pages are no longer wanted.
            stopped = "the site's rendering thread was stopped after an error";
            void worker.terminate();
            done(error as Error);
          }
        };
        const onError = (error: Error) => done(error);
        const onExit = (code: number) => done(new Error(`the site's rendering thread stopped (exit code ${code}) while rendering`));
        worker.on("message", onMessage);
        worker.on("error", onError);
        worker.on("exit", onExit);
        worker.postMessage(job);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
