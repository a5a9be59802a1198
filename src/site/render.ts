// Eleventy's runs over the pages to render. They run on the site's rendering thread (./renderer.ts), so
// they take plain data in and hand pages back through `events`, never touching the build's state.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { configureEleventy, type EleventyConfigApi, type EleventySetup } from "./eleventy.ts";
import type { PagesToRender } from "./plan.ts";

type EleventyModule = typeof import("@11ty/eleventy");

const templates = join(dirname(fileURLToPath(import.meta.url)), "templates");

/** Story pages one Eleventy run renders at most (Eleventy holds every page of a run until it has written them). */
const STORY_PAGES_PER_RUN = 2_500;

/** What a render needs: plain data, so it can be sent to another thread. */
export interface RenderJob {
  outputDir: string;
  setup: Omit<EleventySetup, "onPage" | "onContent" | "storiesOnly">;
}

/** What a render hands back as it goes: each page's own content (before layouts), each page as written, Eleventy's warnings. */
export interface RenderEvents {
  onContent: NonNullable<EleventySetup["onContent"]>;
  onPage: NonNullable<EleventySetup["onPage"]>;
  warn: (message: string) => void;
}

/**
 * Loads Eleventy. It registers an ESM resolve hook (a loader thread every later import goes through) to
 * re-import changed JavaScript templates and data in watch mode; the site has neither, and the hook cost
 * about 9% of a small build's instructions (callgrind). It is skipped unless the environment says otherwise.
 */
export function loadEleventy(): Promise<EleventyModule> {
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  return import("@11ty/eleventy");
}

/**
 * Renders `job.setup.pages` with Eleventy. Story pages beyond the first run's share are rendered in
 * further runs of story pages alone, so memory stays bounded. (Rendering the story pages first, so that
 * Pagefind could write the index while the other pages render, cost one more Eleventy start-up and
 * measured no faster: 5 paired 10k builds.)
 */
export async function renderPages(eleventy: EleventyModule, job: RenderJob, events: RenderEvents): Promise<void> {
  const { pages } = job.setup;
  const runs: Array<{ share: PagesToRender; storiesOnly: boolean }> = [];
  runs.push({ share: { ...pages, stories: pages.stories.slice(0, STORY_PAGES_PER_RUN) }, storiesOnly: false });
  for (let i = STORY_PAGES_PER_RUN; i < pages.stories.length; i += STORY_PAGES_PER_RUN) runs.push({ share: { stories: pages.stories.slice(i, i + STORY_PAGES_PER_RUN), days: [], months: [], redirects: [] }, storiesOnly: true });
  // Eleventy's own console lines ("[11ty] Wrote 17 files") are not Digest's to print; its warnings and errors are.
  const console = { log: () => {}, info: () => {}, warn: events.warn, error: events.warn };
  for (const { share, storiesOnly } of runs) {
    const instance = new eleventy.default(templates, job.outputDir, {
      // No config file: everything is set up by configureEleventy.
      configPath: false,
      quietMode: true,
      config: (eleventyConfig: EleventyConfigApi) => configureEleventy(eleventyConfig, { ...job.setup, pages: share, onPage: events.onPage, onContent: events.onContent, storiesOnly }),
    });
    instance.logger.overrideLogger(console);
    await instance.write();
  }
}
