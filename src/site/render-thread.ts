// The site's rendering thread (./renderer.ts): it loads Eleventy as soon as it starts, while the build
// clusters and summarises on the main thread, then renders each job it is sent, handing every page back
// as it goes.
import { parentPort } from "node:worker_threads";
import { loadEleventy, renderPages, type RenderJob } from "./render.ts";
import type { ThreadMessage } from "./renderer.ts";

const port = parentPort!;
const post = (message: ThreadMessage) => port.postMessage(message);
const eleventy = loadEleventy();
eleventy.catch(() => {}); // a job that needs it reports the failure

port.on("message", async (job: RenderJob) => {
  try {
    await renderPages(await eleventy, job, {
      onContent: (page) => post({ kind: "content", page }),
      onPage: (page) => post({ kind: "page", page }),
      warn: (message) => post({ kind: "warn", message }),
    });
    post({ kind: "done" });
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    post({ kind: "error", error: { name: error.name, message: error.message, stack: error.stack } });
  }
});
