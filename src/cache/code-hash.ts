// A hash of the code behind a cached result: every module the entry modules import, followed through
// their relative imports (the compiled .js, or the .ts sources when they run), the versions of the
// packages they import, and Node's own version. A change to any of them makes every key new, so a
// result made by other code is never taken for this code's.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * `true` in the bundled form of the compiled code (scripts/compile.mjs defines it); there, every module's
 * `import.meta.url` still names its compiled file in dist/src, whose module graph compile.mjs wrote to
 * dist/bundle/code-graph.json, so the hashes are those of the module tree, as granular and the same.
 */
declare const DIGEST_BUNDLED: boolean | undefined;
const bundled = typeof DIGEST_BUNDLED !== "undefined" && DIGEST_BUNDLED;
/** dist/ as this module sees it (compiled: dist/src/cache/code-hash.js). */
const DIST = new URL("../../", import.meta.url);
const BUNDLE = new URL("bundle/", DIST);

/** What one module contributes to a hash: its content hash, the modules it imports by relative specifier, the packages it imports (name@version). */
interface ModuleRead {
  hash: string;
  relative: string[];
  packages: string[];
}

/** The modules of a compiled tree by path relative to it (`src/cli/build.js`), their imports by the same paths. */
export type CodeGraph = Record<string, ModuleRead>;

// `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")` (literal specifiers only).
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"'\n]+)["']/g;

const memo = new Map<string, string>();
/**
 * Per module, its content hash and what it imports (relative URLs and package@version), read once per
 * process: several caches hash overlapping trees, and resolving a package is dear (a fifth of a one-new
 * build's ingest when it was done for every import of it).
 */
const modulesRead = new Map<string, ModuleRead>();
const versions = new Map<string, string>();

/** A module beside `base` as it runs here: `.ts` from the sources, `.js` compiled (`path` has no extension). */
export function moduleUrl(path: string, base: string): string {
  return new URL(`${path}${base.endsWith(".ts") ? ".ts" : ".js"}`, base).href;
}

/**
 * The module a worker thread imports to run `path` beside `base`: `moduleUrl`'s, or in the bundled form
 * the bundle's entry of the same name (scripts/compile.mjs bundles each such module as its own entry).
 */
export function runnableModuleUrl(path: string, base: string): string {
  const url = moduleUrl(path, base);
  return bundled ? new URL(url.slice(url.lastIndexOf("/") + 1), BUNDLE).href : url;
}

/** The graph of every module under `dir` (a compiled tree), for `codeHash` in the bundled form. */
export function codeGraph(dir: string): CodeGraph {
  const graph: CodeGraph = {};
  const path = (url: string) => relative(dir, fileURLToPath(url)).split(sep).join("/");
  const files = readdirSync(join(dir, "src"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(js|json)$/.test(e.name));
  for (const file of files.map((e) => join(e.parentPath, e.name)).sort()) {
    const read = readModule(pathToFileURL(file).href);
    graph[path(pathToFileURL(file).href)] = { ...read, relative: read.relative.map(path) };
  }
  return graph;
}

let graphRead: CodeGraph | undefined;
/** The bundle's module graph, read once. */
function bundleGraph(): CodeGraph {
  graphRead ??= JSON.parse(readFileSync(new URL("code-graph.json", BUNDLE), "utf8")) as CodeGraph;
  return graphRead;
}

/** `url`'s module as `graph` (of the compiled tree at `tree`, a file: URL ending in /) has it; none for a file outside it. */
function graphModule(graph: CodeGraph, tree: string, url: string): ModuleRead | undefined {
  const read = url.startsWith(tree) ? graph[url.slice(tree.length)] : undefined;
  return read && { ...read, relative: read.relative.map((p) => new URL(p, tree).href) };
}

/**
 * The code hash of the modules reachable from `entries` (file: URLs in the compiled tree at `tree`) as
 * `graph` has them: what `codeHash` gives in the bundled form. Modules outside the graph are read.
 */
export function graphCodeHash(graph: CodeGraph, tree: string, entries: readonly string[]): string {
  return hashReachable(entries, (url) => graphModule(graph, tree, url) ?? readModule(url));
}

/** The code hash of the modules reachable from `entries` (file: URLs). */
export function codeHash(entries: readonly string[]): string {
  const id = entries.join("\n");
  const known = memo.get(id);
  if (known) return known;
  const digest = hashReachable(entries, readModule);
  memo.set(id, digest);
  return digest;
}

function hashReachable(entries: readonly string[], read: (url: string) => ModuleRead): string {
  const modules = new Map<string, string>(); // url → content hash
  const packages = new Set<string>();
  const visit = (url: string) => {
    if (modules.has(url)) return;
    const module = read(url);
    modules.set(url, module.hash);
    for (const p of module.packages) packages.add(p);
    for (const next of module.relative) visit(next);
  };
  for (const entry of entries) visit(entry);
  // By content, not by path: the same code in another checkout or install gives the same hash.
  const hash = createHash("sha256").update(`node ${process.versions.node}\n`);
  for (const h of [...modules.values()].sort()) hash.update(`${h}\n`);
  for (const p of [...packages].sort()) hash.update(`${p}\n`);
  return hash.digest("hex").slice(0, 32);
}

/** A module's content hash, the modules it imports by relative specifier and the packages it imports (in the order written). */
function readModule(url: string): ModuleRead {
  const known = modulesRead.get(url);
  if (known) return known;
  const fromBundle = bundled ? graphModule(bundleGraph(), DIST.href, url) : undefined;
  if (fromBundle) {
    modulesRead.set(url, fromBundle);
    return fromBundle;
  }
  let text: string;
  try {
    text = readFileSync(fileURLToPath(url), "utf8");
  } catch {
    return { hash: `missing ${url.slice(url.lastIndexOf("/") + 1)}`, relative: [], packages: [] }; // a specifier in a comment, say
  }
  const read: ModuleRead = { hash: createHash("sha256").update(text).digest("hex"), relative: [], packages: [] };
  if (!url.endsWith(".json")) {
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[1]!;
      if (spec.startsWith(".")) read.relative.push(new URL(spec, url).href);
      else if (!spec.startsWith("node:")) read.packages.push(packageVersion(spec));
    }
  }
  modulesRead.set(url, read);
  return read;
}

/** `name@version` of the installed package a bare specifier names ("luxon", "@11ty/eleventy/x"). */
function packageVersion(spec: string): string {
  const known = versions.get(spec);
  if (known) return known;
  const version = findPackageVersion(spec);
  versions.set(spec, version);
  return version;
}

function findPackageVersion(spec: string): string {
  const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!;
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.resolve(spec)));
  } catch {
    return `${name}@unresolved`; // a type-only import of a package with nothing to run
  }
  for (;;) {
    try {
      const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (meta.name === name) return `${name}@${meta.version ?? "?"}`;
    } catch {
      // no package.json at this level: look further up
    }
    const up = dirname(dir);
    if (up === dir) return `${name}@unknown`;
    dir = up;
  }
}
