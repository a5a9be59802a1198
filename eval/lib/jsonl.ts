import { readFileSync } from "node:fs";

/** The rows of a JSON Lines file (a dev set, a label file), blank lines skipped; each row typed as the caller says. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}
