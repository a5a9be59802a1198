// Univariate AUC of candidate coverage features on the TUNING half's pair-model edges, per set, overall and
// in the hard zone (pair probability 0.05-0.6). Writes nothing. `tsx train/try-cover-auc.ts`.
// Stop 38 (mg39), committed models: the pair probability's AUC is events 0.858 (hard 0.694), harder 0.840 (hard
// 0.750); merge 1.000 (no true pair in the hard zone: its true pairs are copies). The weighed share of each
// report's blocking keys the other's words give, the smaller side (keysCov.min), is the one that beats the pair
// model in harder's hard zone (0.795) but not in events' (0.603); names coverage helps events' hard zone (0.679)
// and not harder's (0.488); title and lead coverage 0.45-0.67. keysCov.min went to a full trial as the
// trial feature keysCovMin (train/lib/trial-pair-features.ts; figures in train/try-perturbed.ts).
import { fileURLToPath } from "node:url";
import { mergeModels, pairEdges, scoredCandidates } from "../src/cluster/index.ts";
import { covered, type Profile } from "../src/cluster/profile.ts";
import { buildEventsSet, buildMergeSet, buildSplitSet, type LabelledArticle } from "../eval/lib/merge-set.ts";
import { halfOf } from "../eval/lib/split.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const sets: Array<[string, LabelledArticle[]]> = [
  ["events", buildEventsSet(corpus("events-dev.jsonl"))],
  ["merge", buildMergeSet(fileURLToPath(new URL("../test/fixtures/seeds", import.meta.url)), corpus("bbc-dev.jsonl")).filter((x) => x.kind !== "seed")],
  ["split", buildSplitSet(corpus("bbc-dev.jsonl"))],
];
const both = (f: (a: Profile, b: Profile) => number) => ({
  min: (a: Profile, b: Profile) => Math.min(f(a, b), f(b, a)),
  max: (a: Profile, b: Profile) => Math.max(f(a, b), f(b, a)),
});
const feats: Record<string, (a: Profile, b: Profile) => number> = {};
for (const [name, f] of Object.entries({
  titleWords: (a: Profile, b: Profile) => covered(a.title, b.words),
  leadWords: (a: Profile, b: Profile) => covered(a.lead, b.words),
  namesCov: (a: Profile, b: Profile) => covered(a.names, b.names),
  leadNamesAll: (a: Profile, b: Profile) => covered(a.leadNames, b.names),
  keysCov: (a: Profile, b: Profile) => covered(a.keys, b.words),
  numbersCov: (a: Profile, b: Profile) => covered(a.numbers, b.numbers),
})) {
  const g = both(f);
  feats[`${name}.min`] = g.min;
  feats[`${name}.max`] = g.max;
}
function auc(pos: number[], neg: number[]): number {
  if (!pos.length || !neg.length) return NaN;
  let s = 0;
  for (const p of pos) for (const q of neg) s += p > q ? 1 : p === q ? 0.5 : 0;
  return s / (pos.length * neg.length);
}
const models = mergeModels();
for (const [set, items] of sets) {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article));
  const edges = pairEdges(scored, models.pair);
  const tune = (i: number) => halfOf(byPath.get(scored.order[i]!.path)!.splitKey) === "tune";
  const gold = (i: number) => byPath.get(scored.order[i]!.path)!.gold;
  const rows: Array<{ y: boolean; hard: boolean; p: number; v: number[] }> = [];
  for (let k = 0; k < edges.length; k++) {
    const [a, b] = [edges.a[k]!, edges.b[k]!];
    if (!tune(a) || !tune(b)) continue;
    const [pa, pb] = [scored.profiles[a]!, scored.profiles[b]!];
    rows.push({ y: gold(a) === gold(b), hard: edges.weight[k]! < 0.6, p: edges.weight[k]!, v: Object.values(feats).map((f) => f(pa, pb)) });
  }
  const hard = rows.filter((r) => r.hard);
  console.log(`${set}: ${rows.length} edges (${rows.filter((r) => r.y).length} true), hard ${hard.length} (${hard.filter((r) => r.y).length} true); pair prob AUC ${auc(rows.filter((r) => r.y).map((r) => r.p), rows.filter((r) => !r.y).map((r) => r.p)).toFixed(3)}, hard ${auc(hard.filter((r) => r.y).map((r) => r.p), hard.filter((r) => !r.y).map((r) => r.p)).toFixed(3)}`);
  Object.keys(feats).forEach((name, i) => {
    const col = (rs: typeof rows, y: boolean) => rs.filter((r) => r.y === y).map((r) => r.v[i]!);
    console.log(`  ${name.padEnd(18)} all ${auc(col(rows, true), col(rows, false)).toFixed(3)}  hard ${auc(col(hard, true), col(hard, false)).toFixed(3)}`);
  });
}
