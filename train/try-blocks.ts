// `npx tsx train/try-blocks.ts`: a quicker loop for block-model work. Trains the block models on the
// tuning halves as `npm run train:clean` does (settings overridable: SETTINGS='{"rounds":50}'), writes
// nothing, and prints the out-of-fold tuning figures (what a choice is made by) beside the checking
// half's (what says whether it holds), with and without the pages' URLs. PATHS=text or html.
// BOTH_URL=1 also trains on every tuning page without its URL (tried: no better on the checking half).
// Variance knobs (train-clean.ts `blockSettings`): {"subsample":0.7} grows each tree on 70% of the
// blocks; with {"bag":3} three such models are averaged into one. Tried on text: webpages checking
// +0.004 on average over ten perturbed trainings, extraction checking flat to −0.003 with two −0.02
// outliers, and the HTML path's extraction −0.012 on the full training: not adopted.
import { createHash } from "node:crypto";
import { blockSettings, objective, trainBlocks } from "./train-clean.ts";
import { labelsOf, prepared, type Item } from "./lib/clean-items.ts";
import { defaultRules } from "../src/clean/rules/index.ts";
import { locateWith } from "../src/clean/rules/locate.ts";
import { loadExtraction, loadWebpages } from "../eval/lib/clean-corpus.ts";

Object.assign(blockSettings, JSON.parse(process.env.SETTINGS ?? "{}"));
const paths = (process.env.PATHS ?? "text,html").split(",") as ("text" | "html")[];
const after = defaultRules.slice(defaultRules.findIndex((r) => r.name === "find-headline") + 1);
const all = [...loadExtraction(), ...loadWebpages()];
const tag = process.env.TAG ?? "";
// PERTURB=k leaves out about an eighth of the tuning pages (chosen by a hash of k and the id): how
// much a figure moves with the training pages, so a change is judged against that noise.
const perturb = process.env.PERTURB || undefined; // PERTURB="" is no perturbation
const perturbed = (id: string): boolean => perturb !== undefined && createHash("sha256").update(`perturb:${perturb}:${id}`).digest()[0]! % 8 === 0;
console.log("settings", JSON.stringify(blockSettings), tag);
for (const path of paths) {
  const items: Record<"tune" | "check" | "checkNoUrl", Item[]> = { tune: [], check: [], checkNoUrl: [] };
  const add = (list: Item[], page: (typeof all)[number]) => {
    const doc = prepared(page, path);
    if (doc) list.push({ page, path, doc, labels: labelsOf(page, doc) });
  };
  for (const page of all) {
    if (page.half === "tune") {
      if (perturbed(page.id)) continue;
      add(items.tune, page);
      if (process.env.BOTH_URL) add(items.tune, { ...page, url: null });
    } else {
      add(items.check, page);
      add(items.checkNoUrl, { ...page, url: null });
    }
  }
  const models = trainBlocks(items.tune, path);
  const f = (list: Item[]) => {
    const o = objective(list, () => [locateWith(models), ...after]);
    return `ext ${o.extraction.toFixed(4)} web ${o.webpages.toFixed(4)}`;
  };
  console.log(`RESULT ${path} ${tag} | check ${f(items.check)} | check without URL ${f(items.checkNoUrl)}`);
}
