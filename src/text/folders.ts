// Making a folder and its missing parents, for the folders a user names (--output, --digests, --cache,
// --input of fetch). Node's mkdir({ recursive: true }) never returns when a folder on the path exists
// but answers ENOENT for a child (anything under /proc or /sys): it makes the parent again and retries
// the child, forever, at full CPU (nodejs/node#27198 was the same loop on Windows). Here each missing
// folder is made once, from the top; the first refusal is the answer.
import { mkdirSync, statSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** The folders of `path` that do not exist yet, outermost first (found by stat; an error other than ENOENT is thrown). */
function missingFrom(path: string, exists: (p: string) => boolean): string[] {
  const missing: string[] = [];
  let at = resolve(path);
  while (!exists(at)) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return missing;
}

export function makeFoldersSync(path: string): void {
  const missing = missingFrom(path, (p) => {
    try {
      statSync(p);
      return true;
    } catch (error) {
      if (code(error) === "ENOENT") return false;
      throw error;
    }
  });
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
    }
  }
  if (!statSync(resolve(path)).isDirectory()) mkdirSync(resolve(path)); // a file there: EEXIST, as mkdir -p says
}

export async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      await stat(at);
      break;
    } catch (error) {
      if (code(error) !== "ENOENT") throw error;
    }
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
    }
  }
  if (!(await stat(resolve(path))).isDirectory()) await mkdir(resolve(path));
}
