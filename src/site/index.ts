// Stage 8: Eleventy renders the digests into the output folder.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { DigestConfig } from "../config.ts";
import type { Story } from "../types.ts";
import { tallyOutlets } from "./outlets.ts";
import { stripControlChars } from "../text/plain-text.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// Compiled (dist/src/site/index.js) the config beside it is JavaScript; run from the sources, TypeScript.
const configFile = import.meta.url.endsWith(".ts") ? "eleventy.config.ts" : "eleventy.config.js";

export interface SiteOptions {
  digestsDir: string;
  outputDir: string;
  config: DigestConfig;
  /** `stories` (Story[]) gives the about page its outlet counts and the month pages their headlines. */
  data?: { stories?: readonly Story[] };
}

interface GlobalDataConfig {
  addGlobalData(name: string, value: unknown): void;
}

export async function renderSite(options: SiteOptions): Promise<void> {
  const storyTitles: Record<string, string> = {};
  const stories = options.data?.stories ?? [];
  for (const story of stories) storyTitles[story.id] = stripControlChars(story.title);
  const data: Record<string, unknown> = {
    site: { ...options.config, title: stripControlChars(options.config.title), description: stripControlChars(options.config.description) },
    outletTally: tallyOutlets(stories),
    storyTitles,
  };
  const eleventy = new Eleventy(resolve(options.digestsDir), resolve(options.outputDir), {
    configPath: join(root, configFile),
    quietMode: true,
    config(eleventyConfig: GlobalDataConfig) {
      for (const [k, v] of Object.entries(data)) eleventyConfig.addGlobalData(k, v);
    },
  });
  await eleventy.write();
}
