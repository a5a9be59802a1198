// One run of scripts/bench-site.ts, in a fresh plain-Node process (no TypeScript loader hooks, as in
// `digest build`): ROOT's compiled site stage, with the feeds beside it, from a saved view model into OUT.
// node scripts/bench-site-child.mjs ROOT MODEL OUT → one line of JSON on stdout.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [root, modelFile, outputDir] = process.argv.slice(2).map((a) => resolve(a));
const model = JSON.parse(readFileSync(modelFile, "utf8"));
const load = (path) => import(pathToFileURL(join(root, "dist/src", path)).href);
const [{ renderSite }, { writeFeeds }, { loadConfig }] = await Promise.all([load("site/index.js"), load("feed/index.js"), load("config.js")]);
const config = await loadConfig(null, false);
const cpu = process.cpuUsage();
const started = performance.now();
const result = await renderSite({ outputDir, config, model, previous: null, alongside: () => writeFeeds({ outputDir, config, model }) });
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, searchCpuMs: result.stats.searchCpuMs, ms: result.stats.ms }));
