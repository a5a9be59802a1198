// The installed command runs dist/ (compiled by `npm install`), not the sources the other tests run:
// the two must build the same site, byte for byte.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digest, removeWorkDirs, root, tree, workDir, type Run } from "../output/run.ts";

const input = join(root, "articles");
let compiled: Run;
let sources: Run;
let out: { compiled: string; sources: string };

beforeAll(async () => {
  execFileSync(process.execPath, [join(root, "scripts/compile.mjs")], { cwd: root, stdio: "pipe" });
  out = { compiled: workDir("digest-compiled-"), sources: workDir("digest-sources-") };
  const args = (dir: string) => ["build", "--input", input, "--digests", join(dir, "digests"), "--output", join(dir, "site"), "--no-cache", "--quiet"];
  compiled = await digest(args(out.compiled), { DIGEST_RUN_SOURCES: "" });
  sources = await digest(args(out.sources), { DIGEST_RUN_SOURCES: "1" });
}, 180_000);

afterAll(removeWorkDirs);

describe("the compiled command", () => {
  it("runs dist/, not the sources", () => {
    expect(compiled.code, compiled.stderr).toBe(0);
    expect(compiled.stderr).not.toMatch(/running the TypeScript sources/);
  });

  it("writes the same digests and site as the sources, every page included", () => {
    expect(sources.code, sources.stderr).toBe(0);
    const site = tree(join(out.compiled, "site"))!;
    expect(Object.keys(site).filter((p) => p.endsWith(".html")).length).toBeGreaterThan(10);
    expect(site).toEqual(tree(join(out.sources, "site")));
    expect(tree(join(out.compiled, "digests"))).toEqual(tree(join(out.sources, "digests")));
  });

  it("checks a config file as the sources do: every problem, the same words", async () => {
    // The config's checks and words are zod's and src/config.ts's: the bundle, whatever of the package it
    // takes (the whole `z` namespace or only the builders named), must give them as the sources do.
    const dir = workDir("digest-config-");
    const config = join(dir, "digest.config.json");
    writeFileSync(config, JSON.stringify({ title: "", feedDays: 0, homeDays: 1.5, timezone: "Mars/Olympus", language: "??", baseUrl: "ftp://x.org", feeds: ["nope"], author: 5, opml: "", disableRules: ["recap-paragrph"], fetch: { concurrency: 99, timeoutMs: 5, userAgent: "a\nb", bogus: 1 }, titel: "x" }));
    const args = ["build", "--input", input, "--digests", join(dir, "digests"), "--output", join(dir, "site"), "--config", config, "--no-cache", "--quiet"];
    const [fromBundle, fromSources] = [await digest(args, { DIGEST_RUN_SOURCES: "" }), await digest(args, { DIGEST_RUN_SOURCES: "1" })];
    expect(fromBundle.code).toBe(1);
    expect(fromBundle.stderr).toContain('"fetch.timeoutMs" must be at least 1000, not the number 5');
    expect(fromBundle.stderr).toContain('"homeDays" must be a whole number, not the number 1.5');
    expect(fromBundle.stderr).toContain('unknown key "titel"; did you mean "title"?');
    expect({ code: fromBundle.code, stderr: fromBundle.stderr }).toEqual({ code: fromSources.code, stderr: fromSources.stderr });
  }, 60_000);

  it("is the bundle, whose caches are keyed by the module tree's code hashes, one per stage as before", async () => {
    expect(existsSync(join(root, "dist/bundle/main.js"))).toBe(true);
    const dist = pathToFileURL(join(root, "dist/")).href;
    const tree = (await import(new URL("src/cache/code-hash.js", dist).href)) as typeof import("../../src/cache/code-hash.ts");
    const graph = JSON.parse(readFileSync(join(root, "dist/bundle/code-graph.json"), "utf8")) as Parameters<typeof tree.graphCodeHash>[0];
    const stages = [["src/pipeline/article.js", "src/cache/articles.js"], ["src/cluster/index.js"], ["src/summarise/index.js"], ["src/digest/model.js", "src/cache/articles.js"], ["src/site/index.js"], ["src/cli/build.js"]];
    const hashes = stages.map((entries) => {
      const urls = entries.map((e) => new URL(e, dist).href);
      const hash = tree.graphCodeHash(graph, dist, urls);
      expect(hash, entries.join(" ")).toBe(tree.codeHash(urls));
      return hash;
    });
    expect(new Set(hashes).size).toBe(stages.length);
  });
});
