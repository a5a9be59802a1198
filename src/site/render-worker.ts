// The rendering thread (./render-thread.ts): loads Eleventy as soon as it starts (a cold build starts it
// while it clusters, on the core that would stand idle), then renders the one job it is sent. Each story
// page's search document is made here and sent back in batches, with the files written, for the build's
// thread to hand to Pagefind (./search.ts) in order.
import { parentPort } from "node:worker_threads";
import { loadEleventy, renderPages } from "./render-pages.ts";
import { markedDocument, searchDocument } from "./search-document.ts";
import type { RenderJob, RenderNews } from "./render-thread.ts";

/** Search documents per message: Pagefind gets them soon after they are made, without a message a page. */
const DOCUMENTS_PER_MESSAGE = 8;
/** Written files per message (only their names: ./index.ts lists the pages across the whole model by them). */
const PAGES_PER_MESSAGE = 256;

const port = parentPort!;
// A failure to load shows when the job awaits it.
loadEleventy().catch(() => {});

port.once("message", async (job: RenderJob) => {
  const stories = new Set(job.storyUrls);
  const sent = new Set<string>();
  let documents: Array<[string, string]> = [];
  let pages: Array<[string, string]> = [];
  const flush = () => {
    if (!documents.length && !pages.length) return;
    port.postMessage({ kind: "batch", documents, pages } satisfies RenderNews);
    documents = [];
    pages = [];
  };
  const send = (url: string, document: string) => {
    sent.add(url);
    documents.push([url, document]);
    if (documents.length >= DOCUMENTS_PER_MESSAGE) flush();
  };
  try {
    await renderPages(
      job.outputDir,
      {
        ...job.setup,
        onContent: ({ url, content }) => {
          if (!stories.has(url) || sent.has(url)) return;
          const document = markedDocument(content, job.language);
          if (document !== null) send(url, document);
        },
      },
      ({ url, outputPath, content }) => {
        if (stories.has(url) && !sent.has(url)) send(url, searchDocument(content, job.language));
        pages.push([url, outputPath]);
        if (pages.length >= PAGES_PER_MESSAGE) flush();
      },
    );
    flush();
    port.postMessage({ kind: "done" } satisfies RenderNews);
  } catch (caught) {
    flush();
    const error = caught instanceof Error ? caught : new Error(String(caught));
    port.postMessage({ kind: "error", message: error.message, stack: error.stack ?? null } satisfies RenderNews);
  }
});
