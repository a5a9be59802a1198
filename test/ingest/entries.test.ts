// Every entry under the input folder is one input: links followed or rejected, special files
// rejected unopened, paths and reasons never naming where the folder lives.
import { afterAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest, readSource } from "../../src/ingest/index.ts";

const seeds = join(import.meta.dirname, "../fixtures/seeds");
const article = readFileSync(join(seeds, "003_4effe2a660f64d2b.txt"));
const work = mkdtempSync(join(tmpdir(), "digest-entries-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const byPath = (r: Awaited<ReturnType<typeof ingest>>) => ({
  read: r.files.map((f) => f.path).sort(),
  rejected: Object.fromEntries(r.rejected.map((x) => [x.path, x.reason])),
});

describe("symbolic links", () => {
  const dir = folder("links");
  const outside = folder("outside");
  writeFileSync(join(dir, "a.txt"), article);
  writeFileSync(join(outside, "far.txt"), article);
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "sub/b.txt"), article);
  symlinkSync("a.txt", join(dir, "to-file.txt"));
  symlinkSync(outside, join(dir, "to-folder"));
  symlinkSync("missing.txt", join(dir, "dangling.txt"));
  symlinkSync("self.txt", join(dir, "self.txt"));
  symlinkSync("ping.txt", join(dir, "pong.txt"));
  symlinkSync("pong.txt", join(dir, "ping.txt"));
  symlinkSync("..", join(dir, "sub/up"));
  symlinkSync("sub", join(dir, "sub-again"));
  symlinkSync("sub", join(dir, "an-earlier-name-for-sub"));

  it("makes each link one input: followed to a file or folder, rejected with a reason when it loops or leads nowhere", async () => {
    const r = byPath(await ingest(dir));
    expect(r.read).toEqual(["a.txt", "sub/b.txt", "to-file.txt", "to-folder/far.txt"]);
    expect(r.rejected).toEqual({
      "dangling.txt": "symbolic link to something that does not exist",
      "ping.txt": "symbolic link that loops (it leads back to itself)",
      "pong.txt": "symbolic link that loops (it leads back to itself)",
      "self.txt": "symbolic link that loops (it leads back to itself)",
      "an-earlier-name-for-sub": 'symbolic link to a folder that is read as "sub"; not read twice',
      "sub/up": "symbolic link to a folder that contains it (a loop); not followed",
      "sub-again": 'symbolic link to a folder that is read as "sub"; not read twice',
    });
  });

  it("gives every rejection as an error message with its rule", async () => {
    const result = await ingest(dir);
    const rules = Object.fromEntries(result.messages.filter((m) => m.level === "error").map((m) => [m.file, `${m.stage}/${m.rule}`]));
    expect(rules).toMatchObject({ "dangling.txt": "ingest/symlink-dangling", "self.txt": "ingest/symlink-loop", "sub-again": "ingest/symlink-repeat" });
  });
});

describe("special files", () => {
  it("rejects a FIFO without opening it (reading one would wait forever), and a link to a device", async () => {
    const dir = folder("special");
    writeFileSync(join(dir, "a.txt"), article);
    execFileSync("mkfifo", [join(dir, "pipe.txt")]);
    symlinkSync("/dev/zero", join(dir, "zero.txt"));
    const r = byPath(await ingest(dir));
    expect(r.read).toEqual(["a.txt"]);
    expect(r.rejected).toEqual({
      "pipe.txt": "not a regular file (a FIFO, or named pipe); not opened",
      "zero.txt": "not a regular file (a character device); not opened",
    });
  });
});

describe("a folder that cannot be read", () => {
  const root = process.getuid?.() === 0;
  it.skipIf(root)("is one rejected input, and the rest is read", async () => {
    const dir = folder("locked");
    writeFileSync(join(dir, "a.txt"), article);
    mkdirSync(join(dir, "private"));
    writeFileSync(join(dir, "private/b.txt"), article);
    chmodSync(join(dir, "private"), 0o000);
    try {
      const r = byPath(await ingest(dir));
      expect(r.read).toEqual(["a.txt"]);
      expect(r.rejected).toEqual({ private: "folder cannot be read (permission denied); nothing in it was read" });
    } finally {
      chmodSync(join(dir, "private"), 0o755);
    }
  });
  // As root every folder is readable: test/hostile builds as an unprivileged user to cover this there.
});

describe("names and paths", () => {
  it("reads a file whose name is not UTF-8, naming it with %XX escapes", async () => {
    const dir = folder("names");
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from(".txt")]), article);
    const result = await ingest(dir);
    expect(result.files.map((f) => f.path)).toEqual(["caf%E9.txt"]);
    expect(result.messages).toContainEqual(expect.objectContaining({ file: "caf%E9.txt", rule: "file-name", level: "warning" }));
  });

  it("reads files by their bytes under a folder whose name is not UTF-8, and one whose name starts with a byte-order mark", async () => {
    const dir = folder("bytes");
    const odd = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0x6e, 0xe9, 0x77, 0x73])]);
    mkdirSync(odd);
    writeFileSync(Buffer.concat([odd, Buffer.from("/inner.txt")]), article);
    // Decoding drops a leading BOM from the name: the file must still be opened by its own bytes.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("bom.txt")]), article);
    const result = await ingest(dir, { keepText: false });
    expect(result.rejected).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(["n%E9ws/inner.txt", "bom.txt"]);
    for (const file of result.files) {
      const read = await readSource(file, result.unread);
      expect("file" in read && read.file.text).toBe(article.toString("utf8"));
    }
  });

  it("never shows where the input folder is, in any path, reason or message", async () => {
    for (const name of ["links", "special", "names"]) {
      const result = await ingest(join(work, name));
      const said = JSON.stringify([result.files.map((f) => f.path), result.rejected, result.messages]);
      expect(said).not.toContain(work);
      expect(said).not.toMatch(/"\/(tmp|home|root|work|dev)\//);
    }
  });
});
