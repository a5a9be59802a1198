// What the last build read (src/ingest/known.ts): a file whose signature is the one recorded is not
// read again, unless it changed so close to the recording that a file system's coarse clock could have
// left its signature as it was.
import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest, type KnownFiles } from "../../src/ingest/index.ts";
import { knownFilesNamespace } from "../../src/cache/known-files.ts";
import { finerThanSeconds, racyMargins, signatureOf } from "../../src/ingest/known.ts";
import { readState, writeState } from "../../src/cache/state.ts";

const work = mkdtempSync(join(tmpdir(), "digest-known-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ALPHA = "Alpha council approves the new harbour plan after a long debate on Tuesday.\n";
const OTHER = "Omega council approves the new harbour plan after a long debate on Tuesday.\n";

/** A folder of two inputs, listed once; then a.txt given other bytes of the same size, its modification time set back. */
async function changedBehindItsTimes() {
  const dir = mkdtempSync(join(work, "in-"));
  writeFileSync(join(dir, "a.txt"), ALPHA);
  writeFileSync(join(dir, "b.txt"), ALPHA.replace("Alpha", "Beta "));
  const first = await ingest(dir, { known: null });
  const before = statSync(join(dir, "a.txt"));
  writeFileSync(join(dir, "a.txt"), OTHER);
  utimesSync(join(dir, "a.txt"), before.atime, before.mtime);
  const after = statSync(join(dir, "a.txt"));
  // As a file system whose clock had not moved would record it: the very signature the last build saw.
  const recorded: KnownFiles = structuredClone(first.known);
  recorded.files["a.txt"]!.signature = signatureOf(after);
  const margin = finerThanSeconds(after.ctimeMs) ? racyMargins().fine : racyMargins().coarse;
  return { dir, first, recorded, ctime: after.ctimeMs, margin };
}

describe("known inputs", () => {
  it("reads a file again when it changed within the clock's granularity of the listing, though its signature is the one recorded", async () => {
    const { dir, first, recorded, ctime, margin } = await changedBehindItsTimes();
    recorded.at = ctime + margin / 2; // listed just after the change: racy
    const again = await ingest(dir, { known: recorded });
    const a = again.files.find((f) => f.path === "a.txt")!;
    expect(a.text).toBe(OTHER);
    expect(a.contentKey).not.toBe(first.known.files["a.txt"]!.contentKey);
    expect(again.known.files["a.txt"]!.contentKey).toBe(a.contentKey);
  });

  it("trusts a matching signature once the change is further from the listing than the clock's granularity", async () => {
    const { dir, first, recorded, ctime, margin } = await changedBehindItsTimes();
    recorded.at = ctime + margin + 1_000;
    const again = await ingest(dir, { known: recorded });
    const a = again.files.find((f) => f.path === "a.txt")!;
    expect(a.text).toBe("");
    expect(a.contentKey).toBe(first.known.files["a.txt"]!.contentKey);
    expect(again.unopened).toBe(2);
  });

  it("keeps the two-second window for change times in whole seconds, a tenth of a second for finer ones", () => {
    expect(racyMargins()).toEqual({ coarse: 2_000, fine: 100 });
    expect(finerThanSeconds(1_764_000_000_000)).toBe(false);
    expect(finerThanSeconds(1_764_000_000_000.25)).toBe(true);
    expect(finerThanSeconds(1_764_000_000_004)).toBe(true);
  });

  it("reads back a record of names and warnings in any script, and ignores one with a byte changed", () => {
    const cache = mkdtempSync(join(work, "cache-"));
    const known = { at: 1_764_000_000_000, files: { "café/新闻 🦊.txt": { signature: [1, 2, 3, 4.5, 6.25] as [number, number, number, number, number], format: "text" as const, encoding: "windows-1252", contentKey: "0".repeat(32), warnings: [{ rule: "decode", text: "not valid UTF-8; read as Windows-1252 “x”", line: 3 }] } } };
    writeState(cache, knownFilesNamespace, known, () => {});
    expect(readState(cache, knownFilesNamespace, () => {})).toEqual(known);
    const file = join(cache, "ingest.state");
    writeFileSync(file, readFileSync(file, "utf8").replace("新闻", "新聞"));
    const warnings: string[] = [];
    expect(readState(cache, knownFilesNamespace, (w) => warnings.push(w))).toBeNull();
    expect(warnings).toEqual([expect.stringMatching(/ingest\.state is damaged/)]);
  });

  it("ignores a record cut short with a warning, and a build without it reads every file", async () => {
    const { dir, first } = await changedBehindItsTimes();
    const cache = mkdtempSync(join(work, "cache-"));
    writeState(cache, knownFilesNamespace, first.known, () => {});
    const file = join(cache, "ingest.state");
    truncateSync(file, readFileSync(file).length - 10);
    const warnings: string[] = [];
    expect(readState(cache, knownFilesNamespace, (w) => warnings.push(w))).toBeNull();
    expect(warnings).toEqual([expect.stringMatching(/ingest\.state is damaged/)]);
    const cold = await ingest(dir, { known: null });
    expect(cold.unopened).toBe(0);
    expect(cold.files.map((f) => f.text)).toEqual([OTHER, ALPHA.replace("Alpha", "Beta ")]);
  });
});
