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
import { splitFrontMatter as readFrontMatter } from "../text/front-matter.ts";
import { pageFilters, type EleventySetup } from "./eleventy.ts";

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), "templates");

interface Template {
  render(data: unknown, callback: (error: Error | null, result: string) => void): void;
}
interface Environment {
  addFilter(name: string, fn: (value: string) => string): void;
}
interface Nunjucks {
  Environment: new (loader: unknown, options: Record<string, unknown>) => Environment;
  FileSystemLoader: new (dirs: string[]) => unknown;
  Template: new (source: string, env: Environment, path: string | null, eagerCompile: boolean) => Template;
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

/** A template file's front matter and body, split as Eleventy's gray-matter splits them (the newline after the closing `---` belongs to neither). */
export function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const front = readFrontMatter(text);
  if (front.kind === "none") return { data: {}, body: front.content };
  if (front.kind !== "data") throw new Error(`a template's front matter: ${front.reason}`);
  return { data: front.data, body: front.content };
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
export async function renderDirect(outputDir: string, setup: Omit<EleventySetup, "onPage">, onPage: NonNullable<EleventySetup["onPage"]>): Promise<void> {
  const nunjucks = eleventyNunjucks();
  const environment = new nunjucks.Environment(new nunjucks.FileSystemLoader([join(TEMPLATES, "_includes"), process.cwd()]), { autoescape: true, throwOnUndefined: false });
  for (const [name, fn] of Object.entries(pageFilters(setup.site.baseUrl))) environment.addFilter(name, fn);
  const globals: Record<string, unknown> = { site: Object.freeze({ ...setup.site }), digest: Object.freeze({ ...setup.model }), pages: Object.freeze({ ...setup.pages }), search: Object.freeze({ ...setup.search }) };
  let renders = 0;
  // Only the story pages (`storiesOnly`): every other template is left out, as in an Eleventy run of story pages alone.
  for (const name of readdirSync(TEMPLATES).filter((n) => (setup.storiesOnly ? n === "story.njk" : n.endsWith(".njk"))).sort()) {
    const inputPath = join(TEMPLATES, name);
    const { data, body } = splitFrontMatter(readFileSync(inputPath, "utf8"));
    const front = data as FrontMatter;
    const template = new nunjucks.Template(body, environment, inputPath, true);
    const permalink = new nunjucks.Template(front.permalink, environment, inputPath, true);
    const pagination = front.pagination;
    if (pagination && pagination.size !== 1) throw new Error(`${name}: pagination by ${pagination.size} is not rendered without Eleventy`);
    const items: Array<Record<string, unknown>> = pagination ? itemsAt(globals, pagination.data).map((item) => ({ [pagination.alias]: item })) : [{}];
    for (const item of items) {
      const pageData = { ...globals, ...data, ...item };
      const path = await render(permalink, pageData);
      const url = urlOfPermalink(path);
      const outputPath = join(outputDir, path);
      const content = await render(template, { ...pageData, page: { url, inputPath, outputPath } });
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
