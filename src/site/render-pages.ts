// Rendering pages with Eleventy (settings in ./eleventy.ts, templates in ./templates): in this thread
// (./index.ts), or in the rendering thread a cold build starts while it clusters (./render-thread.ts).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { configureEleventy, type EleventyConfigApi, type EleventySetup } from "./eleventy.ts";
import type { PagesToRender } from "./plan.ts";

export const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), "templates");

/** Story pages one Eleventy run renders at most (./index.ts renderSite). */
const STORY_PAGES_PER_RUN = 2_500;

/** Eleventy's own console lines ("[11ty] Wrote 17 files") are not Digest's to print; its warnings and errors are. */
const eleventyConsole = {
  log: () => {},
  info: () => {},
  warn: (message: string) => process.stderr.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`${message}\n`),
};

let eleventyModule: Promise<typeof import("@11ty/eleventy")> | null = null;

/** Eleventy's module, imported once (its loading is about half a second of CPU). */
export function loadEleventy(): Promise<typeof import("@11ty/eleventy")> {
  // Eleventy registers an ESM resolve hook (a loader thread every later import goes through) to re-import
  // changed JavaScript templates and data in watch mode; the site has neither, and the hook cost about 9%
  // of a small build's instructions (callgrind). It is skipped unless the caller's environment says otherwise.
  process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
  eleventyModule ??= import("@11ty/eleventy");
  return eleventyModule;
}

/**
 * Renders `setup.pages` with Eleventy. It holds every page it renders until it has written them all:
 * story pages beyond the first run's share are rendered in further runs of story pages alone, so memory
 * stays bounded. (Rendering the story pages first, so that Pagefind could write the index while the
 * other pages render, cost one more Eleventy start-up and measured no faster: 5 paired 10k builds.)
 */
export async function renderPages(outputDir: string, setup: Omit<EleventySetup, "onPage" | "storiesOnly">, onPage: NonNullable<EleventySetup["onPage"]>): Promise<void> {
  const eleventy = await loadEleventy();
  const { pages } = setup;
  const runs: Array<{ share: PagesToRender; storiesOnly: boolean }> = [];
  runs.push({ share: { ...pages, stories: pages.stories.slice(0, STORY_PAGES_PER_RUN) }, storiesOnly: false });
  for (let i = STORY_PAGES_PER_RUN; i < pages.stories.length; i += STORY_PAGES_PER_RUN) runs.push({ share: { stories: pages.stories.slice(i, i + STORY_PAGES_PER_RUN), days: [], months: [], redirects: [] }, storiesOnly: true });
  for (const { share, storiesOnly } of runs) {
    const instance = new eleventy.default(TEMPLATES, outputDir, {
      // No config file: everything is set up by configureEleventy.
      configPath: false,
      quietMode: true,
      config: (eleventyConfig: EleventyConfigApi) => configureEleventy(eleventyConfig, { ...setup, pages: share, onPage, storiesOnly }),
    });
    instance.logger.overrideLogger(eleventyConsole);
    await instance.write();
  }
}
