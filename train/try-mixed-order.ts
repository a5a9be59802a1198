// `npx tsx train/try-mixed-order.ts [seeds]`: mg56 (issue 9): how much of events-dev's "topics mixed" is the
// order the articles come in. Clustering breaks ties between equal links (on the context grid, index.ts
// onGrid) by the lower pair, i.e. by the articles' paths; the same articles under other names (each path given
// a seeded prefix, the text and day as they are) are clustered whole as eval:merge does, and each half's F1 and
// topics mixed printed per seed, then how often each topic mixed. The committed models; 20 seeds by default.
import { clusterArticles } from "../src/cluster/index.ts";
import { fileURLToPath } from "node:url";
import { buildEventsSet } from "../eval/lib/merge-set.ts";
import { eventStats, pairwiseScores } from "../eval/lib/pairwise.ts";
import { HALVES, halfOf } from "../eval/lib/split.ts";
import { shortHash } from "../src/text/hash.ts";

const items = buildEventsSet(fileURLToPath(new URL("../../shared/corpus/events-dev.jsonl", import.meta.url)));
const seeds = Number(process.argv[2] ?? 20);
const topicMixes = new Map<string, number>();
const totals = { tune: 0, check: 0 };
for (let seed = 0; seed <= seeds; seed++) {
  // Seed 0: the paths as they are (eval:merge's run).
  const rename = (path: string) => (seed === 0 ? path : `${shortHash(`${seed}:${path}`, 8)}/${path}`);
  const storyOf = new Map<string, string>();
  for (const c of clusterArticles(items.map((x) => ({ ...x.article, path: rename(x.article.path) })))) for (const m of c.members) storyOf.set(m.path, c.id);
  const cells: string[] = [];
  for (const h of HALVES) {
    const xs = items.filter((x) => halfOf(x.splitKey) === h);
    const predicted = xs.map((x) => storyOf.get(rename(x.article.path))!);
    const gold = xs.map((x) => x.gold);
    const e = eventStats(predicted, gold, xs.map((x) => x.topic!));
    if (seed > 0) totals[h as "tune" | "check"] += e.mixedTopics;
    // Which topics: a topic mixes when one of its stories holds both its events.
    const eventsOf = new Map<string, Set<string>>();
    xs.forEach((x, k) => (eventsOf.get(predicted[k]!) ?? eventsOf.set(predicted[k]!, new Set()).get(predicted[k]!)!).add(x.gold));
    const mixed = new Set(xs.filter((x, k) => eventsOf.get(predicted[k]!)!.size > 1).map((x) => x.topic!));
    if (seed > 0) for (const t of mixed) topicMixes.set(`${h} ${t}`, (topicMixes.get(`${h} ${t}`) ?? 0) + 1);
    cells.push(`${h} F1 ${(100 * pairwiseScores(predicted, gold).f1).toFixed(1)} mixed ${e.mixedTopics}/${e.topics} (${[...mixed].sort((a, b) => Number(a) - Number(b)).join(",")})`);
  }
  console.log(`${seed === 0 ? "as named" : `seed ${seed}`.padEnd(8)}  ${cells.join("  ")}`);
}
console.log(`mixed topics over ${seeds} seeds: tune ${(totals.tune / seeds).toFixed(2)} a run, check ${(totals.check / seeds).toFixed(2)} a run; by topic: ${[...topicMixes].sort().map(([k, v]) => `${k}: ${v}`).join("; ")}`);
