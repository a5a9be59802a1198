// How Eleventy renders the view model: it reads no Markdown and no config file; the templates in
// ./templates are its only input files and the model is global data (`digest`), paginated into day,
// story, month and moved-story pages.
import type { DigestModel } from "../digest/index.ts";
import { dayTitle, monthTitle, shortDayTitle } from "../text/dates.ts";
import { absoluteUrl, pathPrefix, resolveHref } from "../text/paths.ts";

export interface EleventyConfigApi {
  setTemplateFormats(formats: string[]): void;
  setUseGitIgnore(use: boolean): void;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (value: string) => string): void;
}

/** The paginated item a page shows, when it shows one. */
interface PageData {
  title?: string;
  description?: string;
  story?: { headline: string; summary: string[] };
  day?: { title: string };
  month?: { label: string };
  moved?: { to: { headline: string; path: string } };
}

export function configureEleventy(eleventyConfig: EleventyConfigApi, data: { site: { baseUrl: string }; model: DigestModel }): void {
  eleventyConfig.setTemplateFormats(["njk"]);
  // The templates are the only input; a .gitignore in the working folder (ours lists dist/, where the
  // compiled templates live) must not hide them.
  eleventyConfig.setUseGitIgnore(false);
  // Input text reaches templates only as data; autoescape makes every {{ value }} text.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  eleventyConfig.addGlobalData("site", data.site);
  eleventyConfig.addGlobalData("digest", data.model);
  // Titles computed as functions, not as template strings, which autoescape would escape a second time.
  eleventyConfig.addGlobalData("eleventyComputed", {
    title: (d: PageData) => d.story?.headline ?? d.day?.title ?? d.month?.label ?? d.moved?.to.headline ?? d.title,
    description: (d: PageData) => d.story?.summary[0] ?? d.description,
    redirectTo: (d: PageData) => d.moved?.to.path,
  });
  const prefix = pathPrefix(data.site.baseUrl);
  // "/about/" → the same path under the site's path prefix (the path part of baseUrl).
  eleventyConfig.addFilter("link", (path) => resolveHref(path, prefix));
  eleventyConfig.addFilter("absolute", (path) => absoluteUrl(path, data.site.baseUrl));
  eleventyConfig.addFilter("dayTitle", (date) => dayTitle(date));
  eleventyConfig.addFilter("shortDay", (date) => shortDayTitle(date));
  eleventyConfig.addFilter("monthTitle", (date) => monthTitle(date));
}
