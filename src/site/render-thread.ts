// The site's rendering thread (./renderer.ts): it loads Eleventy as soon as it starts, while the build
// summarises and writes its digests and report on the main thread, then renders each job it is sent,
// handing every page back as it goes. (It does not warm Eleventy up with a render of its own: Eleventy
// keeps some of a run's settings for the next run in the same thread, such as the site's address.)
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
