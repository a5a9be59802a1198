// Eleventy renders the digests folder (one Markdown file per day) into the site.
// Templates live in src/site/templates and are added as virtual templates, so the
// digests folder holds nothing but digests.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";
import { headingIds } from "./src/site/heading-ids.ts";

const templates = join(dirname(fileURLToPath(import.meta.url)), "src/site/templates");

interface EleventyConfig {
  setLibrary(name: string, lib: unknown): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addCollection(name: string, fn: (api: { getFilteredByGlob(glob: string): unknown[] }) => unknown[]): void;
}

export default function (eleventyConfig: EleventyConfig) {
  // Article text is data: no raw HTML passes through Markdown.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(headingIds);
  eleventyConfig.setLibrary("md", md);
  for (const name of readdirSync(templates)) {
    const content = readFileSync(join(templates, name), "utf8");
    if (name === "base.njk") eleventyConfig.addTemplate(`_includes/${name}`, content);
    else eleventyConfig.addTemplate(name, content);
  }
  eleventyConfig.addGlobalData("eleventyComputed", {
    layout: (data: { layout?: string }) => data.layout ?? "base.njk",
    // A digest for 2025-05-29 is served at /2025/05/29/.
    permalink: (data: { permalink?: unknown; page: { inputPath: string } }) => {
      const m = /(\d{4})-(\d{2})-(\d{2})\.md$/.exec(data.page.inputPath);
      return m ? `/${m[1]}/${m[2]}/${m[3]}/index.html` : data.permalink;
    },
  });
  eleventyConfig.addCollection("digest", (api) => api.getFilteredByGlob("**/????-??-??.md"));
  return {
    // Never run a template language over digest text: `{{` in an article stays `{{`.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk"],
  };
}
