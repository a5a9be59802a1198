// Hidden names beside an output folder for its lock, its swap journal and the build's copies:
// `/a/b/_site` → `/a/b/._site.digest-lock`, `._site.digest-new-<tx>`, `._site.digest-old-<tx>`.
// Beside, not inside, because the folder itself is what gets swapped; on the same file system, so
// that a rename moves a whole folder at once.
import { basename, dirname, join } from "node:path";

function sibling(folder: string, suffix: string): string {
  return join(dirname(folder), `.${basename(folder)}.${suffix}`);
}

export const lockPathOf = (folder: string): string => sibling(folder, "digest-lock");
export const journalPathOf = (folder: string): string => sibling(folder, "digest-swap.json");
export const stagedPathOf = (folder: string, tx: string): string => sibling(folder, `digest-new-${tx}`);
export const oldPathOf = (folder: string, tx: string): string => sibling(folder, `digest-old-${tx}`);

/** Names beside `folder` that an interrupted build may have left: its copies, old folders, temp files. */
export function isLeftover(folder: string, name: string): boolean {
  const prefix = `.${basename(folder)}.`;
  if (!name.startsWith(prefix)) return false;
  const rest = name.slice(prefix.length);
  return /^digest-(new|old)-[\w-]+$/.test(rest) || /^digest-swap\.json\.[\w-]+\.tmp$/.test(rest);
}
