// One run of scripts/bench-site.ts, in a fresh plain-Node process (no TypeScript loader hooks, as in
// `digest build`): ROOT's compiled site stage, with the feeds beside it, from a saved view model into OUT.
// node scripts/bench-site-child.mjs ROOT MODEL OUT → one line of JSON on stdout.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [root, modelFile, outputDir] = process.argv.slice(2).map((a) => resolve(a));
const model = JSON.parse(readFileSync(modelFile, "utf8"));
const load = (path) => import(pathToFileURL(join(root, "dist/src", path)).href);
const [{ renderSite }, { writeFeeds }, { loadConfig }, { pagefindCpuMs }] = await Promise.all([load("site/index.js"), load("feed/index.js"), load("config.js"), load("site/search.js")]);
const config = await loadConfig(null, false);
// The main thread's own CPU (Linux: utime and stime of its task, in clock ticks of 10 ms), apart from worker threads'.
const mainTicks = () => {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
};
const mainStarted = mainTicks();
const cpu = process.cpuUsage();
const started = performance.now();
// When Eleventy is done (the stage then starts the feeds): Pagefind's CPU so far, and the main thread's; what
// Pagefind still spends after it is the tail the main thread waits for (one core idle on a quiet machine
// while one Pagefind process works alone).
let atRendered = null;
const result = await renderSite({
  outputDir,
  config,
  model,
  previous: null,
  alongside: () => {
    const main = mainTicks();
    atRendered = { searchCpuMs: pagefindCpuMs(), mainCpuMs: main === undefined || mainStarted === undefined ? undefined : (main - mainStarted) * 10 };
    return writeFeeds({ outputDir, config, model });
  },
});
const used = process.cpuUsage(cpu);
const mainEnded = mainTicks();
process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, mainCpuMs: mainStarted === undefined || mainEnded === undefined ? undefined : (mainEnded - mainStarted) * 10, searchCpuMs: result.stats.searchCpuMs, atRendered, ms: result.stats.ms }));
