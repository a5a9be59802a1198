// How Eleventy renders the view model: it reads no Markdown and no config file; the templates in
// ./templates are its only input files. The whole model is global data (`digest`, for the pages that
// list across it), and the pages to render this time are global data too (`pages`: the stories, days,
// months and moved stories whose page changed, see ./plan.ts), paginated one per page. Each page template
// extends templates/_includes/base.njk (Nunjucks' own inheritance) rather than naming it as Eleventy's
// `layout`: a layout is a second render of every page, whose data Eleventy copies again through its proxies.
import type { DigestModel } from "../digest/index.ts";
import { dayTitle, monthTitle, shortDayTitle } from "../text/dates.ts";
import { absoluteUrl, pathPrefix, resolveHref } from "../text/paths.ts";
import { selfContainedBidi } from "../text/bidi.ts";
import { joinSentences } from "../text/sentences.ts";
import type { PagesToRender } from "./plan.ts";

/** The part of Nunjucks that Eleventy hands over with its environment. */
interface NunjucksTemplate {
  render(data: unknown, callback: (error: Error | null, result: string) => void): void;
}
interface NunjucksLib {
  Template: new (source: string, env: NunjucksEnvironment, path: string | null, eagerCompile: boolean) => NunjucksTemplate;
}
interface NunjucksEnvironment {
  addFilter(name: string, fn: PageFilter): void;
}

/** A template filter: a string (or, for `sentences`, a list of them) in, a string out. */
export type PageFilter = (value: never) => string;

export interface EleventyConfigApi {
  setTemplateFormats(formats: string[]): void;
  setUseGitIgnore(use: boolean): void;
  ignores: Set<string>;
  setNunjucksEnvironmentOptions(options: Record<string, unknown>): void;
  addGlobalData(name: string, value: unknown): void;
  addExtension(extension: string, options: Record<string, unknown>): void;
  addTransform(name: string, fn: (this: { page: { outputPath: string | false; url: string | false } }, content: string) => string): void;
  setUseTemplateCache(use: boolean): void;
  on(event: string, listener: (arg: { nunjucks: NunjucksLib; environment: NunjucksEnvironment }) => void): void;
  benchmarkManager: { setVerboseOutput(verbose: boolean): void; getAll(): Record<string, { setIsVerbose(verbose: boolean): void }> };
}

export interface EleventySetup {
  site: { baseUrl: string };
  model: DigestModel;
  pages: PagesToRender;
  /** The search bundles the search page searches (./bundles.ts; templates/search-bundles.njk). */
  search: {
    merge: Array<{ bundlePath: string }>;
    /** The letters of unspaced scripts the index splits into words (./unspaced-words.ts); absent or null when the site's own index segments them. */
    unspacedLetters?: string | null;
  };
  /** Only the story pages: every other template is left out (./direct.ts renderDirect; the build's Eleventy run renders every template). */
  storiesOnly?: boolean;
  /** Called with each page Eleventy writes: its URL, file and content (as written). */
  onPage?: (page: { url: string; outputPath: string; content: string }) => void;
  /** Called with each page as its template renders it, in Eleventy's first pass (it renders every page before it writes any). */
  onContent?: (page: { url: string; content: string }) => void;
}

export function configureEleventy(eleventyConfig: EleventyConfigApi, data: EleventySetup): void {
  eleventyConfig.setTemplateFormats(["njk"]);
  // Eleventy makes its configuration benchmarks before quiet mode reaches them, so a filter that was
  // slow once (the first date formatting on a busy machine) printed "[11ty] Benchmark …" on a quiet build.
  eleventyConfig.benchmarkManager.setVerboseOutput(false);
  for (const group of Object.values(eleventyConfig.benchmarkManager.getAll())) group.setIsVerbose(false);
  // The templates are the only input; a .gitignore in the working folder (ours lists dist/, where the
  // compiled templates live) must not hide them.
  eleventyConfig.setUseGitIgnore(false);
  // Input text reaches templates only as data; autoescape makes every {{ value }} text.
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  cacheCompiledTemplates(eleventyConfig, data.onContent ?? null);
  // Frozen (shallow copies): Eleventy hands a paginated page's data to the templates behind a Proxy that
  // wraps every plain object it passes on (a new Proxy per read, and a trap per property read after it),
  // except frozen ones, which it also leaves uncopied when it copies a template's data for pagination.
  // base.njk reads `site` about a dozen times a page.
  eleventyConfig.addGlobalData("site", Object.freeze({ ...data.site }));
  eleventyConfig.addGlobalData("digest", Object.freeze({ ...data.model }));
  eleventyConfig.addGlobalData("pages", Object.freeze({ ...data.pages }));
  eleventyConfig.addGlobalData("search", Object.freeze({ ...data.search }));
  const filters = pageFilters(data.site.baseUrl);
  // Straight into Nunjucks' environment (Eleventy's addFilter wraps each call of each filter in a
  // benchmark and copies the page's data onto `this`, which none of these reads): a story page calls
  // about 25 filters, and the wrapping cost more than the filters.
  eleventyConfig.on("eleventy.engine.njk", ({ environment }) => {
    for (const [name, fn] of Object.entries(filters)) environment.addFilter(name, fn);
  });
  const onPage = data.onPage;
  if (onPage) {
    // The only transform, so its content is the page as written.
    eleventyConfig.addTransform("digest-pages", function (content) {
      const { url, outputPath } = this.page;
      if (typeof url === "string" && typeof outputPath === "string") onPage({ url, outputPath, content });
      return content;
    });
  }
}

/** The filters the templates use besides Nunjucks' own (./direct.ts adds the same). */
export function pageFilters(baseUrl: string): Record<string, PageFilter> {
  const prefix = pathPrefix(baseUrl);
  return {
    // "/about/" → the same path under the site's path prefix (the path part of baseUrl).
    link: (path) => resolveHref(path, prefix),
    absolute: (path) => absoluteUrl(path, baseUrl),
    // A site has a few hundred days and every page names some: each is formatted once.
    dayTitle: kept(dayTitle),
    shortDay: kept(shortDayTitle),
    monthTitle: kept(monthTitle),
    // A headline or sentence in the page's <title> or meta description, which have no <bdi>: an override
    // left open in it would turn " · Digest" after it (a browser tab, a bookmark, a search result).
    selfContained: selfContainedBidi,
    // A summary's sentences as one paragraph (no space after a Chinese or Japanese full stop).
    sentences: (value: readonly string[]) => joinSentences(value),
  };
}

/** A pure function of a string, with its answers kept. */
function kept(fn: (value: string) => string): (value: string) => string {
  const answers = new Map<string, string>();
  return (value) => {
    let answer = answers.get(value);
    if (answer === undefined) {
      answer = fn(value);
      answers.set(value, answer);
    }
    return answer;
  };
}

/** What a template is rendered with, as far as this file reads it. */
type PageData = { page?: { url?: unknown; inputPath?: unknown } } | undefined;

/** Renders between two turns of the event loop while Pagefind is fed (see cacheCompiledTemplates). */
const RENDERS_PER_TURN = 4;

/**
 * Eleventy 3.1 compiles a Nunjucks template again for every page it paginates into (its Nunjucks engine
 * is not cacheable), which cost more than rendering. Overriding the `njk` language (Eleventy's
 * documented addExtension override) with the same compilation, in Eleventy's own Nunjucks environment
 * (so the same filters, loader and options), compiles each template and permalink once: kept here by
 * file and source. Eleventy's own compile cache is off: for every page it looked its key up (the
 * source joined to the path, and whether a file changed in watch mode, by normalising the template's
 * path again), which cost more than the look-up here; the site has no Eleventy layouts or JavaScript
 * templates, the cache's other users.
 */
function cacheCompiledTemplates(eleventyConfig: EleventyConfigApi, onContent: EleventySetup["onContent"] | null): void {
  let nunjucks: NunjucksLib | null = null;
  let environment: NunjucksEnvironment | null = null;
  let rendersSinceTurn = 0;
  eleventyConfig.on("eleventy.engine.njk", (engine) => {
    nunjucks = engine.nunjucks;
    environment = engine.environment;
  });
  eleventyConfig.setUseTemplateCache(false);
  // By file, its sources (the template's and its permalink's) with their render functions.
  const compiled = new Map<string, Array<{ source: string; render: (data: PageData) => Promise<string> }>>();
  eleventyConfig.addExtension("njk", {
    compileOptions: { cache: true, permalink: true },
    compile(source: string, inputPath: string) {
      let known = compiled.get(inputPath);
      if (!known) compiled.set(inputPath, (known = []));
      const kept = known.find((k) => k.source === source);
      if (kept) return kept.render;
      if (!nunjucks || !environment) throw new Error("Eleventy did not set up its Nunjucks environment");
      const template = new nunjucks.Template(source, environment, inputPath, true);
      const render = async (data: PageData) => {
        const result = await new Promise<string>((resolve, reject) => template.render(data, (error, result) => (error ? reject(error) : resolve(result))));
        if (onContent) {
          // A page's own template (base.njk comes in through `extends`, so there is no Eleventy layout).
          const page = data?.page;
          if (page && page.inputPath === inputPath && typeof page.url === "string") onContent({ url: page.url, content: result });
          // Eleventy renders page after page without waiting on anything: a turn of the event loop now and
          // then lets what was sent to Pagefind reach it, and its answers come back.
          if (++rendersSinceTurn >= RENDERS_PER_TURN) {
            rendersSinceTurn = 0;
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
        return result;
      };
      known.push({ source, render });
      return render;
    },
  });
}
