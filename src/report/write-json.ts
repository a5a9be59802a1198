// The build report's writer: large reports are streamed to disk rather than made whole in memory.
import { open } from "node:fs/promises";

/** Array elements made JSON together (a few hundred kilobytes of report), written a megabyte at a time (each write waits on the thread pool). */
const RUN = 256;
/** What JSON.stringify({ a: [...] }, null, 2) writes around the array's elements. */
const RUN_HEAD = '{\n  "a": [\n';
const RUN_TAIL = "\n  ]\n}";

/**
 * Writes `JSON.stringify(value, null, 2)` and a newline, the same bytes, one top-level entry or array
 * element at a time: at 100,000 articles the build report is 60 MB of JSON, and made whole (and then
 * copied to bytes) it was the build's peak memory.
 */
export async function writeJsonFile(path: string, value: object): Promise<void> {
  const file = await open(path, "w");
  let pending = "";
  const write = async (text: string) => {
    pending += text;
    if (pending.length >= 1 << 20) {
      await file.write(pending);
      pending = "";
    }
  };
  try {
    const piece = (v: unknown, indent: string): string | undefined => JSON.stringify(v, null, 2)?.replaceAll("\n", `\n${indent}`);
    const fields = Object.keys(value).flatMap((key) => {
      const v = (value as Record<string, unknown>)[key];
      return Array.isArray(v) || piece(v, "") !== undefined ? [[key, v] as const] : [];
    });
    if (Array.isArray(value) || "toJSON" in value || fields.length === 0) {
      await file.writeFile(`${JSON.stringify(value, null, 2)}\n`);
      return;
    }
    await write("{\n");
    for (const [k, [key, v]] of fields.entries()) {
      await write(`  ${JSON.stringify(key)}: `);
      if (Array.isArray(v) && v.length > 0) {
        await write("[\n");
        // A run of elements made JSON at once (one call, not one per element, is most of the speed).
        for (let start = 0; start < v.length; start += RUN) {
          // Made as the value of a key at this depth, the run comes indented as it sits here (no pass to indent it again).
          const run = JSON.stringify({ a: v.slice(start, start + RUN) }, null, 2);
          await write(`${run.slice(RUN_HEAD.length, run.length - RUN_TAIL.length)}${start + RUN < v.length ? "," : ""}\n`);
        }
        await write("  ]");
      } else await write(piece(v, "  ")!);
      await write(k + 1 < fields.length ? ",\n" : "\n");
    }
    await file.write(`${pending}}\n`);
  } finally {
    await file.close();
  }
}
