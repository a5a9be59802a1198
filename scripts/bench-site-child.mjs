// One run of scripts/bench-site.ts, in a fresh plain-Node process (no TypeScript loader hooks, as in
// `digest build`): ROOT's compiled site stage, with the feeds beside it, from a saved view model into OUT.
// node scripts/bench-site-child.mjs ROOT MODEL OUT → one line of JSON on stdout. A checkout whose site stage
// renders on a thread (stop 50) starts it 4 s before the stage is timed, as a cold build starts it before clustering.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [root, modelFile, outputDir] = process.argv.slice(2).map((a) => resolve(a));
const model = JSON.parse(readFileSync(modelFile, "utf8"));
const load = (path) => import(pathToFileURL(join(root, "dist/src", path)).href);
const [site, { writeFeeds }, { loadConfig }, { pagefindCpuMs }] = await Promise.all([load("site/index.js"), load("feed/index.js"), load("config.js"), load("site/search.js")]);
const { renderSite } = site;
const config = await loadConfig(null, false);
// As a cold build has it (since stop 50): a rendering thread started ahead, Eleventy loading in it while the
// build clusters (here: a wait of AHEAD_MS before the stage is timed, for every checkout alike). DIGEST_SITE_THREAD=0: none.
const AHEAD_MS = 4000;
const thread = site.RenderThread && site.renderThreadWanted() ? new site.RenderThread() : null;
await new Promise((resolve) => setTimeout(resolve, AHEAD_MS));
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
  thread,
  alongside: () => {
    const main = mainTicks();
    atRendered = { searchCpuMs: pagefindCpuMs(), mainCpuMs: main === undefined || mainStarted === undefined ? undefined : (main - mainStarted) * 10 };
    return writeFeeds({ outputDir, config, model });
  },
});
await thread?.close();
const used = process.cpuUsage(cpu);
const mainEnded = mainTicks();
process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, mainCpuMs: mainStarted === undefined || mainEnded === undefined ? undefined : (mainEnded - mainStarted) * 10, searchCpuMs: result.stats.searchCpuMs, atRendered, ms: result.stats.ms }));
