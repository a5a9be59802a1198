// A reader's digest folder (articles, digests, site and cache together) moved or copied whole, as `mv`,
// `cp -a` or a backup restored would: the next build is the unchanged build when nothing else changed, the
// build after it takes its pages from the last build, and an output file edited in the copy is still put back.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildTree } from "./tree.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-moved-folder-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Timings {
  unchanged: boolean;
  inputsNotRead: number | null;
  articles: { computed: number };
  site: { rendered: number; carried: number } | null;
}

/** A build run inside `dir` with the default folders (articles, digests, _site, .digest-cache). */
async function build(dir: string, args: string[] = []) {
  const timings = join(work, "timings.json");
  const { stdout } = await run(process.execPath, [join(root, "bin/digest.js"), "build", "--timings", timings, ...args], {
    cwd: dir,
    maxBuffer: 64 << 20,
    env: { ...process.env, DIGEST_TEST_RACY_MS: "0" },
  });
  return { stdout, timings: JSON.parse(readFileSync(timings, "utf8")) as Timings, files: buildTree(dir, ["digests", "_site"]) };
}


/** A cold build (no cache) of the articles in `dir`, in a folder of its own, from the story ids `dir` holds. */
async function cold(dir: string) {
  const copy = mkdtempSync(join(work, "cold-"));
  cpSync(join(dir, "articles"), join(copy, "articles"), { recursive: true, preserveTimestamps: true });
  cpSync(join(dir, "digests/story-ids.json"), join(copy, "digests/story-ids.json"));
  return build(copy, ["--no-cache"]);
}

const first = join(work, "first");
const FILE_TIME = Date.UTC(2025, 2, 20, 12) / 1000;
cpSync(join(root, "test/fixtures/seeds"), join(first, "articles"), { recursive: true });
for (const name of readdirSync(join(first, "articles"))) utimesSync(join(first, "articles", name), FILE_TIME, FILE_TIME);
const inputs = readdirSync(join(first, "articles")).length;

describe("a digest folder moved or copied whole", () => {
  let built: Awaited<ReturnType<typeof build>>;
  const moved = join(work, "moved");
  const copied = join(work, "copied");

  it("moved: the next build is the unchanged build, and reads no input", async () => {
    built = await build(first);
    expect(built.timings.unchanged).toBe(false);
    renameSync(first, moved);
    const again = await build(moved);
    expect(again.timings.unchanged).toBe(true);
    expect(again.timings.inputsNotRead).toBe(inputs);
    expect(again.stdout).toBe(built.stdout);
    expect(again.files).toEqual(built.files);
  });

  it("copied with cp -a: the next build is the unchanged build, the one after it reads no input, and a new article's build carries pages over", async () => {
    await run("cp", ["-a", moved, copied]);
    const again = await build(copied);
    expect(again.timings.unchanged).toBe(true);
    expect(again.files).toEqual(built.files);
    const third = await build(copied);
    expect(third.timings.unchanged).toBe(true);
    expect(third.timings.inputsNotRead).toBe(inputs);
    cpSync(join(root, "test/fixtures/inputs/no-front-matter.md"), join(copied, "articles/new-article.md"));
    const added = await build(copied);
    expect(added.timings.unchanged).toBe(false);
    expect(added.timings.articles.computed).toBe(1);
    expect(added.timings.site!.carried).toBeGreaterThan(0);
    expect(added.files).toEqual((await cold(copied)).files);
  });

  it("copied with a page edited in the copy (same size, same time): the page is put back", async () => {
    const edited = join(work, "edited");
    await run("cp", ["-a", moved, edited]);
    const page = Object.keys(built.files).find((f) => f.startsWith("_site/stories/") && f.endsWith("index.html"))!;
    const path = join(edited, page);
    const before = statSync(path);
    const text = readFileSync(path, "latin1");
    const at = text.indexOf("</title>") - 1;
    writeFileSync(path, `${text.slice(0, at)}${text[at] === "X" ? "Y" : "X"}${text.slice(at + 1)}`, "latin1");
    utimesSync(path, before.atime, before.mtime);
    const repaired = await build(edited);
    expect(repaired.timings.unchanged).toBe(false);
    expect(repaired.files[page]).toBe(built.files[page]);
    expect(repaired.files).toEqual(built.files);
  });
});
