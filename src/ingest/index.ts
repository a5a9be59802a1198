// Stage 1: every entry under the input folder becomes one input: a decoded source file, or a
// rejection with its reason. Symbolic links are followed (to a file or a folder) or rejected when
// they loop or lead nowhere; FIFOs, sockets and devices are rejected without being opened; a folder
// that cannot be read is one rejected input and the rest goes on. Paths and reasons are relative to
// the input folder: the report never shows where the files live on this machine.
import { constants, type Dirent, type Stats } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import { extname } from "node:path";
import type { InputFormat, IngestResult, Message, Rejection, SourceFile } from "../types.ts";
import { decode } from "./decode.ts";

export { decode, type Decoded } from "./decode.ts";
export { notLanguage } from "./language.ts";

export interface IngestOptions {
  /** Files larger than this are rejected unread. */
  maxBytes?: number;
}

const FORMATS: Record<string, InputFormat> = {
  ".txt": "text",
  ".text": "text",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".md": "markdown",
  ".markdown": "markdown",
};

export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

const SLASH = Buffer.from("/");
const utf8 = new TextDecoder("utf-8", { fatal: true });

interface Walk {
  maxBytes: number;
  files: SourceFile[];
  rejected: Rejection[];
  messages: Message[];
  /** Folders read, or to be read because they are really there (device:inode → path): a link to one is not followed. */
  seen: Map<string, string>;
}

/** Reads every file under `inputDir`. One bad entry never stops the others: it is rejected with a reason. */
export async function ingest(inputDir: string, options: IngestOptions = {}): Promise<IngestResult> {
  const root = Buffer.from(await realpath(inputDir));
  const walk: Walk = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, files: [], rejected: [], messages: [], seen: new Map() };
  const info = await stat(root);
  walk.seen.set(key(info), ".");
  // The folders really under the input come first: a link to one of them is the repeat, whatever the order.
  await listFolders(walk, root, "");
  await readFolder(walk, root, "", [key(info)]);
  warnSameNames(walk.files, walk.messages);
  return { files: walk.files, rejected: walk.rejected, messages: walk.messages };
}

function reject(walk: Walk, path: string, rule: string, reason: string): void {
  walk.rejected.push({ path, reason });
  walk.messages.push({ file: path, stage: "ingest", level: "error", rule, text: reason });
}

const key = (info: Stats) => `${info.dev}:${info.ino}`;

async function listFolders(walk: Walk, abs: Buffer, rel: string): Promise<void> {
  const entries = await readdir(abs, { withFileTypes: true, encoding: "buffer" }).catch(() => []);
  for (const entry of entries.sort((a, b) => Buffer.compare(a.name, b.name))) {
    if (!entry.isDirectory()) continue;
    const full = Buffer.concat([abs, SLASH, entry.name]);
    const path = rel ? `${rel}/${displayName(entry.name).text}` : displayName(entry.name).text;
    const info = await stat(full).catch(() => null);
    if (info && !walk.seen.has(key(info))) walk.seen.set(key(info), path);
    await listFolders(walk, full, path);
  }
}

async function readFolder(walk: Walk, abs: Buffer, rel: string, ancestors: string[]): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(abs, { withFileTypes: true, encoding: "buffer" });
  } catch (error) {
    if (rel === "") throw new Error(`input folder cannot be read (${why(error)})`);
    reject(walk, rel, "unreadable", `folder cannot be read (${why(error)}); nothing in it was read`);
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  for (const entry of entries) {
    const name = displayName(entry.name);
    const path = rel ? `${rel}/${name.text}` : name.text;
    const full = Buffer.concat([abs, SLASH, entry.name]);
    if (!name.utf8) walk.messages.push({ file: path, stage: "ingest", level: "warning", rule: "file-name", text: "file name is not UTF-8; its other bytes are shown as %XX" });
    let info: Stats | Dirent<Buffer> = entry;
    let followed: Stats | null = null;
    if (entry.isSymbolicLink()) {
      try {
        info = followed = await stat(full);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ELOOP") reject(walk, path, "symlink-loop", "symbolic link that loops (it leads back to itself)");
        else if (code === "ENOENT" || code === "ENOTDIR") reject(walk, path, "symlink-dangling", "symbolic link to something that does not exist");
        else reject(walk, path, "unreadable", `symbolic link cannot be followed (${why(error)})`);
        continue;
      }
    }
    if (info.isDirectory()) {
      const folder = followed ?? (await stat(full).catch(() => null));
      if (!folder) {
        reject(walk, path, "unreadable", "folder vanished while being read");
        continue;
      }
      const id = key(folder);
      if (followed && ancestors.includes(id)) {
        reject(walk, path, "symlink-loop", "symbolic link to a folder that contains it (a loop); not followed");
      } else if (followed && walk.seen.has(id)) {
        reject(walk, path, "symlink-repeat", `symbolic link to a folder that is read as "${walk.seen.get(id)}"; not read twice`);
      } else {
        if (followed) {
          walk.seen.set(id, path);
          await listFolders(walk, full, path);
        }
        await readFolder(walk, full, path, [...ancestors, id]);
      }
    } else if (info.isFile()) {
      await readFile(walk, full, path);
    } else {
      reject(walk, path, "not-a-file", `not a regular file (${kindOf(info)}); not opened`);
    }
  }
}

async function readFile(walk: Walk, abs: Buffer, path: string): Promise<void> {
  const ext = extname(path).toLowerCase();
  const format = FORMATS[ext];
  if (!format) {
    reject(walk, path, "file-type", `unsupported file type "${ext || "(none)"}": expected .txt, .html, .htm or .md`);
    return;
  }
  // O_NONBLOCK: should the file have been swapped for a FIFO since it was listed, opening it does not hang.
  let fh;
  try {
    fh = await open(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    reject(walk, path, "unreadable", `cannot be read (${why(error)})`);
    return;
  }
  try {
    const info = await fh.stat();
    if (!info.isFile()) {
      reject(walk, path, "not-a-file", `not a regular file (${kindOf(info)}); not read`);
      return;
    }
    if (info.size > walk.maxBytes) {
      reject(walk, path, "too-large", `file too large (${info.size} bytes; the limit is ${walk.maxBytes})`);
      return;
    }
    const decoded = decode(await fh.readFile(), format);
    if (!decoded.ok) {
      reject(walk, path, decoded.rule, decoded.reason);
      return;
    }
    for (const w of decoded.warnings) walk.messages.push({ file: path, stage: "ingest", level: "warning", ...w });
    walk.files.push({ path, format, text: decoded.text, encoding: decoded.encoding, mtime: info.mtime });
  } catch (error) {
    reject(walk, path, "unreadable", `cannot be read (${why(error)})`);
  } finally {
    await fh.close();
  }
}

/** A file system error in words, without the path it names (the report must not show local paths). */
function why(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "it vanished while being read";
    case "ELOOP":
      return "too many symbolic links";
    case "ENAMETOOLONG":
      return "path too long";
    case "EIO":
      return "input/output error";
    case "EISDIR":
      return "it is a folder";
    default:
      return code ? `error ${code}` : "unknown error";
  }
}

function kindOf(info: Stats | Dirent<Buffer>): string {
  if (info.isFIFO()) return "a FIFO, or named pipe";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  return "a special file";
}

/** A file name as text: UTF-8 as it is; other bytes of a name that is not UTF-8 as %XX. */
function displayName(name: Buffer): { text: string; utf8: boolean } {
  try {
    return { text: utf8.decode(name), utf8: true };
  } catch {
    return { text: [...name].map((b) => (b < 0x80 && b !== 0x25 ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, "0")}`)).join(""), utf8: false };
  }
}

/** Two files with one name in different folders are both read, but a reader may confuse them. */
function warnSameNames(files: SourceFile[], messages: Message[]): void {
  const byName = new Map<string, string[]>();
  for (const f of files) {
    const name = f.path.split("/").pop()!.toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), f.path]);
  }
  for (const paths of byName.values()) {
    if (paths.length < 2) continue;
    for (const p of paths) {
      const others = paths.filter((q) => q !== p).join(", ");
      messages.push({ file: p, stage: "ingest", level: "warning", rule: "same-name", text: `same file name as ${others}` });
    }
  }
}
