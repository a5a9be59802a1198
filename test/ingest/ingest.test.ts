import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { contentKey, ingest, readSource } from "../../src/ingest/index.ts";
import { cacheKey } from "../../src/cache/pack.ts";
import { decode } from "../../src/ingest/decode.ts";

const inputs = join(import.meta.dirname, "../fixtures/inputs");

describe("ingest", () => {
  it("reads every file once: readable ones as sources, the rest rejected with a reason naming the problem", async () => {
    const result = await ingest(inputs);
    const reasons = Object.fromEntries(result.rejected.map((r) => [r.path, r.reason]));
    expect(reasons["empty.txt"]).toBe("empty file");
    expect(reasons["binary.txt"]).toMatch(/binary/);
    expect(reasons["notes.pdf"]).toMatch(/unsupported file type ".pdf"/);
    const read = result.files.map((f) => f.path);
    expect(read).toEqual(["boilerplate.txt", "copy-a.txt", "copy-b.txt", "cp1252.txt", "no-front-matter.md"]);
    expect(read.length + result.rejected.length).toBe(8);
  });

  it("names a file without an extension (a Mac's .DS_Store, a Makefile) as that, not as the file type \"(none)\"", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-noext-"));
    try {
      writeFileSync(join(dir, ".DS_Store"), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
      writeFileSync(join(dir, "Makefile"), "all:\n\tdigest build\n");
      const reasons = Object.fromEntries((await ingest(dir)).rejected.map((r) => [r.path, r.reason]));
      expect(reasons).toEqual({ ".DS_Store": "no file extension: expected .txt, .html, .htm or .md", Makefile: "no file extension: expected .txt, .html, .htm or .md" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("passes over the build's own folders when the input holds them (`--input .`), with their hidden lock and copies", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-own-"));
    try {
      writeFileSync(join(dir, "story.txt"), "Council closes the bridge\n\nThe council voted on Monday to close the bridge for a year.\n");
      for (const [path, text] of [
        ["_site/stories/a/index.html", "<html><body><article><h1>Council closes the bridge</h1><p>The council voted.</p></article></body></html>"],
        ["digests/2025-05-29.md", "---\ntitle: Digest\n---\n# Council closes the bridge\n"],
        [".digest-cache/article.pack", "x"],
        ["._site.digest-old-1-ab/index.html", "<p>old copy</p>"],
        ["._site.digest-lock", "1"],
      ] as const) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const result = await ingest(dir, { skip: [join(dir, "_site"), join(dir, "digests"), join(dir, ".digest-cache")] });
      expect(result.files.map((f) => f.path)).toEqual(["story.txt"]);
      expect(result.rejected).toEqual([]);
      expect(result.messages.filter((m) => m.rule === "own-output").map((m) => m.file)).toEqual([".digest-cache", "_site", "digests"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("falls back to Windows-1252 for bytes that are not UTF-8, and says so", async () => {
    const result = await ingest(inputs);
    const file = result.files.find((f) => f.path === "cp1252.txt")!;
    expect(file.encoding).toBe("windows-1252");
    expect(file.text).toContain("Café owners welcome “fair” rent rules");
    expect(file.text).toContain("owners’ association");
    expect(result.messages).toContainEqual(expect.objectContaining({ file: "cp1252.txt", level: "warning" }));
  });

  it("knows each format by its extension", async () => {
    const result = await ingest(inputs);
    expect(result.files.find((f) => f.path === "no-front-matter.md")?.format).toBe("markdown");
    expect(result.files.find((f) => f.path === "copy-a.txt")?.format).toBe("text");
  });

  it("warns of two files whose names differ only in how an accent is written (NFC café, NFD café)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-nfd-"));
    try {
      const text = "date 2025-03-01\nA headline\n\nSome article text.\n";
      const composed = "caf\u00e9.txt";
      const decomposed = "cafe\u0301.txt";
      writeFileSync(join(dir, composed), text);
      writeFileSync(join(dir, decomposed), text);
      const result = await ingest(dir);
      expect(result.files).toHaveLength(2);
      expect(result.messages.filter((m) => m.rule === "same-name").map((m) => m.file).sort()).toEqual([composed, decomposed].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("warns of files with one name (whatever its case) in different folders, naming the others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "digest-names-"));
    try {
      const text = "date 2025-03-01\nA headline\n\nSome article text.\n";
      for (const path of ["a/Report.txt", "b/report.txt", "c/d/REPORT.txt", "a/other.txt", "b/other.md"]) {
        mkdirSync(join(dir, dirname(path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const result = await ingest(dir);
      const warned = result.messages.filter((m) => m.rule === "same-name").map((m) => [m.file, m.text]);
      expect(warned).toEqual([
        ["a/Report.txt", "same file name as b/report.txt, c/d/REPORT.txt"],
        ["b/report.txt", "same file name as a/Report.txt, c/d/REPORT.txt"],
        ["c/d/REPORT.txt", "same file name as a/Report.txt, b/report.txt"],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps texts up to a budget of characters; the files past it come with their content key, and read later give the same text", async () => {
    const all = await ingest(inputs);
    const budget = all.files[0]!.text.length + all.files[1]!.text.length;
    const kept = await ingest(inputs, { keepText: budget });
    expect(kept.files.map((f) => f.path)).toEqual(all.files.map((f) => f.path));
    expect(kept.files.slice(0, 2).map((f) => f.text)).toEqual(all.files.slice(0, 2).map((f) => f.text));
    expect(kept.files.slice(2).map((f) => f.text)).toEqual(all.files.slice(2).map(() => ""));
    expect([...kept.unread.keys()]).toEqual(all.files.slice(2).map((f) => f.path));
    for (const [i, file] of kept.files.entries()) {
      expect(file.contentKey).toMatch(/^[0-9a-f]{32}$/);
      if (file.text) continue;
      const read = await readSource(file, kept.unread);
      expect("file" in read && read.file.text).toBe(all.files[i]!.text);
    }
    const none = await ingest(inputs, { keepText: false });
    expect(none.files.every((f) => f.text === "" && f.contentKey)).toBe(true);
  });

  it("gives each input the content key the cache's own key function gives its format, encoding, URL and text", () => {
    const texts = ["plain", "Café “quoted”", "emoji 🦊 and 中文", "", "line\nbreaks\n", "lone \ud800 surrogate", "\udc00 at the start", "at the end \ud83e"];
    for (const text of texts) {
      for (const file of [{ format: "text" as const, encoding: "utf-8", text }, { format: "html" as const, encoding: "windows-1252", url: "https://example.org/a?b=ü", text }]) {
        expect(contentKey(file)).toBe(cacheKey("source", file.format, file.encoding, file.url ?? "", file.text));
      }
    }
    expect(contentKey({ format: "text", encoding: "utf-8", text: "a" })).not.toBe(contentKey({ format: "text", encoding: "utf-8", text: "b" }));
  });

  it("rejects files over the size limit unread", async () => {
    const result = await ingest(inputs, { maxBytes: 300 });
    expect(result.rejected.find((r) => r.path === "copy-a.txt")?.reason).toMatch(/too large/);
  });
});

describe("decode", () => {
  it("strips a UTF-8 byte-order mark and normalises line ends", () => {
    const d = decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0x0d, 0x0a, 0x42]));
    expect(d).toEqual({ ok: true, text: "A\nB", encoding: "utf-8", warnings: [] });
  });

  it("reads UTF-16 with a byte-order mark", () => {
    const d = decode(new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]));
    expect(d.ok && d.text).toBe("Hi");
  });

  it("rejects white space only", () => {
    expect(decode(new TextEncoder().encode(" \n\t\n"))).toEqual({ ok: false, reason: "no text (only white space)", rule: "no-text" });
  });
});

describe("control characters", () => {
  it("are removed at reading, so no page or feed ever carries them", () => {
    const d = decode(new TextEncoder().encode("Head\u0008line\n\nBody \u0001text\u007f here.\tTabbed.\f"));
    expect(d.ok && d.text).toBe("Headline\n\nBody text here.\tTabbed.\f");
  });
});
