// One run of scripts/bench-search-feed.ts in a fresh plain-Node process: ROOT's compiled startSearch fed the
// story pages of SITE, PER_TURN a turn, every bundle written into OUT. node … ROOT SITE OUT PER_TURN → one line of JSON.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [root, site, out] = process.argv.slice(2, 5).map((a) => resolve(a));
const perTurn = Number(process.argv[5] ?? 4);
const load = (path) => import(pathToFileURL(join(root, "dist/src", path)).href);
const [{ startSearch, pagefindCpuMs }, { shareBundles }] = await Promise.all([load("site/search.js"), load("site/bundles.js")]);
const folders = readdirSync(join(site, "stories")).sort();
const urls = folders.map((folder) => `/stories/${folder}/`);
const pages = urls.map((url) => readFileSync(join(site, url, "index.html"), "utf8"));
const bundles = shareBundles(folders).map((share) => ({ folder: share.folder, urls: share.stories.map((i) => urls[i]) }));
const cpu = process.cpuUsage();
const started = performance.now();
const search = await startSearch(out, bundles, "en", () => false);
for (let i = 0; i < urls.length; i++) {
  search.rendered(urls[i], pages[i]);
  if ((i + 1) % perTurn === 0) await new Promise((r) => setImmediate(r));
}
await search.finish();
const searchCpuMs = await search.close();
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, searchCpuMs }));
