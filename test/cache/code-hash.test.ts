import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { codeHash } from "../../src/cache/code-hash.ts";

/** A folder of modules (name → source); returns the file: URL of `entry` in it. */
function tree(root: string, name: string, files: Record<string, string>, entry = "main.js"): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return pathToFileURL(join(dir, entry)).href;
}

describe("the code hash of cached results", () => {
  it("is the same for the same code in any folder, and changes with any module reached or a package imported", () => {
    const root = mkdtempSync(join(tmpdir(), "code-hash-"));
    try {
      const main = `import { x } from "./util.js";\nimport { DateTime } from "luxon";\nexport const y = x;\n`;
      const util = `import { DateTime } from "luxon";\nexport const x = 1;\n`;
      const a = codeHash([tree(root, "a", { "main.js": main, "util.js": util })]);
      // Trees hashed before share modules with later ones (the build hashes several): each is hashed whole.
      const b = codeHash([tree(root, "b", { "main.js": main, "util.js": util }), tree(root, "b2", { "main.js": main, "util.js": util })]);
      expect(codeHash([tree(root, "c", { "main.js": main, "util.js": util })])).toBe(a);
      expect(b).not.toBe(a);
      expect(codeHash([tree(root, "d", { "main.js": main, "util.js": util.replace("1", "2") })])).not.toBe(a);
      // The module imported is part of the code: the same entry without it hashes differently.
      expect(codeHash([tree(root, "f", { "main.js": main })])).not.toBe(a);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
