// Every file a build left in the given folders of `dir`, by path ("digests/2025-05-29.md"), read as latin1 so that
// two files compare equal only when their bytes do (Pagefind's files are binary).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export function buildTree(dir: string, folders: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d).sort()) {
      if (statSync(join(d, n)).isDirectory()) walk(join(d, n), `${rel}${n}/`);
      else out[`${rel}${n}`] = readFileSync(join(d, n), "latin1");
    }
  };
  for (const sub of folders) walk(join(dir, sub), `${sub}/`);
  return out;
}
