// Compiles the TypeScript sources to JavaScript in dist/ (run by `npm install`/`npm ci` through `prepare`,
// or `npm run compile`), so the `digest` command runs without a transpiler. Plain Node, no tsx: it runs
// before anything else is set up. Builds into a fresh folder and swaps it in, so a running `digest`
// never sees half a dist/.
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const next = join(root, `dist.next-${process.pid}`);
// The package exports no path to its command; find it beside its package.json.
const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin/tsc");

rmSync(next, { recursive: true, force: true });
try {
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", next], { stdio: "inherit", cwd: root });
  // Files the compiled code reads at run time besides modules (tsc copies imported JSON itself).
  for (const asset of assets(join(root, "src"))) cpSync(asset, join(next, relative(root, asset)), { recursive: true });
  await precompileTemplates();
  await bundle();
  // bin/digest.js runs dist/ only while it is newer than every source (see there).
  writeFileSync(join(next, "BUILT"), "compiled by scripts/compile.mjs; bin/digest.js compares this file's time with the sources'\n");
  rmSync(dist, { recursive: true, force: true });
  renameSync(next, dist);
} catch (error) {
  rmSync(next, { recursive: true, force: true });
  console.error(`compile: ${error.message}`);
  process.exit(1);
}

/**
 * Nunjucks' code for the site's templates, beside the compiled site module, so that a build need not
 * compile them (src/site/compiled-templates.ts). Without it a build compiles them: same pages, more CPU.
 */
async function precompileTemplates() {
  try {
    const { precompileTemplates: write } = await import(pathToFileURL(join(next, "src/site/direct.js")).href);
    write(join(next, "src/site"), join(dist, "src/site"));
  } catch (error) {
    console.error(`compile: the site's templates were not precompiled (${error.message}); builds will compile them`);
  }
}

/**
 * The bundled form in dist/bundle/ (bin/digest.js runs it when present): the command's entry and the
 * modules pool threads import, with the packages they import statically, as a few ESM files, which load
 * in less CPU than the ~200-module tree (each pool thread loads them again). Packages the code loads by
 * `createRequire` at run time (markdown-it, chardet, Eleventy and its Nunjucks) stay outside, as does
 * Eleventy's dynamic import, and so do the packages Eleventy imports too (luxon, js-yaml: a site stage
 * that runs Eleventy would load a second copy of them). The tree stays beside it: every bundled module's `import.meta.url` is
 * rewritten to name its compiled file in the tree, so templates and precompiled templates are found
 * there, and the caches' code hashes come from the tree's module graph, written here to code-graph.json
 * (src/cache/code-hash.ts). Worker entries are named by the task module's file name (runnableModuleUrl).
 * A bundle that cannot be made leaves the tree to run, as before.
 */
async function bundle() {
  const out = join(next, "bundle");
  try {
    const esbuild = createRequire(import.meta.url)("esbuild");
    const entries = ["src/cli/main.js", "src/parallel/worker.js", "src/parallel/article-task.js", "src/parallel/summary-task.js"];
    const treeUrl = {
      name: "tree-import-meta-url",
      setup(build) {
        build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
          const text = readFileSync(args.path, "utf8");
          if (!text.includes("import.meta.url")) return undefined;
          const path = relative(out, args.path).split("\\").join("/");
          return { contents: text.replaceAll("import.meta.url", `new URL(${JSON.stringify(path)}, import.meta.url).href`), loader: "js" };
        });
      },
    };
    await esbuild.build({
      absWorkingDir: next,
      entryPoints: Object.fromEntries(entries.map((e) => [e.slice(e.lastIndexOf("/") + 1, -3), e])),
      outdir: out,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20", // package.json engines: the same bundle whatever Node compiles it
      external: ["@11ty/eleventy", "luxon", "js-yaml"],
      define: { DIGEST_BUNDLED: "true" },
      // CommonJS packages inside an ESM file still call require() for Node's own modules.
      banner: { js: 'import { createRequire as __digestCreateRequire } from "node:module"; const require = __digestCreateRequire(import.meta.url);' },
      plugins: [treeUrl],
      logLevel: "silent",
    });
    const { codeGraph } = await import(pathToFileURL(join(next, "src/cache/code-hash.js")).href);
    writeFileSync(join(out, "code-graph.json"), `${JSON.stringify(codeGraph(next))}\n`);
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    console.error(`compile: no bundle (${error.message.split("\n")[0]}); the command runs the module tree, which starts slower`);
  }
}

/** Template folders (and any other non-code files) under src/. */
function assets(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...assets(path));
    else if (!/\.(ts|json)$/.test(entry.name)) found.push(path);
  }
  return found;
}
