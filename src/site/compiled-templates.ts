// Nunjucks' code for the site's templates, made once when the package is compiled (scripts/compile.mjs
// calls `writeCompiledTemplates`) instead of by every build: compiling the templates was about a third of
// an incremental build's direct render (./direct.ts), about 0.1 s of CPU in a fresh process, for pages that
// took less to render. The file sits beside the compiled module, made by the same step as the rest of
// dist/, and is trusted as that code is; it is never read from the build cache or the working folder.
//
// A template's code is taken only under the key it was compiled under: Nunjucks' version, what its
// compiler is given besides the source (the environment's options, async filters and extensions), the
// template's path within the templates' folder and its source. A template edited since, another
// Nunjucks, or running from the sources (no file): the template is compiled as before. The code names
// the template by its absolute path (the parent of what it includes), so it is compiled under a stand-in
// for the templates' folder and the folder the build finds them in is put in its place when it is taken:
// a package moved or copied after it was compiled takes its code as in place. Nunjucks' compiler is
// deterministic, so either way a template renders the same bytes (test/site/compiled-templates.test.ts).
import { hash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { splitFrontMatter as readFrontMatter } from "../text/front-matter.ts";

/** The file beside this module that holds the templates' code. */
export const COMPILED_FILE = "templates.compiled.json";
const FORMAT = 2;
/**
 * The templates' folder as the code is compiled for it: absolute, and no real folder's path contains it.
 * Nunjucks' compiler writes a template's name as a JSON string, so the code holds it JSON-escaped.
 */
const STAND_IN = "/digest-templates-folder-compiled";
const STAND_IN_CODE = JSON.stringify(STAND_IN).slice(1, -1);

/** What Nunjucks' compiler reads of an environment (Environment: asyncFilters, extensionsList, opts). */
export interface CompilingEnvironment {
  asyncFilters: readonly string[];
  extensionsList: readonly unknown[];
  opts: Record<string, unknown>;
}

/** The template's functions, as Nunjucks' `Template` takes them precompiled (`{ type: "code", obj }`). */
export type TemplateProps = Record<string, unknown>;

export interface NunjucksCompiler {
  compiler: { compile(source: string, asyncFilters: readonly string[], extensions: readonly unknown[], name: string, opts: Record<string, unknown>): string };
}

/** A template file's front matter and body, split as Eleventy's gray-matter splits them (the newline after the closing `---` belongs to neither). */
export function splitFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const front = readFrontMatter(text);
  if (front.kind === "none") return { data: {}, body: front.content };
  if (front.kind !== "data") throw new Error(`a template's front matter: ${front.reason}`);
  return { data: front.data, body: front.content };
}

/** The key a template's code is kept under: everything Nunjucks' compiler reads to make it. */
export function compileKey(version: string, environment: CompilingEnvironment, path: string, source: string): string {
  // `path` is the template's path within the templates' folder ("day.njk", "_includes/base.njk").
  // Extensions are objects (their parsers run at compile time): a build that has any compiles.
  const setup = JSON.stringify([FORMAT, version, environment.opts, environment.asyncFilters, environment.extensionsList.length]);
  return hash("sha256", `${setup.length}:${setup}\n${path.length}:${path}\n${source}`);
}

/** The templates' code, by key. */
export class CompiledTemplates {
  private constructor(
    private readonly version: string,
    private readonly code: ReadonlyMap<string, string>,
    private readonly templatesDir: string,
  ) {}

  /**
   * The code beside `moduleDir` made for Nunjucks `version`, for the templates in `templatesDir`; none
   * (every template compiled) when there is no such file or it is not one of ours.
   */
  static beside(moduleDir: string, version: string, templatesDir = join(moduleDir, "templates")): CompiledTemplates {
    let code = new Map<string, string>();
    try {
      const value: unknown = JSON.parse(readFileSync(join(moduleDir, COMPILED_FILE), "utf8"));
      if (isCompiledFile(value) && value.nunjucks === version) code = new Map(Object.entries(value.code));
    } catch {
      // none: the templates are compiled (running from the sources, or a dist/ made without them)
    }
    return new CompiledTemplates(version, code, resolve(templatesDir));
  }

  /** How many sources it holds, and how many times a template's code was taken. */
  get size(): number {
    return this.code.size;
  }
  taken = 0;

  /** The template's functions when its code was made under this key, else null (compile it). `path`: the template's absolute path. */
  props(environment: CompilingEnvironment, path: string, source: string): TemplateProps | null {
    if (this.code.size === 0) return null;
    const within = relative(this.templatesDir, path);
    if (within === "" || within.startsWith("..") || isAbsolute(within)) return null;
    const code = this.code.get(compileKey(this.version, environment, within.split(sep).join("/"), source));
    if (code === undefined) return null;
    this.taken++;
    // As Nunjucks' Template#_compile makes them from the compiler's code, compiled for this folder.
    return new Function(code.replaceAll(STAND_IN_CODE, JSON.stringify(this.templatesDir).slice(1, -1)))() as TemplateProps;
  }
}

function isCompiledFile(v: unknown): v is { format: number; nunjucks: string; code: Record<string, string> } {
  if (typeof v !== "object" || v === null) return false;
  const f = v as Record<string, unknown>;
  if (f.format !== FORMAT || typeof f.nunjucks !== "string" || typeof f.code !== "object" || f.code === null || Array.isArray(f.code)) return false;
  return Object.values(f.code).every((c) => typeof c === "string");
}

/**
 * Every source a build compiles from the templates in `dir` (./direct.ts renderDirect): each page
 * template's body and permalink under the template's path, and each file of `_includes` under the path
 * Nunjucks' file-system loader resolves it to; paths within the templates' folder.
 */
export function templateSources(dir: string): Array<{ path: string; source: string }> {
  const out: Array<{ path: string; source: string }> = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".njk")).sort()) {
    const front = splitFrontMatter(readFileSync(join(dir, name), "utf8"));
    out.push({ path: name, source: front.body });
    if (typeof front.data.permalink === "string") out.push({ path: name, source: front.data.permalink });
  }
  for (const name of readdirSync(join(dir, "_includes")).sort()) out.push({ path: `_includes/${name}`, source: readFileSync(join(dir, "_includes", name), "utf8") });
  return out;
}

/**
 * Compiles the templates of `fromDir/templates` and writes their code to `fromDir/templates.compiled.json`
 * (scripts/compile.mjs: `fromDir` the new dist's copy of this folder), for whatever folder they are found
 * in when taken. `environment` is made as ./direct.ts makes its own.
 */
export function writeCompiledTemplates(fromDir: string, nunjucks: NunjucksCompiler, version: string, environment: CompilingEnvironment): number {
  const code: Record<string, string> = {};
  for (const { path, source } of templateSources(join(fromDir, "templates"))) {
    code[compileKey(version, environment, path, source)] = nunjucks.compiler.compile(source, environment.asyncFilters, environment.extensionsList, `${STAND_IN}/${path}`, environment.opts);
  }
  writeFileSync(join(fromDir, COMPILED_FILE), `${JSON.stringify({ format: FORMAT, nunjucks: version, code })}\n`);
  return Object.keys(code).length;
}
