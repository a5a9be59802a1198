// Output stage: where a build writes, and how its result replaces the earlier one.
//
// A build never writes into the live digests and output folders. It locks them, finishes whatever
// an interrupted build left, writes the new digests and site into hidden sibling folders, and at the
// end swaps both in (./swap.ts). Killed at any moment, the live folders hold the whole earlier build
// or the whole new one; a second build into the same folders waits for the lock, then runs.
import { randomBytes } from "node:crypto";
import { copyFile, link, lstat, mkdir, readdir, readlink, realpath, rename, rm, stat, symlink, unlink, utimes, writeFile } from "node:fs/promises";
import { constants, readFileSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import type { DigestFile } from "../digest/index.ts";
import { killPoint } from "./faults.ts";
import { acquireLock, type HeldLock, type LockOwner } from "./lock.ts";
import { oldPathOf, stagedPathOf } from "./paths.ts";
import { commitSwap, exists, recover, type SwapEntry } from "./swap.ts";
import { removeInBackground, type Trash } from "./trash.ts";
import { makeFolders } from "../text/folders.ts";

/** The build report's file name in the site folder: what the report stage writes, the CLI reads back from the last build, and this stage takes as the sign of an earlier Digest build. */
export const REPORT_FILE = "build-report.json";

export { LockBusy, acquireLock } from "./lock.ts";
export { writeWhole } from "./write-whole.ts";
export { exists } from "./swap.ts";
export { carryFiles, carryInto, fileIdentity, filesUnder, identitiesUnder, listingFrom, sameIdentity, SUBFOLDER, type FileIdentity, type FolderListing } from "./carry.ts";

export class OutputRefused extends Error {}

export interface OutputOptions {
  /** How long to wait for another build of the same folders; default 60 s (DIGEST_LOCK_WAIT_SECONDS). */
  waitMs?: number;
  /** Told once when another build holds a folder and this one starts waiting. */
  onWait?: (folder: string, owner: LockOwner | null) => void;
}

export interface OutputFolders {
  /** This build's digests folder: write the digests and any state kept with them here. */
  digests: string;
  /** This build's site folder. */
  site: string;
  /** The digests folder as the last finished build left it, to read state from (it may not exist). */
  liveDigests: string;
  /** The site folder as the last finished build left it (it may not exist): unchanged files are carried over from it. */
  liveSite: string;
  /** What had to be repaired after an interrupted build, one sentence each. */
  notes: string[];
  /** Writes the day files; a file whose text is unchanged is copied from the earlier build with its times. */
  writeDigests(files: readonly DigestFile[]): Promise<void>;
  /**
   * Removes `paths` on a thread while the build goes on (./trash.ts); the swap waits for it. For what the
   * build moves out of its own folders (./carry.ts carryInto).
   */
  discard(paths: readonly string[]): void;
  /** Swaps the new digests and site in for the live ones (the earlier site is put aside, for the next build to remove), unlocks. */
  commit(): Promise<void>;
  /** Drops this build's folders and unlocks; the live folders stay as they were. */
  abort(): Promise<void>;
}

const DIGEST_NAME = /^\d{4}-\d{2}-\d{2}\.md$/;

function defaultWaitMs(): number {
  const s = Number(process.env.DIGEST_LOCK_WAIT_SECONDS);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 60_000;
}

export async function openOutputs(paths: { digests: string; output: string }, options: OutputOptions = {}): Promise<OutputFolders> {
  const digests = await writable(paths.digests, "digests", () => realTarget(paths.digests));
  const output = await writable(paths.output, "output", () => realTarget(paths.output));
  if (digests === output || digests.startsWith(output + sep) || output.startsWith(digests + sep)) {
    throw new OutputRefused(`the digests folder and the output folder must be apart (one may not hold the other): ${paths.digests}, ${paths.output}`);
  }
  const locks: HeldLock[] = [];
  const release = async () => {
    for (const l of locks.reverse()) await l.release();
  };
  const entries: SwapEntry[] = [];
  // Removals on threads while this build runs (./trash.ts): what earlier builds left beside the folders,
  // and what this build moves out of the site folder it takes.
  const removing: Trash[] = [];
  const discard = (paths: readonly string[]) => {
    const trash = removeInBackground(paths);
    if (trash) removing.push(trash);
  };
  // A site folder taken from an earlier build (below) is put aside again, for the next build, not removed here.
  let recycled = false;
  const dropStaged = async () => {
    for (const e of entries) {
      if (e.role === "output" && recycled && (await rename(e.staged, e.old).then(() => true, () => false))) continue;
      await rm(e.staged, { recursive: true, force: true });
    }
  };
  try {
    for (const folder of [digests, output].sort()) {
      const [given, role] = folder === digests ? ([paths.digests, "digests"] as const) : ([paths.output, "output"] as const);
      locks.push(await writable(given, role, () => acquireLock(folder, { waitMs: options.waitMs ?? defaultWaitMs(), onWait: (owner) => options.onWait?.(folder, owner) })));
    }
    killPoint("locked");
    let garbage: string[] = [];
    const notes = await recover([digests, output], (paths) => (garbage = paths));
    // One site folder an earlier swap put aside becomes this build's: most of its files are this build's
    // too (src/site carries over into it: ./carry.ts carryInto), and making thousands of folders, then
    // removing as many, cost more than keeping them.
    const reusable = garbage.filter((path) => dirname(path) === dirname(output) && basename(path).startsWith(`.${basename(output)}.digest-old-`)).sort()[0];
    discard(garbage.filter((path) => path !== reusable));
    killPoint("recovered");
    await checkOutput(output, paths.output);
    const carried = await checkDigests(digests, paths.digests);
    const tx = `${process.pid}-${randomBytes(4).toString("hex")}`;
    entries.push(
      { role: "digests", target: digests, staged: stagedPathOf(digests, tx), old: oldPathOf(digests, tx) },
      { role: "output", target: output, staged: stagedPathOf(output, tx), old: oldPathOf(output, tx) },
    );
    for (const e of entries) {
      if (e.role === "output" && reusable && (await takeFolder(reusable, e.staged))) recycled = true;
      else await writable(e.role === "digests" ? paths.digests : paths.output, e.role, () => mkdir(e.staged));
    }
    await carryOver(digests, entries[0]!.staged, carried);
    return {
      digests: entries[0]!.staged,
      site: entries[1]!.staged,
      liveDigests: digests,
      liveSite: output,
      notes,
      writeDigests: (files) => stageDigests(digests, entries[0]!.staged, files),
      discard,
      async commit() {
        killPoint("staged");
        try {
          await commitSwap(tx, entries);
          // Done by now unless the build was quick; waited for, so that leftovers never pile up.
          await Promise.all(removing.map((t) => t.done));
        } finally {
          await release();
        }
      },
      async abort() {
        for (const t of removing) t.leave();
        try {
          await dropStaged();
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    for (const t of removing) t.leave();
    await dropStaged().catch(() => undefined);
    await release();
    throw error;
  }
}

/**
 * Moves an old site folder to `to`, for this build to write into, with nothing left at its top but
 * folders (what this build carries below is sorted out by the site stage: ./carry.ts carryInto). False
 * when it cannot be taken (it is then left where it was, or removed).
 */
async function takeFolder(from: string, to: string): Promise<boolean> {
  try {
    if (!(await lstat(from)).isDirectory()) return false;
    await rename(from, to);
  } catch {
    return false;
  }
  try {
    for (const entry of await readdir(to, { withFileTypes: true })) if (!entry.isDirectory()) await unlink(join(to, entry.name));
    return true;
  } catch {
    await rm(to, { recursive: true, force: true });
    return false;
  }
}

/**
 * A step that makes or locks the `role` folder `given`: a file-system error it meets becomes one sentence
 * naming that folder, not the engine's text about a lock or staging file the user never named.
 */
async function writable<T>(given: string, role: "digests" | "output", step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code ? FILE_SYSTEM_ERRORS[code] : undefined;
    if (!why) throw error;
    throw new OutputRefused(`cannot write the ${role} folder ${given}: ${why}`);
  }
}

const FILE_SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EEXIST: "a file is in the way (a folder on its path is a file)",
  ENOTDIR: "a file is in the way (a folder on its path is a file)",
  ENOENT: "files cannot be made there",
  ENAMETOOLONG: "the path is too long",
  ELOOP: "a symbolic link on its path loops",
};

/** Absolute path of a folder to write, through symbolic links (the real folder is swapped, the link stays). */
async function realTarget(path: string): Promise<string> {
  const abs = resolve(path);
  const info = await lstat(abs).catch(() => null);
  if (info) {
    const real = await realpath(abs);
    if (!(await stat(real)).isDirectory()) throw new OutputRefused(`${path} is not a folder`);
    return real;
  }
  await makeFolders(dirname(abs));
  return join(await realpath(dirname(abs)), basename(abs));
}

/** A site is replaced whole, so only an earlier Digest build (it has REPORT_FILE) or an empty folder may be. */
async function checkOutput(output: string, given: string): Promise<void> {
  if (!(await exists(output))) return;
  const names = await readdir(output);
  if (names.length === 0 || names.includes(REPORT_FILE)) return;
  throw new OutputRefused(
    `output folder ${given} is not an earlier Digest build (it holds files but no ${REPORT_FILE}); Digest replaces its output folder whole, so it will not write there: remove it or choose another --output`,
  );
}

/** The digests folder may hold day files and other plain files (carried into the new one), but no folders. */
async function checkDigests(folder: string, given: string): Promise<string[]> {
  if (!(await exists(folder))) return [];
  const entries = await readdir(folder, { withFileTypes: true });
  const odd = entries.filter((e) => !e.isFile() && !e.isSymbolicLink()).map((e) => e.name);
  if (odd.length) {
    throw new OutputRefused(
      `digests folder ${given} holds ${odd.length === 1 ? "a folder or special file" : "folders or special files"} (${odd.sort().slice(0, 3).join(", ")}${odd.length > 3 ? ", …" : ""}), so it is not a digests folder; Digest replaces it whole: choose another --digests`,
    );
  }
  return entries.filter((e) => !DIGEST_NAME.test(e.name)).map((e) => e.name);
}

/** Files other than day files (a state file, a README) go into the new digests folder unchanged. */
async function carryOver(live: string, staged: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const from = join(live, name);
    const to = join(staged, name);
    const info = await lstat(from);
    if (info.isSymbolicLink()) await symlink(await readlink(from), to);
    else await copyKeepingTimes(from, to);
  }
}

async function stageDigests(live: string, staged: string, files: readonly DigestFile[]): Promise<void> {
  for (const f of files) {
    const from = join(live, f.fileName);
    const to = join(staged, f.fileName);
    if (await sameText(from, f.markdown)) await linkOrCopy(from, to);
    else await writeFile(to, f.markdown);
  }
}

/** Whether the file holds `text` (as UTF-8): read only when its size is the text's. */
async function sameText(file: string, text: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || info.size !== Buffer.byteLength(text)) return false;
  // Read at once: a file read through fs/promises goes a chunk at a time through the thread pool.
  try {
    return readFileSync(file, "utf8") === text;
  } catch {
    return false;
  }
}

/**
 * The live file itself in the staged folder (a hard link: nothing copied, its times its own), or a copy
 * with its times where the file system cannot link. Only for a file nothing writes to afterwards.
 */
async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EXDEV" && code !== "EPERM" && code !== "EMLINK" && code !== "ENOTSUP") throw error;
    await copyKeepingTimes(from, to);
  }
}

async function copyKeepingTimes(from: string, to: string): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_FICLONE);
  const info = await stat(from);
  await utimes(to, info.atime, info.mtime);
}
