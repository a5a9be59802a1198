// The search page as a reader sees it in the browser: the titles of the results Pagefind's UI shows.
import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Waits for the page's "N results for …" message and for its N result links; their titles, in order. */
export async function shownResults(page: Page): Promise<string[]> {
  const message = page.locator(".pagefind-ui__message");
  await expect.poll(() => message.textContent({ timeout: 1_000 }).catch(() => null), { timeout: 15_000 }).toMatch(/results? for/);
  const count = Number(/^(\d+) results? for/.exec((await message.textContent()) ?? "")?.[1] ?? 0);
  const links = page.locator(".pagefind-ui__result-link");
  await expect.poll(() => links.count(), { timeout: 15_000 }).toBe(count);
  return links.allTextContents();
}
