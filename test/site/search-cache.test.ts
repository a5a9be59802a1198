// A reader who comes back to the search finds it in their browser's cache: the site served as a host serves
// one (pages revalidated, other files kept for an hour), a second search in the same browser asks the server
// for no bundle's entry file again, and after a build that rebuilds a bundle it asks for that bundle's entry
// only, and finds the new story. And a ?q= link searches at once: Pagefind's UI waits its debounce (300 ms)
// after each change of the words, which typing keeps. Real Chromium; the server counts what it is asked for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { buildBundled, fixtures, launchBrowser } from "./build.ts";
import { shownResults } from "./search-page.ts";

const work = mkdtempSync(join(tmpdir(), "digest-search-cache-"));
const input = join(work, "articles");
const site = join(work, "site");

const build = () => buildBundled(work);

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

/** The site as a static host serves it: pages revalidated each time, every other file fresh for an hour. Every URL asked for is kept. */
function serveCached(asked: string[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    asked.push(url);
    const path = decodeURIComponent(new URL(url, "http://localhost").pathname);
    const file = join(site, path.endsWith("/") ? `${path}index.html` : path);
    void stat(file)
      .then(() => readFile(file))
      .then((body) => {
        const type = TYPES[extname(file)] ?? "application/octet-stream";
        res.writeHead(200, { "content-type": type, "cache-control": type.startsWith("text/html") ? "no-cache" : "max-age=3600" }).end(body);
      })
      .catch(() => res.writeHead(404).end());
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const bundleFolders = () => readdirSync(site).filter((name) => name.startsWith("pagefind")).sort();
const metas = (): Record<string, string> => Object.fromEntries(bundleFolders().map((folder) => [folder, readdirSync(join(site, folder)).find((f) => f.endsWith(".pf_meta"))!]));
/** The bundles whose entry file the server was asked for. */
const entries = (asked: string[]) => asked.flatMap((url) => /^\/([^/]+)\/pagefind-entry\.json(?:\?|$)/.exec(url)?.[1] ?? []).sort();

describe("search from the browser's cache, and a ?q= link at once", () => {
  let browser: Browser;
  let server: Server;
  let origin = "";
  const asked: string[] = [];

  beforeAll(async () => {
    cpSync(join(fixtures, "seeds"), input, { recursive: true });
    await build();
    ({ server, origin } = await serveCached(asked));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** Opens `?q=QUERY` in `context` and gives the results' titles once shown, and the URLs the server was asked for meanwhile. */
  async function search(context: BrowserContext, query: string): Promise<{ titles: string[]; asked: string[] }> {
    const from = asked.length;
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("pageerror", (e) => failed.push(e.message));
    page.on("console", (m) => m.type() === "error" && failed.push(m.text()));
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    const titles = await shownResults(page);
    await page.waitForLoadState("networkidle");
    await page.close();
    expect(failed).toEqual([]);
    return { titles, asked: asked.slice(from) };
  }

  it("a second visit fetches no bundle's entry again; after a rebuild, only the rebuilt bundle's", async () => {
    const context = await browser.newContext();
    const first = await search(context, "ammunition Bulgaria");
    expect(first.titles).toEqual(["Russia's spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic", "Russia accuses ally Serbia of betrayal for supplying arms to Ukraine"]);
    const bundles = bundleFolders();
    expect(bundles.length).toBeGreaterThan(1);
    expect(entries(first.asked)).toEqual(bundles);

    const again = await search(context, "Serbia");
    expect(again.titles.length).toBe(2);
    // The page itself is asked for again (revalidated), its bundles' entries are not.
    expect(again.asked.some((url) => url.startsWith("/search/?q="))).toBe(true);
    expect(entries(again.asked)).toEqual([]);

    // A story's lede is corrected (its summary, so its bundle, is rebuilt), and a new article comes (a bundle of its own).
    const before = metas();
    const edited = join(input, "004_9e4ccd0661cc7365.txt");
    writeFileSync(edited, readFileSync(edited, "utf8").replace("through intermediaries in Eastern Europe", "through intermediaries in Sofia and Prague"));
    cpSync(join(fixtures, "inputs/no-front-matter.md"), join(input, "new-article.md"));
    await build();
    const after = metas();
    const rebuilt = Object.keys(after).filter((folder) => after[folder] !== before[folder]).sort();
    expect(rebuilt.filter((folder) => folder in before).length).toBeGreaterThan(0);
    expect(rebuilt.length).toBeLessThan(Object.keys(after).length);
    const later = await search(context, "Sofia");
    expect(later.titles).toEqual(["Russia's spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic"]);
    expect(entries(later.asked)).toEqual(rebuilt);
    const ferry = await search(context, "harbour ferry");
    expect(ferry.titles).toEqual(["Harbour ferry service to resume after winter repairs"]);
    expect(entries(ferry.asked)).toEqual([]);
    await context.close();
  });

  it("a ?q= link searches without waiting the debounce, which typing keeps", async () => {
    const context = await browser.newContext();
    // Every timer of the UI's debounce (300 ms) is noted and never fires: a search that waits for it never comes.
    await context.addInitScript(() => {
      const own = window.setTimeout;
      const held: number[] = [];
      (window as unknown as { heldTimers: number[] }).heldTimers = held;
      window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
        if (ms === 300) {
          held.push(ms);
          return 0;
        }
        return own(handler, ms, ...args);
      }) as typeof window.setTimeout;
    });
    const found = await search(context, "ammunition Bulgaria");
    expect(found.titles.length).toBe(2);

    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent("Serbia")}`);
    const message = page.locator(".pagefind-ui__message");
    await expect.poll(() => message.textContent({ timeout: 1_000 }).catch(() => null), { timeout: 15_000 }).toMatch(/^2 results for Serbia/);
    expect(await page.evaluate(() => (window as unknown as { heldTimers: number[] }).heldTimers.length)).toBe(0);
    await page.locator("#search input").fill("harbour");
    await expect.poll(() => page.evaluate(() => (window as unknown as { heldTimers: number[] }).heldTimers.length), { timeout: 5_000 }).toBeGreaterThan(0);
    await context.close();
  });
});
