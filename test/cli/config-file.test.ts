// The settings file as a user meets it: `digest.config.json` in the working folder is read when present,
// and a config that is there but cannot be used stops the build with one line (CONTRACT.md: "Non-zero
// only when no site could be written (bad config, …), with a one-line reason") instead of a site built
// with the reader's settings silently left out.
import { afterAll, describe, expect, it } from "vitest";
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { digest, removeWorkDirs, seeds, workDir } from "../output/run.ts";

afterAll(removeWorkDirs);

/** A build of the seeds in `cwd`, with its default config name, into folders of its own. */
const build = (cwd: string, ...more: string[]) => digest(["build", "--input", seeds, "--output", "site", "--digests", "digests", "--no-cache", ...more], {}, undefined, { cwd });

describe("digest.config.json in the working folder", () => {
  it("is read when present: its title is the site's", async () => {
    const cwd = workDir("digest-config-");
    writeFileSync(join(cwd, "digest.config.json"), JSON.stringify({ title: "Morning Papers" }));
    const run = await build(cwd, "--quiet");
    expect(run.code).toBe(0);
    expect(readFileSync(join(cwd, "site/index.html"), "utf8")).toContain("<title>Morning Papers");
  }, 60_000);

  it.each([
    ["a folder", (path: string) => mkdirSync(path), "it is a folder"],
    ["a link to nothing", (path: string) => symlinkSync("settings-moved-away.json", path), "a symbolic link to something that does not exist"],
  ])("that is %s stops the build with one line naming it, and writes nothing", async (_what, make, why) => {
    const cwd = workDir("digest-config-");
    make(join(cwd, "digest.config.json"));
    const run = await build(cwd);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([`digest build: config file digest.config.json cannot be read (${why})`]);
    expect(existsSync(join(cwd, "site"))).toBe(false);
  }, 60_000);

  // Root reads any file: the build runs as the user nobody, in a folder it may enter, on a config only root may read.
  it.skipIf(process.getuid?.() !== 0)("that the user may not read stops the build with one line", async () => {
    const cwd = workDir("digest-config-");
    chmodSync(cwd, 0o755);
    writeFileSync(join(cwd, "digest.config.json"), JSON.stringify({ title: "Morning Papers" }), { mode: 0o600 });
    const run = await digest(["build", "--input", seeds, "--output", "site", "--digests", "digests", "--no-cache"], {}, undefined, { cwd, unprivileged: true });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual(["digest build: config file digest.config.json cannot be read (permission denied)"]);
  }, 60_000);

  it("that is absent means the defaults", async () => {
    const cwd = workDir("digest-config-");
    const run = await build(cwd, "--quiet");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(readFileSync(join(cwd, "site/index.html"), "utf8")).toContain("<title>Digest");
  }, 60_000);

  it("given with --config but missing says so", async () => {
    const cwd = workDir("digest-config-");
    const run = await build(cwd, "--config", "nope.json");
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("digest build: config file nope.json cannot be read (it does not exist)");
  }, 60_000);

  it("that is not valid JSON is named with the line and column of the slip", async () => {
    const cwd = workDir("digest-config-");
    writeFileSync(join(cwd, "digest.config.json"), '{\n  "title": "A",\n  "feedDays": 3,\n}\n');
    const run = await build(cwd);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^digest build: config file digest\.config\.json is not valid JSON: .*\(line 4 column 1\)$/)]);
  }, 60_000);
});

describe("the site's address", () => {
  it.each([
    ["--base-url", (cwd: string) => ["--base-url", "https://news.example.com/?edition=uk"]],
    ["baseUrl", (cwd: string) => {
      writeFileSync(join(cwd, "digest.config.json"), JSON.stringify({ baseUrl: "https://news.example.com/#top" }));
      return [];
    }],
  ])("with a query or fragment (%s) is refused before anything is written, since every link is made by appending a path", async (_where, given) => {
    const cwd = workDir("digest-config-");
    const run = await build(cwd, ...given(cwd));
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^digest build: .*without a "\?query" or "#fragment"/)]);
    expect(existsSync(join(cwd, "site"))).toBe(false);
  }, 60_000);
});
