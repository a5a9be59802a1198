// `npx tsx train/eval-merge-model.ts model.json [dir]`: `npm run eval:merge` with a trial's merge model (a
// train-merge.ts OUT) in place of src/cluster/merge-model.json, in a copy of the tree (train/lib/tree-copy.ts;
// dir, else a temporary folder, removed after): the topics mixed and the few-outlets draws of a model that
// train:merge itself only reports as stories mixing true stories (am67, stop 67: the swap check's models).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { copyTree } from "./lib/tree-copy.ts";

const [model, dir] = process.argv.slice(2);
if (!model) throw new Error("usage: npx tsx train/eval-merge-model.ts model.json [dir]");
const work = dir ? resolve(dir) : mkdtempSync(join(tmpdir(), "digest-merge-model-"));
const tree = copyTree(fileURLToPath(new URL("..", import.meta.url)), work);
cpSync(resolve(model), join(tree, "src/cluster/merge-model.json"));
const run = spawnSync(join(tree, "node_modules/.bin/tsx"), [join(tree, "eval/eval-merge.ts")], { cwd: tree, stdio: "inherit" });
if (!dir) rmSync(work, { recursive: true, force: true });
process.exit(run.status ?? 1);
