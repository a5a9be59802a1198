// A built site read in a real headless browser (Chromium from @sparticuz/chromium, playwright-core), the way
// a reader meets it: every kind of page at desktop and phone widths, light and dark, keyboard only, search
// for old stories. Never part of the tests: a check of a large site (e.g. scripts/soak-fetch.ts's).
//
//   npx tsx scripts/browse-site.ts SITE_DIR [--queries "word one|word two"]
//
// Prints "FAIL ..." lines (a request that failed, a console error, a page wider than the screen, a focused
// link without a visible focus, a search that finds nothing) and exits 1 when there are any.
import chromium from "@sparticuz/chromium";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium as playwright, type Browser, type Page } from "playwright-core";
import { serveFolder } from "../src/cli/serve.ts";

const args = process.argv.slice(2);
const site = resolve(args[0] ?? "_site");
const failures: string[] = [];
const fail = (what: string) => {
  failures.push(what);
  console.log(`FAIL ${what}`);
};

interface Report {
  stories: { id: string; date: string; title: string; sources: { outlet: string | null }[] }[];
}

async function open(browser: Browser, origin: string, path: string, width: number, dark = false): Promise<Page> {
  const context = await browser.newContext({ colorScheme: dark ? "dark" : "light", viewport: { width, height: 800 }, isMobile: width < 600 });
  const page = await context.newPage();
  page.on("response", (r) => {
    if (r.status() >= 400) fail(`${path} @${width}: ${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") fail(`${path} @${width}: console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => fail(`${path} @${width}: page error ${e.message}`));
  const res = await page.goto(origin + path);
  if (res?.status() !== 200) fail(`${path}: status ${res?.status()}`);
  await page.waitForLoadState("load");
  return page;
}

async function checkLayout(page: Page, label: string): Promise<void> {
  const wide = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const over = [...document.querySelectorAll("body *")].filter((e) => {
      const r = e.getBoundingClientRect();
      return r.right > w + 1 && getComputedStyle(e).position !== "fixed" && r.width > 0;
    });
    return { scroll: document.documentElement.scrollWidth, width: w, over: over.slice(0, 3).map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? "").slice(0, 60)}`) };
  });
  if (wide.scroll > wide.width) fail(`${label}: page ${wide.scroll}px wide on a ${wide.width}px screen (${wide.over.join(" | ")})`);
}

/** Tabs through the page: every focused element shows a focus ring (outline or box-shadow). */
async function checkKeyboard(page: Page, label: string, steps = 25): Promise<string[]> {
  const visited: string[] = [];
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      if (!e || e === document.body) return null;
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      return { tag: e.tagName, text: (e.textContent ?? e.getAttribute("aria-label") ?? "").trim().slice(0, 40), ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none", visible: r.width > 0 && r.height > 0 };
    });
    if (!f) continue;
    visited.push(`${f.tag}:${f.text}`);
    if (!f.ring) fail(`${label}: focused ${f.tag} "${f.text}" shows no focus ring`);
    if (!f.visible) fail(`${label}: focused ${f.tag} "${f.text}" is not visible`);
  }
  return visited;
}

async function search(browser: Browser, origin: string, query: string, expectTitle: string): Promise<void> {
  const page = await open(browser, origin, `/search/?q=${encodeURIComponent(query)}`, 1280);
  const results = page.locator(".pagefind-ui__result-link");
  try {
    await results.first().waitFor({ timeout: 20_000 });
  } catch {
    fail(`search "${query}": no results`);
    await page.context().close();
    return;
  }
  await page.waitForTimeout(500);
  const titles = await results.allTextContents();
  if (!titles.includes(expectTitle)) fail(`search "${query}": "${expectTitle}" not among the first ${titles.length} results (${titles.slice(0, 3).join(" | ")})`);
  else console.log(`search "${query}": found at ${titles.indexOf(expectTitle) + 1} of ${titles.length}`);
  await page.context().close();
}

async function main(): Promise<void> {
  const report = JSON.parse(readFileSync(join(site, "build-report.json"), "utf8")) as Report;
  const stories = [...report.stories].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const oldest = stories[0]!;
  const newest = stories[stories.length - 1]!;
  const biggest = [...stories].sort((a, b) => b.sources.length - a.sources.length)[0]!;
  const { server, url } = await serveFolder({ root: site, port: 0, host: "127.0.0.1" });
  const origin = url.replace(/\/$/, "");
  const browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const dayPath = (d: string) => `/${d.replace(/-/g, "/")}/`;
  const paths = ["/", "/archive/", "/about/", "/search/", `/stories/${oldest.id}/`, `/stories/${biggest.id}/`, `/stories/${newest.id}/`, dayPath(oldest.date), dayPath(newest.date), `/${oldest.date.slice(0, 7).replace("-", "/")}/`, "/404.html"];
  for (const path of paths) {
    for (const width of [1280, 360]) {
      for (const dark of [false, true]) {
        const label = `${path} @${width}${dark ? " dark" : ""}`;
        const page = await open(browser, origin, path, width, dark);
        await checkLayout(page, label);
        if (!dark) {
          const tabs = await checkKeyboard(page, label);
          if (width === 1280) console.log(`${path}: first tab stops ${tabs.slice(0, 4).join(", ")}`);
        }
        await page.context().close();
      }
    }
  }
  // Search: the oldest story by words of its headline, the newest, the biggest.
  const words = (t: string) => t.split(/\s+/).filter((w) => w.length > 3).slice(0, 3).join(" ");
  for (const s of [oldest, newest, biggest]) await search(browser, origin, words(s.title), s.title);
  await browser.close();
  server.close();
  console.log(`${failures.length} failing checks`);
  process.exit(failures.length ? 1 : 0);
}

void main();
