// A digest folder moved whole (articles, digests, site and cache together, each named by its absolute path), then
// its digests/story-ids.json lost:
// the build takes the ids back from the cache's copy of the file, as it does in the folder it was written in,
// and not from the report (which keeps no article's text, and no story merged away).
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-story-ids-moved-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A build given every folder by its absolute path (as a script or a scheduled job names them), run from elsewhere. */
async function build(dir: string): Promise<string> {
  const folders = ["--input", join(dir, "articles"), "--digests", join(dir, "digests"), "--output", join(dir, "_site"), "--cache", join(dir, ".digest-cache")];
  const { stderr } = await run(process.execPath, [join(root, "bin/digest.js"), "build", ...folders, "--quiet"], { cwd: work, maxBuffer: 64 << 20, env: { ...process.env, DIGEST_TEST_RACY_MS: "0" } });
  return stderr;
}

describe("story ids of a moved digest folder whose story-ids.json is lost", () => {
  it("come back from the build cache, as the last build wrote them", async () => {
    const first = join(work, "first");
    cpSync(join(root, "test/fixtures/seeds"), join(first, "articles"), { recursive: true });
    await build(first);
    const written = readFileSync(join(first, "digests/story-ids.json"), "utf8");
    const moved = join(work, "elsewhere", "moved");
    mkdirSync(join(work, "elsewhere"));
    renameSync(first, moved);
    rmSync(join(moved, "digests/story-ids.json"));
    expect(await build(moved)).toMatch(/story-ids\.json is missing.*from the build cache \(\.digest-cache\)/);
    expect(readFileSync(join(moved, "digests/story-ids.json"), "utf8")).toBe(written);
  }, 600_000);
});
