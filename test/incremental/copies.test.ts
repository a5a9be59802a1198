// Copies of one article dated apart, built again and again into the same folders as a daily user does: the copy
// step's verdicts come from the cache (src/cache/copies.ts), and whatever changed (a copy's day, its words, a copy
// gone and back) the digests, site, feeds and report are byte for byte a cold build's of the same inputs.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { buildTree } from "./tree.ts";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "digest-copies-"));
const input = join(work, "articles");
mkdirSync(input);
afterAll(() => rmSync(work, { recursive: true, force: true }));
const FILE_TIME = Date.UTC(2025, 2, 20, 12) / 1000;

const body = [
  "The harbour authority of Emden said on its website that the new lock gate, built over three years by a consortium of four firms, was opened to ships for the first time after tests on the water levels and the pumps.",
  "Engineers had replaced the old gate, which dated from the nineteen sixties, because its hinges no longer closed tightly and salt water reached the inner harbour at every high tide during the winter storms.",
  "The port expects larger car carriers to use the lock from next spring, when the dredging of the outer channel is finished and the pilots have trained on the new approach with the simulator in Leer.",
].join("\n\n");
const other = [
  "A choir of two hundred children from the villages around Passau sang in the cathedral on Sunday evening, the first concert of a festival that will bring ensembles from eleven countries to the town this summer.",
  "The organisers said tickets for the opening had sold out within a week, and that the orchestra from Salzburg would add a second evening because of the demand from schools and parishes across Lower Bavaria.",
  "Volunteers from the fire brigade directed the crowds along the river promenade, where stalls sold pretzels and lemonade until late at night while the bells rang for the end of the service.",
].join("\n\n");
/** A note dated by its front matter (the strongest evidence), and its text dump dated by nothing but the file's time. */
const note = (day: string, text = body) => `---\ntitle: Emden opens its new lock gate\ndate: ${day}\n---\n\n${text}\n`;
const dump = `Emden opens its new lock gate\n\n${body}\n`;
function put(name: string, text: string): void {
  writeFileSync(join(input, name), text);
  utimesSync(join(input, name), FILE_TIME, FILE_TIME);
}
put("dump.txt", dump);
put("choir.md", `---\ntitle: Children's choirs open the Passau festival\ndate: 2024-06-02\n---\n\n${other}\n`);

const IDS = "digests/story-ids.json";
let idsFound: string | null = null;

async function build(dir: string, args: string[] = []) {
  idsFound = existsSync(join(dir, IDS)) ? readFileSync(join(dir, IDS), "utf8") : null;
  const { stderr } = await run(process.execPath, [join(root, "bin/digest.js"), "build", "--input", input, "--digests", join(dir, "digests"), "--output", join(dir, "site")], { cwd: dir, maxBuffer: 64 << 20, env: { ...process.env, DIGEST_TEST_RACY_MS: "0" } });
  const days = readdirSync(join(dir, "digests")).filter((n) => /^\d{4}-\d{2}-\d{2}\.md$/.test(n)).map((n) => n.slice(0, 10)).sort();
  return { stderr, days, files: buildTree(dir, ["digests", "site"]) };
}

/** A cold build of the inputs as they are now, in a new folder with no cache, from the story ids the last build found. */
async function cold() {
  const dir = mkdtempSync(join(work, "cold-"));
  if (idsFound !== null) {
    mkdirSync(join(dir, "digests"));
    writeFileSync(join(dir, IDS), idsFound);
  }
  return build(dir, ["--no-cache"]);
}

// Each step is a build and a cold build: slow on a shared machine.
describe("copies dated apart, built into the same folders", () => {
  const daily = mkdtempSync(join(work, "daily-"));

  it("dates the dump by its copy's front matter, as a cold build does", async () => {
    put("note.md", note("2024-03-01"));
    const first = await build(daily);
    expect(first.days).toEqual(["2024-03-01", "2024-06-02"]);
    expect(first.files).toEqual((await cold()).files);
    expect(existsSync(join(daily, ".digest-cache/copies.pack"))).toBe(true);
  }, 600_000);

  it("moves the dump with its copy when the copy's day changes (the pair's verdict carried)", async () => {
    put("note.md", note("2024-03-05"));
    const moved = await build(daily);
    expect(moved.days).toEqual(["2024-03-05", "2024-06-02"]);
    expect(moved.files).toEqual((await cold()).files);
  }, 600_000);

  it("leaves the dump on its file's day once the copy's words change, and takes it back when they come back", async () => {
    put("note.md", note("2024-03-05", other));
    const apart = await build(daily);
    expect(apart.days).toContain("2025-03-20");
    expect(apart.files).toEqual((await cold()).files);
    put("note.md", note("2024-03-05"));
    const back = await build(daily);
    expect(back.days).toEqual(["2024-03-05", "2024-06-02"]);
    expect(back.files).toEqual((await cold()).files);
  }, 600_000);

  it("leaves the dump on its file's day when the copy is removed, and moves it again when it comes back", async () => {
    rmSync(join(input, "note.md"));
    const gone = await build(daily);
    expect(gone.days).toEqual(["2024-06-02", "2025-03-20"]);
    expect(gone.files).toEqual((await cold()).files);
    put("note.md", note("2024-03-05"));
    const again = await build(daily);
    expect(again.days).toEqual(["2024-03-05", "2024-06-02"]);
    expect(again.files).toEqual((await cold()).files);
  }, 600_000);

  it("builds as a cold build does with the copy step's pack damaged, and says so", async () => {
    const pack = join(daily, ".digest-cache/copies.pack");
    writeFileSync(pack, "not a pack\n");
    put("extra.md", `---\ntitle: Emden lock gate opening delayed by fog\ndate: 2024-03-06\n---\n\n${body.replace("was opened", "was to be opened")}\n`);
    const damaged = await build(daily);
    expect(damaged.stderr).toMatch(/copies\.pack/);
    expect(damaged.files).toEqual((await cold()).files);
  }, 600_000);
});
