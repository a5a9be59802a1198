// One JSON value per name, beside the packs in the cache folder, for what a stage hands its next build
// that is not a result keyed by content (the site's per-file record, the build's fingerprint).
//
//   DIGEST-STATE 1 <name> <md5 of the JSON>\n<JSON>
//
// Written whole to a temporary file and renamed over the old one; read back only when the header,
// checksum and shape hold (else ignored with a warning). Deleting it only makes the next build do more.
import { hash } from "node:crypto";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CACHE_FORMAT, type Namespace } from "./pack.ts";
import { makeFoldersSync } from "../text/folders.ts";

const stateFile = (dir: string, name: string) => join(dir, `${name}.state`);

export function readState<T>(dir: string, namespace: Namespace<T>, warn: (text: string) => void): T | null {
  const file = stateFile(dir, namespace.name);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  // The checksum over the JSON's bytes as they are (they are its UTF-8), and one decoding of them, for JSON.parse.
  const newline = bytes.indexOf(0x0a);
  const header = /^DIGEST-STATE (\d+) ([a-z0-9-]+) ([0-9a-f]{32})$/.exec(newline < 0 ? "" : bytes.toString("latin1", 0, newline));
  if (!header || Number(header[1]) !== CACHE_FORMAT || header[2] !== namespace.name || hash("md5", bytes.subarray(newline + 1)) !== header[3]) {
    warn(`cache: ${file} is damaged or not a Digest cache of this version; ignoring it`);
    return null;
  }
  try {
    const value: unknown = JSON.parse(bytes.toString("utf8", newline + 1));
    if (namespace.accepts(value)) return value;
  } catch {
    // falls through to the warning
  }
  warn(`cache: ${file} does not hold what it should; ignoring it`);
  return null;
}

/** Replaces the state (null: removes it). A state that cannot be written costs the next build its speed, not this build its result. */
export function writeState<T>(dir: string, namespace: Namespace<T>, value: T | null, warn: (text: string) => void): void {
  const file = stateFile(dir, namespace.name);
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    if (value === null) {
      rmSync(file, { force: true });
      return;
    }
    const json = JSON.stringify(value);
    makeFoldersSync(dir);
    writeFileSync(temp, `DIGEST-STATE ${CACHE_FORMAT} ${namespace.name} ${hash("md5", json)}\n${json}`);
    renameSync(temp, file);
  } catch (error) {
    warn(`cache: cannot write ${file} (${(error as Error).message}); the next build will not find it`);
    rmSync(temp, { force: true });
  }
}
