// The site in a real browser (Chromium from @sparticuz/chromium, driven by playwright-core), served over
// HTTP the way a reader gets it: pages, story anchors, feed links, dark and phone views, and hostile text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import type { AddressInfo } from "node:net";
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser, type Page } from "playwright-core";
import { build, hostile } from "./build.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    let file = join(dir, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": TYPES[".html"] });
      res.end(await readFile(join(dir, "404.html")).catch(() => "not found"));
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

describe("the site in a browser", () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  const failed: string[] = [];

  beforeAll(async () => {
    const out = await build(hostile);
    ({ server, origin } = await serve(out.site));
    browser = await playwright.launch({
      executablePath: await chromium.executablePath(),
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function open(path: string, options: { colorScheme?: "light" | "dark"; width?: number } = {}): Promise<Page> {
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
    page.on("dialog", (d) => {
      failed.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const response = await page.goto(origin + path);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  it("shows the home page with the latest days and links every feed from its head", async () => {
    const page = await open("/");
    expect(await page.title()).toBe("Digest");
    expect(await page.locator("main h2").allTextContents()).toEqual(["Saturday 15 March 2025", "Friday 14 March 2025"]);
    const feeds = await page.locator('head link[rel="alternate"]').evaluateAll((links) =>
      links.map((l) => [l.getAttribute("type"), (l as HTMLLinkElement).href]),
    );
    expect(feeds).toEqual([
      ["application/rss+xml", `${origin}/feed.xml`],
      ["application/atom+xml", `${origin}/atom.xml`],
      ["application/feed+json", `${origin}/feed.json`],
    ]);
    for (const [, href] of feeds) {
      const res = await page.request.get(href!);
      expect(res.status(), href!).toBe(200);
      expect(await res.text()).toContain("https://digest.example.org/2025/03/15/");
    }
    expect(failed).toEqual([]);
    await page.context().close();
  });

  it("follows a story's link from the home page to its anchor on the day page", async () => {
    const page = await open("/");
    const story = page.locator("article.story", { hasText: "Ferry workers strike" });
    const id = await story.locator("h3").getAttribute("id");
    await story.getByRole("link", { name: "Link to this story" }).click();
    await page.waitForURL(`${origin}/2025/03/15/#${id}`);
    expect(await page.evaluate(() => document.querySelector(":target")?.textContent)).toBe("Ferry workers strike over new rota, halting island crossings");
    expect(await page.locator("h1").textContent()).toBe("Digest for Saturday 15 March 2025");
    await page.getByText("and 4 other outlets").click();
    await expect.poll(() => page.getByRole("link", { name: "Harbour Weekly" }).isVisible()).toBe(true);
    expect(failed).toEqual([]);
    await page.context().close();
  });

  it("shows article text with <script> and <img onerror> literally and runs none of it", async () => {
    const page = await open("/2025/03/14/");
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
    const light = await open("/2025/03/15/");
    const dark = await open("/2025/03/15/", { colorScheme: "dark" });
    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background(light)).toBe("rgb(253, 252, 250)");
    expect(await background(dark)).toBe("rgb(21, 23, 26)");
    await light.context().close();
    await dark.context().close();
    const phone = await open("/2025/03/14/", { width: 390 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.context().close();
  });
});
