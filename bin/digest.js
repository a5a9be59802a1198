#!/usr/bin/env node
// The `digest` command. It runs the JavaScript that `npm install` compiled into dist/ (the `prepare` script,
// scripts/compile.mjs), so no transpiler starts with it. It runs the TypeScript sources through tsx
// instead when asked to (DIGEST_RUN_SOURCES=1: the tests, which test the sources) and, with a note, when
// dist/ is missing or older than a source: it never runs stale code. Of dist/ it runs the bundle
// (dist/bundle/, a few files that load faster) when compile.mjs could make one, else the module tree.
import { readdirSync, statSync } from "node:fs";

const root = new URL("../", import.meta.url);
const mtime = (url) => {
  try {
    return statSync(url).mtimeMs;
  } catch {
    return null;
  }
};

/** The latest modification time among the files that are compiled into dist/. */
function newestSource() {
  let newest = 0;
  let entries = [];
  try {
    entries = readdirSync(new URL("src/", root), { recursive: true, withFileTypes: true });
  } catch {
    return newest; // an installed copy without its sources
  }
  for (const entry of entries) {
    if (entry.isFile()) newest = Math.max(newest, mtime(`${entry.parentPath ?? entry.path}/${entry.name}`) ?? 0);
  }
  return newest;
}

const built = mtime(new URL("dist/BUILT", root));
let why = null;
if (process.env.DIGEST_RUN_SOURCES === "1") why = "";
else if (built === null) why = "dist/ is missing";
else if (newestSource() > built) why = "dist/ is older than the sources";

let main;
if (why === null) {
  const bundled = mtime(new URL("dist/bundle/main.js", root)) !== null;
  ({ main } = await import(bundled ? "../dist/bundle/main.js" : "../dist/src/cli/main.js"));
} else {
  if (why) process.stderr.write(`digest: ${why}; running the TypeScript sources through tsx, which starts slower (npm run compile brings dist/ up to date)\n`);
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    process.stderr.write(`digest: ${why || "DIGEST_RUN_SOURCES=1"} and tsx is not installed: run npm install in ${new URL(".", root).pathname}\n`);
    process.exit(1);
  }
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
