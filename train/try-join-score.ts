// `npx tsx train/try-join-score.ts`: a learned gate on a small group (<= 5 reports) joining an established
// story (ev34, issue 9). Logistic on the join's group-level features (mean link, strongest link, share of
// the story's reports linked at the pair bar 0.4, log sizes), fitted on the joins the committed decision
// makes with the story bar at 0.01 (the lowest), labelled by their tuning pairs (right when most are
// right; each join weighs its tuning pairs); then a join whose score is below `cut` is refused. Every set
// and half is reported; the BBC sets have no story of 6, so only events-dev can move.
// Measured at stop 33: 83 joins into a story carry tuning pairs, 1 of them mostly wrong (topic 9's 14+1
// at mean 0.63, strongest link 0.97, linked to 13 of 14): the fit has one negative and learns to accept
// (bias 6.89). Gate cut 0.3-0.7: no change at story bar 0.05 (90.68) or 0.01 (90.83, ec 98.7); cut 0.9:
// et 94.9 -> 94.3 (bar 0.05), 95.3 -> 94.8 (bar 0.01), nothing else moves. Not adopted: the strays that
// mix topics join on links as strong as the true reports' (train/try-join-log.ts).
import { contextEdges, defaultClusterOptions, groupArticles, mergeModels, pairEdges, type MergeDecision } from "../src/cluster/index.ts";
import { averageLink, type AgglomerateOptions, type MergeLog, type WeightedEdges } from "../src/cluster/agglomerate.ts";
import { probability, type LogisticModel } from "../src/model/logistic.ts";
import { linkMaps, loadSweepSets, scoreDecision } from "./lib/merge-sweep.ts";
import { trainLogistic, type Example } from "./lib/logistic.ts";

const FEATURES = ["mean", "max", "shareLinked", "logStory", "logSmall"];
const MAX_SMALL = 5;
const models = mergeModels();
const sets = loadSweepSets();
const weighed = sets.map((s) => contextEdges(s.n, pairEdges(s.scored, models.pair), models.context));
const near = sets.map((s, i) => linkMaps(s.n, weighed[i]!));

/** The join's features, or null when it is not a small group joining an established story. */
function joinFeatures(i: number, x: number[], y: number[], decision: MergeDecision): Float64Array | null {
  const [big, small] = x.length >= y.length ? [x, y] : [y, x];
  if (big.length < decision.established || small.length > MAX_SMALL) return null;
  let [sum, max, linked] = [0, 0, 0];
  for (const p of big) {
    let best = 0;
    for (const q of small) {
      const w = near[i]![p]!.get(q) ?? 0;
      sum += w;
      best = Math.max(best, w);
    }
    max = Math.max(max, best);
    if (best >= 0.4) linked++;
  }
  return Float64Array.from([sum / (big.length * small.length), max, linked / big.length, Math.log(big.length), Math.log(small.length)]);
}

/** averageLink that keeps members and asks `gate` before a small group joins a story. */
function gated(i: number, decision: MergeDecision, gate: ((f: Float64Array) => boolean) | null, log?: MergeLog) {
  return (n: number, edges: WeightedEdges, o: AgglomerateOptions) => {
    const members: number[][] = Array.from({ length: n }, (_, k) => [k]);
    return averageLink(n, edges, {
      ...o,
      canJoin: (x, y) => {
        if (!o.canJoin(x, y)) return false;
        const f = gate && joinFeatures(i, members[x]!, members[y]!, decision);
        return !f || gate!(f);
      },
      joined: (keep, gone) => {
        o.joined(keep, gone);
        members[keep]!.push(...members[gone]!);
        members[gone] = [];
      },
    }, log);
  };
}

const low: MergeDecision = { ...models.decision, storyThreshold: 0.01 };
const examples: Example[] = [];
sets.forEach((s, i) => {
  const log: MergeLog = { x: [], y: [], score: [] };
  groupArticles(s.scored.spans, weighed[i]!, low, defaultClusterOptions.windowDays, s.scored.profiles, gated(i, low, null, log));
  const members: number[][] = Array.from({ length: s.n }, (_, k) => [k]);
  for (let k = 0; k < log.x.length; k++) {
    const [a, b] = [members[log.x[k]!]!, members[log.y[k]!]!];
    const f = joinFeatures(i, a, b, low);
    let [right, wrong] = [0, 0];
    for (const p of a) for (const q of b) if (s.half[p] === "tune" && s.half[q] === "tune") s.gold[p] === s.gold[q] ? right++ : wrong++;
    if (f && right + wrong > 0) examples.push({ x: f, y: right >= wrong ? 1 : 0, weight: right + wrong });
    a.push(...b);
    members[log.y[k]!] = [];
  }
});
const model: LogisticModel = trainLogistic(examples, { name: "try/join", features: FEATURES, l2: 1 });
console.log(`${examples.length} joins into a story (tuning pairs), ${examples.filter((e) => e.y === 0).length} wrong; weights ${FEATURES.map((f, k) => `${f} ${model.weights[k]!.toFixed(2)}`).join(", ")}; bias ${model.bias.toFixed(2)}`);

for (const decision of [models.decision, low]) for (const cut of [0, 0.3, 0.5, 0.7, 0.9]) {
  const gate = cut > 0 ? (f: Float64Array) => probability(model, f) >= cut : null;
  const { cells, meanTune } = scoreDecision(sets, weighed, decision, (i) => gated(i, decision, gate));
  console.log(`story bar ${decision.storyThreshold} cut ${cut}  ${cells}  mean tune ${(100 * meanTune).toFixed(2)}`);
}
