// Builds a fixture folder with the real `digest` command into a temporary folder, as a user would.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import chromium from "@sparticuz/chromium";
import { chromium as playwright, type Browser } from "playwright-core";
import { tree as treeOrNull } from "../output/run.ts";

const run = promisify(execFile);
export const root = join(import.meta.dirname, "../..");
export const fixtures = join(root, "test/fixtures");

export interface Built {
  site: string;
  digests: string;
  read(path: string): string;
  digest(date: string): string;
}

export async function build(input: string, options: { baseUrl?: string; config?: Record<string, unknown> } = {}): Promise<Built> {
  const work = mkdtempSync(join(tmpdir(), "digest-site-test-"));
  const site = join(work, "site");
  const digests = join(work, "digests");
  const args = [join(root, "bin/digest.js"), "build", "--input", input, "--digests", digests, "--output", site, "--quiet"];
  if (options.baseUrl) args.push("--base-url", options.baseUrl);
  if (options.config) {
    writeFileSync(join(work, "config.json"), JSON.stringify(options.config));
    args.push("--config", join(work, "config.json"));
  }
  await run(process.execPath, args, { cwd: root, maxBuffer: 64 << 20 });
  return {
    site,
    digests,
    read: (path) => readFileSync(join(site, path), "utf8"),
    digest: (date) => readFileSync(join(digests, `${date}.md`), "utf8"),
  };
}

/** Every file under dir, by path relative to it (test/output/run.ts's, for a folder that must be there). */
export function tree(dir: string): Record<string, string> {
  const files = treeOrNull(dir);
  if (files === null) throw new Error(`no folder ${dir}`);
  return files;
}

export const hostile = join(fixtures, "site-hostile");
export const seeds = join(fixtures, "seeds");

/**
 * Builds `work`/articles into `work`/site in search bundles of about three pages (DIGEST_TEST_BUNDLES), with
 * the build cache in `work`/cache: the second time, a build that carries what did not change.
 */
export async function buildBundled(work: string): Promise<void> {
  await run(process.execPath, [join(root, "bin/digest.js"), "build", "--input", join(work, "articles"), "--digests", join(work, "digests"), "--output", join(work, "site"), "--cache", join(work, "cache"), "--quiet"], {
    env: { ...process.env, DIGEST_TEST_BUNDLES: "3" },
    maxBuffer: 64 << 20,
  });
}

/** Headless Chromium (@sparticuz/chromium, driven by playwright-core), as the search tests run it. */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({ executablePath: await chromium.executablePath(), args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
}
