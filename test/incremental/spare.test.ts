// A first build (no earlier site) leaves a spare copy of its pages beside the site, made while it waits for
// Pagefind: the next build takes it as it takes a folder a swap put aside, so it makes no folder for a
// page it carries over, and its site is byte for byte a cold build's.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-spare-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Timings {
  site: { carried: number; spare: number; folders: { known: number; read: number } } | null;
}

async function build(dir: string, input: string, env: NodeJS.ProcessEnv = {}, args: string[] = []) {
  const timings = join(dir, "timings.json");
  await run(process.execPath, [join(root, "bin/digest.js"), "build", "--input", input, "--digests", join(dir, "digests"), "--output", join(dir, "site"), "--quiet", "--timings", timings, ...args], {
    cwd: dir,
    maxBuffer: 64 << 20,
    env: { ...process.env, DIGEST_TEST_RACY_MS: "0", ...env },
  });
  return JSON.parse(readFileSync(timings, "utf8")) as Timings;
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d).sort()) {
      if (statSync(join(d, n)).isDirectory()) walk(join(d, n), `${rel}${n}/`);
      else out[`${rel}${n}`] = readFileSync(join(d, n), "latin1");
    }
  };
  walk(dir, "");
  return out;
}

const spares = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(".site.digest-old-"));

describe("the first build's spare site folder", () => {
  it("holds the live pages themselves, hidden from git, and the next build takes it", async () => {
    const input = join(work, "articles");
    cpSync(join(root, "test/fixtures/seeds"), input, { recursive: true });
    const dir = mkdtempSync(join(work, "daily-"));
    const first = await build(dir, input, { DIGEST_TEST_SPARE: "whole" });
    expect(first.site!.spare).toBeGreaterThan(0);
    const [spare, ...more] = spares(dir);
    expect(more).toEqual([]);
    expect(readFileSync(join(dir, spare!, ".gitignore"), "utf8")).toBe("*\n");
    // Every page below the top is there, as the very file of the live site (a hard link, nothing copied).
    const pages = Object.keys(tree(join(dir, "site"))).filter((p) => p.includes("/") && p.endsWith(".html") && !/^(pagefind|search|about|archive)/.test(p));
    expect(pages.length).toBe(first.site!.spare);
    for (const page of pages) expect(lstatSync(join(dir, spare!, page)).ino).toBe(lstatSync(join(dir, "site", page)).ino);

    // One article more: the build takes the spare (its folders are there to sort out, not made), and the
    // site it swaps in is a cold build's, byte for byte.
    cpSync(join(root, "test/fixtures/inputs/no-front-matter.md"), join(input, "new-article.md"));
    // The cold build it is held to starts from the story ids this one finds.
    const cold = mkdtempSync(join(work, "cold-"));
    mkdirSync(join(cold, "digests"));
    cpSync(join(dir, "digests/story-ids.json"), join(cold, "digests/story-ids.json"));
    const next = await build(dir, input);
    expect(next.site!.carried).toBeGreaterThan(0);
    expect(next.site!.folders.known + next.site!.folders.read).toBeGreaterThan(0);
    expect(existsSync(join(dir, spare!))).toBe(false);
    await build(cold, input, {}, ["--no-cache"]);
    expect(tree(join(dir, "site"))).toEqual(tree(join(cold, "site")));
    expect(tree(join(dir, "digests"))).toEqual(tree(join(cold, "digests")));
  });
});
