// When Pagefind cannot write the search index (a read-only or full folder, a path that is a file), its
// process panics and ends. The build must fail at once with one plain line naming the folder, print no
// EPIPE or panic of Pagefind's, and leave the site the last build wrote as it was.
import { afterEach, describe, expect, it, vi } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startSearch } from "../../src/site/search.ts";
import { root, seeds, tree } from "./build.ts";

const run = promisify(execFile);

const page = (n: number) => `<html><body><article data-pagefind-body><h1>Ferry fares ${n}</h1><p>Fares go up on route ${n}.</p></article></body></html>`;

describe("a search index Pagefind cannot write", () => {
  afterEach(() => vi.restoreAllMocks());

  it("fails the indexing with one message naming the folder, and nothing of Pagefind's printed", async () => {
    const site = mkdtempSync(join(tmpdir(), "digest-search-write-"));
    // Where the first bundle's folder goes is a file: Pagefind's write fails there.
    writeFileSync(join(site, "first"), "not a folder");
    const said: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void said.push(args.map(String).join(" ")));
    const write = process.stderr.write.bind(process.stderr);
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      said.push(String(chunk));
      return write(chunk, ...(rest as []));
    });
    const urls = [1, 2, 3, 4].map((n) => `/stories/s-${n}/`);
    const search = await startSearch(site, [{ folder: "first", urls: urls.slice(0, 2) }, { folder: "second", urls: urls.slice(2) }], "en", () => false);
    search.rendered(urls[0]!, page(1));
    search.rendered(urls[1]!, page(2));
    // The second bundle's pages come while (or after) Pagefind fails to write the first: they were written to a process that had ended (EPIPE).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    search.rendered(urls[2]!, page(3));
    search.rendered(urls[3]!, page(4));
    await expect(search.finish()).rejects.toThrow(`search index: Pagefind could not write ${join(site, "first")}: `);
    await search.close();
    expect(said.join("\n")).not.toMatch(/EPIPE|Service stopped|panicked|backtrace/);
    rmSync(site, { recursive: true, force: true });
  }, 20_000);

  it.runIf(process.platform === "linux")("fails the build and leaves the last build's site as it was", async () => {
    const work = mkdtempSync(join(tmpdir(), "digest-search-write-build-"));
    const input = join(work, "articles");
    cpSync(seeds, input, { recursive: true });
    const held = readdirSync(input).sort()[0]!;
    rmSync(join(input, held));
    const site = join(work, "site");
    const args = (more: string[]) => [join(root, "bin/digest.js"), "build", "--input", input, "--digests", join(work, "digests"), "--output", site, "--quiet", ...more];
    await run(process.execPath, args([]), { cwd: root });
    const before = tree(site);
    // A new article changes the story pages, so the search index is written again: this time into a file
    // system that refuses files over 100 KiB (Pagefind's UI script is 180 KB; the site's own files are
    // smaller): a real failing write, as on a full disk.
    cpSync(join(seeds, held), join(input, held));
    const failed = await run("bash", ["-c", 'ulimit -f 100; exec "$@"', "bash", process.execPath, ...args([])], { cwd: root, timeout: 60_000 }).then(
      () => null,
      (error: { code?: number; stderr?: string; killed?: boolean }) => error,
    );
    expect(failed?.killed).toBe(false);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toBe(`digest build: ${site}: Pagefind could not write the search index (pagefind/): a file larger than this process may write (SIGXFSZ); the site there is left as it was\n`);
    expect(tree(site)).toEqual(before);
    // Nothing of the failed build is left beside it.
    expect(readdirSync(work).sort()).toEqual(["articles", "digests", "site"]);
    rmSync(work, { recursive: true, force: true });
  }, 120_000);
});
