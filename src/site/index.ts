// Stage 8: Eleventy renders the digests into the output folder.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { DigestConfig } from "../config.ts";
import type { Story } from "../types.ts";
import { tallyOutlets } from "./outlets.ts";
import { stripControlChars } from "./plain-text.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface SiteOptions {
  digestsDir: string;
  outputDir: string;
  config: DigestConfig;
  /** The stories behind the digests: outlet counts for the about page, titles for the month pages. */
  stories: readonly Story[];
}

interface GlobalDataConfig {
  addGlobalData(name: string, value: unknown): void;
}

export async function renderSite(options: SiteOptions): Promise<void> {
  const storyTitles: Record<string, string> = {};
  for (const story of options.stories) storyTitles[story.id] = stripControlChars(story.title);
  const data: Record<string, unknown> = {
    site: { ...options.config, title: stripControlChars(options.config.title), description: stripControlChars(options.config.description) },
    outletTally: tallyOutlets(options.stories),
    storyTitles,
  };
  const eleventy = new Eleventy(resolve(options.digestsDir), resolve(options.outputDir), {
    configPath: join(root, "eleventy.config.ts"),
    quietMode: true,
    config(eleventyConfig: GlobalDataConfig) {
      for (const [k, v] of Object.entries(data)) eleventyConfig.addGlobalData(k, v);
    },
  });
  await eleventy.write();
}
