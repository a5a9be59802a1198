// Clustering's weights from the cache (src/cluster/weight-store.ts), a file a day in the cache folder's
// `cluster-weights/`: raw numbers, read with one call and written only for the days whose window changed
// (JSON or base64 of the same numbers cost as much to read and write as weighing them: stop 58).
//
//   DIGEST-WEIGHTS1\n   16 bytes: what the file is, and its format
//   code hash           32 bytes (hex): the clustering code that wrote it; other code's is not used
//   key                 32 bytes (hex): the day's window (weight-store.ts)
//   length, CRC-32      4 bytes each, little-endian: of the segment that follows
//   segment
//
// A file of another format, cut short or whose checksum is wrong is ignored with a warning; one of other
// code or another window is simply not used (the day is weighed, and its file written again).
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { WeightStore } from "../cluster/index.ts";
import { crc } from "./pack.ts";
import { makeFoldersSync } from "../text/folders.ts";

const MAGIC = "DIGEST-WEIGHTS1\n";
const HEAD = 16 + 32 + 32 + 8;
export const WEIGHTS_FOLDER = "cluster-weights";

/** 32 characters standing for `text` (itself when it is 32 characters already: the code hashes and window keys). */
const fixed = (text: string): string => (text.length === 32 ? text : createHash("sha256").update(text).digest("hex").slice(0, 32));

/** The weight store of the cache folder `dir`, for segments of the clustering code `code`. */
export function diskWeights(dir: string, codeHash: string, warn: (text: string) => void): WeightStore {
  const code = fixed(codeHash);
  const folder = join(dir, WEIGHTS_FOLDER);
  const file = (day: number) => join(folder, `${day}.bin`);
  let cannotWrite = false;
  // One buffer for every day read (the segment given is used before the next is read): 11 MB of days read at
  // 10,000 articles would otherwise wait for the collector, and count in the build's peak.
  let scratch = Buffer.alloc(0);
  const readInto = (path: string): Buffer => {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      if (scratch.length < size) scratch = Buffer.alloc(Math.max(size, 2 * scratch.length));
      let done = 0;
      while (done < size) {
        const got = readSync(fd, scratch, done, size - done, done);
        if (got === 0) break;
        done += got;
      }
      return scratch.subarray(0, done);
    } finally {
      closeSync(fd);
    }
  };
  return {
    get(day, key) {
      let data: Buffer;
      try {
        data = readInto(file(day));
      } catch {
        return undefined; // none kept (a first build, a new day)
      }
      if (data.length < HEAD || data.toString("latin1", 0, 16) !== MAGIC) {
        warn(`cache: ${file(day)} is not a Digest weights file of this version; ignoring it`);
        return undefined;
      }
      if (data.toString("latin1", 16, 48) !== code || data.toString("latin1", 48, 80) !== fixed(key)) return undefined;
      const length = data.readUInt32LE(80);
      const segment = data.subarray(HEAD);
      if (segment.length !== length || crc(segment) !== data.readUInt32LE(84)) {
        warn(`cache: ${file(day)} is damaged; ignoring it`);
        return undefined;
      }
      return segment;
    },
    put(day, key, segment) {
      if (cannotWrite) return;
      const head = Buffer.alloc(HEAD);
      head.write(MAGIC, 0, "latin1");
      head.write(code, 16, "latin1");
      head.write(fixed(key), 48, "latin1");
      head.writeUInt32LE(segment.length, 80);
      head.writeUInt32LE(crc(segment), 84);
      const temp = `${file(day)}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
      try {
        makeFoldersSync(folder);
        const fd = openSync(temp, "w");
        try {
          writeAll(fd, head);
          writeAll(fd, segment);
        } finally {
          closeSync(fd);
        }
        renameSync(temp, file(day));
      } catch (error) {
        cannotWrite = true;
        warn(`cache: cannot write ${folder} (${(error as Error).message}); the next build weighs every article again`);
        rmSync(temp, { force: true });
      }
    },
    prune(days) {
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        return;
      }
      const keep = new Set(days.map((d) => `${d}.bin`));
      for (const name of names) {
        const temp = /^-?\d+\.bin\.tmp-(\d+)-/.exec(name);
        if (keep.has(name) || (temp ? alive(Number(temp[1])) : !/^-?\d+\.bin$/.test(name))) continue;
        try {
          rmSync(join(folder, name), { force: true });
        } catch {
          // another build's clean-up got there first
        }
      }
    },
    unsound(day) {
      warn(`cache: ${file(day)} does not fit the day's articles; ignoring it`);
    },
  };
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
