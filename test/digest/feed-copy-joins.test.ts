// A page saved twice (the same outlet, address and headline: a user's second copy, or a page fetched again) joins
// its story as a second source that no feed item shows: the story lists it once and counts one outlet. A reader
// must not see the story's item and its day's item come back as updated for it. Fixture: a tuning-half
// webpages-dev page, trimmed (test/fixtures/outlets/dealdoktor-saved-page.html).
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const page = join(root, "test/fixtures/outlets/dealdoktor-saved-page.html");
const dir = mkdtempSync(join(tmpdir(), "digest-copy-joins-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function build(): Promise<void> {
  await run(process.execPath, [join(root, "bin/digest.js"), "build", "--quiet"], { cwd: dir, maxBuffer: 64 << 20, env: { ...process.env, DIGEST_TEST_RACY_MS: "0" } });
}

/** Every item of the JSON, Atom and RSS feeds, by feed and id, as it reads (its date included). */
function items(): Map<string, string> {
  const out = new Map<string, string>();
  for (const feed of ["feed.json", "stories.json"]) {
    for (const item of (JSON.parse(readFileSync(join(dir, "_site", feed), "utf8")) as { items: { id: string }[] }).items) out.set(`${feed} ${item.id}`, JSON.stringify(item));
  }
  for (const feed of ["atom.xml", "stories-atom.xml", "feed.xml", "stories.xml"]) {
    for (const [entry] of readFileSync(join(dir, "_site", feed), "utf8").matchAll(/<(entry|item)>[^]*?<\/\1>/g)) out.set(`${feed} ${/<(?:id|guid)[^>]*>([^<]+)</.exec(entry)![1]}`, entry);
  }
  return out;
}

describe("a copy of a page already in a story", () => {
  it("joins it without marking its feed items updated", async () => {
    mkdirSync(join(dir, "articles"));
    writeFileSync(join(dir, "digest.config.json"), JSON.stringify({ title: "Copies", baseUrl: "https://digest.example.org/" }));
    const at = (name: string, seconds: number) => {
      copyFileSync(page, join(dir, "articles", name));
      utimesSync(join(dir, "articles", name), seconds, seconds);
    };
    at("deal.html", Date.UTC(2025, 2, 4, 10) / 1000);
    await build();
    const before = items();
    at("deal-again.html", Date.UTC(2025, 2, 4, 11) / 1000);
    await build();
    const report = JSON.parse(readFileSync(join(dir, "_site/build-report.json"), "utf8")) as { stories: { members: string[] }[] };
    expect(report.stories.map((s) => s.members.length)).toEqual([2]);
    const after = items();
    expect(before.size).toBe(6);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, item] of before) expect(after.get(key), key).toBe(item);
  }, 120_000);
});
