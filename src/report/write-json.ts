// The build report's writer: large reports are streamed to disk rather than made whole in memory.
import { closeSync, openSync, writeSync } from "node:fs";

/** Array elements made JSON together (a few hundred kilobytes of report), each run written as it is made. */
const RUN = 256;
/** What JSON.stringify({ a: [...] }, null, 2) writes around the array's elements. */
const RUN_HEAD = '{\n  "a": [\n';
const RUN_TAIL = "\n  ]\n}";

/**
 * Writes `JSON.stringify(value, null, 2)` and a newline, the same bytes, one top-level entry or run of
 * array elements at a time: at 100,000 articles the build report is 60 MB of JSON, and made whole (and
 * then copied to bytes) it was the build's peak memory. Written synchronously, each piece as it is made:
 * gathered into megabyte strings and written through fs/promises it cost twice the CPU (10,000 articles:
 * about 220 against 110 ms).
 */
export async function writeJsonFile(path: string, value: object): Promise<void> {
  const file = openSync(path, "w");
  // writeSync may write less than asked: then the rest, until all is written.
  const write = (text: string) => {
    const done = writeSync(file, text);
    if (done === Buffer.byteLength(text)) return;
    const bytes = Buffer.from(text);
    for (let at = done; at < bytes.length; ) at += writeSync(file, bytes, at, bytes.length - at);
  };
  try {
    const piece = (v: unknown, indent: string): string | undefined => JSON.stringify(v, null, 2)?.replaceAll("\n", `\n${indent}`);
    const fields = Object.keys(value).flatMap((key) => {
      const v = (value as Record<string, unknown>)[key];
      return Array.isArray(v) || piece(v, "") !== undefined ? [[key, v] as const] : [];
    });
    if (Array.isArray(value) || "toJSON" in value || fields.length === 0) {
      write(`${JSON.stringify(value, null, 2)}\n`);
      return;
    }
    let head = "{\n";
    for (const [k, [key, v]] of fields.entries()) {
      head += `  ${JSON.stringify(key)}: `;
      if (Array.isArray(v) && v.length > 0) {
        write(`${head}[\n`);
        // A run of elements made JSON at once (one call, not one per element, is most of the speed).
        for (let start = 0; start < v.length; start += RUN) {
          // Made as the value of a key at this depth, the run comes indented as it sits here (no pass to indent it again).
          const run = JSON.stringify({ a: v.slice(start, start + RUN) }, null, 2);
          write(run.slice(RUN_HEAD.length, run.length - RUN_TAIL.length));
          write(start + RUN < v.length ? ",\n" : "\n");
        }
        head = "  ]";
      } else head += piece(v, "  ")!;
      head += k + 1 < fields.length ? ",\n" : "\n";
    }
    write(`${head}}\n`);
  } finally {
    closeSync(file);
  }
}
