// A folder the user names that cannot be made (under /proc, which answers ENOENT for any new child) is
// one line and a non-zero exit, not a run that never ends: Node's mkdir({ recursive: true }) loops there.
import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
const bin = join(root, "bin/digest.js");
const seeds = join(root, "test/fixtures/seeds");

/** Runs digest in `cwd`; a run still going after 40 s is killed and reported as such. */
function digest(args: string[], cwd: string): Promise<{ code: number | null; stderr: string; killed: boolean }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, timeout: 40_000 }, (error, _stdout, stderr) => {
      const e = error as (Error & { code?: number; killed?: boolean }) | null;
      done({ code: e ? (typeof e.code === "number" ? e.code : null) : 0, stderr, killed: e?.killed ?? false });
    });
  });
}

describe.skipIf(!existsSync("/proc/self"))("folders that cannot be made", () => {
  const work = mkdtempSync(join(tmpdir(), "digest-unmakeable-"));

  it.each([
    ["the output folder", ["--output", "/proc/digest-test/site", "--digests", join(work, "d1")], /^digest build: cannot write the output folder \/proc\/digest-test\/site: /],
    ["the digests folder", ["--output", join(work, "s2"), "--digests", "/proc/digest-test/digests"], /^digest build: cannot write the digests folder \/proc\/digest-test\/digests: /],
  ])("build stops at once with one line when %s cannot be made", async (_what, folders, line) => {
    const run = await digest(["build", "--input", seeds, ...folders, "--no-cache"], work);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(line)]);
  }, 60_000);

  it.each([
    ["under /proc", () => "/proc/digest-test/cache"],
    ["a dangling link", () => {
      const link = join(work, "dangling-cache");
      symlinkSync(join(work, "gone", "cache"), link);
      return link;
    }],
  ])("build says once that it runs without a cache when the cache folder (%s) cannot be made, and builds the site", async (_where, cacheDir) => {
    const cache = cacheDir();
    const site = mkdtempSync(join(work, "with-cache-"));
    const out = join(site, "site");
    const run = await digest(["build", "--input", seeds, "--output", out, "--digests", join(site, "digests"), "--cache", cache, "--quiet"], work);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^digest: cache: cannot use .*cache \(.*\); this build runs without a cache$/)]);
    expect(existsSync(join(out, "index.html"))).toBe(true);
  }, 60_000);

  it("fetch stops at once with one line when its input folder cannot be made", async () => {
    writeFileSync(join(work, "digest.config.json"), '{"feeds": ["http://127.0.0.1:9/feed.xml"]}\n');
    const run = await digest(["fetch", "--input", "/proc/digest-test/articles"], work);
    expect(run.killed).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual(["digest fetch: input folder /proc/digest-test/articles cannot be written (ENOENT)"]);
  }, 60_000);

  it("fetch stops at once with one line when its cache folder cannot be made", async () => {
    writeFileSync(join(work, "digest.config.json"), '{"feeds": ["http://127.0.0.1:9/feed.xml"]}\n');
    const run = await digest(["fetch", "--input", join(work, "fetched"), "--cache", "/proc/digest-test/cache"], work);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual(["digest fetch: cache folder /proc/digest-test/cache cannot be written (ENOENT): it keeps what the feeds last answered"]);
  }, 60_000);
});
