// The site in a real browser (Chromium from @sparticuz/chromium, driven by playwright-core), served over
// HTTP the way a reader gets it: navigation from the front page to a story and its sources, follow-up
// links both ways, search, feed links, dark and phone views, and hostile text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser, type Page } from "playwright-core";
import { serveFolder } from "../../src/cli/serve.ts";
import { build, hostile, seeds } from "./build.ts";

interface Site {
  server: Server;
  origin: string;
}

async function serve(dir: string): Promise<Site> {
  const { server, url } = await serveFolder({ root: dir, port: 0, host: "127.0.0.1" });
  return { server, origin: url.replace(/\/$/, "") };
}

describe("the site in a browser", () => {
  let ferrySite: Site;
  let seedSite: Site;
  let browser: Browser;
  const failed: string[] = [];

  beforeAll(async () => {
    const [a, b] = await Promise.all([build(hostile), build(seeds)]);
    [ferrySite, seedSite] = await Promise.all([serve(a.site), serve(b.site)]);
    browser = await playwright.launch({
      executablePath: await chromium.executablePath(),
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    ferrySite?.server.close();
    seedSite?.server.close();
  });

  async function open(site: Site, path: string, options: { colorScheme?: "light" | "dark"; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({
      colorScheme: options.colorScheme ?? "light",
      viewport: { width: options.width ?? 1280, height: 800 },
      isMobile: (options.width ?? 1280) < 600,
      javaScriptEnabled: true,
    });
    const page = await context.newPage();
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    page.on("pageerror", (e) => failed.push(`page error: ${e.message}`));
    page.on("dialog", (d) => {
      failed.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const response = await page.goto(site.origin + path);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it("shows the front page with its top stories and links both feeds, daily and per story, from its head", async () => {
    const page = await open(ferrySite, "/");
    expect(await page.title()).toBe("Digest");
    expect(await page.locator("main h2").allTextContents()).toEqual(["Top stories", "By day"]);
    expect(await page.locator("article.story h3").allTextContents()).toEqual(["Ferry workers strike over new rota, halting island crossings", "Tom & Jerry <3 <script>window.__pwned=1</script>"]);
    const feeds = await page.locator('head link[rel="alternate"]').evaluateAll((links) => links.map((l) => [l.getAttribute("type"), (l as HTMLLinkElement).href]));
    const o = ferrySite.origin;
    expect(feeds).toEqual([
      ["application/rss+xml", `${o}/feed.xml`],
      ["application/atom+xml", `${o}/atom.xml`],
      ["application/feed+json", `${o}/feed.json`],
      ["application/rss+xml", `${o}/stories.xml`],
      ["application/atom+xml", `${o}/stories-atom.xml`],
      ["application/feed+json", `${o}/stories.json`],
    ]);
    for (const [, href] of feeds) {
      const res = await page.request.get(href!);
      expect(res.status(), href!).toBe(200);
      expect(await res.text()).toContain("https://digest.example.org/stories/");
    }
    expect(failed).toEqual([]);
    await page.context().close();
  });

  it("goes from a headline on the front page to the story's page, and from there to the day and the original articles", async () => {
    const page = await open(ferrySite, "/");
    await page.getByRole("link", { name: "Ferry workers strike over new rota, halting island crossings" }).first().click();
    await page.waitForURL(/\/stories\/s-[0-9a-f]+\/$/);
    expect(await page.locator("h1").textContent()).toBe("Ferry workers strike over new rota, halting island crossings");
    const sources = page.getByRole("list", { name: "Sources" }).getByRole("listitem");
    expect(await sources.count()).toBe(7);
    expect(await sources.first().textContent()).toBe("Northern Courier: Ferry workers strike over new rota, halting island crossings");
    expect(await sources.first().getByRole("link").getAttribute("href")).toBe("https://northern-courier.example/ferry");
    const id = /\/stories\/(s-[0-9a-f]+)\/$/.exec(page.url())![1]!;
    await page.getByRole("link", { name: "Saturday 15 March 2025" }).last().click();
    await page.waitForURL(`${ferrySite.origin}/2025/03/15/#${id}`);
    expect(await page.evaluate(() => document.querySelector(":target")?.textContent)).toBe("Ferry workers strike over new rota, halting island crossings");
    await page.getByText("and 2 more sources").click();
    await expect.poll(() => page.getByRole("link", { name: "Ferry workers strike over new rota, halting island crossings" }).nth(6).isVisible()).toBe(true);
    await page.getByRole("link", { name: "← Friday 14 March 2025" }).click();
    await page.waitForURL(`${ferrySite.origin}/2025/03/14/`);
    expect(failed).toEqual([]);
    await page.context().close();
  });

  it("follows a story to its follow-up and back", async () => {
    const page = await open(seedSite, "/2025/05/29/");
    await page.getByRole("link", { name: "Russia's spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic" }).click();
    await page.waitForURL(/\/stories\/s-[0-9a-f]+\/$/);
    expect(await page.locator("h1").textContent()).toBe("Russia's spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic");
    await page.getByRole("link", { name: "Russia accuses ally Serbia of betrayal for supplying arms to Ukraine" }).click();
    await page.waitForURL(/\/stories\/s-[0-9a-f]+\/$/);
    expect(await page.locator("h1").textContent()).toBe("Russia accuses ally Serbia of betrayal for supplying arms to Ukraine");
    expect(await page.locator(".follow").textContent()).toMatch(/^Followed up by Russia's spy agency says Serbia sold ammunition/);
    expect(failed).toEqual([]);
    await page.context().close();
  });

  it("searches the stories from the form on any page, and opens a result", async () => {
    const page = await open(seedSite, "/archive/");
    await page.getByRole("searchbox", { name: "Search the stories" }).fill("ammunition Bulgaria");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\/\?q=ammunition\+Bulgaria$/);
    const results = page.locator(".pagefind-ui__result-link");
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await results.first().textContent()).toBe("Russia's spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic");
    // Pagefind's own box on the search page takes the next query.
    await page.getByRole("textbox", { name: "Search the stories" }).fill("NewsX");
    await expect.poll(() => results.first().textContent(), { timeout: 15_000 }).toBe("Russia accuses ally Serbia of betrayal for supplying arms to Ukraine");
    await results.first().click();
    await page.waitForURL(/\/stories\/s-[0-9a-f]+\/$/);
    expect(await page.locator("h1").textContent()).toBe("Russia accuses ally Serbia of betrayal for supplying arms to Ukraine");
    expect(failed).toEqual([]);
    await page.context().close();
  });

  it("gives the search page's form and links real addresses, no javascript: ones", async () => {
    const page = await open(seedSite, "/search/");
    await expect.poll(() => page.locator("#search form").count(), { timeout: 15_000 }).toBe(1);
    const targets = await page.evaluate(() => [...document.querySelectorAll("a[href], area[href], form[action]")].map((e) => e.getAttribute("href") ?? e.getAttribute("action")!));
    expect(targets.filter((t) => /^\s*javascript:/i.test(t))).toEqual([]);
    // Pagefind searches as one types and stops the submit; sent as it stands, the form loads this page with the words.
    await page.getByRole("textbox", { name: "Search the stories" }).fill("NewsX");
    await page.locator("#search form").evaluate((form) => (form as HTMLFormElement).submit());
    await page.waitForURL(/\/search\/\?q=NewsX$/);
    const results = page.locator(".pagefind-ui__result-link");
    await expect.poll(() => results.first().textContent(), { timeout: 15_000 }).toBe("Russia accuses ally Serbia of betrayal for supplying arms to Ukraine");
    expect(failed).toEqual([]);
    await page.context().close();
  });

  it("shows article text with <script> and <img onerror> literally and runs none of it", async () => {
    const page = await open(ferrySite, "/2025/03/14/");
    await page.waitForLoadState("load");
    expect(await page.locator("main h2").first().textContent()).toBe("Tom & Jerry <3 <script>window.__pwned=1</script>");
    expect(await page.locator("main").textContent()).toContain('<img src=x onerror="window.__pwned=2">');
    expect(await page.locator("main").textContent()).toContain("The <b>Bold</b> Times & Co");
    expect(await page.evaluate(() => document.querySelectorAll("script, img, b").length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(failed).toEqual([]);
    await page.context().close();
  });

  it("switches to dark colours with the system setting and fits a phone screen", async () => {
    const light = await open(ferrySite, "/2025/03/15/");
    const dark = await open(ferrySite, "/2025/03/15/", { colorScheme: "dark" });
    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background(light)).toBe("rgb(253, 252, 250)");
    expect(await background(dark)).toBe("rgb(21, 23, 26)");
    await light.context().close();
    await dark.context().close();
    for (const path of ["/", "/2025/03/14/", "/search/?q=ferry"]) {
      const phone = await open(ferrySite, path, { width: 390 });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), path).toBe(true);
      await phone.context().close();
    }
    expect(failed).toEqual([]);
  });
});
