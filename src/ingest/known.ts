// What the last build read, so that an unchanged file is not read and decoded again: per input path,
// the file's signature (device, inode, size, modification and change times) and what reading it gave
// (format, encoding, content key, decoding warnings). Kept in the build cache (`ingest` state,
// src/cache/known-files.ts).
//
// The change time moves whenever the file's bytes do, even when its modification time is set back, so
// a matching signature means the same bytes. One exception, as with git's index: a file changed within
// the clock's granularity of being recorded could keep its signature, so files whose change time is
// that close to the moment of recording are read again next time.
import type { Stats } from "node:fs";
import type { DecodeWarning } from "./decode.ts";
import type { InputFormat } from "../types.ts";

export type Signature = [dev: number, ino: number, size: number, mtimeMs: number, ctimeMs: number];

export interface KnownFile {
  signature: Signature;
  format: InputFormat;
  encoding: string;
  contentKey: string;
  warnings: DecodeWarning[];
}

export interface KnownFiles {
  /** When the signatures were taken (milliseconds since the epoch). */
  at: number;
  files: Record<string, KnownFile>;
}

/**
 * How close to the moment of recording a change time must be for the file to be read again next time:
 * `coarse`, wide enough for file systems that keep times to the second or two; `fine`, for a change
 * time with a fraction of a second, which only a file system that keeps finer times gives (ext4, XFS,
 * btrfs, NTFS: nanoseconds; exFAT: 10 ms; the kernel stamps them from a clock that moves by the tick,
 * at most 10 ms). A build run just after its inputs were written (a fetch, a copy) then reads again only
 * the files of the last tenth of a second, not of the last two seconds. DIGEST_TEST_RACY_MS (tests
 * only) sets both.
 */
export function racyMargins(): { coarse: number; fine: number } {
  const test = Number(process.env.DIGEST_TEST_RACY_MS);
  if (process.env.DIGEST_TEST_RACY_MS !== undefined && Number.isFinite(test) && test >= 0) return { coarse: test, fine: test };
  return { coarse: 2_000, fine: 100 };
}

/** Whether a change time has a fraction of a second (./racyMargins: its file system keeps finer times). */
export const finerThanSeconds = (ctimeMs: number): boolean => ctimeMs % 1000 !== 0;

export function signatureOf(info: Stats): Signature {
  return [info.dev, info.ino, info.size, info.mtimeMs, info.ctimeMs];
}

export function sameSignature(a: Signature, b: Signature): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];
}
