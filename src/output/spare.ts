// A spare copy of a first build's pages, for the build after it to take.
//
// A build takes the site folder the last swap put aside and keeps what in it is still this build's
// (./index.ts takeFolder, ./carry.ts carryInto); with none to take it links every carried page into a
// fresh folder, a `mkdir` a story (0.1-1.5 ms each on ext4, the one-new build's largest part). After a
// build with no earlier site there is none to take, so that build leaves one itself: hard links of its
// pages under the name a swap gives a folder it puts aside, made only while the build would wait anyway
// (for Pagefind's last bundles) and left where it stopped. It is never published: the next build takes
// it as it takes an aside folder (a file that is not the one to carry is moved out first, so nothing is
// written through its links), or removes it (./swap.ts recover). Killed while it is made, it is such a
// leftover, half made.
import { linkSync, lstatSync, mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { SUBFOLDER, type FolderEntries, type FolderListing } from "./carry.ts";
import { oldPathOf } from "./paths.ts";

/** Pages linked between two looks at whether to stop (a few ms of the kernel's time). */
const CHUNK = 16;

export interface Spare {
  /** The spare folder (beside the live site, named as a folder a swap put aside). */
  readonly dir: string;
  /**
   * Links the pages in, a few at a time between turns of the event loop, then takes the folders'
   * identities for their listing, until all is done or `stop` says to stop. Never fails: a page it
   * cannot link ends it (the next build links that page itself). A folder goes into the listing when its
   * change time is at least `margin(ctime)` ms older than the moment it is looked at (src/output carryInto's rule).
   */
  fill(stop: () => boolean, margin: (ctimeMs: number) => number): Promise<void>;
  /** How many pages are in. */
  readonly linked: number;
  /** The listing of the folders taken (src/output carryInto's, for the build that takes this folder), keyed by the inode of the spare's top; null when none was. */
  listing(): { top: number; listing: FolderListing } | null;
}

/**
 * Starts a spare beside `liveSite` for the pages `pages` (relative path in `from` → its inode, in the
 * order to link them; those at the top are left out: a build that takes the folder clears its top);
 * null when the folder cannot be made.
 */
export function startSpare(liveSite: string, from: string, pages: ReadonlyMap<string, number>): Spare | null {
  const dir = oldPathOf(liveSite, `spare-${process.pid}-${randomBytes(4).toString("hex")}`);
  let top: number;
  try {
    mkdirSync(dir);
    // As a swap marks a folder it puts aside: git lists none of it.
    writeFileSync(join(dir, ".gitignore"), "*\n");
    top = lstatSync(dir).ino;
  } catch {
    return null;
  }
  // Every folder made below the top, in the order made, with what was put in it.
  const folders = new Map<string, FolderEntries>();
  const listing: FolderListing = {};
  let linked = 0;
  const folderFor = (rel: string): void => {
    const slash = rel.lastIndexOf("/");
    if (slash < 0) return;
    const folder = rel.slice(0, slash);
    if (folders.has(folder)) return;
    folderFor(folder);
    mkdirSync(join(dir, folder));
    folders.set(folder, {});
    const up = folder.lastIndexOf("/");
    if (up > 0) folders.get(folder.slice(0, up))![folder.slice(up + 1)] = SUBFOLDER;
  };
  const queue = [...pages].filter(([rel]) => rel.includes("/"));
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  return {
    dir,
    get linked() {
      return linked;
    },
    async fill(stop, margin) {
      try {
        for (let i = 0; i < queue.length; i += CHUNK) {
          if (stop()) return;
          for (const [rel, ino] of queue.slice(i, i + CHUNK)) {
            folderFor(rel);
            linkSync(join(from, rel), join(dir, rel));
            const slash = rel.lastIndexOf("/");
            folders.get(rel.slice(0, slash))![rel.slice(slash + 1)] = ino;
            linked++;
          }
          await turn();
        }
        // Every folder is as it stays: their identities, oldest first (the last made may be too new to list).
        const made = [...folders];
        for (let i = 0; i < made.length; i += CHUNK * 4) {
          if (stop()) return;
          const now = Date.now();
          for (const [folder, entries] of made.slice(i, i + CHUNK * 4)) {
            const info = lstatSync(join(dir, folder));
            if (info.ctimeMs < now - margin(info.ctimeMs)) listing[folder] = [info.ino, info.ctimeMs, entries];
          }
          await turn();
        }
      } catch {
        // Left as it is: the build that takes it links the rest, and reads what is not listed.
      }
    },
    listing: () => (Object.keys(listing).length ? { top, listing } : null),
  };
}

/** Whether a first build should leave a spare: there is no live site (so no swap puts one aside). */
export function wantsSpare(liveSite: string): boolean {
  return lstatSync(dirname(liveSite), { throwIfNoEntry: false })?.isDirectory() === true && lstatSync(liveSite, { throwIfNoEntry: false }) === undefined;
}
