// Compiles the TypeScript sources to JavaScript in dist/ (run by `npm install`/`npm ci` through `prepare`,
// or `npm run compile`), so the `digest` command runs without a transpiler. Plain Node, no tsx: it runs
// before anything else is set up. Builds into a fresh folder and swaps it in, so a running `digest`
// never sees half a dist/.
import { execFileSync } from "node:child_process";
import { cpSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
