import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { decode } from "../ingest/decode.ts";
import type { InputFormat, SourceFile } from "../types.ts";

/** Lines of standard input, one at a time, without holding the whole input in memory. */
export async function* stdinLines(): AsyncGenerator<string> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

export function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} takes a whole number of at least 1, not "${value}"`);
  return n;
}

export { parseArgs };

/** `--jsonl` mode: one JSON answer per non-blank input line, in order. */
export async function mapJsonLines(answer: (line: string) => unknown): Promise<void> {
  for await (const line of stdinLines()) {
    if (line.trim()) process.stdout.write(`${JSON.stringify(answer(line))}\n`);
  }
}

export function formatOf(file: string): InputFormat {
  const ext = extname(file).toLowerCase();
  return ext === ".html" || ext === ".htm" || ext === ".xhtml" ? "html" : ext === ".md" || ext === ".markdown" ? "markdown" : "text";
}

/** One file named on the command line, decoded as the build would read it. */
export async function readSource(file: string): Promise<SourceFile> {
  const decoded = decode(await readFile(file));
  if (!decoded.ok) throw new Error(`${file}: ${decoded.reason}`);
  const info = await stat(file);
  return { path: basename(file), format: formatOf(file), text: decoded.text, encoding: decoded.encoding, mtime: info.mtime };
}
