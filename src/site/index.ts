// Stage 8: the site. Eleventy renders the view model into pages (templates in ./templates, settings in
// ./eleventy.ts), then Pagefind indexes the story pages for search (./search.ts).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { DigestConfig } from "../config.ts";
import type { DigestModel } from "../digest/index.ts";
import { stripControlChars } from "../text/plain-text.ts";
import { configureEleventy, type EleventyConfigApi } from "./eleventy.ts";
import { indexSearch } from "./search.ts";

const templates = join(dirname(fileURLToPath(import.meta.url)), "templates");

/** Stories shown in full at the top of the front page and of each day; the rest are compact rows. */
export const LEAD_STORIES = 5;
/** Stories on the front page in all; the rest of the latest days are on their day pages. */
export const FRONT_STORIES = 50;

export interface SiteOptions {
  outputDir: string;
  config: DigestConfig;
  model: DigestModel;
}

/** Eleventy's own console lines ("[11ty] Wrote 17 files") are not Digest's to print; its warnings and errors are. */
const eleventyConsole = {
  log: () => {},
  info: () => {},
  warn: (message: string) => process.stderr.write(`${message}\n`),
  error: (message: string) => process.stderr.write(`${message}\n`),
};

export async function renderSite(options: SiteOptions): Promise<void> {
  const { config, model } = options;
  const site = { ...config, title: stripControlChars(config.title), description: stripControlChars(config.description), leadStories: LEAD_STORIES, frontStories: FRONT_STORIES };
  const eleventy = new Eleventy(templates, resolve(options.outputDir), {
    // No config file: everything is set up by configureEleventy.
    configPath: false,
    quietMode: true,
    config: (eleventyConfig: EleventyConfigApi) => configureEleventy(eleventyConfig, { site, model }),
  });
  eleventy.logger.overrideLogger(eleventyConsole);
  await eleventy.write();
  await indexSearch(options.outputDir, config.language);
}
