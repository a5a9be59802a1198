// Stage 8: the site. Eleventy renders the view model into pages (templates in ./templates, settings in
// eleventy.config.ts), then Pagefind indexes the story pages for search (./search.ts).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { DigestConfig } from "../config.ts";
import type { DigestModel } from "../digest/index.ts";
import { absoluteUrl, pathPrefix, resolveHref } from "../text/paths.ts";
import { stripControlChars } from "../text/plain-text.ts";
import { indexSearch } from "./search.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const templates = join(root, "src/site/templates");

/** Stories shown in full at the top of the front page and of each day; the rest are compact rows. */
export const LEAD_STORIES = 5;

export interface SiteOptions {
  outputDir: string;
  config: DigestConfig;
  model: DigestModel;
}

interface SiteConfigApi {
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (path: string) => string): void;
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
  const prefix = pathPrefix(config.baseUrl);
  const site = { ...config, title: stripControlChars(config.title), description: stripControlChars(config.description), leadStories: LEAD_STORIES };
  const eleventy = new Eleventy(templates, resolve(options.outputDir), {
    configPath: join(root, "eleventy.config.ts"),
    quietMode: true,
    config(eleventyConfig: SiteConfigApi) {
      eleventyConfig.addGlobalData("site", site);
      eleventyConfig.addGlobalData("digest", model);
      // "/about/" → the same path under the site's path prefix (the path part of baseUrl).
      eleventyConfig.addFilter("link", (path: string) => resolveHref(path, prefix));
      eleventyConfig.addFilter("absolute", (path: string) => absoluteUrl(path, config.baseUrl));
    },
  });
  eleventy.logger.overrideLogger(eleventyConsole);
  await eleventy.write();
  await indexSearch(options.outputDir, config.language);
}
