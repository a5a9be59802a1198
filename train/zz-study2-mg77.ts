import { defaultClusterOptions, groupArticles } from "../src/cluster/index.ts";
import { loadSweepSets, mergeModelsFrom, weighSets } from "./lib/merge-sweep.ts";
const sets = loadSweepSets();
const models = mergeModelsFrom(process.env.MODEL);
const weighed = weighSets(sets, models);
sets.forEach((s, k) => {
  const groups = groupArticles(s.scored.spans, weighed[k]!, models.decision, defaultClusterOptions.windowDays, s.scored.profiles);
  const hist = new Map<string, number>();
  for (const g of groups) {
    const t = g.members.filter((i) => s.half[i] === "tune");
    if (t.length < 2) continue;
    const golds = new Map<string, number>();
    for (const i of t) golds.set(s.gold[i]!, (golds.get(s.gold[i]!) ?? 0) + 1);
    if (golds.size < 2) continue;
    const key = `size ${t.length} golds ${[...golds.values()].sort((a, b) => b - a).join("+")}`;
    hist.set(key, (hist.get(key) ?? 0) + 1);
  }
  console.log(s.name, "tuning stories holding two or more gold events:", [...hist].sort().map(([k, v]) => `${k}: ${v}`).join("; "));
});
