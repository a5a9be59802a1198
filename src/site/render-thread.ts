// Eleventy on a thread of its own. A cold build starts it before clustering (src/cli/build.ts): nothing
// of the later stages can start before the stories exist, so one core stands mostly idle then, and
// Eleventy's loading (0.5-0.75 s of CPU, else at the start of the site stage, the longest lane of which
// is this rendering) runs there instead. The site stage sends it the view model and the pages to render
// (./index.ts); the search documents it sends back go to Pagefind here, in the order Pagefind needs them.
import type { Worker } from "node:worker_threads";
import { moduleUrl } from "../cache/code-hash.ts";
import { startModuleThread } from "../parallel/pool.ts";
import type { EleventySetup } from "./eleventy.ts";

/** The rendering thread's module (in the site's code hash: ./index.ts). */
export const RENDER_WORKER = moduleUrl("./render-worker", import.meta.url);

/** What the site stage sends the thread: everything but the callbacks of an in-thread render. */
export interface RenderJob {
  outputDir: string;
  setup: Omit<EleventySetup, "onPage" | "onContent" | "storiesOnly">;
  /** The story pages whose search documents Pagefind waits for. */
  storyUrls: string[];
  language: string;
}

/** What the thread sends back: search documents and written files ([url, document], [url, file]), then done or the error. */
export type RenderNews = { kind: "batch"; documents: Array<[string, string]>; pages: Array<[string, string]> } | { kind: "done" } | { kind: "error"; message: string; stack: string | null };

export interface RenderHandlers {
  /** A story page's search document (./search-document.ts), made as ./search.ts would make it. */
  document(url: string, document: string): void;
  /** A page written, and its file. */
  page(url: string, outputPath: string): void;
}

/** `DIGEST_SITE_THREAD=0` renders in the build's own thread, as before stop 50 (to compare). */
export function renderThreadWanted(): boolean {
  return process.env.DIGEST_SITE_THREAD !== "0";
}

export class RenderThread {
  private readonly worker: Worker;
  private used = false;
  private ended: Promise<void> | null = null;

  constructor() {
    this.worker = startModuleThread(RENDER_WORKER);
    // Until a job is sent, an error (Eleventy failing to load) is kept for the job; the thread's end is not an error then.
    this.worker.on("error", () => {});
  }

  /** Renders `job`: handlers hear each batch as it comes; resolves once every page is written. One job per thread. */
  render(job: RenderJob, handlers: RenderHandlers): Promise<void> {
    if (this.used) throw new Error("a rendering thread renders one job");
    this.used = true;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | null) => {
        if (settled) return;
        settled = true;
        this.worker.off("message", onMessage);
        if (error) reject(error);
        else resolve();
      };
      const onMessage = (news: RenderNews) => {
        if (news.kind === "batch") {
          try {
            for (const [url, document] of news.documents) handlers.document(url, document);
            for (const [url, file] of news.pages) handlers.page(url, file);
          } catch (error) {
            settle(error instanceof Error ? error : new Error(String(error)));
          }
        } else if (news.kind === "done") settle(null);
        else {
          const error = new Error(news.message);
          if (news.stack) error.stack = news.stack;
          settle(error);
        }
      };
      this.worker.on("message", onMessage);
      this.worker.once("error", (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))));
      this.worker.once("exit", (code) => settle(new Error(`the rendering thread stopped (exit code ${code}) before the site was rendered`)));
      this.worker.postMessage(job);
    });
  }

  /** Stops the thread (whether or not it rendered). */
  close(): Promise<void> {
    this.ended ??= this.worker.terminate().then(() => undefined);
    return this.ended;
  }
}
