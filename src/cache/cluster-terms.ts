// Clustering's carried terms (src/cluster/carried-terms.ts) as one file in the cache folder, raw numbers
// read straight into the arrays clustering keeps its runs in (no copy of its own: 24 MB at 10,000 articles).
//
//   DIGEST-TERMS1\n\0\0   16 bytes: what the file is, and its format
//   code hash             32 bytes (hex): the clustering code that wrote it; other code's is not used
//   U, A, R, E            4 bytes each, little-endian: vocabulary size, articles, runs, entries
//   CRC-32 x 3, 0         4 bytes each: of the table, of the ids, of the values
//   table                 hashes (4U), tags (4U), run counts, weekdays, months (4A each), run lengths (4R), keys (32A)
//   ids                   4E bytes (int32)
//   values                4E bytes (float32)
//
// A file of another format, cut short or whose checksums fail is ignored with a warning (the build reads
// every article's terms, as a cold build does); one of other code is simply not used. The temporary files of
// builds that stopped half-way are removed by the next build that writes the file.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import * as zlib from "node:zlib";
import type { CarriedTable, TermStore } from "../cluster/index.ts";
import { crc } from "./pack.ts";
import { alive } from "./cluster-weights.ts";

const MAGIC = "DIGEST-TERMS1\n\0\0";
const HEAD = 16 + 32 + 16 + 16;
const KEY = 32;
export const TERMS_FILE = "cluster-terms.bin";
/** Whether typed arrays here are little-endian, as the file is (elsewhere, nothing is kept). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const fixed = (text: string): string => (text.length === 32 ? text : createHash("sha256").update(text).digest("hex").slice(0, 32));
const bytesOf = (a: Int32Array | Uint32Array | Float32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The carried terms of the cache folder `dir`, for the clustering code `codeHash`. */
export function diskTerms(dir: string, codeHash: string, warn: (text: string) => void): TermStore {
  const code = fixed(codeHash);
  const path = join(dir, TERMS_FILE);
  /** What table() read: where the entries lie and their checksums. */
  let last: { offset: number; entries: number; ids: number; values: number } | null = null;
  const readAt = (fd: number, into: Uint8Array, position: number): boolean => {
    let done = 0;
    while (done < into.length) {
      const got = readSync(fd, into, done, into.length - done, position + done);
      if (got === 0) return false;
      done += got;
    }
    return true;
  };
  return {
    table() {
      last = null;
      if (!LITTLE_ENDIAN) return undefined;
      let fd: number;
      try {
        fd = openSync(path, "r");
      } catch {
        return undefined; // none kept (a first build)
      }
      try {
        const size = fstatSync(fd).size;
        const head = Buffer.alloc(HEAD);
        if (!readAt(fd, head, 0) || head.toString("latin1", 0, 16) !== MAGIC) {
          warn(`cache: ${path} is not a Digest terms file of this version; ignoring it`);
          return undefined;
        }
        if (head.toString("latin1", 16, 48) !== code) return undefined;
        const [u, a, r, e] = [head.readUInt32LE(48), head.readUInt32LE(52), head.readUInt32LE(56), head.readUInt32LE(60)];
        const tableBytes = 8 * u + 12 * a + 4 * r + KEY * a;
        if (size !== HEAD + tableBytes + 8 * e) {
          warn(`cache: ${path} is cut short or too long; ignoring it`);
          return undefined;
        }
        const table = new Uint8Array(new ArrayBuffer(tableBytes));
        if (!readAt(fd, table, HEAD) || crc(table) !== head.readUInt32LE(64)) {
          warn(`cache: ${path} is damaged; ignoring it`);
          return undefined;
        }
        const buffer = table.buffer;
        let at = 0;
        const ints = (count: number) => new Int32Array(buffer, (at += 4 * count) - 4 * count, count);
        const hashes = ints(u);
        const tags = new Uint32Array(buffer, 4 * u, u);
        at += 4 * u;
        const runCounts = ints(a);
        const weekdays = ints(a);
        const months = ints(a);
        const runLengths = ints(r);
        const keyText = Buffer.from(buffer, at, KEY * a).toString("latin1");
        const keys = new Array<string>(a);
        for (let k = 0; k < a; k++) keys[k] = keyText.slice(KEY * k, KEY * (k + 1));
        // Nothing read is trusted beyond its checksum: the counts must add up.
        let runs = 0;
        let entries = 0;
        for (let k = 0; k < a; k++) runs += runCounts[k]! >= 0 ? runCounts[k]! : Infinity;
        for (let k = 0; k < r; k++) entries += runLengths[k]! >= 0 ? runLengths[k]! : Infinity;
        if (runs !== r || entries !== e) {
          warn(`cache: ${path} does not add up; ignoring it`);
          return undefined;
        }
        last = { offset: HEAD + tableBytes, entries: e, ids: head.readUInt32LE(68), values: head.readUInt32LE(72) };
        return { hashes, tags, keys, runCounts, weekdays, months, runLengths, entries: e };
      } catch (error) {
        warn(`cache: cannot read ${path} (${(error as Error).message}); ignoring it`);
        return undefined;
      } finally {
        closeSync(fd);
      }
    },
    entries(ids, values) {
      const at = last;
      last = null;
      if (!at || ids.length !== at.entries || values.length !== at.entries) return false;
      try {
        const fd = openSync(path, "r");
        try {
          if (readAt(fd, bytesOf(ids), at.offset) && readAt(fd, bytesOf(values), at.offset + 4 * at.entries) && crc(bytesOf(ids)) === at.ids && crc(bytesOf(values)) === at.values) return true;
        } finally {
          closeSync(fd);
        }
      } catch {
        // gone or unreadable since the table was read: as damaged
      }
      warn(`cache: ${path} is damaged; ignoring it`);
      return false;
    },
    put(table, ids, values) {
      if (!LITTLE_ENDIAN || table.keys.some((k) => k.length !== KEY)) return;
      const u = table.hashes.length;
      const a = table.keys.length;
      const r = table.runLengths.length;
      const parts = [bytesOf(table.hashes), bytesOf(table.tags), bytesOf(table.runCounts), bytesOf(table.weekdays), bytesOf(table.months), bytesOf(table.runLengths), Buffer.from(table.keys.join(""), "latin1")];
      const head = Buffer.alloc(HEAD);
      head.write(MAGIC, 0, "latin1");
      head.write(code, 16, "latin1");
      [u, a, r, ids.length, crcOf(parts), crc(bytesOf(ids)), crc(bytesOf(values)), 0].forEach((x, k) => head.writeUInt32LE(x >>> 0, 48 + 4 * k));
      const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      try {
        const fd = openSync(temp, "w");
        try {
          for (const part of [head, ...parts, bytesOf(ids), bytesOf(values)]) writeAll(fd, part);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, path);
        sweep(dir);
      } catch (error) {
        warn(`cache: cannot write ${path} (${(error as Error).message}); the next build reads every article's terms again`);
        rmSync(temp, { force: true });
      }
    },
  };
}

/** Removes the temporary files of builds that stopped half-way (their process is gone). */
function sweep(dir: string): void {
  try {
    for (const name of readdirSync(dir)) {
      const temp = /^cluster-terms\.bin\.tmp-(\d+)-/.exec(name);
      if (temp && !alive(Number(temp[1]))) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // another build's clean-up got there first
  }
}

/** The CRC-32 of the parts one after another (without joining them: at 100,000 articles the table is some 30 MB). */
function crcOf(parts: readonly Uint8Array[]): number {
  if (typeof zlib.crc32 !== "function") return crc(Buffer.concat(parts));
  let value = 0;
  for (const part of parts) value = zlib.crc32(part, value);
  return value;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
