// A built site read page by page in the real headless browser (Chromium from @sparticuz/chromium,
// playwright-core), as a reader on a phone meets it, and searched for every story. Never part of the
// tests: a reader's check of a built site (scripts/soak-fetch.ts's, or a mixed articles/ folder's).
//
//   npx tsx scripts/qa-read-site.ts SITE_DIR [--pages N] [--searches N] [--width 360]
//
// Every page (up to --pages, stories first in report order, then the rest) at --width: a page wider than
// the screen, a request that fails, a console error, a page without an h1, a page that moves on by itself, a
// moved story's page with no link to the story. Then up to --searches stories
// (spread over the report) searched by the first words of their headline: the story is among the results.
// Prints "FAIL ..." lines and counts; exits 1 when there are any.
import chromium from "@sparticuz/chromium";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { chromium as playwright, type Browser } from "playwright-core";
import { serveFolder } from "../src/cli/serve.ts";

const args = process.argv.slice(2);
const site = resolve(args[0] ?? "_site");
const num = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const MAX_PAGES = num("pages", 400);
const SEARCHES = num("searches", 60);
const WIDTH = num("width", 360);
const failures: string[] = [];
const fail = (kind: string, what: string) => {
  failures.push(kind);
  console.log(`FAIL ${kind}: ${what}`);
};

interface Report {
  stories: { id: string; title: string }[];
}

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === "pagefind" || name.startsWith(".")) continue;
    if (statSync(p).isDirectory()) out.push(...htmlPages(p));
    else if (name.endsWith(".html")) out.push("/" + relative(site, p).replace(/index\.html$/, ""));
  }
  return out;
}

async function readPage(browser: Browser, origin: string, path: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 800 }, isMobile: WIDTH < 600 });
  const page = await context.newPage();
  page.on("response", (r) => {
    if (r.status() >= 400 && !(path === "/404.html" && r.url().endsWith("/404.html"))) fail("request", `${path}: ${r.status()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") fail("console", `${path}: ${m.text()}`);
  });
  await page.goto(origin + encodeURI(path));
  await page.waitForLoadState("load");
  // A page that moves on by itself (a meta refresh, a script) is lost by crawlers that read a page once loaded.
  if (new URL(page.url()).pathname !== path) fail("redirect", `${path}: moved on by itself to ${new URL(page.url()).pathname}`);
  // A moved story's page (noindex, canonical elsewhere) links the reader to where the story now is.
  const moved = await page.evaluate(() => {
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href");
    if (!canonical || !document.querySelector('meta[name="robots"][content~="noindex"]')) return null;
    const to = new URL(canonical).pathname;
    return { to, linked: [...document.querySelectorAll("main a[href]")].some((a) => new URL(a.getAttribute("href")!, document.baseURI).pathname === to) };
  });
  if (moved && !moved.linked) fail("redirect", `${path}: moved to ${moved.to}, but no link there`);
  const measure = () =>
    page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const over = [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > w + 1 && getComputedStyle(e).position !== "fixed" && e.getBoundingClientRect().width > 0);
      return { scroll: document.documentElement.scrollWidth, width: w, over: over.slice(0, 2).map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? "").slice(0, 50)}`), h1: document.querySelectorAll("h1").length };
    });
  const shape = await measure();
  if (shape.scroll > shape.width) fail("layout", `${path} @${WIDTH}: ${shape.scroll}px wide on ${shape.width}px (${shape.over.join(" | ")})`);
  if (shape.h1 !== 1 && path !== "/search/") fail("heading", `${path}: ${shape.h1} h1`);
  await context.close();
}

async function search(browser: Browser, origin: string, query: string, id: string): Promise<boolean> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  const links = page.locator(".pagefind-ui__result-link");
  try {
    await links.first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(300);
  } catch {
    await context.close();
    return false;
  }
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  await context.close();
  return hrefs.some((h) => h.includes(`/stories/${id}/`));
}

async function main(): Promise<void> {
  const report = JSON.parse(readFileSync(join(site, "build-report.json"), "utf8")) as Report;
  const stories = new Set(report.stories.map((s) => `/stories/${s.id}/`));
  const all = htmlPages(site);
  const pages = [...all.filter((p) => stories.has(p)), ...all.filter((p) => !stories.has(p))].slice(0, MAX_PAGES);
  const { server, url } = await serveFolder({ root: site, port: 0, host: "127.0.0.1" });
  const origin = url.replace(/\/$/, "");
  const browser = await playwright.launch({
    executablePath: await chromium.executablePath(),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  for (const path of pages) await readPage(browser, origin, path);
  const step = Math.max(1, Math.floor(report.stories.length / SEARCHES));
  let searched = 0;
  let missed = 0;
  for (let i = 0; i < report.stories.length && searched < SEARCHES; i += step) {
    const s = report.stories[i]!;
    const words = s.title.split(/\s+/).filter((w) => /\p{L}{4,}/u.test(w)).slice(0, 3).join(" ");
    if (!words) continue;
    searched++;
    if (!(await search(browser, origin, words, s.id))) {
      missed++;
      fail("search", `"${words}" does not find ${s.id} ("${s.title.slice(0, 70)}")`);
    }
  }
  await browser.close();
  server.close();
  const kinds = new Map<string, number>();
  for (const f of failures) kinds.set(f, (kinds.get(f) ?? 0) + 1);
  console.log(`${pages.length} pages read at ${WIDTH}px; ${searched} stories searched, ${missed} not found; failures: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`);
  process.exit(failures.length ? 1 : 0);
}

void main();
