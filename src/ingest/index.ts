// Stage 1: every entry under the input folder becomes one input: a decoded source file, or a
// rejection with its reason. Symbolic links are followed (to a file or a folder) or rejected when
// they loop or lead nowhere; FIFOs, sockets and devices are rejected without being opened; a folder
// that cannot be read is one rejected input and the rest goes on. Paths and reasons are relative to
// the input folder: the report never shows where the files live on this machine.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Dirent, type Stats } from "node:fs";
import { open, readdir, realpath, stat } from "node:fs/promises";
import { basename, dirname, extname } from "node:path";
import type { InputFormat, IngestResult, Message, Rejection, SourceFile } from "../types.ts";
import { createHash } from "node:crypto";
import { decode } from "./decode.ts";
import { finerThanSeconds, racyMargins, sameSignature, signatureOf, type KnownFile, type KnownFiles } from "./known.ts";

export { decode, type Decoded } from "./decode.ts";
export { notLanguage } from "./language.ts";
export { finerThanSeconds, racyMargins, type KnownFile, type KnownFiles } from "./known.ts";

export interface IngestOptions {
  /** Files larger than this are rejected unread. */
  maxBytes?: number;
  /**
   * What an earlier build read (./known.ts). A file whose signature still matches is not read: it comes
   * with an empty `text` and its `contentKey`, and `readSource` reads it when it is needed after all.
   */
  known?: KnownFiles | null;
  /**
   * false: no file keeps its text either; each comes with its content key only, to be read again when
   * needed (`readSource`), so that a large input is never held whole. A number: files keep their texts
   * until these add up to that many characters, and the rest come as with false (the build: reading a
   * file twice cost a cold build half a second of CPU at 10,000 inputs).
   */
  keepText?: boolean | number;
  /**
   * Folders the build itself writes (the digests, the site, the cache): when the input holds one (`--input .`)
   * it is passed over with a warning, and so are the hidden lock, journal and copies beside it.
   */
  skip?: readonly string[];
}

export interface IngestOutcome extends IngestResult {
  /** What this build read or took as known, for the next build (with `known` given, else empty). */
  known: KnownFiles;
  /** Where each file that came without its text is, for `readSource`. */
  unread: Map<string, FsPath>;
  /** Files not opened at all: their signature was the one `known` recorded. */
  unopened: number;
}

/**
 * A hash of what an input is: its format, encoding, URL and text (not its path or time). The same key as
 * `cacheKey("source", format, encoding, url, text)` (src/cache/pack.ts), hashed in pieces: the text is not
 * copied into one joined string first (a cold build's inputs are 25 million characters).
 */
export function contentKey(file: Pick<SourceFile, "format" | "encoding" | "url" | "text">): string {
  const url = file.url ?? "";
  const head = `6:source\n${file.format.length}:${file.format}\n${file.encoding.length}:${file.encoding}\n${url.length}:${url}\n${file.text.length}:`;
  return createHash("sha256").update(head).update(file.text).update("\n").digest("hex").slice(0, 32);
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
/** The characters of text a build keeps from ingest (`keepText`): 10,000 bench articles hold about 25 million. */
export const KEPT_TEXT_CHARS = 32 * 1024 * 1024;

const SLASH = Buffer.from("/");

/**
 * A path to give the file system: a string while every name on the way is UTF-8 as it is (the common
 * case: no Buffer per file), else its bytes.
 */
type FsPath = string | Buffer;

/** `dir/name` as an FsPath. A name that is not UTF-8, or not the same bytes as its text (a leading BOM is dropped in decoding), makes bytes. */
function child(dir: FsPath, name: Buffer, text: { text: string; utf8: boolean }): FsPath {
  if (typeof dir === "string" && text.utf8 && Buffer.byteLength(text.text) === name.length) return `${dir}/${text.text}`;
  return Buffer.concat([typeof dir === "string" ? Buffer.from(dir) : dir, SLASH, name]);
}
const utf8 = new TextDecoder("utf-8", { fatal: true });

interface Walk {
  maxBytes: number;
  known: KnownFiles | null;
  /**
   * Files changed since this moment (ms) are read again even when their signature matches (./known.ts):
   * `coarse` for change times in whole seconds, `fine` for those with a fraction of one.
   */
  settledBefore: { coarse: number; fine: number };
  next: KnownFiles;
  unread: Map<string, FsPath>;
  /** Characters of text the files may still keep (Infinity: all, 0: none). */
  keepChars: number;
  unopened: number;
  files: SourceFile[];
  rejected: Rejection[];
  messages: Message[];
  /** Folders read, or to be read because they are really there (device:inode → path): a link to one is not followed. */
  seen: Map<string, string>;
  /** The build's own folders (device:inode), and for each folder holding one (device:inode) the names beside it (`._site.`). */
  own: { folders: Set<string>; beside: Map<string, string[]> };
}

/** Reads every file under `inputDir`. One bad entry never stops the others: it is rejected with a reason. */
export async function ingest(inputDir: string, options: IngestOptions = {}): Promise<IngestOutcome> {
  const root: FsPath = await realpath(inputDir);
  const next: KnownFiles = { at: Date.now(), files: {} };
  const known = options.known === undefined ? null : (options.known ?? { at: 0, files: {} });
  // Worked out once: the racy margin comes from the environment, and reading it costs a call into the process per file.
  const own = await ownFolders(options.skip ?? []);
  const walk: Walk = { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, known, settledBefore: settledBefore(known), next, unread: new Map(), keepChars: keptChars(options.keepText), unopened: 0, files: [], rejected: [], messages: [], seen: new Map(), own };
  const info = await stat(root);
  walk.seen.set(key(info), ".");
  // The folders really under the input come first: a link to one of them is the repeat, whatever the order.
  await listFolders(walk, root, "");
  await readFolder(walk, root, "", [key(info)]);
  warnSameNames(walk.files, walk.messages);
  return { files: walk.files, rejected: walk.rejected, messages: walk.messages, known: next, unread: walk.unread, unopened: walk.unopened };
}

async function ownFolders(paths: readonly string[]): Promise<Walk["own"]> {
  const own: Walk["own"] = { folders: new Set(), beside: new Map() };
  for (const path of paths) {
    const folder = await stat(path).catch(() => null);
    const parent = await stat(dirname(path)).catch(() => null);
    if (folder) own.folders.add(key(folder));
    if (parent) own.beside.set(key(parent), [...(own.beside.get(key(parent)) ?? []), `.${basename(path)}.digest-`]);
  }
  return own;
}

function settledBefore(known: KnownFiles | null): Walk["settledBefore"] {
  if (!known) return { coarse: 0, fine: 0 };
  const margins = racyMargins();
  return { coarse: known.at - margins.coarse, fine: known.at - margins.fine };
}

function reject(walk: Walk, path: string, rule: string, reason: string): void {
  walk.rejected.push({ path, reason });
  walk.messages.push({ file: path, stage: "ingest", level: "error", rule, text: reason });
}

const key = (info: Stats) => `${info.dev}:${info.ino}`;

async function listFolders(walk: Walk, abs: FsPath, rel: string): Promise<void> {
  const entries = await readdir(abs, { withFileTypes: true, encoding: "buffer" }).catch(() => []);
  for (const entry of entries.sort((a, b) => Buffer.compare(a.name, b.name))) {
    if (!entry.isDirectory()) continue;
    const name = displayName(entry.name);
    const full = child(abs, entry.name, name);
    const path = rel ? `${rel}/${name.text}` : name.text;
    const info = await stat(full).catch(() => null);
    if (info && walk.own.folders.has(key(info))) continue;
    if (info && !walk.seen.has(key(info))) walk.seen.set(key(info), path);
    await listFolders(walk, full, path);
  }
}

async function readFolder(walk: Walk, abs: FsPath, rel: string, ancestors: string[]): Promise<void> {
  let entries: Dirent<Buffer>[];
  try {
    entries = await readdir(abs, { withFileTypes: true, encoding: "buffer" });
  } catch (error) {
    if (rel === "") throw new Error(`input folder cannot be read (${why(error)})`);
    reject(walk, rel, "unreadable", `folder cannot be read (${why(error)}); nothing in it was read`);
    return;
  }
  entries.sort((a, b) => Buffer.compare(a.name, b.name));
  const beside = walk.own.beside.get(ancestors[ancestors.length - 1]!) ?? [];
  for (const entry of entries) {
    const name = displayName(entry.name);
    const path = rel ? `${rel}/${name.text}` : name.text;
    const full = child(abs, entry.name, name);
    if (beside.some((prefix) => name.text.startsWith(prefix))) continue; // a lock, journal or copy of the build's own folder
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
      if (walk.own.folders.has(id)) {
        walk.messages.push({ file: path, stage: "ingest", level: "warning", rule: "own-output", text: "folder this build writes (digests, site or cache); not read as input" });
      } else if (followed && ancestors.includes(id)) {
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
      await readFile(walk, full, path, followed);
    } else {
      reject(walk, path, "not-a-file", `not a regular file (${kindOf(info)}); not opened`);
    }
  }
}

async function readFile(walk: Walk, abs: FsPath, path: string, followed: Stats | null): Promise<void> {
  const ext = extname(path).toLowerCase();
  const format = FORMATS[ext];
  if (!format) {
    // ".DS_Store", "Makefile": a name without an extension has no file type to quote.
    reject(walk, path, "file-type", `${ext ? `unsupported file type "${ext}"` : "no file extension"}: expected .txt, .html, .htm or .md`);
    return;
  }
  // Only a file the last build listed can be known (a cold build stats nothing twice).
  const was = walk.known?.files[path];
  if (was) {
    const info = followed ?? statOrNull(abs);
    if (info?.isFile() && info.size <= walk.maxBytes && was.format === format && info.ctimeMs < (finerThanSeconds(info.ctimeMs) ? walk.settledBefore.fine : walk.settledBefore.coarse) && sameSignature(signatureOf(info), was.signature)) {
      for (const w of was.warnings) walk.messages.push({ file: path, stage: "ingest", level: "warning", ...w });
      walk.files.push({ path, format, text: "", encoding: was.encoding, mtime: info.mtime, contentKey: was.contentKey });
      walk.next.files[path] = was;
      walk.unread.set(path, abs);
      walk.unopened++;
      return;
    }
  }
  const read = readSourceAt(abs, path, format, walk.maxBytes);
  if ("rejected" in read) {
    reject(walk, path, read.rejected.rule!, read.rejected.reason);
    return;
  }
  for (const w of read.warnings) walk.messages.push({ file: path, stage: "ingest", level: "warning", ...w });
  const keep = read.file.text.length <= walk.keepChars;
  if (walk.known || walk.keepChars !== Infinity) read.file.contentKey = contentKey(read.file);
  if (walk.known) walk.next.files[path] = { signature: read.signature, format, encoding: read.file.encoding, contentKey: read.file.contentKey!, warnings: read.warnings };
  if (keep) walk.keepChars -= read.file.text.length;
  else {
    read.file.text = "";
    walk.unread.set(path, abs);
  }
  walk.files.push(read.file);
}

function keptChars(keepText: boolean | number | undefined): number {
  if (keepText === undefined || keepText === true) return Infinity;
  return keepText === false ? 0 : Math.max(0, keepText);
}

type Read = { file: SourceFile; warnings: KnownFile["warnings"]; signature: KnownFile["signature"] } | { rejected: Rejection & { rule: string } };

/** Reads and decodes one file. Synchronous calls: one file at a time, they cost a tenth of the promise ones. */
function readSourceAt(abs: FsPath, path: string, format: InputFormat, maxBytes: number): Read {
  const refuse = (rule: string, reason: string): Read => ({ rejected: { path, reason, rule } });
  // O_NONBLOCK: should the file have been swapped for a FIFO since it was listed, opening it does not hang.
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse("unreadable", `cannot be read (${why(error)})`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return refuse("not-a-file", `not a regular file (${kindOf(info)}); not read`);
    if (info.size > maxBytes) return refuse("too-large", `file too large (${info.size} bytes; the limit is ${maxBytes})`);
    const decoded = decode(readAll(fd, info.size), format);
    if (!decoded.ok) return refuse(decoded.rule, decoded.reason);
    return { file: { path, format, text: decoded.text, encoding: decoded.encoding, mtime: info.mtime }, warnings: decoded.warnings, signature: signatureOf(info) };
  } catch (error) {
    return refuse("unreadable", `cannot be read (${why(error)})`);
  } finally {
    closeSync(fd);
  }
}

/** Where files are read into, one after another: decoding copies the bytes into a string, so none is kept. */
let readBuffer = Buffer.allocUnsafeSlow(1 << 16);

/**
 * The file's bytes to its end (it may have grown or shrunk since `size` was taken), in `readBuffer`:
 * valid until the next read. Not in Buffer's shared 8 KB pool slabs: a path kept for `readSource` that
 * is a Buffer (a name that is not UTF-8) is cut from those slabs, and a slab of file bytes would stay
 * alive with it.
 */
function readAll(fd: number, size: number): Buffer {
  if (readBuffer.length < size + 1) readBuffer = Buffer.allocUnsafeSlow(Math.max(size + 1, 2 * readBuffer.length));
  let length = 0;
  for (;;) {
    if (length === readBuffer.length) {
      const bigger = Buffer.allocUnsafeSlow(readBuffer.length * 2);
      readBuffer.copy(bigger, 0, 0, length);
      readBuffer = bigger;
    }
    const room = readBuffer.length - length;
    const n = readSync(fd, readBuffer, length, room, null);
    if (n === 0) return readBuffer.subarray(0, length);
    length += n;
    // The size the file had when opened, read in fewer bytes than asked for: its end (no second read to see 0).
    if (length === size && n < room) return readBuffer.subarray(0, length);
  }
}

/**
 * The text of a file ingest did not read (it was known): read now, or why it cannot be after all (it
 * changed or vanished since). The file keeps its content key only when its text is still what it was.
 */
export async function readSource(file: SourceFile, unread: ReadonlyMap<string, FsPath>, maxBytes = DEFAULT_MAX_BYTES): Promise<{ file: SourceFile } | { rejected: Rejection; messages: Message[] }> {
  const abs = unread.get(file.path);
  const read = abs ? readSourceAt(abs, file.path, file.format, maxBytes) : { rejected: { path: file.path, reason: "cannot be read (it vanished while being read)", rule: "unreadable" } };
  if ("rejected" in read) {
    const { path, reason, rule } = read.rejected;
    return { rejected: { path, reason }, messages: [{ file: path, stage: "ingest", level: "error", rule, text: reason }] };
  }
  const key = contentKey(read.file);
  // Changed since it was listed: the build goes on with what it listed (the key), which is now another text.
  if (file.contentKey && key !== file.contentKey) return { rejected: { path: file.path, reason: "changed while being read; build again to include it" }, messages: [{ file: file.path, stage: "ingest", level: "error", rule: "changed", text: "changed while being read; build again to include it" }] };
  return { file: { ...read.file, contentKey: key } };
}

function statOrNull(abs: FsPath): Stats | null {
  try {
    return statSync(abs);
  } catch {
    return null;
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
    const name = f.path.slice(f.path.lastIndexOf("/") + 1).normalize("NFC").toLowerCase();
    const paths = byName.get(name);
    if (paths) paths.push(f.path);
    else byName.set(name, [f.path]);
  }
  for (const paths of byName.values()) {
    if (paths.length < 2) continue;
    for (const p of paths) {
      const others = paths.filter((q) => q !== p).join(", ");
      messages.push({ file: p, stage: "ingest", level: "warning", rule: "same-name", text: `same file name as ${others}` });
    }
  }
}
