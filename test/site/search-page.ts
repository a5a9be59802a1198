// The search page as a reader sees it in the browser: the titles of the results Pagefind's UI shows.
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { serveFolder } from "../../src/cli/serve.ts";
import { launchBrowser } from "./build.ts";

/** Waits for the page's "N results for …" message and for its N result links; their titles, in order. */
export async function shownResults(page: Page): Promise<string[]> {
  const message = page.locator(".pagefind-ui__message");
  await expect.poll(() => message.textContent({ timeout: 1_000 }).catch(() => null), { timeout: 15_000 }).toMatch(/results? for/);
  const count = Number(/^(\d+) results? for/.exec((await message.textContent()) ?? "")?.[1] ?? 0);
  const links = page.locator(".pagefind-ui__result-link");
  await expect.poll(() => links.count(), { timeout: 15_000 }).toBe(count);
  return links.allTextContents();
}

/** A built site served on a free local port, with headless Chromium to search it. */
export interface SearchedSite {
  /** The search page with `words` asked, its results shown (`shownResults`); the caller closes it. */
  search(words: string): Promise<{ page: Page; titles: string[] }>;
  close(): Promise<void>;
}

export async function searchSite(dir: string): Promise<SearchedSite> {
  const { server, url } = await serveFolder({ root: dir, port: 0, host: "127.0.0.1" });
  const origin = url.replace(/\/$/, "");
  const browser = await launchBrowser().catch((error: unknown) => {
    server.close();
    throw error;
  });
  return {
    async search(words) {
      const page = await browser.newPage();
      await page.goto(`${origin}/search/?q=${encodeURIComponent(words)}`);
      return { page, titles: await shownResults(page) };
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}
