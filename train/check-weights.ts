// `npm run check:weights [-- clean dates merge same-fact follow-ups]`: do the committed weights match what their trainers write today? Runs every
// trainer in a copy of the tree (train/lib/tree-copy.ts), as `npm run train` does plus one run per
// mirror under train/weights-<TRAIN_ON>/, then compares each committed weight file with the one written.
// A model trained before a change to what it reads (the cleaned text under the date models, say) goes
// stale without any test failing; this says which file and how far. Exit 1 when a file differs or no
// trainer wrote it. Slow (the trainers' few minutes of CPU), so it is its own command and a CI step.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { copyTree } from "./lib/tree-copy.ts";

interface Trainer {
  name: string;
  script: string;
  /** The folder of src/ its models go to; a mirror train/weights-X/<folder> holds the TRAIN_ON=X set. */
  folder: string;
  /** The weight files of `folder` this trainer writes, by name, when other trainers write there too (else all of them). */
  files?: readonly string[];
}

const TRAINERS: readonly Trainer[] = [
  { name: "clean", script: "train/train-clean.ts", folder: "src/clean/weights" },
  { name: "dates", script: "train/train-dates.ts", folder: "src/date" },
  { name: "merge", script: "train/train-merge.ts", folder: "src/cluster", files: ["background-words.json", "merge-model.json"] },
  { name: "same-fact", script: "train/train-same-fact.ts", folder: "src/summarise" },
  { name: "follow-ups", script: "train/train-follow-ups.ts", folder: "src/cluster", files: ["follow-up-model.json"] },
  { name: "outlet-lines", script: "train/train-outlet-lines.ts", folder: "src/clean", files: ["source-lines-model.json"] },
  { name: "german-names", script: "train/train-german-names.ts", folder: "src/digest", files: ["german-names-model.json"] },
];

const root = fileURLToPath(new URL("..", import.meta.url));
const asked = process.argv.slice(2);
for (const name of asked) if (!TRAINERS.some((t) => t.name === name)) throw new Error(`no trainer named ${name}: ${TRAINERS.map((t) => t.name).join(", ")}`);
/** The trainers checked: those named on the command line, else all (in their order: the date and merge models read cleaned text). */
const checked = TRAINERS.filter((t) => !asked.length || asked.includes(t.name));
const jsonUnder = (dir: string, names?: readonly string[]): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith(".json") && (!names || names.includes(e.name))).map((e) => join(e.parentPath, e.name))
    : [];
const mirrors = readdirSync(join(root, "train"), { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name.startsWith("weights-"))
  .map((e) => e.name)
  .sort();

/** The committed weight files, relative to the root: what each trainer writes into src/ and every mirror. */
const committed = [
  ...checked.flatMap((t) => jsonUnder(join(root, t.folder), t.files)),
  ...checked.flatMap((t) => mirrors.flatMap((m) => jsonUnder(join(root, "train", m, t.folder), t.files))),
].map((f) => relative(root, f)).sort();

const work = mkdtempSync(join(tmpdir(), "digest-check-weights-"));
const tree = copyTree(root, work);
// The mirrors are deleted in the copy, so a file no trainer writes is found missing rather than passing as its own copy.
for (const m of mirrors) rmSync(join(tree, "train", m), { recursive: true, force: true });
// The trainers read trial settings from the environment: none may leak in.
const env: NodeJS.ProcessEnv = Object.fromEntries(["PATH", "HOME", "TMPDIR", "TZ"].filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
const started = Date.now();

for (const trainer of checked) {
  const runs: (string | undefined)[] = [undefined, ...mirrors.filter((m) => jsonUnder(join(root, "train", m, trainer.folder), trainer.files).length).map((m) => m.slice("weights-".length))];
  for (const on of runs) {
    const label = `train:${trainer.name}${on ? ` TRAIN_ON=${on}` : ""}`;
    process.stderr.write(`check:weights: ${label}\n`);
    const run = spawnSync(join(tree, "node_modules/.bin/tsx"), [join(tree, trainer.script)], { cwd: tree, env: on ? { ...env, TRAIN_ON: on } : env, encoding: "utf8", maxBuffer: 1 << 28 });
    if (run.status !== 0) {
      process.stderr.write(`${run.stdout}${run.stderr}\ncheck:weights: ${label} failed (exit ${run.status})\n`);
      rmSync(work, { recursive: true, force: true });
      process.exit(1);
    }
  }
}

const stale: string[] = [];
for (const file of committed) {
  const written = join(tree, file);
  if (!existsSync(written) || statSync(written).mtimeMs < started) {
    stale.push(`${file}: no trainer wrote it`);
    continue;
  }
  const want = readFileSync(join(root, file), "utf8");
  const got = readFileSync(written, "utf8");
  if (want === got) continue;
  const a = want.split("\n");
  const b = got.split("\n");
  const differing = a.filter((line, i) => line !== b[i]).length + Math.max(0, b.length - a.length);
  stale.push(`${file}: differs from what its trainer writes now (${differing} of ${a.length} lines)`);
}
rmSync(work, { recursive: true, force: true });
for (const line of stale) console.log(`stale  ${line}`);
console.log(`check:weights: ${committed.length - stale.length} of ${committed.length} weight files are what their trainers write`);
process.exit(stale.length ? 1 : 0);
