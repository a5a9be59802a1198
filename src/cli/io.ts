import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

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
