// The build report's writer: large reports are streamed to disk rather than made whole in memory.
import { open } from "node:fs/promises";

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
    if (pending.length >= 1 << 16) {
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
        for (let i = 0; i < v.length; i++) await write(`    ${piece(v[i], "    ") ?? "null"}${i + 1 < v.length ? "," : ""}\n`);
        await write("  ]");
      } else await write(piece(v, "  ")!);
      await write(k + 1 < fields.length ? ",\n" : "\n");
    }
    await file.write(`${pending}}\n`);
  } finally {
    await file.close();
  }
}
