import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep, extname } from "node:path";
import type { InputFormat, IngestResult, Message, Rejection, SourceFile } from "../types.ts";
import { decode } from "./decode.ts";

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

/** Reads every file under `inputDir`. One bad file never stops the others: it is rejected with a reason. */
export async function ingest(inputDir: string, options: IngestOptions = {}): Promise<IngestResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const files: SourceFile[] = [];
  const rejected: Rejection[] = [];
  const messages: Message[] = [];
  const reject = (path: string, reason: string) => {
    rejected.push({ path, reason });
    messages.push({ file: path, stage: "ingest", level: "error", text: reason });
  };

  for (const abs of await listFiles(inputDir)) {
    const path = relative(inputDir, abs).split(sep).join("/");
    const format = FORMATS[extname(abs).toLowerCase()];
    if (!format) {
      reject(path, `unsupported file type "${extname(abs) || "(none)"}": expected .txt, .html, .htm or .md`);
      continue;
    }
    try {
      const info = await stat(abs);
      if (info.size > maxBytes) {
        reject(path, `file too large (${info.size} bytes; the limit is ${maxBytes})`);
        continue;
      }
      const decoded = decode(await readFile(abs));
      if (!decoded.ok) {
        reject(path, decoded.reason);
        continue;
      }
      if (decoded.encoding === "windows-1252") {
        messages.push({ file: path, stage: "ingest", level: "warning", text: "not valid UTF-8; read as Windows-1252" });
      }
      files.push({ path, format, text: decoded.text, encoding: decoded.encoding, mtime: info.mtime });
    } catch (error) {
      reject(path, `cannot read: ${(error as Error).message}`);
    }
  }
  warnSameNames(files, messages);
  return { files, rejected, messages };
}

/** All regular files below `dir`, in a stable order. Symbolic links are not followed. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const abs = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(abs)));
    else if (entry.isFile()) out.push(abs);
  }
  return out;
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
      messages.push({ file: p, stage: "ingest", level: "warning", text: `same file name as ${others}` });
    }
  }
}
