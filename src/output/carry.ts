// Carrying files of the live output into the build's staged copy: unchanged files are hard links to
// the live ones (no bytes copied; the swap then keeps them as the new build's), or copies where the file
// system cannot link. A file is carried only when it is still the one the last build wrote: same inode,
// size and modification time as that build recorded (editing or replacing it changes one of them).
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, type Dirent } from "node:fs";
import { dirname, join } from "node:path";
import { removeInBackground } from "./trash.ts";

/** Inode, size in bytes, modification time in milliseconds. */
export type FileIdentity = [ino: number, size: number, mtimeMs: number];

/** The identity of a regular file (not followed through a link), or null when there is none. */
export function fileIdentity(path: string): FileIdentity | null {
  try {
    const info = lstatSync(path);
    return info.isFile() ? [info.ino, info.size, info.mtimeMs] : null;
  } catch {
    return null;
  }
}

/** Whether `now` is the identity recorded in `recorded` (which may carry other values before it, from `offset`). */
export function sameIdentity(now: FileIdentity | null, recorded: readonly unknown[], offset = recorded.length - 3): boolean {
  return now !== null && now[0] === recorded[offset] && now[1] === recorded[offset + 1] && now[2] === recorded[offset + 2];
}

/** Calls `visit` for every entry under `dir` (not followed through links), relative to it with "/"; folders it cannot read (or that do not exist) are skipped. */
function walkEntries(dir: string, visit: (rel: string, entry: Dirent) => boolean | void): void {
  const walk = (sub: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(dir, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      // `visit` returns false for an entry it found gone: nothing below it is walked.
      if (visit(rel, entry) !== false && entry.isDirectory()) walk(rel);
    }
  };
  walk("");
}

/** Every regular file under `dir`, relative to it with "/", in no set order; none when it does not exist. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  walkEntries(dir, (rel, entry) => {
    if (entry.isFile()) out.push(rel);
  });
  return out;
}

/** Links (or copies) each of `files` from `from` into `to`, making the folders they need; true when every one was linked. */
export function carryFiles(from: string, to: string, files: Iterable<string>): boolean {
  const made = new Set<string>();
  let link = true;
  for (const file of files) {
    const target = join(to, file);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    if (link) {
      try {
        linkSync(join(from, file), target);
        continue;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK" && code !== "ENOTSUP") throw error;
        link = false; // this file system does not link here: copy from now on
      }
    }
    copyFileSync(join(from, file), target);
  }
  return link;
}

/**
 * What a listing gives for a folder: that it is there. Its own identity changes whenever an entry is
 * added to or removed from it, and the listing lists those entries anyway.
 */
const FOLDER: FileIdentity = [0, -1, 0];

/** Every entry under `dir` (not followed through links) with its identity; a folder's is FOLDER. */
export function identitiesUnder(dir: string): Record<string, FileIdentity> {
  const out: Record<string, FileIdentity> = {};
  walkEntries(dir, (rel, entry) => {
    if (entry.isDirectory()) {
      out[rel] = FOLDER;
      return;
    }
    const identity = entryIdentity(join(dir, rel));
    if (identity === null) return false; // vanished while listed: it is not there
    out[rel] = identity;
  });
  return out;
}

/** An entry's identity as a listing gives it (a folder's is FOLDER; not followed through links), or null when it is gone. */
function entryIdentity(path: string): FileIdentity | null {
  try {
    const info = lstatSync(path);
    return info.isDirectory() ? FOLDER : [info.ino, info.size, info.mtimeMs];
  } catch {
    return null;
  }
}

/** Calls `add` for each folder `rel` lies in, innermost first, until `has` says one is already there. */
function forEachParent(rel: string, has: (folder: string) => boolean, add: (folder: string) => void): void {
  for (let slash = rel.lastIndexOf("/"); slash > 0 && !has(rel.slice(0, slash)); slash = rel.lastIndexOf("/", slash - 1)) add(rel.slice(0, slash));
}

/**
 * The listing `identitiesUnder(dir)` gives, made from the identities of the files under `dir` that this
 * process took itself just after it last wrote them (`known`: a build's own output), and a look at the
 * top of `dir` for what else is there (walked whole when it is a folder none of `known` is in). A file
 * left out of `known` deeper down is left out of the listing too: a later comparison with a real
 * listing then finds them different (which costs a build, never a wrong result).
 */
export function listingFrom(dir: string, known: ReadonlyMap<string, FileIdentity>): Record<string, FileIdentity> {
  const out: Record<string, FileIdentity> = {};
  for (const [rel, identity] of known) {
    out[rel] = identity;
    forEachParent(rel, (folder) => out[folder] !== undefined, (folder) => (out[folder] = FOLDER));
  }
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (out[entry.name] !== undefined) continue;
    if (entry.isDirectory()) {
      out[entry.name] = FOLDER;
      for (const [rel, identity] of Object.entries(identitiesUnder(join(dir, entry.name)))) out[`${entry.name}/${rel}`] = identity;
      continue;
    }
    const identity = entryIdentity(join(dir, entry.name));
    if (identity !== null) out[entry.name] = identity; // else vanished while listed: it is not there
  }
  return out;
}

/** What a folder's listing names below it: each file's inode, or SUBFOLDER for a folder. */
export type FolderEntries = Record<string, number>;
/** A folder's entries, with the folder's inode and change time when they were read. */
export type FolderRecord = [ino: number, ctimeMs: number, entries: FolderEntries];
/**
 * The folders below the top of a site folder as a build found them (relative, with "/"), each with its
 * own identity: a folder whose inode and change time are still those is known to hold those very entries
 * (adding, removing, renaming or replacing an entry changes the change time, which no one can set back).
 */
export type FolderListing = Record<string, FolderRecord>;
export const SUBFOLDER = -1;

export interface CarryOptions {
  /** Where what is moved out goes to be removed (OutputFolders.discard); by default a thread nothing waits for. */
  discard?: (paths: readonly string[]) => void;
  /** The listing an earlier build took of `to` (see FolderListing): a folder whose identity holds is not read again. */
  listing?: FolderListing | null;
  /**
   * How old (milliseconds) a folder's change time (the argument) must be for the folder to go into the
   * listing returned: one changed later within the same tick of the clock that stamps it would keep its
   * change time. None: nothing is listed.
   */
  margin?: (ctimeMs: number) => number;
}

/**
 * Makes `to` hold, below its top folder, exactly the files `files` names (relative path → the inode of
 * the file in `from` to carry), each the very file of `from`, and nothing else: for a folder an earlier
 * build wrote (one a swap put aside, taken for this build's site: ./index.ts), whose files are mostly
 * those of `from` already. Whatever there is not a file to carry (another inode, a file not carried, a
 * folder holding none) is moved out, before anything is written, so that nothing written in place can
 * reach a live file through a link: into `${to}-aside`, handed to `discard` to be removed on a thread while
 * the build goes on (OutputFolders.discard, whose swap waits for it; unlinking a few thousand files here
 * cost seconds of disk waits). Then the files still missing are linked in (carryFiles). Files at the top
 * of `to` are left alone: the build has written them (./index.ts clears them when it takes the folder).
 *
 * A folder whose identity is the one `listing` gives is not read: its entries are the listing's (a `stat`
 * instead of reading the folder and `stat`-ing each file in it). Returns whether every file carried is a
 * link, and the listing of the folders as found here whose every entry stayed (for the build that takes
 * this folder next): those this build changes after all then no longer match it, and are read again;
 * and how many folders were known from `listing` and how many were read.
 */
export function carryInto(from: string, to: string, files: ReadonlyMap<string, number>, options: CarryOptions = {}): { linked: boolean; listing: FolderListing; folders: { known: number; read: number } } {
  const { discard = (paths) => void removeInBackground(paths), listing = null, margin } = options;
  const now = Date.now();
  const recordable = (ctimeMs: number) => !!margin && ctimeMs < now - margin(ctimeMs);
  // The folders the files to carry are in, and theirs: only these are looked into.
  const folders = new Set<string>();
  for (const rel of files.keys()) forEachParent(rel, (folder) => folders.has(folder), (folder) => folders.add(folder));
  const aside = `${to}-aside`;
  let moved = 0;
  const putAside = (rel: string) => {
    if (moved === 0) mkdirSync(aside, { recursive: true });
    try {
      renameSync(join(to, rel), join(aside, String(moved++)));
    } catch {
      rmSync(join(to, rel), { recursive: true, force: true });
    }
  };
  const present = new Set<string>();
  const found: FolderListing = {};
  const counts = { known: 0, read: 0 };
  /** Sorts out the folder `rel`, which its parent's entries name as a folder. */
  const sortFolder = (rel: string) => {
    if (!folders.has(rel)) return putAside(rel);
    const info = lstatSync(join(to, rel), { throwIfNoEntry: false });
    if (!info?.isDirectory()) return info ? putAside(rel) : undefined;
    const known = listing?.[rel];
    let entries: FolderEntries;
    let kept = true;
    if (known && known[0] === info.ino && known[1] === info.ctimeMs) {
      entries = known[2];
      counts.known++;
    } else {
      counts.read++;
      entries = {};
      for (const entry of readdirSync(join(to, rel), { withFileTypes: true })) {
        const sub = `${rel}/${entry.name}`;
        if (entry.isDirectory()) entries[entry.name] = SUBFOLDER;
        else if (entry.isFile() && files.has(sub)) entries[entry.name] = lstatSync(join(to, sub)).ino;
        else {
          putAside(sub);
          kept = false;
        }
      }
    }
    for (const name in entries) {
      const sub = `${rel}/${name}`;
      const ino = entries[name]!;
      if (ino === SUBFOLDER) {
        sortFolder(sub);
        if (!folders.has(sub)) kept = false;
      } else if (files.get(sub) === ino) present.add(sub);
      else {
        putAside(sub);
        kept = false;
      }
    }
    if (kept && recordable(info.ctimeMs)) found[rel] = [info.ino, info.ctimeMs, entries];
  };
  for (const entry of readdirSync(to, { withFileTypes: true })) if (entry.isDirectory()) sortFolder(entry.name);
  if (moved > 0) discard([aside]);
  const linked = carryFiles(from, to, present.size ? [...files.keys()].filter((rel) => !present.has(rel)) : files.keys());
  return { linked, listing: found, folders: counts };
}
