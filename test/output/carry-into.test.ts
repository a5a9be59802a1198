// A site folder an earlier build wrote, taken for the next build: what the build carries over is the
// live file itself, and nothing else of the old folder is left, so that nothing the build writes can
// reach a live file through a link.
import { describe, expect, it } from "vitest";
import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { carryInto, identitiesUnder, SUBFOLDER, type FolderListing } from "../../src/output/index.ts";
import { removeInBackground, type Trash } from "../../src/output/trash.ts";

function put(dir: string, file: string, text: string): void {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

describe("carrying over into an old site folder", () => {
  it("keeps the live files it holds, links the missing ones, and removes the rest and the folders left empty", async () => {
    const root = mkdtempSync(join(tmpdir(), "digest-carry-into-"));
    const live = join(root, "live");
    const old = join(root, "old");
    for (const file of ["stories/a/index.html", "stories/b/index.html", "stories/c/index.html", "pagefind/index/x.pf"]) put(live, file, `live ${file}`);
    // The old folder: a the live file itself; b the live file too, but b changed this build (to be rendered);
    // c an older copy; d a story gone since; a search file of a bundle being rebuilt; the report this build wrote.
    mkdirSync(join(old, "stories/a"), { recursive: true });
    linkSync(join(live, "stories/a/index.html"), join(old, "stories/a/index.html"));
    mkdirSync(join(old, "stories/b"), { recursive: true });
    linkSync(join(live, "stories/b/index.html"), join(old, "stories/b/index.html"));
    put(old, "stories/c/index.html", "older c");
    put(old, "stories/d/index.html", "gone d");
    put(old, "pagefind-2/index/y.pf", "old bundle");
    put(old, "build-report.json", "this build's report");
    const ino = (file: string) => lstatSync(join(live, file)).ino;
    const carry = new Map(["stories/a/index.html", "stories/c/index.html", "pagefind/index/x.pf"].map((f) => [f, ino(f)]));

    const removing: Array<Trash | null> = [];
    expect(carryInto(live, old, carry, { discard: (paths) => removing.push(removeInBackground(paths)) }).linked).toBe(true);
    expect(Object.keys(identitiesUnder(old)).sort()).toEqual(["build-report.json", "pagefind", "pagefind/index", "pagefind/index/x.pf", "stories", "stories/a", "stories/a/index.html", "stories/c", "stories/c/index.html"]);
    for (const file of carry.keys()) expect(lstatSync(join(old, file)).ino).toBe(ino(file));
    // b is no longer linked to the live file: the page rendered there now leaves the live one as it was.
    expect(existsSync(join(old, "stories/b/index.html"))).toBe(false);
    put(old, "stories/b/index.html", "new b");
    expect(readFileSync(join(live, "stories/b/index.html"), "utf8")).toBe("live stories/b/index.html");
    expect(readFileSync(join(old, "build-report.json"), "utf8")).toBe("this build's report");
    // What went was moved beside and is removed on a thread (the build's swap waits for it).
    await Promise.all(removing.map((t) => t?.done));
    expect(existsSync(`${old}-aside`)).toBe(false);
  });

  it("into a new folder, links every file", () => {
    const root = mkdtempSync(join(tmpdir(), "digest-carry-into-"));
    put(join(root, "live"), "stories/a/index.html", "a");
    mkdirSync(join(root, "new"));
    expect(carryInto(join(root, "live"), join(root, "new"), new Map([["stories/a/index.html", lstatSync(join(root, "live/stories/a/index.html")).ino]])).linked).toBe(true);
    expect(lstatSync(join(root, "new/stories/a/index.html")).nlink).toBe(2);
  });
});

/** Waits past the tick of the clock that stamps change times, so that a change after this gets a later one. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
const MARGIN = () => 20;
/** Every entry under `dir` with its inode (a folder as a folder): what the build's site is made of. */
const inodes = (dir: string) => Object.fromEntries(Object.entries(identitiesUnder(dir)).map(([rel, [ino, size]]) => [rel, size < 0 ? "folder" : ino]));

describe("carrying over by the listing an earlier build took", () => {
  /** A live site, and an old folder holding its files (links) as a build two builds back left it. */
  function sites(files: string[]) {
    const root = mkdtempSync(join(tmpdir(), "digest-carry-listing-"));
    const live = join(root, "live");
    const old = join(root, "old");
    for (const file of files) {
      put(live, file, `live ${file}`);
      mkdirSync(dirname(join(old, file)), { recursive: true });
      linkSync(join(live, file), join(old, file));
    }
    const carry = new Map(files.map((f) => [f, lstatSync(join(live, f)).ino]));
    return { root, live, old, carry };
  }

  it("lists the folders whose entries all stay, and does not read them again while they are as listed", async () => {
    const { live, old, carry } = sites(["stories/a/index.html", "stories/b/index.html", "2025/03/01/index.html"]);
    await tick();
    const first = carryInto(live, old, carry, { margin: MARGIN });
    expect(first.folders).toEqual({ known: 0, read: 6 });
    expect(Object.keys(first.listing).sort()).toEqual(["2025", "2025/03", "2025/03/01", "stories", "stories/a", "stories/b"]);
    expect(first.listing["stories/a"]![2]).toEqual({ "index.html": carry.get("stories/a/index.html") });
    expect(first.listing.stories![2]).toEqual({ a: SUBFOLDER, b: SUBFOLDER });
    const again = carryInto(live, old, carry, { listing: first.listing, margin: MARGIN });
    expect(again.folders).toEqual({ known: 6, read: 0 });
    expect(inodes(old)).toEqual(inodes(live));
  });

  it("trusts a folder's listing only while the folder's inode and change time are the listed ones", async () => {
    const { live, old, carry } = sites(["stories/a/index.html"]);
    put(old, "stories/a/stray.html", "not carried");
    await tick();
    const info = lstatSync(join(old, "stories/a"));
    // A listing with this very identity that leaves out stray.html is believed (what makes it cheap) ...
    const listing: FolderListing = { stories: [lstatSync(join(old, "stories")).ino, lstatSync(join(old, "stories")).ctimeMs, { a: SUBFOLDER }], "stories/a": [info.ino, info.ctimeMs, { "index.html": carry.get("stories/a/index.html")! }] };
    expect(carryInto(live, old, carry, { listing, margin: MARGIN }).folders).toEqual({ known: 2, read: 0 });
    expect(existsSync(join(old, "stories/a/stray.html"))).toBe(true);
    // ... and one whose change time is off by a microsecond is not.
    listing["stories/a"]![1] += 0.001;
    expect(carryInto(live, old, carry, { listing, margin: MARGIN }).folders).toEqual({ known: 1, read: 1 });
    expect(existsSync(join(old, "stories/a/stray.html"))).toBe(false);
  });

  it("never keeps what changed in a listed folder since, nor what a foreign listing leaves out", async () => {
    const files = ["stories/a/index.html", "stories/b/index.html", "stories/c/index.html", "stories/d/index.html", "pagefind/index/x.pf"];
    const { root, live, old, carry } = sites(files);
    await tick();
    const { listing } = carryInto(live, old, carry, { margin: MARGIN });
    // A stray file in a listed folder; a carried page replaced by a stale copy (another inode, the same name);
    // a story folder removed, one renamed in its place; a folder that holds nothing to carry.
    put(old, "stories/a/stray.html", "stray");
    rmSync(join(old, "stories/b/index.html"));
    put(old, "stories/b/index.html", "stale b");
    rmSync(join(old, "stories/c"), { recursive: true });
    renameSync(join(old, "stories/d"), join(old, "stories/c"));
    mkdirSync(join(old, "stories/d"));
    put(old, "pagefind/index/y.pf", "stale bundle file");
    mkdirSync(join(old, "stories/e"));
    const next = carryInto(live, old, carry, { listing, margin: MARGIN });
    expect(next.folders.read).toBeGreaterThan(0);
    expect(inodes(old)).toEqual(inodes(live));
    // Another site's folder laid out the same (a foreign listing): nothing in it is the live files.
    const foreign = join(root, "foreign");
    cpSync(live, foreign, { recursive: true });
    await tick();
    expect(carryInto(live, foreign, carry, { listing, margin: MARGIN }).folders.known).toBe(0);
    expect(inodes(foreign)).toEqual(inodes(live));
  });

  it("leaves out of its listing a folder changed within the margin (it could change again within the same tick)", () => {
    const { live, old, carry } = sites(["stories/a/index.html"]);
    expect(carryInto(live, old, carry, { margin: () => 60_000 }).listing).toEqual({});
    expect(carryInto(live, old, carry).listing).toEqual({});
  });

  it("sorts out any old folder by a listing as it does by reading it (random trees, random changes since the listing)", async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 12; round++) {
      const names = Array.from({ length: 12 }, (_, i) => `s/${i % 4}/${i}/index.html`).filter(() => random(4) > 0);
      const { live, old, carry } = sites(names);
      for (let i = 0; i < 3; i++) put(old, `s/${random(5)}/x${i}/index.html`, "old only");
      await tick();
      const { listing } = carryInto(live, old, carry, { margin: MARGIN });
      // The next build carries fewer or other files, and the old folder changed in between.
      const next = new Map([...carry].filter(() => random(5) > 0));
      for (let i = 0; i < 4; i++) {
        const there = Object.keys(inodes(old)).filter((r) => /^s\/\d\/[^/]+$/.test(r));
        if (!there.length) break;
        const rel = there[random(there.length)]!;
        const change = random(4);
        // A page replaced (a new file under its name: rewriting the file in place would rewrite the live one, a link to it).
        if (change === 0) {
          rmSync(join(old, rel, "index.html"), { force: true });
          put(old, `${rel}/index.html`, "stale");
        } else if (change === 1) rmSync(join(old, rel), { recursive: true });
        else if (change === 2) put(old, `${rel}/stray`, "stray");
        else renameSync(join(old, rel), join(old, `s/${random(4)}/moved${i}`));
      }
      const byListing = join(old, "..", "by-listing");
      const byReading = join(old, "..", "by-reading");
      cpSync(old, byReading, { recursive: true, preserveTimestamps: true });
      renameSync(old, byListing);
      carryInto(live, byListing, next, { listing, margin: MARGIN });
      carryInto(live, byReading, next, { margin: MARGIN });
      const made = inodes(byListing);
      expect(made).toEqual(inodes(byReading));
      expect(Object.keys(made).filter((rel) => made[rel] !== "folder").sort()).toEqual([...next.keys()].sort());
      for (const [file, ino] of next) expect(lstatSync(join(byListing, file)).ino).toBe(ino);
    }
  });
});
