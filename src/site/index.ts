// Stage 8: Eleventy renders the digests into the output folder.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Eleventy from "@11ty/eleventy";
import type { DigestConfig } from "../config.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export interface SiteOptions {
  digestsDir: string;
  outputDir: string;
  config: DigestConfig;
  /** Extra global data for the templates (the stories, the outlets). */
  data?: Record<string, unknown>;
}

interface GlobalDataConfig {
  addGlobalData(name: string, value: unknown): void;
}

export async function renderSite(options: SiteOptions): Promise<void> {
  const eleventy = new Eleventy(resolve(options.digestsDir), resolve(options.outputDir), {
    configPath: join(root, "eleventy.config.ts"),
    quietMode: true,
    config(eleventyConfig: GlobalDataConfig) {
      eleventyConfig.addGlobalData("site", options.config);
      for (const [k, v] of Object.entries(options.data ?? {})) eleventyConfig.addGlobalData(k, v);
    },
  });
  await eleventy.write();
}
