// Swapping finished folders in for the live ones, and finishing a swap that a killed build left.
//
// A folder cannot be renamed over a full one, so each swap is two renames: live → old, new → live.
// Before the first rename a journal naming every folder of the swap is written beside each live
// folder. The new folders are complete by then, so a build that finds a journal always finishes the
// swap (rolls forward): every live folder is, at every moment, either the whole earlier build or the
// whole new one, except between the two renames, which the journal covers.
//
// The site folder a swap puts aside is not removed by it: the next build removes it (./trash.ts), off
// its critical path (a site is many thousand files; digests are few, and removed at once). It is a
// hidden sibling, never published, and holds a .gitignore of "*" so that git does not list it.
import { open, readdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { killPoint, type KillPoint } from "./faults.ts";
import { writeWhole } from "./write-whole.ts";
import { isLeftover, journalPathOf } from "./paths.ts";

export interface SwapEntry {
  /** What the folder is, for messages and kill points: "digests" or "output". */
  role: "digests" | "output";
  target: string;
  staged: string;
  old: string;
}

interface Journal {
  tx: string;
  entries: SwapEntry[];
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export async function commitSwap(tx: string, entries: SwapEntry[]): Promise<void> {
  const journal: Journal = { tx, entries };
  for (const e of entries) await writeJournal(journalPathOf(e.target), tx, journal);
  killPoint("journal");
  for (const e of entries) await rollForward(e, true);
  await syncParents(entries);
  for (const e of entries) {
    if (e.role === "digests") await rm(e.old, { recursive: true, force: true });
    else await writeFile(join(e.old, ".gitignore"), "*\n").catch(() => undefined); // no earlier site: nothing put aside
  }
  killPoint("cleaned");
  for (const e of entries) await unlink(journalPathOf(e.target)).catch(() => undefined);
}

/**
 * Finishes any swap left half-done beside the given folders (whose locks the caller holds), then
 * removes what earlier builds left there (the folders their swaps put aside, what a killed one staged),
 * or, given `later`, hands those paths to it to remove. Returns one note per folder it had to repair.
 */
export async function recover(targets: readonly string[], later?: (paths: string[]) => void): Promise<string[]> {
  const garbage: string[] = [];
  const notes: string[] = [];
  const held = new Set(targets);
  const pending = new Map<string, SwapEntry>();
  for (const target of targets) {
    const journal = await readJournal(journalPathOf(target));
    for (const e of journal?.entries ?? []) if (held.has(e.target)) pending.set(e.target, e);
  }
  for (const e of pending.values()) {
    if (await exists(e.staged)) notes.push(`finished the swap of ${e.role} folder ${e.target} that an interrupted build had begun`);
    await rollForward(e, false);
    garbage.push(e.old);
  }
  for (const target of targets) {
    await unlink(journalPathOf(target)).catch(() => undefined);
    const parent = dirname(target);
    for (const name of await readdir(parent).catch(() => [] as string[])) {
      const path = join(parent, name);
      if (isLeftover(target, name) && !garbage.includes(path)) garbage.push(path);
    }
  }
  if (later) later(garbage);
  else for (const path of garbage) await rm(path, { recursive: true, force: true });
  return notes;
}

/** live → old, staged → live; each step is skipped when it is already done, so it can be run again. */
async function rollForward(e: SwapEntry, live: boolean): Promise<void> {
  if (!(await exists(e.staged))) return;
  if (await exists(e.target)) {
    await rename(e.target, e.old);
    if (live) killPoint(`aside:${e.role}` as KillPoint);
  }
  await rename(e.staged, e.target);
  if (live) killPoint(`swapped:${e.role}` as KillPoint);
}

async function writeJournal(path: string, tx: string, journal: Journal): Promise<void> {
  await writeWhole(path, `${JSON.stringify(journal, null, 2)}\n`, { temp: `${path}.${tx}.tmp`, sync: true });
}

async function readJournal(path: string): Promise<Journal | null> {
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const j = JSON.parse(text) as Journal;
    return Array.isArray(j.entries) ? j : null;
  } catch {
    return null;
  }
}

/** Makes the renames durable: fsync of each parent folder (where the platform allows it). */
async function syncParents(entries: readonly SwapEntry[]): Promise<void> {
  for (const parent of new Set(entries.map((e) => dirname(e.target)))) {
    try {
      const fh = await open(parent, "r");
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch {
      // not supported here; the renames are still atomic
    }
  }
}
