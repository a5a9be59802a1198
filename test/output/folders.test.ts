// Which folders a build may replace, what it keeps in them, and whose lock it respects.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, utimesSync, writeFileSync, lstatSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { buildArgs, digest, seedCopy, tree, workDir, removeWorkDirs } from "./run.ts";

afterAll(removeWorkDirs);

const work = workDir("digest-folders-");
const all = seedCopy(join(work, "in-all"));

describe("folders a build will not replace", () => {
  it("refuses an output folder that is not an earlier Digest build, and writes nothing anywhere", async () => {
    const dir = workDir();
    mkdirSync(join(dir, "site"));
    writeFileSync(join(dir, "site/notes.txt"), "my notes");
    const run = await digest(buildArgs(all, dir));
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/output folder .*site is not an earlier Digest build \(it holds files but no build-report\.json\)/);
    expect(tree(join(dir, "site"))).toEqual({ "notes.txt": "my notes" });
    expect(readdirSync(dir).sort()).toEqual(["site"]);
  });

  it("writes into an empty output folder", async () => {
    const dir = workDir();
    mkdirSync(join(dir, "site"));
    expect((await digest(buildArgs(all, dir))).code).toBe(0);
    expect(statSync(join(dir, "site/build-report.json")).isFile()).toBe(true);
  });

  it("refuses a digests folder that holds folders, since it is replaced whole", async () => {
    const dir = workDir();
    mkdirSync(join(dir, "digests/drafts"), { recursive: true });
    const run = await digest(buildArgs(all, dir));
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/digests folder .* holds a folder or special file \(drafts\)/);
    expect(readdirSync(join(dir, "digests"))).toEqual(["drafts"]);
  });

  it("refuses the same folder for digests and site", async () => {
    const dir = workDir();
    const run = await digest(["build", "--input", all, "--digests", join(dir, "x"), "--output", join(dir, "x")]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/must be apart/);
  });

  it("says in one line which folder it cannot write and why, not the engine's words about its own lock file", async () => {
    const dir = workDir();
    writeFileSync(join(dir, "notes.txt"), "my notes");
    // --output notes.txt/site: a file where a folder on its path should be.
    const run = await digest(["build", "--input", all, "--digests", join(dir, "digests"), "--output", join(dir, "notes.txt", "site"), "--quiet"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr.trim()).toBe(`digest build: cannot write the output folder ${join(dir, "notes.txt", "site")}: a file is in the way (a folder on its path is a file)`);
    // Linux's /proc takes no new files: the lock beside the folder cannot be made.
    if (process.platform === "linux") {
      const proc = await digest(["build", "--input", all, "--digests", join(dir, "digests"), "--output", "/proc/digest-site", "--quiet"]);
      expect(proc.stderr.trim()).toBe("digest build: cannot write the output folder /proc/digest-site: files cannot be made there");
    }
    expect(readdirSync(dir)).toEqual(["notes.txt"]);
  });
});

describe("what a rebuild keeps", () => {
  it("keeps other files in the digests folder, and an unchanged day file's bytes and time", async () => {
    const dir = workDir();
    expect((await digest(buildArgs(all, dir))).code).toBe(0);
    writeFileSync(join(dir, "digests/stories.json"), '{"state":1}\n');
    writeFileSync(join(dir, "digests/README.txt"), "reviewed by hand\n");
    const old = new Date("2020-01-02T03:04:05Z");
    utimesSync(join(dir, "digests/2025-05-29.md"), old, old);
    const before = readFileSync(join(dir, "digests/2025-05-29.md"));
    const inode = statSync(join(dir, "digests/2025-05-29.md")).ino;
    expect((await digest(buildArgs(all, dir))).code).toBe(0);
    // The file itself is carried over (linked), not copied.
    expect(statSync(join(dir, "digests/2025-05-29.md")).ino).toBe(inode);
    expect(readdirSync(join(dir, "digests")).sort()).toEqual(["2025-05-29.md", "2025-06-23.md", "README.txt", "stories.json", "story-ids.json"]);
    expect(readFileSync(join(dir, "digests/stories.json"), "utf8")).toBe('{"state":1}\n');
    expect(readFileSync(join(dir, "digests/2025-05-29.md")).equals(before)).toBe(true);
    expect(statSync(join(dir, "digests/2025-05-29.md")).mtime.toISOString()).toBe(old.toISOString());
  });

  it("replaces the folder a symbolic link points to, and leaves the link", async () => {
    const dir = workDir();
    mkdirSync(join(dir, "real-site"));
    symlinkSync(join(dir, "real-site"), join(dir, "site"));
    expect((await digest(buildArgs(all, dir))).code).toBe(0);
    expect((await digest(buildArgs(all, dir))).code).toBe(0);
    expect(lstatSync(join(dir, "site")).isSymbolicLink()).toBe(true);
    expect(statSync(join(dir, "real-site/build-report.json")).isFile()).toBe(true);
  });
});

describe("the lock", () => {
  const lockOf = (dir: string) => join(dir, ".site.digest-lock");
  const ownStart = () => {
    const stat = readFileSync(`/proc/${process.pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  };

  it("is respected while its build runs (here: this test process holds it)", async () => {
    const dir = workDir();
    writeFileSync(lockOf(dir), JSON.stringify({ pid: process.pid, host: hostname(), start: ownStart(), since: "now", token: "t1" }));
    const run = await digest(buildArgs(all, dir), { DIGEST_LOCK_WAIT_SECONDS: "0" });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(new RegExp(`being built by another digest build \\(pid ${process.pid} on `));
    expect(readdirSync(dir).sort()).toEqual([".site.digest-lock"]);
  });

  it("is broken when its pid now belongs to a later process (the build that held it is gone)", async () => {
    const dir = workDir();
    writeFileSync(lockOf(dir), JSON.stringify({ pid: process.pid, host: hostname(), start: ownStart() - 1, since: "then", token: "t2" }));
    const run = await digest(buildArgs(all, dir), { DIGEST_LOCK_WAIT_SECONDS: "0" });
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["digests", "site"]);
  });

  it("from another machine is respected, and the message says which file to remove", async () => {
    const dir = workDir();
    writeFileSync(lockOf(dir), JSON.stringify({ pid: 1, host: "elsewhere.invalid", start: 1, since: "then", token: "t3" }));
    const run = await digest(buildArgs(all, dir), { DIGEST_LOCK_WAIT_SECONDS: "0" });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/remove .*\.site\.digest-lock if no build is running/);
  });
});
