// A copy of the repository's tree to run trainers and evals in without touching the checkout: code is
// copied (its imports resolve from where it lies, and src/ loads its weights as JSON modules, so a copy
// is the only way to run it with other weights), fixtures, samples and node_modules are linked, and
// ../shared is linked beside it.
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";

/** Copies `root`'s code to `work`/digest (emptied first) and returns that folder. */
export function copyTree(root: string, work: string): string {
  const tree = join(work, "digest");
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  for (const part of ["src", "eval", "train", "scripts", "package.json", "tsconfig.json"]) {
    if (existsSync(join(root, part))) cpSync(join(root, part), join(tree, part), { recursive: true });
  }
  for (const part of ["test", "articles", "bin", "node_modules"]) if (existsSync(join(root, part))) symlinkSync(join(root, part), join(tree, part));
  if (!existsSync(join(work, "shared"))) symlinkSync(resolve(root, "../shared"), join(work, "shared"));
  return tree;
}
