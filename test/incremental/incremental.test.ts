// Builds into the same folders one after another, as a daily user does: whatever the cache holds and
// whatever changed, the digests, site, feeds and report are byte for byte those of a cold build of the
// same inputs; an unchanged build writes nothing; only what changed is done again.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildTree } from "./tree.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-incremental-"));
const input = join(work, "articles");
for (const sub of ["seeds", "site-hostile"]) cpSync(join(root, "test/fixtures", sub), join(input, sub), { recursive: true });
// Whole seconds, so that a test can set a file's modification time back exactly.
const FILE_TIME = Date.UTC(2025, 2, 20, 12) / 1000;
for (const file of readdirSync(input, { recursive: true })) {
  const path = join(input, String(file));
  if (statSync(path).isFile()) utimesSync(path, FILE_TIME, FILE_TIME);
}
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Timings {
  unchanged: boolean;
  inputsNotRead: number | null;
  days: { taken: number; made: number } | null;
  articles: { computed: number };
  site: { rendered: number; carried: number; bundles: number; rebuilt: number; folders: { known: number; read: number } } | null;
}

// Story ids last from build to build (digests/story-ids.json), so the cold build a daily build is held
// to starts from the same ids: the state that build found.
const IDS = "digests/story-ids.json";
let idsFound: string | null = null;

/** A build in `dir` (its own .digest-cache/ unless `args` say otherwise), into `dir`/digests and `dir`/site. */
async function build(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const timings = join(work, "timings.json");
  idsFound = existsSync(join(dir, IDS)) ? readFileSync(join(dir, IDS), "utf8") : null;
  const { stdout, stderr } = await run(process.execPath, [join(root, "bin/digest.js"), "build", "--input", input, "--digests", join(dir, "digests"), "--output", join(dir, "site"), "--timings", timings, ...args], {
    cwd: dir,
    maxBuffer: 64 << 20,
    // Files changed within 2 s of a build are read again by the next (./src/ingest/known.ts); these are not racing it.
    env: { ...process.env, DIGEST_TEST_RACY_MS: "0", ...env },
  });
  return { stdout, stderr, timings: JSON.parse(readFileSync(timings, "utf8")) as Timings, files: buildTree(dir, ["digests", "site"]) };
}


/** The site stage's state a build in `dir` left in its cache (src/site/state.ts). */
function siteState(dir: string): { site: string; search: Record<string, { files: Record<string, [number, number, number]> }> } {
  const text = readFileSync(join(dir, ".digest-cache/site.state"), "utf8");
  return JSON.parse(text.slice(text.indexOf("\n") + 1)) as ReturnType<typeof siteState>;
}

/** The search files of the site in `dir` that are no longer as its last build recorded them (inode, size, mtime), and that build's site key. */
function searchFilesChanged(dir: string): { site: string; changed: string[] } {
  const state = siteState(dir);
  const changed: string[] = [];
  for (const [folder, bundle] of Object.entries(state.search)) {
    for (const [file, recorded] of Object.entries(bundle.files)) {
      const path = join(dir, "site", folder, file);
      const now = existsSync(path) ? statSync(path) : null;
      if (!now || now.ino !== recorded[0] || now.size !== recorded[1] || now.mtimeMs !== recorded[2]) changed.push(`${folder}/${file}: ${JSON.stringify(recorded)} -> ${now ? JSON.stringify([now.ino, now.size, now.mtimeMs]) : "gone"}`);
    }
  }
  return { site: state.site, changed };
}

/** A cold build of the inputs as they are now, in a new folder with no cache, from the story ids the last build found. */
async function cold(env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(join(work, "cold-"));
  if (idsFound !== null) {
    mkdirSync(join(dir, "digests"));
    writeFileSync(join(dir, IDS), idsFound);
  }
  return build(dir, ["--no-cache"], env);
}

describe("builds into the same folders", () => {
  const daily = mkdtempSync(join(work, "daily-"));

  it("an unchanged build writes nothing and says what the last one said", async () => {
    const first = await build(daily);
    expect(first.timings.unchanged).toBe(false);
    expect(first.stdout).toMatch(/inputs: .* stories on \d+ days/);
    const page = join(daily, "site/index.html");
    const before = statSync(page);
    const again = await build(daily);
    expect(again.timings.unchanged).toBe(true);
    expect(again.timings.inputsNotRead).toBe(readdirSync(input, { recursive: true }).filter((p) => statSync(join(input, String(p))).isFile()).length);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe(first.stderr);
    expect(again.files).toEqual(first.files);
    expect(statSync(page).ino).toBe(before.ino);
    expect(again.files).toEqual((await cold()).files);
  });

  it("after a new article, renders only the pages it changed and gives what a cold build gives", async () => {
    cpSync(join(root, "test/fixtures/inputs/no-front-matter.md"), join(input, "new-article.md"));
    const added = await build(daily);
    expect(added.timings.unchanged).toBe(false);
    expect(added.timings.articles.computed).toBe(1);
    expect(added.timings.site!.carried).toBeGreaterThan(0);
    expect(added.files).toEqual((await cold()).files);
  });

  it("takes the day files nothing changed from the last build, and makes one edited by hand again", async () => {
    const digests = join(daily, "digests");
    const days = readdirSync(digests).filter((n) => /^\d{4}-\d{2}-\d{2}\.md$/.test(n)).sort();
    const kept = join(digests, days[days.length - 1]!);
    const before = statSync(kept).ino;
    writeFileSync(join(digests, days[0]!), "edited by hand\n");
    const repaired = await build(daily);
    expect(repaired.timings.unchanged).toBe(false);
    expect(repaired.timings.days).toEqual({ taken: days.length - 1, made: 1 });
    expect(statSync(kept).ino).toBe(before);
    expect(repaired.files).toEqual((await cold()).files);
  });

  it("notices an article whose bytes changed while its modification time was set back", async () => {
    // Same size, same modification time, other bytes: only the change time tells.
    const file = join(input, "seeds", readdirSync(join(input, "seeds")).sort()[0]!);
    const { mtimeMs, size } = statSync(file);
    const text = readFileSync(file, "latin1");
    const at = text.search(/[a-z]{6}/);
    writeFileSync(file, `${text.slice(0, at)}${text.slice(at, at + 6).toUpperCase()}${text.slice(at + 6)}`, "latin1");
    utimesSync(file, FILE_TIME, FILE_TIME);
    expect(statSync(file)).toMatchObject({ size, mtimeMs });
    const changed = await build(daily);
    expect(changed.timings.unchanged).toBe(false);
    expect(changed.timings.articles.computed).toBe(1);
    expect(changed.files).toEqual((await cold()).files);
  });

  it("puts back a page of the live site that was edited or removed by hand", async () => {
    const story = readdirSync(join(daily, "site/stories"))[0]!;
    writeFileSync(join(daily, "site/stories", story, "index.html"), "edited by hand");
    rmSync(join(daily, "site/about/index.html"));
    writeFileSync(join(daily, "site/stray.html"), "not Digest's");
    const repaired = await build(daily);
    expect(repaired.timings.unchanged).toBe(false);
    expect(repaired.files).toEqual((await cold()).files);
  });

  it("gives the same output from a damaged, foreign or deleted cache, with a warning for what it ignored", async () => {
    const cache = join(daily, ".digest-cache");
    writeFileSync(join(cache, "site.state"), readFileSync(join(cache, "site.state"), "utf8").replace(/"pages":\{"/, '"pages":{"x'));
    writeFileSync(join(cache, "ingest.state"), "DIGEST-STATE 9 ingest 0\n{}");
    writeFileSync(join(cache, "build.state"), "not a state file");
    rmSync(join(input, "new-article.md"));
    const damaged = await build(daily);
    expect(damaged.stderr).toMatch(/cache: .*site\.state is damaged/);
    expect(damaged.stderr).toMatch(/cache: .*ingest\.state is damaged/);
    expect(damaged.stderr).toMatch(/cache: .*build\.state is damaged/);
    expect(damaged.files).toEqual((await cold()).files);
    rmSync(cache, { recursive: true });
    const deleted = await build(daily);
    expect(deleted.timings.articles.computed).toBeGreaterThan(10);
    expect(deleted.files).toEqual(damaged.files);
  });

  it("records the inputs an unchanged build had to read again, so that the next build does not read them", async () => {
    const dir = mkdtempSync(join(work, "racy-"));
    const listedAt = () => (JSON.parse(readFileSync(join(dir, ".digest-cache/ingest.state"), "utf8").split("\n")[1]!) as { at: number }).at;
    const inputs = readdirSync(input, { recursive: true }).map((p) => statSync(join(input, String(p)))).filter((s) => s.isFile());
    await build(dir);
    const first = listedAt();
    // A window so wide that every input changed "just before" the first listing: all are read again.
    const again = await build(dir, [], { DIGEST_TEST_RACY_MS: String(10 ** 12) });
    expect(again.timings.unchanged).toBe(true);
    expect(again.timings.inputsNotRead).toBe(0);
    const second = listedAt();
    expect(second).toBeGreaterThan(first);
    // A window in which the newest input raced the first listing but not the second: none is read.
    const newest = Math.max(...inputs.map((s) => s.ctimeMs));
    const third = await build(dir, [], { DIGEST_TEST_RACY_MS: String(Math.floor(second - newest) - 1) });
    expect(third.timings.unchanged).toBe(true);
    expect(third.timings.inputsNotRead).toBe(inputs.length);
  });

  it("takes the site folder a swap put aside by the listing it left, and keeps nothing changed in it since", async () => {
    const dir = mkdtempSync(join(work, "aside-"));
    const article = join(input, "new-article.md");
    const toggle = () => (existsSync(article) ? rmSync(article) : cpSync(join(root, "test/fixtures/inputs/no-front-matter.md"), article));
    await build(dir);
    // Each build takes the folder the one before last left (its swap puts the live site aside) and lists it.
    for (let i = 0; i < 3; i++) {
      toggle();
      await build(dir);
    }
    const aside = readdirSync(dir).find((name) => name.startsWith(".site.digest-old-"))!;
    const stories = readdirSync(join(dir, aside, "stories")).sort();
    // Since its listing: a stray file in a story's folder, a page replaced by a stale copy, a folder of its own.
    writeFileSync(join(dir, aside, "stories", stories[0]!, "stray.html"), "not Digest's");
    rmSync(join(dir, aside, "stories", stories[1]!, "index.html"));
    writeFileSync(join(dir, aside, "stories", stories[1]!, "index.html"), "a stale page");
    mkdirSync(join(dir, aside, "stories", stories[2]!, "extra"));
    toggle();
    const next = await build(dir);
    expect(next.timings.site!.folders.known).toBeGreaterThan(0);
    expect(next.files).toEqual((await cold()).files);
    if (existsSync(article)) rmSync(article);
  });

  it("splits a large site's search into bundles and rebuilds only those whose pages changed", async () => {
    const many = mkdtempSync(join(work, "bundles-"));
    const env = { DIGEST_TEST_BUNDLES: "2" };
    const first = await build(many, [], env);
    const bundles = first.timings.site!.bundles;
    expect(bundles).toBeGreaterThan(1);
    expect(first.timings.site!.rebuilt).toBe(bundles);
    // The search page names every bundle, the oldest stories' ("pagefind", with Pagefind's UI) last.
    const merge = JSON.parse(/mergeIndex: (\[[^\]]*\])/.exec(first.files["site/search/index.html"]!)![1]!) as Array<{ bundlePath: string }>;
    expect(merge).toHaveLength(bundles);
    expect(merge.at(-1)!.bundlePath).toBe("/pagefind/");
    for (const { bundlePath } of merge) expect(first.files[`site${bundlePath}pagefind-entry.json`]).toBeDefined();
    // What the first build left, taken just before the next (for a failure's message: why bundles were rebuilt).
    const left = searchFilesChanged(many);
    cpSync(join(root, "test/fixtures/inputs/no-front-matter.md"), join(input, "new-article.md"));
    const added = await build(many, [], env);
    const why = { site: added.timings.site, stderr: added.stderr, siteKeyChanged: siteState(many).site !== left.site, searchFilesChangedSinceRecorded: left.changed };
    expect(added.timings.site!.rebuilt, JSON.stringify(why)).toBeLessThan(bundles);
    expect(added.files).toEqual((await cold(env)).files);
    rmSync(join(input, "new-article.md"));
  });
});
