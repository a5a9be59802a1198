// Eleventy renders the digests folder (one Markdown file per day) into the site.
// Templates live in src/site/templates and are added as virtual templates, so the
// digests folder holds nothing but digests.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMarkdown } from "./src/site/markdown.ts";
import { dayCollections, monthCollections, monthPath, monthTitle, type DigestItem } from "./src/site/collections.ts";
import { dayTitle } from "./src/digest/index.ts";
import { linkBase, resolveHref } from "./src/site/links.ts";

const templates = join(dirname(fileURLToPath(import.meta.url)), "src/site/templates");

interface FilterThis {
  ctx?: { site?: unknown };
}

interface EleventyConfig {
  setLibrary(name: string, lib: unknown): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  addTemplate(path: string, content: string, data?: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (this: FilterThis, ...args: never[]) => unknown): void;
  addCollection(name: string, fn: (api: { getAll(): DigestItem[] }) => unknown[]): void;
}

// By path, not by glob: a glob does not match digests in a folder outside the working directory.
const DIGEST_FILE = /(^|[\\/])\d{4}-\d{2}-\d{2}\.md$/;

/** The digests, oldest first (the order Eleventy's previous/next-item filters expect). */
function digestItems(api: { getAll(): DigestItem[] }): DigestItem[] {
  return api
    .getAll()
    .filter((item) => DIGEST_FILE.test(item.inputPath))
    .sort((a, b) => (a.page.fileSlug < b.page.fileSlug ? -1 : a.page.fileSlug > b.page.fileSlug ? 1 : 0));
}

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.setLibrary("md", createMarkdown());
  // Input text reaches templates only as data; autoescape makes every {{ value }} text.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  for (const name of readdirSync(templates).sort()) {
    const content = readFileSync(join(templates, name), "utf8");
    const layout = name === "base.njk" || name === "day.njk";
    eleventyConfig.addTemplate(layout ? `_includes/${name}` : name, content);
  }
  // A layout set through eleventyComputed is ignored (Eleventy resolves layouts before computed data),
  // so the digests get theirs as plain global data; every other template names its own.
  eleventyConfig.addGlobalData("layout", "day.njk");
  eleventyConfig.addGlobalData("eleventyComputed", {
    // A digest for 2025-05-29 is served at /2025/05/29/.
    permalink: (data: { permalink?: unknown; page: { inputPath: string } }) => {
      const m = /(\d{4})-(\d{2})-(\d{2})\.md$/.exec(data.page.inputPath);
      return m ? `/${m[1]}/${m[2]}/${m[3]}/index.html` : data.permalink;
    },
  });
  eleventyConfig.addCollection("digest", (api) => digestItems(api));
  eleventyConfig.addCollection("days", (api) => dayCollections(digestItems(api)));
  eleventyConfig.addCollection("months", (api) => monthCollections(digestItems(api)));

  // "/about/" → the same path under the site's path prefix (the path part of baseUrl).
  eleventyConfig.addFilter("link", function (this: FilterThis, path: string) {
    return resolveHref(path, linkBase(this.ctx));
  });
  eleventyConfig.addFilter("absolute", function (this: FilterThis, path: string) {
    const site = this.ctx?.site;
    const base = site && typeof site === "object" && "baseUrl" in site && typeof site.baseUrl === "string" ? site.baseUrl : "/";
    return new URL(path.replace(/^\//, ""), base).href;
  });
  eleventyConfig.addFilter("dayTitle", (date: string) => dayTitle(date));
  eleventyConfig.addFilter("monthTitle", (date: string) => monthTitle(date));
  eleventyConfig.addFilter("monthPath", (date: string) => monthPath(date));
  // The home page nests each day's stories under a day heading, one level down.
  eleventyConfig.addFilter("demoteHeadings", (html: string) => html.replace(/<(\/?)h2([\s>])/g, "<$1h3$2"));

  return {
    // Never run a template language over digest text: `{{` in an article stays `{{`.
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk"],
  };
}
