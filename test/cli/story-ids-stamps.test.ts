// digests/story-ids.json and the build cache both lost: the ids come back from the site's report, and the feed
// stamps from the site's own JSON feeds, so that no date a subscriber's reader holds goes back.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-story-stamps-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function build(dir: string): Promise<string> {
  const { stderr } = await run(process.execPath, [join(root, "bin/digest.js"), "build", "--quiet"], { cwd: dir, maxBuffer: 64 << 20, env: { ...process.env, DIGEST_TEST_RACY_MS: "0" } });
  return stderr;
}

/** Each JSON feed item's "last changed" date, by feed and item id. */
function dates(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const feed of ["feed.json", "stories.json"]) {
    const items = (JSON.parse(readFileSync(join(dir, "_site", feed), "utf8")) as { items: Array<{ id: string; date_modified: string }> }).items;
    for (const item of items) out.set(`${feed} ${item.id}`, item.date_modified);
  }
  return out;
}

describe("feed dates after the story-id file and the cache are lost", () => {
  it("never go back: each item keeps the date its subscribers have", async () => {
    const dir = join(work, "lost");
    cpSync(join(root, "test/fixtures/seeds"), join(dir, "articles"), { recursive: true });
    // The May story with another outlet's copy of one of its reports, then without it: losing a source moves
    // its items a second past what was published, not back to the stamp four sources would have had.
    const source = readdirSync(join(dir, "articles")).find((n) => n.startsWith("003"))!;
    writeFileSync(join(dir, "articles/0000_other_outlet.txt"), `${readFileSync(join(dir, "articles", source), "utf8")}\nReporting by another outlet.\n`);
    await build(dir);
    rmSync(join(dir, "articles/0000_other_outlet.txt"));
    await build(dir);
    const published = dates(dir);

    rmSync(join(dir, "digests/story-ids.json"));
    rmSync(join(dir, ".digest-cache"), { recursive: true });
    expect(await build(dir)).toMatch(/story-ids\.json is missing.*from the last build's report/);
    const rebuilt = dates(dir);
    expect([...rebuilt.keys()].sort()).toEqual([...published.keys()].sort());
    for (const [item, date] of published) expect(rebuilt.get(item), item).toBe(date);
  }, 600_000);
});
