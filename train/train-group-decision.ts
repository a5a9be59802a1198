// mg82 (issue 9): learns the group-level decision of train/lib/group-decision.ts on the TUNING halves of eval:merge's
// three sets (events, bbc merge, harder). Each set is grouped with a pair-model training's weights and its own
// decision (MODEL=file, a train:merge output; the committed model when absent); every pair of groups averageLink
// asks about whose cross mean is under its bar is a row: its features as the groups stand, its target the share of
// its cross pairs of tuning reports that report one event (a soft label: two weighted rows), weighed by how many
// such pairs it holds, each set given the same total weight (1,000, so that the L2 penalty of 1 is light). Rows without a tuning cross pair are left out.
// `MODEL=… OUT=… npx tsx train/train-group-decision.ts` (deterministic: Newton's method from zero).
import { writeFileSync } from "node:fs";
import { defaultClusterOptions, groupArticles } from "../src/cluster/index.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";
import { linkMaps, loadSweepSets, mergeModelsFrom, weighSets } from "./lib/merge-sweep.ts";
import { GROUP_FEATURES, groupDecisionAgglomerate } from "./lib/group-decision.ts";

const models = mergeModelsFrom(process.env.MODEL);
const sets = loadSweepSets();
const weighed = weighSets(sets, models);
const examples: Example[] = [];
sets.forEach((s, si) => {
  const rows: Array<{ x: number[]; share: number; pairs: number }> = [];
  const under = (a: readonly number[], b: readonly number[], x: number[]) => {
    let [pairs, same] = [0, 0];
    for (const i of a) for (const j of b) {
      if (s.half[i] !== "tune" || s.half[j] !== "tune") continue;
      pairs++;
      if (s.gold[i] === s.gold[j]) same++;
    }
    if (pairs > 0) rows.push({ x, share: same / pairs, pairs });
  };
  const view = { near: linkMaps(s.n, weighed[si]!), spans: s.scored.spans };
  groupArticles(s.scored.spans, weighed[si]!, models.decision, defaultClusterOptions.windowDays, s.scored.profiles, groupDecisionAgglomerate(view, under));
  const total = rows.reduce((t, r) => t + r.pairs, 0);
  for (const r of rows) {
    const w = (1000 * r.pairs) / total;
    if (r.share > 0) examples.push({ x: r.x, y: 1, weight: w * r.share });
    if (r.share < 1) examples.push({ x: r.x, y: 0, weight: w * (1 - r.share) });
  }
  console.log(`${s.name}: ${rows.length} rows under the bar, ${total} tuning cross pairs, share one event ${(rows.reduce((t, r) => t + r.share * r.pairs, 0) / total).toFixed(3)}`);
});
const model = { ...trainLogistic(examples, { name: "cluster/group-join", features: [...GROUP_FEATURES], l2: 1, trainedOn: `tuning halves of events, bbc merge, harder; pair model ${process.env.MODEL ?? "committed"}` }), threshold: 0.5 };
console.log(GROUP_FEATURES.map((f, j) => `${f} ${model.weights[j]!.toFixed(3)}`).join(" · "), `bias ${model.bias.toFixed(3)}`);
if (process.env.OUT) writeFileSync(process.env.OUT, JSON.stringify(model, null, 2) + "\n");
