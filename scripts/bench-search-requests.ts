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
// --visits 2: after each query's search, a second visit in the same browser context (its cache kept) searches
// the next query; --cached: the sites served as a static host serves one (pages revalidated, every other file
// fresh for an hour), else as `digest serve` does (no-cache, no validators: every file fetched every time).
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Page } from "playwright-core";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join } from "node:path";
import { parseArgs } from "node:util";
import { serveFolder } from "../src/cli/serve.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { queries: { type: "string", default: "ferry|storm|minister election|police" }, rounds: { type: "string", default: "1" }, throttle: { type: "string" }, visits: { type: "string", default: "1" }, cached: { type: "boolean", default: false } } });
if (!positionals.length) throw new Error("usage: bench-search-requests.ts SITE_DIR [SITE_DIR ...] --queries 'a|b c'");
const queries = values.queries!.split("|");
const rounds = Math.max(1, Number(values.rounds));
/** --throttle MBITS,MS: the network a reader has (Chromium's emulation: download and upload speed, latency per request). */
const throttle = values.throttle ? values.throttle.split(",").map(Number) : null;
const visits = Math.max(1, Math.min(2, Number(values.visits)));

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".xml": "application/xml" };
/** `root` as a static host serves it: pages revalidated each time, every other file fresh for an hour; what it sends goes in `sent`. */
function serveCached(root: string, sent: Sent): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (path.includes("..")) return void res.writeHead(404).end();
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    readFile(file).then(
      (body) => {
        const type = TYPES[extname(file)] ?? "application/octet-stream";
        const headers = { "content-type": type, "cache-control": type.startsWith("text/html") ? "no-cache" : "max-age=3600" };
        res.writeHead(200, headers).end(body);
        sent.push({ path, bytes: body.length + JSON.stringify(headers).length + 100 });
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

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

/** What a site's server sent: each file's path and bytes (its body and headers), in order. */
type Sent = Array<{ path: string; bytes: number }>;

/**
 * Searches `query` on `page`. Files and bytes are counted from the requests Chromium finished, or, given
 * the site server's log `sent`, from what the server sent meanwhile (what the browser's cache served is
 * not counted, which Chromium's events do not tell apart).
 */
async function search(page: Page, origin: string, query: string, sent?: Sent): Promise<Count> {
  const count: Count = { files: 0, bytes: 0, kinds: {}, results: 0, shownMs: 0, ms: 0 };
  const counted = (path: string) => /^\/pagefind[^/]*\//.test(path) || /^\/search\/[^/]+\.js$/.test(path);
  const add = (path: string, bytes: number) => {
    count.bytes += bytes;
    count.files++;
    const kind = kindOf(path);
    count.kinds[kind] = (count.kinds[kind] ?? 0) + 1;
  };
  let last = 0;
  const from = sent?.length ?? 0;
  page.on("requestfinished", (request) => {
    const path = new URL(request.url()).pathname;
    last = performance.now();
    if (sent || !counted(path)) return;
    void request.sizes().then((sizes) => add(path, sizes.responseBodySize + sizes.responseHeadersSize));
  });
  const started = performance.now();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => document.querySelector(".pagefind-ui__result-link") || /^No results/.test(document.querySelector(".pagefind-ui__message")?.textContent ?? ""), null, { timeout: 60_000, polling: 10 });
  count.shownMs = performance.now() - started;
  await page.waitForLoadState("networkidle");
  count.ms = last - started;
  count.results = await page.locator(".pagefind-ui__result").count();
  for (const { path, bytes } of sent?.slice(from) ?? []) if (counted(path)) add(path, bytes);
  return count;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const sites = await Promise.all(
  positionals.map(async (dir) => {
    const sent: Sent = [];
    return { dir, sent: values.cached ? sent : undefined, ...(await (values.cached ? serveCached(dir, sent) : serveFolder({ root: dir, port: 0, host: "127.0.0.1" }))) };
  }),
);
const report = (seen: Array<Map<string, Count[]>>, label: string) => {
  sites.forEach((site, s) => {
    const totals = { files: 0, bytes: 0, shown: [] as number[], idle: [] as number[] };
    console.log(`${site.dir} (${label})`);
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
      console.log(`  "${query}": ${c.results} results shown, ${c.files} search files${same} (${(c.bytes / 1024).toFixed(0)} KiB): ${Object.entries(c.kinds).map(([k, n]) => `${k} ${n}`).join(", ")}; shown ${shown.toFixed(0)} ms (${runs.map((r) => r.shownMs.toFixed(0)).join(", ")}), last request ${idle.toFixed(0)} ms (median of ${runs.length}: ${runs.map((r) => r.ms.toFixed(0)).join(", ")})`);
    }
    console.log(`  all ${queries.length} queries: ${totals.files} files, ${(totals.bytes / 1024).toFixed(0)} KiB; a query's median shown ${median(totals.shown).toFixed(0)} ms, last request ${median(totals.idle).toFixed(0)} ms`);
  });
  if (sites.length === 2 && rounds > 0) {
    // Paired: the same query in the same round, the two sites one after the other.
    let lower = 0;
    let sooner = 0;
    let pairs = 0;
    for (const query of queries) {
      const [a, b] = [seen[0]!.get(query)!, seen[1]!.get(query)!];
      a.forEach((r, i) => {
        pairs++;
        if (b[i]!.ms < r.ms) lower++;
        if (b[i]!.shownMs < r.shownMs) sooner++;
      });
    }
    console.log(`paired (${label}): the second site showed its first result sooner in ${sooner} of ${pairs} pairs, made its last request sooner in ${lower} of ${pairs}`);
  }
};
try {
  // Each round searches every query on every site, the sites' order turned each time (a pair's sites one after the other).
  // A second visit, in the same context, searches the next query (its own files, and what the first visit left in the cache).
  const seen = [0, 1].map(() => sites.map(() => new Map<string, Count[]>()));
  for (let round = 0; round < rounds; round++) {
    for (const [q, query] of queries.entries()) {
      for (let k = 0; k < sites.length; k++) {
        const s = (k + round) % sites.length;
        const context = await browser.newContext();
        for (let visit = 0; visit < visits; visit++) {
          const page = await context.newPage();
          if (throttle) {
            const bytesPerSecond = (throttle[0]! * 1_000_000) / 8;
            await (await context.newCDPSession(page)).send("Network.emulateNetworkConditions", { offline: false, latency: throttle[1] ?? 0, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
          }
          const searched = visit === 0 ? query : queries[(q + 1) % queries.length]!;
          const c = await search(page, sites[s]!.url.replace(/\/$/, ""), searched, sites[s]!.sent);
          await page.close();
          seen[visit]![s]!.set(query, [...(seen[visit]![s]!.get(query) ?? []), c]);
        }
        await context.close();
      }
    }
  }
  report(seen[0]!, "first visit");
  if (visits > 1) report(seen[1]!, "second visit, the next query, same context");
} finally {
  await browser.close();
  for (const site of sites) site.server.close();
}
