// Eleventy renders the view model (global data `digest`, see src/site/index.ts) into pages: paginated
// templates for days, stories, months and moved stories, and single pages for the rest. It reads no
// Markdown: the templates in src/site/templates are the only input files.
import { dayTitle, monthTitle, shortDayTitle } from "./src/text/dates.ts";

interface EleventyConfig {
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, fn: (...args: never[]) => unknown): void;
}

/** The paginated item a page shows, when it shows one. */
interface PageData {
  title?: unknown;
  description?: unknown;
  story?: { headline: string; summary: string[] };
  day?: { title: string };
  month?: { label: string };
  moved?: { path: string; to: { headline: string; path: string } };
}

export default function (eleventyConfig: EleventyConfig) {
  // Input text reaches templates only as data; autoescape makes every {{ value }} text.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  // Titles computed as functions, not as template strings, which autoescape would escape a second time.
  eleventyConfig.addGlobalData("eleventyComputed", {
    title: (data: PageData) => data.story?.headline ?? data.day?.title ?? data.month?.label ?? data.moved?.to.headline ?? data.title,
    description: (data: PageData) => data.story?.summary[0] ?? data.description,
    redirectTo: (data: PageData) => data.moved?.to.path,
  });
  eleventyConfig.addFilter("dayTitle", (date: string) => dayTitle(date));
  eleventyConfig.addFilter("shortDay", (date: string) => shortDayTitle(date));
  eleventyConfig.addFilter("monthTitle", (date: string) => monthTitle(date));
  return {
    dir: { includes: "_includes" },
    htmlTemplateEngine: "njk",
    templateFormats: ["njk"],
  };
}
