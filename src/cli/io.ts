import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parseArgs } from "node:util";
import { decode } from "../ingest/index.ts";
import type { InputFormat, SourceFile } from "../types.ts";

/**
 * Lines of a stream, one at a time, without holding the whole input in memory. Lines end at LF only,
 * with a CR before it dropped: a CR elsewhere is JSON white space inside a line (readline would split
 * there). Bytes that are not UTF-8 become U+FFFD; a byte-order mark at the start is dropped.
 */
export async function* readLines(input: AsyncIterable<Buffer | string> = process.stdin): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  let pending = "";
  for await (const chunk of input) {
    const parts = (pending + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }))).split("\n");
    pending = parts.pop()!;
    for (const line of parts) yield line.endsWith("\r") ? line.slice(0, -1) : line;
  }
  pending += decoder.decode();
  if (pending) yield pending.endsWith("\r") ? pending.slice(0, -1) : pending;
}

export function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number of at least 1, not "${value}"`);
  return n;
}

export { parseArgs };

/**
 * One answer per JSON line: the line parsed into an object and handed to `answer`; anything else,
 * and any exception while answering, becomes `{"id", "error"}` for that line alone.
 */
export function answerLine<T extends object>(line: string, answer: (input: Record<string, unknown>, id: unknown) => T): T | { id: unknown; error: string } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `line is not JSON (${(error as Error).message})` };
  }
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { id: null, error: `line holds ${input === null ? "null" : Array.isArray(input) ? "a list" : `a ${typeof input}`}, not an object like {"id": …, "text": …}` };
  }
  const obj = input as Record<string, unknown>;
  const id = obj.id ?? null;
  try {
    return answer(obj, id);
  } catch (error) {
    // A page nested thousands of levels deep can exhaust the stack; say so rather than quote the engine.
    const why = error instanceof RangeError ? "too deeply nested to read" : error instanceof Error ? error.message : String(error);
    return { id, error: `could not be processed: ${why}` };
  }
}

/** `--jsonl` mode: exactly one JSON answer per non-blank input line, in order, whatever the line holds. */
export async function mapJsonLines(answer: (line: string) => unknown, input: AsyncIterable<Buffer | string> = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  let closed = false;
  output.on("error", () => {
    closed = true; // the reader went away (EPIPE): stop quietly, nothing more can be said
  });
  for await (const line of readLines(input)) {
    if (closed) break;
    if (!line.trim()) continue;
    let out: string;
    try {
      out = JSON.stringify(answer(line));
    } catch (error) {
      out = JSON.stringify({ id: null, error: `could not be processed: ${(error as Error).message}` });
    }
    if (!output.write(`${out}\n`)) await drainedOrClosed(output);
  }
}

/** Waits for `drain` or `error`, whichever comes first; never rejects (events.once would, on `error`). */
function drainedOrClosed(output: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off("drain", done);
      output.off("error", done);
      resolve();
    };
    output.once("drain", done);
    output.once("error", done);
  });
}

export function formatOf(file: string): InputFormat {
  const ext = extname(file).toLowerCase();
  return ext === ".html" || ext === ".htm" || ext === ".xhtml" ? "html" : ext === ".md" || ext === ".markdown" ? "markdown" : "text";
}

/** One file named on the command line, read and decoded as the build would (a FIFO or device is refused unopened). */
export async function readSource(file: string): Promise<SourceFile> {
  const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await fh.stat();
    if (!info.isFile()) throw new Error(`${file}: not a regular file`);
    const format = formatOf(file);
    const decoded = decode(await fh.readFile(), format);
    if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
    for (const w of decoded.warnings) process.stderr.write(`${file}: warning: ${w.text}${w.line ? ` (line ${w.line})` : ""}\n`);
    return { path: basename(file), format, text: decoded.text, encoding: decoded.encoding, mtime: info.mtime };
  } finally {
    await fh.close();
  }
}
