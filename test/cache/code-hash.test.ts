import { describe, expect, it } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { codeGraph, codeHash, graphCodeHash } from "../../src/cache/code-hash.ts";

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

  it("in the bundled form, from the compiled tree's module graph: the same hash, and an edit to one stage's module changes that stage's alone", () => {
    const root = mkdtempSync(join(tmpdir(), "code-hash-graph-"));
    try {
      const files = {
        "src/cluster/index.js": `import { words } from "../text/words.js";\nimport { DateTime } from "luxon";\nexport const c = words;\n`,
        "src/summarise/index.js": `import { sentences } from "../text/sentences.js";\nexport const s = sentences;\n`,
        "src/text/words.js": `import { shared } from "./shared.js";\nexport const words = shared + 1;\n`,
        "src/text/sentences.js": `import { shared } from "./shared.js";\nexport const sentences = shared + 2;\n`,
        "src/text/shared.js": `export const shared = 0;\n`,
      };
      const stages = (name: string, edit: Record<string, string> = {}) => {
        const dir = join(root, name);
        for (const [file, text] of Object.entries({ ...files, ...edit })) {
          mkdirSync(join(dir, file, ".."), { recursive: true });
          writeFileSync(join(dir, file), text);
        }
        const tree = `${pathToFileURL(dir).href}/`;
        const graph = JSON.parse(JSON.stringify(codeGraph(dir))) as ReturnType<typeof codeGraph>; // as written to code-graph.json
        const entry = (stage: string) => [new URL(`src/${stage}/index.js`, tree).href];
        return { cluster: [graphCodeHash(graph, tree, entry("cluster")), codeHash(entry("cluster"))], summarise: [graphCodeHash(graph, tree, entry("summarise")), codeHash(entry("summarise"))] };
      };
      const before = stages("before");
      const after = stages("after", { "src/text/sentences.js": files["src/text/sentences.js"].replace("+ 2", "+ 3") });
      // The graph's hash is the tree's: a cache written by one form is read by the other.
      for (const hashes of [before.cluster, before.summarise, after.cluster, after.summarise]) expect(hashes[0]).toBe(hashes[1]);
      expect(after.cluster[0]).toBe(before.cluster[0]);
      expect(after.summarise[0]).not.toBe(before.summarise[0]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
