// What a reader's search costs on a built site: the search page opened with ?q=WORDS in headless Chromium
// (@sparticuz/chromium, playwright-core), a fresh browser context per query (nothing cached), and every
// request the page makes under the search bundles' folders counted until its results show: files, bytes
// (as sent), and how many of them are index chunks, fragments, and each bundle's own files (entry, meta,
// wasm, worker). For the bundle-size trade-off (docs/scaling.md, stop 57): more, smaller bundles make a
// one-new build's rebuilt bundle smaller, and every search fetch more files. Never part of the tests.
//   npx tsx scripts/bench-search-requests.ts SITE_DIR [SITE_DIR ...] --queries "ferry|storm damage|..."
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Page } from "playwright-core";
import { parseArgs } from "node:util";
import { serveFolder } from "../src/cli/serve.ts";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { queries: { type: "string", default: "ferry|storm|minister election|police" } } });
if (!positionals.length) throw new Error("usage: bench-search-requests.ts SITE_DIR [SITE_DIR ...] --queries 'a|b c'");
const queries = values.queries!.split("|");

interface Count {
  files: number;
  bytes: number;
  kinds: Record<string, number>;
  results: number;
  ms: number;
}

const kindOf = (path: string): string => {
  if (/\/index\/[^/]+\.pf_index$/.test(path)) return "chunk";
  if (/\/fragment\/[^/]+\.pf_fragment$/.test(path)) return "fragment";
  if (/pagefind-entry\.json$/.test(path)) return "entry";
  if (/\.pf_meta$/.test(path)) return "meta";
  if (/wasm\.[^/]+\.pagefind$/.test(path)) return "wasm";
  if (/pagefind-worker\.js$/.test(path)) return "worker";
  return "other";
};

async function search(page: Page, origin: string, query: string): Promise<Count> {
  const count: Count = { files: 0, bytes: 0, kinds: {}, results: 0, ms: 0 };
  page.on("requestfinished", (request) => {
    const path = new URL(request.url()).pathname;
    if (!/^\/pagefind[^/]*\//.test(path)) return;
    void request.sizes().then((sizes) => (count.bytes += sizes.responseBodySize + sizes.responseHeadersSize));
    count.files++;
    const kind = kindOf(path);
    count.kinds[kind] = (count.kinds[kind] ?? 0) + 1;
  });
  const started = performance.now();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.waitForSelector(".pagefind-ui__result, .pagefind-ui__message", { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  count.ms = performance.now() - started;
  count.results = await page.locator(".pagefind-ui__result").count();
  return count;
}

const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
try {
  for (const dir of positionals) {
    const { server, url } = await serveFolder({ root: dir, port: 0, host: "127.0.0.1" });
    const origin = url.replace(/\/$/, "");
    const totals = { files: 0, bytes: 0 };
    console.log(dir);
    for (const query of queries) {
      const context = await browser.newContext();
      const c = await search(await context.newPage(), origin, query);
      await context.close();
      totals.files += c.files;
      totals.bytes += c.bytes;
      console.log(`  "${query}": ${c.results} results shown, ${c.files} search files (${(c.bytes / 1024).toFixed(0)} KiB): ${Object.entries(c.kinds).map(([k, n]) => `${k} ${n}`).join(", ")}; ${c.ms.toFixed(0)} ms`);
    }
    console.log(`  all ${queries.length} queries: ${totals.files} files, ${(totals.bytes / 1024).toFixed(0)} KiB`);
    server.close();
  }
} finally {
  await browser.close();
}
