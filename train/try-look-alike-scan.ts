// `[HALF=check] npx tsx train/try-look-alike-scan.ts [model.json]` (mg68, stop 68): every committed and trial pair
// feature (train/lib/trial-pair-features.ts) scored by how well it parts the pairs clustering joins WRONGLY from
// those it joins rightly, on the harder set and the few-outlets draws' both-event days, TUNING half (HALF=check
// prints the same table for the other half, read only after a pick): the area under the ROC curve of wrong against
// right joined pairs (0.5 none; above 0.5 the feature is higher on wrong joins). A feature with an AUC far from 0.5
// on both sets is a candidate for a trial pair column; one that parts only one set is a set's habit.
// Stop 68 (mg68), committed models, tuning half (harder 27 wrong joined pairs / 181 right, both-event days 97 / 411,
// events-dev 53 / 1902), AUC harder / draws / events: wordsMargin 0.104 / 0.226 / 0.538 (mg45's: a two-report set's
// shape), localWords 0.262 / 0.192 / 0.131, rare2 0.300 / 0.299 / 0.457, localNames 0.339 / 0.163 / 0.150, words 0.306 /
// 0.354 / 0.377, numbers 0.619 / 0.227 / 0.196; every stated-time, conflict, place, code and speaker column 0.38-0.63
// on both sets. Checking half (read after, not designed on; events-dev joins no wrong pair there): localWords 0.430 /
// 0.116, localNames 0.480 / 0.096, rare2 0.206 / 0.220, wordsMargin 0.117 / 0.153. The joined look-alikes are parted
// only by how much of the shared vocabulary is the pair's own rather than its neighbours' (tried as pair columns at
// stops 34 and 53, as context features at stop 68: try-context.ts), no text evidence of another event.
import { PAIR_FEATURES } from "../src/cluster/index.ts";
import { trialPairFeatures } from "./lib/trial-pair-features.ts";
import { clusteredOutletDraws, loadSweepSets, mergeModelsFrom, weighSets, type SweepSet } from "./lib/merge-sweep.ts";
import { defaultClusterOptions, groupArticles } from "../src/cluster/index.ts";

const HALF = process.env.HALF === "check" ? "check" : "tune";
const models = mergeModelsFrom(process.argv[2]);
const SKIP = new Set((process.env.SKIP ?? "").split(",").filter(Boolean));

function auc(wrong: number[], right: number[]): number {
  if (!wrong.length || !right.length) return NaN;
  let s = 0;
  for (const w of wrong) for (const r of right) s += w > r ? 1 : w === r ? 0.5 : 0;
  return s / Math.max(1, wrong.length * right.length);
}

type Joined = { set: SweepSet; label: Int32Array };
function scan(name: string, sets: Joined[]): Map<string, number> {
  const values = new Map<string, { wrong: number[]; right: number[] }>();
  let [nw, nr] = [0, 0];
  for (const { set, label } of sets) {
    const trial = trialPairFeatures(set.scored);
    const names = [...PAIR_FEATURES, ...Object.keys(trial).filter((k) => !SKIP.has(k))];
    const W = PAIR_FEATURES.length;
    for (let k = 0; k < set.scored.pairs.length; k++) {
      const [a, b] = [set.scored.pairs.a[k]!, set.scored.pairs.b[k]!];
      if (set.half[a] !== HALF || set.half[b] !== HALF || label[a] !== label[b]) continue;
      const kind = set.gold[a] === set.gold[b] ? "right" : "wrong";
      kind === "wrong" ? nw++ : nr++;
      names.forEach((f, j) => {
        const v = j < W ? set.scored.features[k * W + j]! : trial[f]!(a, b);
        const e = values.get(f) ?? values.set(f, { wrong: [], right: [] }).get(f)!;
        e[kind].push(v);
      });
    }
  }
  console.log(`${name}, ${HALF} half: joined pairs wrong ${nw}, right ${nr}`);
  const out = new Map<string, number>();
  for (const [f, e] of values) out.set(f, auc(e.wrong, e.right));
  return out;
}

const sweep = loadSweepSets();
const weighed = weighSets(sweep, models);
const joined = (i: number): Joined => {
  const set = sweep[i]!;
  const label = new Int32Array(set.n);
  for (const g of groupArticles(set.scored.spans, weighed[i]!, models.decision, defaultClusterOptions.windowDays, set.scored.profiles)) for (const m of g.members) label[m] = g.members[0]!;
  return { set, label };
};
const harder = scan("harder", [joined(2)]);
const draws = scan("few-outlets both-event days", clusteredOutletDraws(models).filter((_, d) => d % 2 === 1));
const events = scan("events-dev whole", [joined(0)]);
const rows = [...harder.keys()].map((f) => ({ f, h: harder.get(f)!, d: draws.get(f) ?? NaN, e: events.get(f) ?? NaN }));
// Sorted by the weaker of the two sets' parting (harder and the draws), the strongest first.
rows.sort((x, y) => Math.min(Math.abs(y.h - 0.5), Math.abs(y.d - 0.5)) - Math.min(Math.abs(x.h - 0.5), Math.abs(x.d - 0.5)));
const cell = (v: number) => (Number.isNaN(v) ? "  -  " : v.toFixed(3));
console.log("feature                harder   draws   events   (AUC wrong vs right joined pairs; - no wrong pair)");
for (const r of rows) console.log(`${r.f.padEnd(22)} ${cell(r.h)}   ${cell(r.d)}   ${cell(r.e)}`);
