// `npm run eval:tuning-weights -- <eval> [args]`: runs `npm run eval:<eval>` with the weights the same
// methods learn from the tuning halves alone (train/weights-tuning/), not the shipped ones.
//
// Shipped weights may be trained on all dev data once a method is settled (issue 8); an eval of them then
// reads a checking half the weights have seen. The honest figure for pages a model has never seen is the
// checking half of the tuning-only weights, which this prints. train/weights-tuning/ mirrors the tree
// (train/weights-tuning/src/clean/weights/blocks-text.json stands in for src/clean/weights/blocks-text.json),
// so a model whose weights are not there runs with its shipped ones (and is then named on stderr).
// The tree is copied to a folder of its own (DIR, else a temporary one) with ../shared beside it, since
// src/ loads its weights as JSON modules: nothing in src/ reads a setting to swap them. What an eval
// builds with the real CLI (eval:dates' seed check) runs the compiled dist/ and so the shipped weights;
// per-page reports are written inside the copy, which is removed unless DIR is given.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { copyTree } from "./lib/tree-copy.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const tuningWeights = join(root, "train/weights-tuning");
const [evalName, ...args] = process.argv.slice(2);
if (!evalName) throw new Error("usage: npm run eval:tuning-weights -- <clean|headlines|dates|merge|...> [args]");
const script = join(root, "eval", `eval-${evalName}.ts`);
if (!existsSync(script)) throw new Error(`no eval named ${evalName} (looked for ${relative(root, script)})`);

/** The files under train/weights-tuning/, as paths relative to it (so relative to the tree they replace into). */
function weightFiles(): string[] {
  if (!existsSync(tuningWeights)) return [];
  return readdirSync(tuningWeights, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".json"))
    .map((e) => relative(tuningWeights, join(e.parentPath, e.name)))
    .sort();
}

const keep = process.env.DIR !== undefined;
const work = keep ? resolve(process.env.DIR!) : mkdtempSync(join(tmpdir(), "digest-tuning-weights-"));
const tree = copyTree(root, work);

const replaced = weightFiles();
for (const file of replaced) {
  const target = join(tree, file);
  if (!existsSync(target)) throw new Error(`train/weights-tuning/${file} replaces nothing: ${file} is not in the tree`);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(tuningWeights, file), target);
}
process.stderr.write(`eval:${evalName} with the tuning-only weights of: ${replaced.length ? replaced.join(", ") : "(none: train/weights-tuning/ is empty)"}\n`);

const run = spawnSync(join(tree, "node_modules/.bin/tsx"), [join(tree, "eval", `eval-${evalName}.ts`), ...args], { cwd: tree, stdio: "inherit", env: process.env });
if (!keep) rmSync(work, { recursive: true, force: true });
process.exit(run.status ?? 1);
