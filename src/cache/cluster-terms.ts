// Clustering's carried terms (src/cluster/carried-terms.ts) as two files in the cache folder: a table of
// the vocabulary and the articles, rewritten by every build that clusters, and their entries, raw numbers
// read straight into the arrays clustering keeps its runs in (no copy of its own: 24 MB at 10,000 articles),
// in chunks: a build that carried most articles adds only its new articles' chunk (carried-terms.ts).
//
// cluster-terms.bin:
//   DIGEST-TERMS2\n\0\0   16 bytes: what the file is, and its format
//   code hash             32 bytes (hex): the clustering code that wrote it; other code's is not used
//   U, A, R, E, S, C      4 bytes each, little-endian: vocabulary size, articles, runs, entries, terms in
//                         rank order, chunks
//   CRC-32, 0             4 bytes each: of the table
//   table                 hashes (4U), tags (4U), run counts, weekdays, months (4A each), run lengths (4R),
//                         keys (32A), then per chunk its entry count and the CRC-32 of its ids and of its values
// cluster-terms.entries:  chunk after chunk, each its ids (4n bytes, int32) then its values (4n, float32)
//
// A file of another format, cut short or whose checksums fail is ignored with a warning (the build reads
// every article's terms, as a cold build does); one of other code is simply not used. The temporary files of
// builds that stopped half-way are removed by the next build that writes the file; bytes after the last
// chunk (an addition that stopped half-way) are not read, and the next addition writes over them.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, ftruncateSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import * as zlib from "node:zlib";
import type { CarriedTable, TermStore } from "../cluster/index.ts";
import { crc } from "./pack.ts";
import { alive } from "./cluster-weights.ts";

const MAGIC = "DIGEST-TERMS2\n\0\0";
const HEAD = 16 + 32 + 24 + 8;
const KEY = 32;
export const TERMS_FILE = "cluster-terms.bin";
export const ENTRIES_FILE = "cluster-terms.entries";
/** Chunks beyond this many: the file is written whole (each is a read and two checksums). */
const MAX_CHUNKS = 32;
/** Whether typed arrays here are little-endian, as the file is (elsewhere, nothing is kept). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const fixed = (text: string): string => (text.length === 32 ? text : createHash("sha256").update(text).digest("hex").slice(0, 32));
const bytesOf = (a: Int32Array | Uint32Array | Float32Array): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A chunk of the entries file: its entry count and checksums. */
interface Chunk {
  entries: number;
  ids: number;
  values: number;
}

/** The carried terms of the cache folder `dir`, for the clustering code `codeHash`. */
export function diskTerms(dir: string, codeHash: string, warn: (text: string) => void): TermStore {
  const code = fixed(codeHash);
  const path = join(dir, TERMS_FILE);
  const entriesPath = join(dir, ENTRIES_FILE);
  /** What table() read: its entries' chunks (for entries(), then append()). */
  let last: { entries: number; chunks: Chunk[] } | null = null;
  let readable = false;
  const readAt = (fd: number, into: Uint8Array, position: number): boolean => {
    let done = 0;
    while (done < into.length) {
      const got = readSync(fd, into, done, into.length - done, position + done);
      if (got === 0) return false;
      done += got;
    }
    return true;
  };
  /** Writes the table (chunks: the entries file's) to a temporary file renamed over the old. */
  const writeTable = (table: CarriedTable, chunks: readonly Chunk[]): void => {
    const u = table.hashes.length;
    const a = table.keys.length;
    const r = table.runLengths.length;
    const list = new Int32Array(3 * chunks.length);
    chunks.forEach((c, k) => list.set([c.entries, c.ids | 0, c.values | 0], 3 * k));
    const parts = [bytesOf(table.hashes), bytesOf(table.tags), bytesOf(table.runCounts), bytesOf(table.weekdays), bytesOf(table.months), bytesOf(table.runLengths), Buffer.from(table.keys.join(""), "latin1"), bytesOf(list)];
    const head = Buffer.alloc(HEAD);
    head.write(MAGIC, 0, "latin1");
    head.write(code, 16, "latin1");
    [u, a, r, table.entries, table.sorted, chunks.length, crcOf(parts), 0].forEach((x, k) => head.writeUInt32LE(x >>> 0, 48 + 4 * k));
    writeReplacing(path, [head, ...parts]);
  };
  return {
    table() {
      last = null;
      readable = false;
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
        const [u, a, r, e, sorted, c] = [48, 52, 56, 60, 64, 68].map((at) => head.readUInt32LE(at)) as [number, number, number, number, number, number];
        const tableBytes = 8 * u + 12 * a + 4 * r + KEY * a + 12 * c;
        if (size !== HEAD + tableBytes) {
          warn(`cache: ${path} is cut short or too long; ignoring it`);
          return undefined;
        }
        const table = new Uint8Array(new ArrayBuffer(tableBytes));
        if (!readAt(fd, table, HEAD) || crc(table) !== head.readUInt32LE(72)) {
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
        at += KEY * a;
        const list = ints(3 * c);
        const keys = new Array<string>(a);
        for (let k = 0; k < a; k++) keys[k] = keyText.slice(KEY * k, KEY * (k + 1));
        // Nothing read is trusted beyond its checksum: the counts must add up.
        let runs = 0;
        let entries = 0;
        let chunked = 0;
        for (let k = 0; k < a; k++) runs += runCounts[k]! >= 0 ? runCounts[k]! : Infinity;
        for (let k = 0; k < r; k++) entries += runLengths[k]! >= 0 ? runLengths[k]! : Infinity;
        const chunks: Chunk[] = [];
        for (let k = 0; k < c; k++) {
          chunked += list[3 * k]! >= 0 ? list[3 * k]! : Infinity;
          chunks.push({ entries: list[3 * k]!, ids: list[3 * k + 1]! >>> 0, values: list[3 * k + 2]! >>> 0 });
        }
        if (runs !== r || entries !== e || chunked !== e || sorted > u) {
          warn(`cache: ${path} does not add up; ignoring it`);
          return undefined;
        }
        last = { entries: e, chunks };
        readable = true;
        return { hashes, tags, sorted, keys, runCounts, weekdays, months, runLengths, entries: e };
      } catch (error) {
        warn(`cache: cannot read ${path} (${(error as Error).message}); ignoring it`);
        return undefined;
      } finally {
        closeSync(fd);
      }
    },
    entries(ids, values) {
      const at = last;
      const sound = readable;
      readable = false;
      if (!at || !sound || ids.length !== at.entries || values.length !== at.entries) return false;
      try {
        const fd = openSync(entriesPath, "r");
        try {
          let entry = 0;
          let ok = true;
          for (const chunk of at.chunks) {
            const [i, v] = [bytesOf(ids.subarray(entry, entry + chunk.entries)), bytesOf(values.subarray(entry, entry + chunk.entries))];
            if (!readAt(fd, i, 8 * entry) || !readAt(fd, v, 8 * entry + 4 * chunk.entries) || crc(i) !== chunk.ids || crc(v) !== chunk.values) {
              ok = false;
              break;
            }
            entry += chunk.entries;
          }
          if (ok) return true;
        } finally {
          closeSync(fd);
        }
      } catch {
        // gone or unreadable since the table was read: as damaged
      }
      last = null;
      warn(`cache: ${entriesPath} is damaged; ignoring it`);
      return false;
    },
    put(table, ids, values) {
      last = null;
      if (!LITTLE_ENDIAN || table.keys.some((k) => k.length !== KEY)) return;
      try {
        writeReplacing(entriesPath, [bytesOf(ids), bytesOf(values)]);
        writeTable(table, [{ entries: ids.length, ids: crc(bytesOf(ids)), values: crc(bytesOf(values)) }]);
        sweep(dir);
      } catch (error) {
        warn(`cache: cannot write ${path} (${(error as Error).message}); the next build reads every article's terms again`);
      }
    },
    append(table, ids, values) {
      const at = last;
      last = null;
      if (!LITTLE_ENDIAN || !at || at.chunks.length >= MAX_CHUNKS || table.entries !== at.entries + ids.length || table.keys.some((k) => k.length !== KEY)) return false;
      // No new or changed article: the file is the table and the entries it was.
      if (ids.length === 0) {
        sweep(dir);
        return true;
      }
      try {
        const fd = openSync(entriesPath, "r+");
        try {
          // Whatever an addition that stopped half-way left after the last chunk is written over.
          ftruncateSync(fd, 8 * at.entries);
          writeAt(fd, bytesOf(ids), 8 * at.entries);
          writeAt(fd, bytesOf(values), 8 * at.entries + 4 * ids.length);
        } finally {
          closeSync(fd);
        }
        writeTable(table, [...at.chunks, { entries: ids.length, ids: crc(bytesOf(ids)), values: crc(bytesOf(values)) }]);
        sweep(dir);
      } catch (error) {
        warn(`cache: cannot write ${path} (${(error as Error).message}); the next build reads every article's terms again`);
        rmSync(path, { force: true });
      }
      return true;
    },
  };
}

/** Writes `parts` one after another to a temporary file renamed over `path` (the temporary file removed when that fails). */
function writeReplacing(path: string, parts: readonly Uint8Array[]): void {
  const temp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    const fd = openSync(temp, "w");
    try {
      for (const part of parts) writeAll(fd, part);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Removes the temporary files of builds that stopped half-way (their process is gone). */
function sweep(dir: string): void {
  try {
    for (const name of readdirSync(dir)) {
      const temp = /^cluster-terms\.(?:bin|entries)\.tmp-(\d+)-/.exec(name);
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

function writeAt(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}
