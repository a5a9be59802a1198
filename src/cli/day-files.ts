// The day files a build stages: one whose Markdown is made from what the last build's was (the same key,
// src/digest/markdown-keys.ts) and whose live file is still the one that build left (same inode, size and
// time as its record) is linked from the live folder, neither made nor read; the rest are made and handed
// to the output stage (which still links a file whose text came out the same).
import { linkSync } from "node:fs";
import { join } from "node:path";
import { dayMarkdown, dayMarkdownKey, type DigestFile, type DigestModel } from "../digest/index.ts";
import { fileIdentity, sameIdentity, type FileIdentity } from "../output/index.ts";

/** What the last build recorded of its day files: each one's key, and every file's identity in the digests folder. */
export interface DaysRecord {
  days?: Record<string, string>;
  digests: Record<string, FileIdentity>;
}

/** Links `from` as `to`; false where the file system cannot link (the file is then made and written). */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EXDEV" || code === "EPERM" || code === "EMLINK" || code === "ENOTSUP") return false;
    throw error;
  }
}

/**
 * Stages the model's day files in `staged`, taking unchanged ones from `live` by the last build's record
 * (null: none taken), the others written by `write`. Returns each day file's key, for this build's record,
 * and how many were taken and made.
 */
export async function stageDays(model: DigestModel, live: string, staged: string, last: DaysRecord | null, write: (files: readonly DigestFile[]) => Promise<void>): Promise<{ keys: Record<string, string>; taken: number; made: number }> {
  const keys: Record<string, string> = {};
  const made: DigestFile[] = [];
  for (const day of model.days) {
    const name = `${day.date}.md`;
    const key = dayMarkdownKey(day, model.viewKeys);
    if (key !== null) keys[name] = key;
    const recorded = last?.digests[name];
    if (key !== null && recorded && last?.days?.[name] === key && sameIdentity(fileIdentity(join(live, name)), recorded) && linked(join(live, name), join(staged, name))) continue;
    made.push(dayMarkdown(day));
  }
  await write(made);
  return { keys, taken: model.days.length - made.length, made: made.length };
}
