// A reader's search on a site whose index is split into bundles loads Pagefind's WebAssembly once, from one
// path (the first bundle's, /pagefind/), not once per bundle, and finds the stories one index would; and so
// it stays after a build that adds an article and rebuilds a bundle. Requests counted in Chromium.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { serveFolder } from "../../src/cli/serve.ts";
import { buildBundled, fixtures, launchBrowser } from "./build.ts";
import { shownResults } from "./search-page.ts";

const work = mkdtempSync(join(tmpdir(), "digest-search-wasm-"));
const input = join(work, "articles");
const site = join(work, "site");

const build = () => buildBundled(work);

/** Each bundle's folder with its metadata file (named by a hash of the bundle's index: another when the bundle is rebuilt). */
const metas = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(site)
      .filter((name) => name.startsWith("pagefind"))
      .map((folder) => [folder, readdirSync(join(site, folder)).find((f) => f.endsWith(".pf_meta"))!]),
  );

interface Search {
  titles: string[];
  /** The paths the page requested, in order. */
  requests: string[];
}

describe("search over bundles loads Pagefind's WebAssembly once", () => {
  let browser: Browser;
  let server: Server;
  let origin = "";

  beforeAll(async () => {
    cpSync(join(fixtures, "seeds"), input, { recursive: true });
    await build();
    ({ server, url: origin } = await serveFolder({ root: site, port: 0, host: "127.0.0.1" }));
    origin = origin.replace(/\/$/, "");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function search(query: string): Promise<Search> {
    // A fresh context: nothing cached from an earlier search.
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    const failed: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    page.on("pageerror", (e) => failed.push(e.message));
    page.on("console", (m) => m.type() === "error" && failed.push(m.text()));
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    const titles = await shownResults(page);
    await context.close();
    expect(failed).toEqual([]);
    return { titles, requests };
  }

  const wasm = (s: Search) => s.requests.filter((p) => /\/wasm\.[^/]+\.pagefind$/.test(p));
  /** The bundles whose own entry file the search fetched. */
  const entries = (s: Search) => s.requests.flatMap((p) => /^\/([^/]+)\/pagefind-entry\.json$/.exec(p)?.[1] ?? []).sort();

  it("fetches the WebAssembly from one path for every bundle, each bundle's own index from its folder", async () => {
    const bundles = Object.keys(metas()).sort();
    expect(bundles.length).toBeGreaterThan(1);
    const found = await search("ammunition Bulgaria");
    expect(found.titles).toEqual(["Russia's spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic", "Russia accuses ally Serbia of betrayal for supplying arms to Ukraine"]);
    expect(wasm(found)).toEqual(["/pagefind/wasm.en.pagefind"]);
    expect(entries(found)).toEqual(bundles);
    const both = await search("Serbia");
    expect([...both.titles].sort()).toEqual(["Russia accuses ally Serbia of betrayal for supplying arms to Ukraine", "Russia's spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic"]);
    expect(wasm(both)).toEqual(["/pagefind/wasm.en.pagefind"]);
  });

  it("still does after a build that adds an article and rebuilds its bundle", async () => {
    const before = metas();
    cpSync(join(fixtures, "inputs/no-front-matter.md"), join(input, "new-article.md"));
    await build();
    const after = metas();
    const rebuilt = Object.keys(after).filter((folder) => after[folder] !== before[folder]);
    // A bundle other than the one whose WebAssembly is shared is rebuilt (or new), and that one is carried.
    expect(rebuilt.length).toBeGreaterThan(0);
    expect(rebuilt).not.toContain("pagefind");
    const found = await search("harbour ferry");
    expect(found.titles).toEqual(["Harbour ferry service to resume after winter repairs"]);
    expect(wasm(found)).toEqual(["/pagefind/wasm.en.pagefind"]);
    expect(entries(found)).toEqual(Object.keys(after).sort());
    expect((await search("ammunition Bulgaria")).titles).toEqual(["Russia's spy agency says Serbia sold ammunition to Ukraine via Bulgaria, Czech Republic", "Russia accuses ally Serbia of betrayal for supplying arms to Ukraine"]);
  });
});
