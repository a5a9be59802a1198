// What a reader's search costs on a built site: the search page opened with ?q=WORDS in headless Chromium
// (@sparticuz/chromium, playwright-core), a fresh browser context per query (nothing cached), and every
// request the page makes under the search bundles' folders counted until its results show: files, bytes
// (as sent), and how many of them are index chunks, fragments, and each bundle's own files (entry, meta,
// wasm, worker), and the search page's own scripts under /search/ (its module and worker). The time is to
// the first result shown (its title, so its fragment, loaded), and to the last request the page made
// before the network went idle (all the shown results' fragments loaded). For the
// bundle-size trade-off (docs/scaling.md, stop 57): more, smaller bundles make a
// one-new build's rebuilt bundle smaller, and every search fetch more files. Never part of the tests.
//   npx tsx scripts/bench-search-requests.ts SITE_DIR [SITE_DIR ...] --queries "ferry|storm damage|..." [--rounds N]
// With --rounds N each query is searched N times on each site, the sites taken in turn (times: medians);
// --throttle 20,40: a reader's network of 20 Mbit/s and 40 ms a request (Chromium's emulation).
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Page } from "playwright-core";
import { parseArgs } from "node:util";
import { serveFolder } from "../src/cli/serve.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { queries: { type: "string", default: "ferry|storm|minister election|police" }, rounds: { type: "string", default: "1" }, throttle: { type: "string" } } });
if (!positionals.length) throw new Error("usage: bench-search-requests.ts SITE_DIR [SITE_DIR ...] --queries 'a|b c'");
const queries = values.queries!.split("|");
const rounds = Math.max(1, Number(values.rounds));
/** --throttle MBITS,MS: the network a reader has (Chromium's emulation: download and upload speed, latency per request). */
const throttle = values.throttle ? values.throttle.split(",").map(Number) : null;

interface Count {
  files: number;
  bytes: number;
  kinds: Record<string, number>;
  results: number;
  /** To the first result's title (or the message that there is none) shown. */
  shownMs: number;
  /** To the last request finished. */
  ms: number;
}

const kindOf = (path: string): string => {
  if (/\/index\/[^/]+\.pf_index$/.test(path)) return "chunk";
  if (/\/fragment\/[^/]+\.pf_fragment$/.test(path)) return "fragment";
  if (/pagefind-entry\.json$/.test(path)) return "entry";
  if (/\.pf_meta$/.test(path)) return "meta";
  if (/wasm\.[^/]+\.pagefind$/.test(path)) return "wasm";
  if (/^\/search\/pagefind-worker\.js$/.test(path)) return "search worker";
  if (/^\/search\/pagefind\.js$/.test(path)) return "search module";
  if (/pagefind-worker\.js$/.test(path)) return "worker";
  return "other";
};

async function search(page: Page, origin: string, query: string): Promise<Count> {
  const count: Count = { files: 0, bytes: 0, kinds: {}, results: 0, shownMs: 0, ms: 0 };
  let last = 0;
  page.on("requestfinished", (request) => {
    const path = new URL(request.url()).pathname;
    last = performance.now();
    if (!/^\/pagefind[^/]*\//.test(path) && !/^\/search\/[^/]+\.js$/.test(path)) return;
    void request.sizes().then((sizes) => (count.bytes += sizes.responseBodySize + sizes.responseHeadersSize));
    count.files++;
    const kind = kindOf(path);
    count.kinds[kind] = (count.kinds[kind] ?? 0) + 1;
  });
  const started = performance.now();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => document.querySelector(".pagefind-ui__result-link") || /^No results/.test(document.querySelector(".pagefind-ui__message")?.textContent ?? ""), null, { timeout: 60_000, polling: 10 });
  count.shownMs = performance.now() - started;
  await page.waitForLoadState("networkidle");
  count.ms = last - started;
  count.results = await page.locator(".pagefind-ui__result").count();
  return count;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const sites = await Promise.all(positionals.map(async (dir) => ({ dir, ...(await serveFolder({ root: dir, port: 0, host: "127.0.0.1" })) })));
try {
  // Each round searches every query on every site, the sites' order turned each time (a pair's sites one after the other).
  const seen = sites.map(() => new Map<string, Count[]>());
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      for (let k = 0; k < sites.length; k++) {
        const s = (k + round) % sites.length;
        const context = await browser.newContext();
        const page = await context.newPage();
        if (throttle) {
          const bytesPerSecond = (throttle[0]! * 1_000_000) / 8;
          await (await context.newCDPSession(page)).send("Network.emulateNetworkConditions", { offline: false, latency: throttle[1] ?? 0, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
        }
        const c = await search(page, sites[s]!.url.replace(/\/$/, ""), query);
        await context.close();
        seen[s]!.set(query, [...(seen[s]!.get(query) ?? []), c]);
      }
    }
  }
  sites.forEach((site, s) => {
    const totals = { files: 0, bytes: 0, shown: [] as number[], idle: [] as number[] };
    console.log(site.dir);
    for (const query of queries) {
      const runs = seen[s]!.get(query)!;
      const c = runs[0]!;
      const shown = median(runs.map((r) => r.shownMs));
      const idle = median(runs.map((r) => r.ms));
      totals.files += c.files;
      totals.bytes += c.bytes;
      totals.shown.push(shown);
      totals.idle.push(idle);
      const same = runs.every((r) => r.files === c.files && r.results === c.results) ? "" : ` (files ${runs.map((r) => r.files).join("/")})`;
      console.log(`  "${query}": ${c.results} results shown, ${c.files} search files${same} (${(c.bytes / 1024).toFixed(0)} KiB): ${Object.entries(c.kinds).map(([k, n]) => `${k} ${n}`).join(", ")}; shown ${shown.toFixed(0)} ms, last request ${idle.toFixed(0)} ms (median of ${runs.length}: ${runs.map((r) => r.ms.toFixed(0)).join(", ")})`);
    }
    console.log(`  all ${queries.length} queries: ${totals.files} files, ${(totals.bytes / 1024).toFixed(0)} KiB; a query's median shown ${median(totals.shown).toFixed(0)} ms, last request ${median(totals.idle).toFixed(0)} ms`);
  });
  if (sites.length === 2 && rounds > 0) {
    // Paired: the same query in the same round, the two sites one after the other.
    let lower = 0;
    let pairs = 0;
    for (const query of queries) {
      const [a, b] = [seen[0]!.get(query)!, seen[1]!.get(query)!];
      a.forEach((r, i) => {
        pairs++;
        if (b[i]!.ms < r.ms) lower++;
      });
    }
    console.log(`paired: the second site made its last request sooner in ${lower} of ${pairs} pairs`);
  }
} finally {
  await browser.close();
  for (const site of sites) site.server.close();
}
