// One outlet written two ways across two builds (tuning-half bbc-dev articles as Markdown, one saved with its
// outlet in capitals): the later build writes every story's outlet one way (src/digest/outlets.ts
// `oneSpellingEach`), the older story too. A reader subscribed to the feeds must not see the older story and
// its day come back as updated for that, and no digest, page or feed item kept from the first build may keep
// the old spelling: the second build equals a cold build of the same articles.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const fixtures = join(root, "test/fixtures/outlets");
const work = mkdtempSync(join(tmpdir(), "digest-spelling-builds-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function project(name: string, files: string[]): string {
  const dir = join(work, name);
  mkdirSync(join(dir, "articles"), { recursive: true });
  writeFileSync(join(dir, "digest.config.json"), JSON.stringify({ title: "Spelling", baseUrl: "https://digest.example.org/" }));
  for (const f of files) copyFileSync(join(fixtures, f), join(dir, "articles", f));
  return dir;
}

async function build(dir: string): Promise<void> {
  await run(process.execPath, [join(root, "bin/digest.js"), "build", "--quiet"], { cwd: dir, maxBuffer: 64 << 20, env: { ...process.env, DIGEST_TEST_RACY_MS: "0" } });
}

interface JsonItem {
  id: string;
  date_modified: string;
  authors?: { name: string }[];
}

/** Each JSON feed item's date and authors, and each Atom entry's and RSS item's date, by feed and id. */
function items(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const feed of ["feed.json", "stories.json"]) {
    for (const item of (JSON.parse(readFileSync(join(dir, "_site", feed), "utf8")) as { items: JsonItem[] }).items) {
      out.set(`${feed} ${item.id}`, `${item.date_modified} ${(item.authors ?? []).map((a) => a.name).join(", ")}`);
    }
  }
  for (const feed of ["atom.xml", "stories-atom.xml"]) {
    for (const [, id, updated] of readFileSync(join(dir, "_site", feed), "utf8").matchAll(/<entry>\s*<title[^]*?<id>([^<]+)<\/id>[^]*?<updated>([^<]+)<\/updated>/g)) out.set(`${feed} ${id}`, updated!);
  }
  for (const feed of ["feed.xml", "stories.xml"]) {
    for (const [, guid, date] of readFileSync(join(dir, "_site", feed), "utf8").matchAll(/<guid[^>]*>([^<]+)<\/guid>\s*<pubDate>([^<]+)<\/pubDate>/g)) out.set(`${feed} ${guid}`, date!);
  }
  return out;
}

/** The digests and the site's pages and feeds (not its search index), by path. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d).sort()) {
      if (n === "pagefind") continue;
      if (statSync(join(d, n)).isDirectory()) walk(join(d, n), `${rel}${n}/`);
      else out[`${rel}${n}`] = readFileSync(join(d, n), "utf8");
    }
  };
  for (const sub of ["digests", "_site"]) walk(join(dir, sub), `${sub}/`);
  return out;
}

describe("an outlet respelled by a later build", () => {
  it("leaves the older items' dates alone, and shows the one spelling everywhere, as a cold build does", async () => {
    const daily = project("daily", ["spelled-capitals.md"]);
    await build(daily);
    const before = items(daily);
    expect([...before.values()].filter((v) => v.includes("BBC NEWS"))).toHaveLength(2);

    copyFileSync(join(fixtures, "spelled-mixed.md"), join(daily, "articles/spelled-mixed.md"));
    await build(daily);
    const after = items(daily);
    // Every item of the first build is still there, with its date; only its authors are written anew.
    expect(before.size).toBeGreaterThanOrEqual(6);
    for (const [key, value] of before) expect(after.get(key)?.replace("BBC News", "BBC NEWS"), key).toBe(value);

    const files = tree(daily);
    expect(Object.entries(files).filter(([, text]) => text.includes("BBC NEWS")).map(([path]) => path)).toEqual([]);
    const cold = project("cold", ["spelled-capitals.md", "spelled-mixed.md"]);
    await build(cold);
    const coldFiles = tree(cold);
    expect(Object.keys(files).sort()).toEqual(Object.keys(coldFiles).sort());
    for (const path of Object.keys(coldFiles)) expect(files[path], path).toBe(coldFiles[path]);
  }, 120_000);
});
