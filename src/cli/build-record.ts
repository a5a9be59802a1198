// The record of the last finished build, for the unchanged build: when the code, the settings, the
// folders and every input (path, signature, content) are what they were, and the digests and output
// folders still hold exactly the files that build left (same names, inodes, sizes and times), a new
// build would write the same bytes, so it writes nothing and says what the last one said.
//
// A folder moved keeps its files; one copied whole (`cp -a`, a backup restored) has the same names, sizes
// and times but other files. Size and time alone would let an output edited by hand stand, so the record
// keeps each output file's MD5 too, and a file that is not the one the record names counts as left only
// when its bytes are (./build.ts then records the copies as the files left).
import { createHash } from "node:crypto";
import { closeSync, lstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { isObject, type Namespace } from "../cache/pack.ts";
import { fileIdentity, sameIdentity, type FileIdentity } from "../output/index.ts";
import type { SiteState } from "../site/index.ts";

export interface BuildRecord {
  /** Hash of the code, settings and folders the build ran with. */
  setup: string;
  /** Hash of what ingest listed: every input's path, signature and content key, every rejection and message. */
  inputs: string;
  /** Every file in the digests folder and in the output folder, as left: relative path → identity. */
  digests: Record<string, FileIdentity>;
  output: Record<string, FileIdentity>;
  /** Each day file's key (src/digest/markdown-keys.ts), where it has one: a later build with the same setup links the file while it is still the one left. */
  days?: Record<string, string>;
  /** Each file's MD5 in the digests folder and in the output folder, by the same paths (none in a record made before them). */
  hashes?: { digests: Record<string, string>; output: Record<string, string> };
  /** What the build printed: the summary (stdout, unless --quiet) and the warnings (stderr). */
  stdout: string[];
  stderr: string[];
}

const isIdentities = (v: unknown) => isObject(v) && Object.values(v).every((f) => Array.isArray(f) && f.length === 3 && f.every((n) => typeof n === "number"));
const isLines = (v: unknown) => Array.isArray(v) && v.every((l) => typeof l === "string");
const isKeys = (v: unknown) => v === undefined || (isObject(v) && Object.values(v).every((k) => typeof k === "string"));
const isHashes = (v: unknown) => v === undefined || (isObject(v) && isKeys(v.digests) && isKeys(v.output) && v.digests !== undefined && v.output !== undefined);

export const buildRecordNamespace: Namespace<BuildRecord> = {
  name: "build",
  accepts: (v): v is BuildRecord =>
    isObject(v) && typeof v.setup === "string" && typeof v.inputs === "string" && isIdentities(v.digests) && isIdentities(v.output) && isLines(v.stdout) && isLines(v.stderr) && isKeys(v.days) && isHashes(v.hashes),
};

/** A hash of values as JSON, in order. */
export function hashOf(...values: unknown[]): string {
  const hash = createHash("sha256");
  for (const v of values) hash.update(JSON.stringify(v) ?? "undefined").update("\n");
  return hash.digest("hex").slice(0, 32);
}

/**
 * What fileHash reads through: tens of thousands of files read whole, each into a buffer of its own, were
 * garbage outside V8's heap that the collector let pile up at the end of a large build.
 */
const chunk = Buffer.allocUnsafe(1 << 16);

/** A regular file's MD5 (not followed through a link), or null when it is not one or cannot be read. */
function fileHash(path: string): string | null {
  let fd: number | null = null;
  try {
    if (!lstatSync(path).isFile()) return null;
    fd = openSync(path, "r");
    const hash = createHash("md5");
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
    return hash.digest("hex");
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * The MD5 of every file in `listing` (of the folder `dir`): the last record's where the file is still the
 * one it recorded (the same identity), else read. A file that cannot be read gets none.
 */
export function hashesOf(dir: string, listing: Record<string, FileIdentity>, last?: HashedFiles): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rel, identity] of Object.entries(listing)) {
    if (identity[1] < 0) continue; // a folder
    const was = last?.hashes[rel];
    const known = was !== undefined && last!.listing[rel] !== undefined && sameIdentity(identity, last!.listing[rel]!) ? was : fileHash(join(dir, rel));
    if (known !== null) out[rel] = known;
  }
  return out;
}

/** Files (relative paths) with their identities and MD5s. */
export interface HashedFiles {
  listing: Record<string, FileIdentity>;
  hashes: Record<string, string>;
}

/**
 * The identities and MD5s of `files` (paths relative to `dir`) as they are now, in the form `hashesOf` takes
 * as its `last`: hashed early (while the build waits for another process), a file whose identity is still
 * the same when the record is made is not read again; one that changed since is. Files that cannot be read
 * are left out.
 */
export function hashesNow(dir: string, files: Iterable<string>): HashedFiles {
  const listing: Record<string, FileIdentity> = {};
  const hashes: Record<string, string> = {};
  for (const rel of files) {
    const identity = fileIdentity(join(dir, rel));
    if (identity === null) continue;
    // Read after its identity is taken: a write after that changes the identity, and the file is read again.
    const hash = fileHash(join(dir, rel));
    if (hash === null) continue;
    listing[rel] = identity;
    hashes[rel] = hash;
  }
  return { listing, hashes };
}

/** `a` and `b` (each a listing with its hashes) as one, `b`'s entries first where both have a file. */
export function joinHashes(a: HashedFiles | undefined, b: HashedFiles | undefined): HashedFiles | undefined {
  if (!a || !b) return a ?? b;
  return { listing: { ...a.listing, ...b.listing }, hashes: { ...a.hashes, ...b.hashes } };
}

/**
 * Whether the folder `dir` (listed now as `now`) holds what the record lists: the same names, each the file
 * recorded or a copy of it (same size, same MD5). The copies, with their identities now (empty when every
 * file is the one recorded), or null when it does not.
 */
export function filesLeft(dir: string, recorded: Record<string, FileIdentity>, hashes: Record<string, string> | undefined, now: Record<string, FileIdentity>): Map<string, FileIdentity> | null {
  const names = Object.keys(recorded);
  if (names.length !== Object.keys(now).length) return null;
  const copies = new Map<string, FileIdentity>();
  for (const rel of names) {
    const is = now[rel];
    if (is === undefined) return null;
    if (sameIdentity(is, recorded[rel]!)) continue;
    const was = hashes?.[rel];
    if (was === undefined || is[1] < 0 || is[1] !== recorded[rel]![1] || fileHash(join(dir, rel)) !== was) return null;
    copies.set(rel, is);
  }
  return copies;
}

/** The site state with the identities of the copies that stand for its files (what an unchanged build found copied). */
export function siteStateOfCopies(state: SiteState, copies: ReadonlyMap<string, FileIdentity>): SiteState {
  const pages: SiteState["pages"] = {};
  for (const [file, [key, ...identity]] of Object.entries(state.pages)) pages[file] = [key, ...(copies.get(file) ?? identity)];
  const search: SiteState["search"] = {};
  for (const [folder, bundle] of Object.entries(state.search)) {
    const files: Record<string, FileIdentity> = {};
    for (const [rel, identity] of Object.entries(bundle.files)) files[rel] = copies.get(`${folder}/${rel}`) ?? identity;
    search[folder] = { ...bundle, files };
  }
  return { ...state, pages, search };
}
