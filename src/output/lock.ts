// A lock on one output folder, so that two builds never write the same site or digests at once.
//
// The lock is a file beside the folder holding the owner's pid, host and process start time. It is
// created whole (written to a temporary name, then hard-linked into place, which fails if it exists).
// A lock whose owner is gone (no such process on this host, or the pid now belongs to a process that
// started later) is stale and broken at once, so a build killed with SIGKILL never blocks the next.
//
// Why not proper-lockfile: its staleness is an mtime refreshed by a timer, and the pipeline runs
// synchronously for as long as the input takes, so the timer cannot fire: a long build would look
// stale (and a second build could take its lock), and a killed build would still block the next one
// for the whole stale period. An OS lock (flock) would be best but needs a native addon.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, open, readFile, stat, unlink, utimes } from "node:fs/promises";
import { hostname } from "node:os";
import { lockPathOf } from "./paths.ts";

export interface LockOwner {
  pid: number;
  host: string;
  /** The owner's start time in clock ticks since boot (/proc/PID/stat), to tell a reused pid. */
  start: number | null;
  since: string;
  token: string;
}

/** What takes such locks, in the busy message's words. */
export interface LockHolder {
  /** "build", "fetch": what must not be running for the lock file to be removed by hand. */
  name: string;
  /** What the folder is while held: "being built by another digest build". */
  busy: string;
}

const BUILD_HOLDER: LockHolder = { name: "build", busy: "being built by another digest build" };

export class LockBusy extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner | null,
    readonly holder: LockHolder = BUILD_HOLDER,
  ) {
    const who = owner ? `pid ${owner.pid} on ${owner.host}, since ${owner.since}` : "lock file unreadable";
    super(`${folder} is ${holder.busy} (${who}); try again when it has finished, or remove ${lockPathOf(folder)} if no ${holder.name} is running`);
  }
}

export interface HeldLock {
  path: string;
  token: string;
  release(): Promise<void>;
}

export interface LockOptions {
  /** How long to wait for another build to finish before giving up. */
  waitMs: number;
  /** Called once when the lock is held by someone else and we start waiting. */
  onWait?: (owner: LockOwner | null) => void;
  /** Who takes this lock, for the busy message (default: a build). */
  holder?: LockHolder;
}

const POLL_MS = 100;
/** A break-lock older than this was left by a process killed in the few milliseconds it is held. */
const BREAK_STALE_MS = 5_000;

export async function acquireLock(folder: string, options: LockOptions): Promise<HeldLock> {
  const lockPath = lockPathOf(folder);
  const deadline = Date.now() + options.waitMs;
  const me: LockOwner = { pid: process.pid, host: hostname(), start: startTime(process.pid), since: new Date().toISOString(), token: randomBytes(8).toString("hex") };
  let waited = false;
  for (;;) {
    if (await tryCreate(lockPath, me)) {
      return { path: lockPath, token: me.token, release: () => releaseLock(lockPath, me.token) };
    }
    const owner = await readOwner(lockPath);
    if (owner === "gone") continue;
    if (owner !== null && isStale(owner)) {
      await breakStale(lockPath, owner);
      continue;
    }
    if (Date.now() >= deadline) throw new LockBusy(folder, owner, options.holder);
    if (!waited) options.onWait?.(owner);
    waited = true;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function tryCreate(lockPath: string, me: LockOwner): Promise<boolean> {
  const tmp = `${lockPath}.${me.token}.tmp`;
  const fh = await open(tmp, "wx");
  try {
    await fh.writeFile(`${JSON.stringify(me)}\n`);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await link(tmp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** The lock's owner; null when the file cannot be understood; "gone" when it vanished meanwhile. */
async function readOwner(lockPath: string): Promise<LockOwner | null | "gone"> {
  let text: string;
  try {
    text = await readFile(lockPath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    throw error;
  }
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid === "number" && typeof o.host === "string" && typeof o.token === "string") {
      return { pid: o.pid, host: o.host, start: typeof o.start === "number" ? o.start : null, since: String(o.since ?? "?"), token: o.token };
    }
  } catch {
    // fall through: not a lock this program wrote
  }
  return null;
}

/** Only a lock from this host can be judged; one from another host is respected until removed by hand. */
function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (!alive(owner.pid)) return true;
  const start = startTime(owner.pid);
  return owner.start !== null && start !== null && start !== owner.start;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Field 22 of /proc/PID/stat (after the parenthesised command name); null where there is no /proc. */
function startTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const value = Number(fields[19]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Removes a stale lock, unless another process got there first and a live lock now stands in its
 * place: a small break-lock makes "check it is still the stale one, then delete it" one step.
 */
async function breakStale(lockPath: string, stale: LockOwner): Promise<void> {
  const breaker = `${lockPath}.break`;
  let fh;
  try {
    fh = await open(breaker, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const info = await stat(breaker).catch(() => null);
    if (info && Date.now() - info.mtimeMs > BREAK_STALE_MS) await unlink(breaker).catch(() => undefined);
    else await new Promise((r) => setTimeout(r, 20));
    return;
  }
  try {
    await fh.close();
    const now = new Date();
    await utimes(breaker, now, now);
    const owner = await readOwner(lockPath);
    if (owner !== "gone" && owner !== null && owner.token === stale.token) await unlink(lockPath).catch(() => undefined);
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  const owner = await readOwner(lockPath).catch(() => null);
  if (owner !== null && owner !== "gone" && owner.token === token) await unlink(lockPath).catch(() => undefined);
}
