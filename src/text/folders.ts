// Making a folder and its missing parents, for the folders a user names (--output, --digests, --cache,
// --input of fetch). Node's mkdir({ recursive: true }) never returns when a folder on the path exists
// but answers ENOENT for a child (anything under /proc or /sys): it makes the parent again and retries
// the child, forever, at full CPU (nodejs/node#27198 was the same loop on Windows). Here each missing
// folder is made once, from the top; the first refusal is the answer.
import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    if (code(error) === "ENOENT") return false;
    throw error;
  }
}

export function makeFoldersSync(path: string): void {
  // The folders of `path` that do not exist yet, outermost first (an error other than ENOENT is thrown).
  const missing: string[] = [];
  for (let at = resolve(path); !exists(at); ) {
    missing.unshift(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (code(error) !== "EEXIST") throw error;
    }
  }
  if (!statSync(resolve(path)).isDirectory()) mkdirSync(resolve(path)); // a file there: EEXIST, as mkdir -p says
}

/** makeFoldersSync for async callers: a few stat and mkdir calls, too few to be worth a second copy of the walk. */
export async function makeFolders(path: string): Promise<void> {
  makeFoldersSync(path);
}
