// A site folder an earlier build wrote, taken for the next build: what the build carries over is the
// live file itself, and nothing else of the old folder is left, so that nothing the build writes can
// reach a live file through a link.
import { describe, expect, it } from "vitest";
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { carryInto, identitiesUnder } from "../../src/output/index.ts";
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
    expect(carryInto(live, old, carry, (paths) => removing.push(removeInBackground(paths)))).toBe(true);
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
    expect(carryInto(join(root, "live"), join(root, "new"), new Map([["stories/a/index.html", lstatSync(join(root, "live/stories/a/index.html")).ino]]))).toBe(true);
    expect(lstatSync(join(root, "new/stories/a/index.html")).nlink).toBe(2);
  });
});
