// A site whose search index is split into bundles (as a large site's is) searches them all at once in
// the browser: the same queries find the same stories, the same first, as on a site with one index,
// also for a word only one bundle holds (where Pagefind alone would let the other bundles search for a
// shorter word that starts it), a stemmed form, a word no page holds, and two words; and ranks them as
// one index does, each page's length weighed against the whole site's average.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { launchBrowser } from "../site/build.ts";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { serveFolder } from "../../src/cli/serve.ts";
import { shownResults } from "../site/search-page.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-search-bundles-"));

async function buildSeeds(name: string, env: NodeJS.ProcessEnv): Promise<string> {
  const dir = join(work, name);
  await run(process.execPath, [join(root, "bin/digest.js"), "build", "--input", join(root, "test/fixtures/seeds"), "--digests", join(dir, "digests"), "--output", join(dir, "site"), "--quiet", "--no-cache"], {
    env: { ...process.env, ...env },
    maxBuffer: 64 << 20,
  });
  return join(dir, "site");
}

describe("search over several bundles", () => {
  let browser: Browser;
  const servers: Server[] = [];
  const origins: Record<string, string> = {};
  let bundles = 0;

  beforeAll(async () => {
    const [one, three] = await Promise.all([buildSeeds("one", {}), buildSeeds("three", { DIGEST_TEST_BUNDLES: "3" })]);
    bundles = readdirSync(three).filter((name) => name.startsWith("pagefind")).length;
    for (const [name, dir] of [["one", one], ["three", three]] as const) {
      const { server, url } = await serveFolder({ root: dir, port: 0, host: "127.0.0.1" });
      servers.push(server);
      origins[name] = url.replace(/\/$/, "");
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    for (const s of servers) s.close();
    rmSync(work, { recursive: true, force: true });
  });

  async function results(origin: string, query: string): Promise<string[]> {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on("response", (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    page.on("pageerror", (e) => failed.push(e.message));
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    const titles = await shownResults(page);
    expect(failed).toEqual([]);
    await page.close();
    return titles;
  }

  it("finds the same stories first as one index does", async () => {
    expect(bundles).toBeGreaterThan(1);
    const found: Record<string, number> = {};
    for (const query of ["ammunition Bulgaria", "NewsX", "Serbia", "Kremlin", "rockets", "neutral", "mortarzq", "Belgrade neutrality", "Kremlin mortar"]) {
      const [one, three] = [await results(origins.one!, query), await results(origins.three!, query)];
      expect(three[0], query).toBe(one[0]);
      expect([...three].sort(), query).toEqual([...one].sort());
      found[query] = one.length;
    }
    // Words one story holds find that story alone; words no story holds together find none.
    expect(found).toMatchObject({ Kremlin: 1, rockets: 1, neutral: 1, "Belgrade neutrality": 1, "Kremlin mortar": 0 });
  });

  it("weighs a story's length against the whole site's average, as one index does, not its bundle's", async () => {
    // Each bundle holds one story here, so each story is exactly as long as its bundle's average, and
    // only the site's average tells the longer story from the shorter: these words are in both stories,
    // and one index puts first the one that a bundle's average would put second ("Sources", a heading
    // each story page has once).
    expect(bundles).toBe(2);
    for (const query of ["Russia", "Sources"]) {
      const [one, three] = [await results(origins.one!, query), await results(origins.three!, query)];
      expect(one, query).toHaveLength(2);
      expect(three, query).toEqual(one);
    }
  });
});
