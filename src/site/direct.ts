// A few pages rendered without Eleventy: an incremental build renders the dozen pages that changed and
// the pages that list across the whole model, and loading Eleventy (about 0.75 s of CPU, 170 CommonJS
// modules) cost more than all of that rendering. The templates are compiled and rendered as Eleventy
// does with them (./eleventy.ts): by Eleventy's own copy of Nunjucks, in an environment made as Eleventy
// makes it (a file-system loader on the includes folder and the working folder, the same options and
// filters), each page with the global data, its template's front matter, its pagination item under the
// template's alias and `page.url`, written to its permalink. The site uses nothing else of Eleventy
// (no layouts, collections, shortcodes or transforms; templates/*.njk). test/site/direct.test.ts and
// `npm run bench -- --check` (a cold build renders with Eleventy) hold the two to the same bytes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { CompiledTemplates, splitFrontMatter, writeCompiledTemplates, type CompilingEnvironment, type TemplateProps } from "./compiled-templates.ts";
import { pageFilters, type EleventySetup, type PageFilter } from "./eleventy.ts";

export { splitFrontMatter } from "./compiled-templates.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const TEMPLATES = join(HERE, "templates");
/** The environment's options, as ./eleventy.ts sets Eleventy's. */
const OPTIONS = { autoescape: true, throwOnUndefined: false };

interface Template {
  render(data: unknown, callback: (error: Error | null, result: string) => void): void;
}
interface Environment extends CompilingEnvironment {
  addFilter(name: string, fn: PageFilter): void;
}
/** What Nunjucks' loaders give for a template name (src: its text, or its code precompiled). */
type LoaderSource = { src: string | { type: "code"; obj: TemplateProps }; path: string; noCache: boolean } | null;
interface Loader {
  getSource(name: string): LoaderSource;
}
type TemplateSource = string | { type: "code"; obj: TemplateProps };
interface Nunjucks {
  Environment: new (loader: Loader, options: Record<string, unknown>) => Environment;
  FileSystemLoader: new (dirs: string[]) => Loader;
  Template: new (source: TemplateSource, env: Environment, path: string | null, eagerCompile: boolean) => Template;
  compiler: { compile(source: string, asyncFilters: readonly string[], extensions: readonly unknown[], name: string, opts: Record<string, unknown>): string };
}

/** Eleventy's own Nunjucks (its dependency, not ours): the same copy renders both ways. */
function eleventyNunjucks(): Nunjucks {
  return eleventyRequire()("nunjucks") as Nunjucks;
}

const eleventyRequire = () => createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));

/** The version of Eleventy's Nunjucks, for the pages' keys (no import names it, so the code hash does not see it). */
export function nunjucksVersion(): string {
  return (eleventyRequire()("nunjucks/package.json") as { version: string }).version;
}

interface FrontMatter {
  permalink: string;
  pagination?: { data: string; size: number; alias: string };
  [name: string]: unknown;
}

/** `page.url` for a permalink, as Eleventy makes it (TemplatePermalink.normalizePathToUrl). */
export function urlOfPermalink(permalink: string): string {
  const path = permalink.startsWith("/") ? permalink : `/${permalink}`;
  for (const end of ["/index.html", "/index/", "/index"]) if (path.endsWith(end)) return `${path.slice(0, -end.length)}/`;
  return path;
}

const render = (template: Template, data: unknown) => new Promise<string>((resolve, reject) => template.render(data, (error, result) => (error ? reject(error) : resolve(result))));

/** Renders between two turns of the event loop, so that what was sent to Pagefind reaches it (as ./eleventy.ts does). */
const RENDERS_PER_TURN = 4;

/**
 * Renders `setup.pages` and (unless `storiesOnly`) the pages across the whole model into `outputDir`, as Eleventy would, calling
 * `onContent` and `onPage` with each (the page is written as rendered: the site has no transforms).
 */
export async function renderDirect(outputDir: string, setup: Omit<EleventySetup, "onPage">, onPage: NonNullable<EleventySetup["onPage"]>, compiled = compiledTemplates()): Promise<void> {
  const nunjucks = eleventyNunjucks();
  const loader = new nunjucks.FileSystemLoader([join(TEMPLATES, "_includes"), process.cwd()]);
  const environment = new nunjucks.Environment(loader, OPTIONS);
  // The included templates (base.njk, macros.njk) as the loader finds them, their code taken when it was made for that text.
  const getSource = loader.getSource.bind(loader);
  loader.getSource = (name) => {
    const info = getSource(name);
    const props = info && typeof info.src === "string" ? compiled.props(environment, info.path, info.src) : null;
    return info && props ? { ...info, src: { type: "code", obj: props } } : info;
  };
  const template = (source: string, path: string) => {
    const props = compiled.props(environment, path, source);
    return new nunjucks.Template(props ? { type: "code", obj: props } : source, environment, path, true);
  };
  for (const [name, fn] of Object.entries(pageFilters(setup.site.baseUrl))) environment.addFilter(name, fn);
  const globals: Record<string, unknown> = { site: Object.freeze({ ...setup.site }), digest: Object.freeze({ ...setup.model }), pages: Object.freeze({ ...setup.pages }), search: Object.freeze({ ...setup.search }) };
  let renders = 0;
  // Only the story pages (`storiesOnly`): every other template is left out, as in an Eleventy run of story pages alone.
  for (const name of readdirSync(TEMPLATES).filter((n) => (setup.storiesOnly ? n === "story.njk" : n.endsWith(".njk"))).sort()) {
    const inputPath = join(TEMPLATES, name);
    const { data, body } = splitFrontMatter(readFileSync(inputPath, "utf8"));
    const front = data as FrontMatter;
    const page = template(body, inputPath);
    const permalink = template(front.permalink, inputPath);
    const pagination = front.pagination;
    if (pagination && pagination.size !== 1) throw new Error(`${name}: pagination by ${pagination.size} is not rendered without Eleventy`);
    const items: Array<Record<string, unknown>> = pagination ? itemsAt(globals, pagination.data).map((item) => ({ [pagination.alias]: item })) : [{}];
    for (const item of items) {
      const pageData = { ...globals, ...data, ...item };
      const path = await render(permalink, pageData);
      const url = urlOfPermalink(path);
      const outputPath = join(outputDir, path);
      const content = await render(page, { ...pageData, page: { url, inputPath, outputPath } });
      setup.onContent?.({ url, content });
      mkdirSync(dirname(outputPath), { recursive: true });
      writeFileSync(outputPath, content);
      onPage({ url, outputPath, content });
      if (++renders % RENDERS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/** The list a template paginates (`pages.stories`): a dotted path into the global data. */
function itemsAt(data: Record<string, unknown>, path: string): unknown[] {
  let at: unknown = data;
  for (const part of path.split(".")) at = at && typeof at === "object" ? (at as Record<string, unknown>)[part] : undefined;
  if (!Array.isArray(at)) throw new Error(`pagination data ${path} is not a list`);
  return at;
}

/** The templates' code made with the package (none when running from the sources). */
export function compiledTemplates(dir = HERE): CompiledTemplates {
  return CompiledTemplates.beside(dir, nunjucksVersion(), TEMPLATES);
}

/**
 * Writes the code of the templates beside the new dist's copy of this module (`fromDir`, to be moved to
 * `asDir`) for renderDirect to take (./compiled-templates.ts; scripts/compile.mjs). The number of sources.
 */
export function precompileTemplates(fromDir: string, asDir: string): number {
  const nunjucks = eleventyNunjucks();
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader([join(asDir, "templates", "_includes"), process.cwd()]), OPTIONS);
  return writeCompiledTemplates(fromDir, nunjucks, nunjucksVersion(), environment);
}
