// mg44 (issue 9): is a retraining's swing the models' or the decision's? Every trained model file given
// (train-merge.ts's OUT, e.g. try-perturbed.ts's CACHE) with every one's decision: rows are models, columns
// decisions, each cell the sets' checking F1 (events' checking stories mixing true stories). The diagonal is
// each training as it came out; a row that stays low under every decision is its models' doing, a column
// that stays low under every model is its decision's.
// Then each training's pair model and context model apart, each beside the committed other one.
// `tsx train/try-merge-swap.ts model.json ...` (the committed src/cluster/merge-model.json is always the first).
// Stop 43 (mg44), the five PERTURB draws of try-perturbed.ts (CACHE=/tmp/mg44/cache tsx train/try-perturbed.ts 5;
// then this with /tmp/mg44/cache/merge-model-perturbed-base-{1..5}.json), rows models, columns decisions
// (committed, 1..5), events . merge . split checking F1 (events' checking mixed):
//   committed 98.0 . 87.3 . 86.2 (0) | 97.4 . 88.8 . 86.0 (0) | 93.6 . 87.3 . 81.4 (0) | 95.7 . 87.3 . 86.2 (0) | 98.0 . 87.0 . 86.1 (0) | 90.3 . 87.0 . 86.1 (1)
//   1         98.4 . 87.5 . 86.2 (0) | 98.4 . 88.8 . 85.7 (0) | 95.7 . 85.8 . 80.6 (0) | 94.8 . 87.5 . 86.2 (0) | 98.4 . 86.5 . 86.4 (0) | 92.2 . 86.5 . 86.4 (1)
//   2         87.6 . 83.5 . 86.7 (3) | 87.6 . 85.1 . 86.5 (3) | 87.5 . 83.0 . 86.0 (3) | 89.0 . 83.5 . 86.7 (2) | 87.6 . 82.4 . 87.0 (3) | 81.3 . 82.4 . 87.0 (3)
//   3         95.7 . 86.3 . 84.6 (2) | 95.7 . 87.0 . 84.9 (2) | 91.9 . 87.0 . 81.1 (2) | 93.4 . 86.3 . 84.6 (2) | 95.7 . 85.8 . 84.3 (2) | 78.5 . 85.8 . 84.3 (3)
//   4         97.6 . 87.7 . 86.1 (0) | 91.7 . 88.0 . 86.2 (1) | 93.6 . 86.5 . 82.5 (0) | 94.0 . 87.7 . 86.1 (0) | 97.6 . 86.8 . 86.1 (0) | 89.5 . 86.8 . 86.1 (1)
//   5         88.9 . 86.0 . 86.9 (3) | 88.9 . 86.5 . 85.8 (3) | 88.8 . 86.0 . 82.5 (3) | 88.9 . 86.0 . 86.9 (3) | 88.9 . 85.3 . 84.7 (3) | 83.4 . 85.3 . 84.7 (3)
// Draws 2, 3 and 5 mix checking stories under every decision (their models); decision 5 (two-stories bar 0.4) lowers
// events and decision 2 (bar 0.6, established 4) harder under every model. Apart, under the committed decision | its own:
//   pair 2 91.0 . 85.1 . 86.0 (2) | 89.5 . 86.0 . 83.9 (2); context 2 87.2 . 87.0 . 86.6 (2) | 87.2 . 85.8 . 85.2 (2)
//   pair 5 96.4 . 86.3 . 86.7 (1) | 86.3 . 85.1 . 85.2 (2); context 5 97.2 . 86.0 . 86.2 (0) | 88.7 . 86.0 . 85.1 (1)
//   pair 3 97.2 . 87.0 . 85.5 (1) | 95.0 . 87.0 . 85.5 (1); context 3 98.0 . 86.8 . 86.0 (0) | 95.9 . 86.8 . 86.0 (0)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CONTEXT_FEATURES, contextEdges, pairEdges, type MergeModels } from "../src/cluster/index.ts";
import { loadSweepSets, scoreDecision } from "./lib/merge-sweep.ts";

const files = [fileURLToPath(new URL("../src/cluster/merge-model.json", import.meta.url)), ...process.argv.slice(2)];
const models = files.map((f) => JSON.parse(readFileSync(f, "utf8")) as MergeModels);
const sets = loadSweepSets();
const name = (f: string) => f.replace(/.*\//, "").replace(/\.json$/, "").replace(/^merge-model-perturbed-/, "");
const checking = (cells: string) => cells.split(" ").reduce<string[]>((out, x, k, all) => (k % 2 === 0 && all[k]!.endsWith("c") ? [...out, all[k + 1]!] : out), []);
console.log(`rows: models, columns: decisions (${files.map(name).join(", ")}); cells: events . merge . split checking F1 (events' checking stories mixing true stories)`);
for (const [r, m] of models.entries()) {
  if (m.context.features.length !== CONTEXT_FEATURES.length) throw new Error(`${files[r]}: not a merge model`);
  const weighed = sets.map((s) => contextEdges(s.n, pairEdges(s.scored, m.pair), m.context));
  const cells = models.map((d) => {
    const { cells: c, mixed } = scoreDecision(sets, weighed, d.decision);
    return `${checking(c).join(" . ")} (${mixed.split(" . ")[1]})`;
  });
  console.log(`${name(files[r]!).padEnd(14)} ${cells.join(" | ")}`);
}

// Which model: each training's pair model with the committed context model, and the committed pair model
// with its context model, under the committed decision and its own.
console.log("\nparts: pair model of row + context model of the committed (pair i), the committed pair + context of row (context i); under the committed decision | the row's own");
for (const [r, m] of models.entries()) {
  if (r === 0) continue;
  for (const [label, pair, context] of [["pair", m.pair, models[0]!.context], ["context", models[0]!.pair, m.context]] as const) {
    const weighed = sets.map((s) => contextEdges(s.n, pairEdges(s.scored, pair), context));
    const cells = [models[0]!, m].map((d) => {
      const { cells: c, mixed } = scoreDecision(sets, weighed, d.decision);
      return `${checking(c).join(" . ")} (${mixed.split(" . ")[1]})`;
    });
    console.log(`${`${label} ${name(files[r]!)}`.padEnd(16)} ${cells.join(" | ")}`);
  }
}
