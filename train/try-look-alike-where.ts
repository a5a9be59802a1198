// `npx tsx train/try-look-alike-where.ts [model.json]`: mg64 (issue 9): what parts the two events of the pairs
// clustering joins wrongly, against the pairs it joins rightly, on the TUNING halves only (HALF=check for the
// other, to report, not to design), after each set's candidate pairs split by the two trial features: events-dev clustered whole and the few-outlets draws' both-event days. Each
// joined pair gets every separator that holds (train/lib/trial-pair-features.ts reads them):
//   where       both leads name a place (places.ts: a dateline, or capitalised names after in/at/near/outside/off)
//               and neither side's text names any of the other's
//   whoSpecific both leads name someone few of their candidates name (leadSpecific), and neither text any of the other's
//   actors      the committed actorConflict at 0.5 or more (the leads' rarest names, missing from the other)
//   times       a stated time conflicts (days, weekdays, years or months, the committed columns at -1)
//   codes       both state codes (3+ digits with letters) and share none
//   none        none of these
import { PAIR_FEATURES } from "../src/cluster/index.ts";
import { clusteredOutletDraws, loadSweepSets, mergeModelsFrom, printTuningTally, weighSets, withTrialColumns, type SweepSet } from "./lib/merge-sweep.ts";
import { defaultClusterOptions, groupArticles } from "../src/cluster/index.ts";

const HALF = process.env.HALF === "check" ? "check" : "tune";
const models = mergeModelsFrom(process.argv[2]);
const EXTRA = ["placesMissing", "specificMissing", "codeConflict"] as const;
const SEPARATORS = ["where", "whoSpecific", "actors", "times", "codes", "none"] as const;
const col = (name: (typeof PAIR_FEATURES)[number]) => PAIR_FEATURES.indexOf(name);

function separators(row: Float64Array | number[]): string[] {
  const W0 = PAIR_FEATURES.length;
  const out: string[] = [];
  if (row[W0]! > 0) out.push("where");
  if (row[W0 + 1]! > 0) out.push("whoSpecific");
  if (row[col("actorConflict")]! >= 0.5) out.push("actors");
  if (["days", "weekdays", "years", "months"].some((c) => row[col(c as (typeof PAIR_FEATURES)[number])]! < 0)) out.push("times");
  if (row[W0 + 2]! > 0) out.push("codes");
  if (!out.length) out.push("none");
  return out;
}

function tally(name: string, sets: Array<{ set: SweepSet; label: Int32Array }>): void {
  const count = { right: new Map<string, number>(), wrong: new Map<string, number>() };
  const total = { right: 0, wrong: 0 };
  const topics = new Map<string, Map<string, number>>();
  for (const { set, label } of sets) {
    const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, ...EXTRA]);
    const w = scored.width;
    for (let k = 0; k < scored.pairs.length; k++) {
      const [a, b] = [scored.pairs.a[k]!, scored.pairs.b[k]!];
      if (set.half[a] !== HALF || set.half[b] !== HALF || label[a] !== label[b]) continue;
      const kind = set.gold[a] === set.gold[b] ? "right" : "wrong";
      total[kind]++;
      const seps = separators(scored.features.subarray(k * w, (k + 1) * w));
      for (const s of seps) count[kind].set(s, (count[kind].get(s) ?? 0) + 1);
      if (kind === "wrong") {
        const t = set.gold[a]!.split("-")[1] ?? "?";
        const m = topics.get(t) ?? topics.set(t, new Map()).get(t)!;
        for (const s of seps) m.set(s, (m.get(s) ?? 0) + 1);
        m.set("pairs", (m.get("pairs") ?? 0) + 1);
      }
    }
  }
  console.log(`${name}, ${HALF} half, joined pairs: wrong ${total.wrong}, right ${total.right}; share holding each separator, wrong · right`);
  for (const s of SEPARATORS) {
    const [w, r] = [count.wrong.get(s) ?? 0, count.right.get(s) ?? 0];
    console.log(`  ${s.padEnd(12)} ${w} (${((100 * w) / Math.max(1, total.wrong)).toFixed(1)}%) · ${r} (${((100 * r) / Math.max(1, total.right)).toFixed(1)}%)`);
  }
  for (const [t, m] of [...topics].sort((x, y) => y[1].get("pairs")! - x[1].get("pairs")!)) console.log(`  topic ${t}: ${[...m].map(([k, v]) => `${k} ${v}`).join(", ")}`);
}

const sweep = loadSweepSets();
// Before any training: how placesMissing and specificMissing split each set's tuning-half candidate pairs.
for (const set of sweep) {
  const scored = withTrialColumns(set.scored, [...PAIR_FEATURES, ...EXTRA]);
  const w = scored.width;
  printTuningTally(set, (k) => EXTRA.slice(0, 2).map((e, j) => `${e} ${scored.features[k * w + PAIR_FEATURES.length + j]}`));
}
const [events] = sweep;
const [weighed] = weighSets([events!], models);
const label = new Int32Array(events!.n);
for (const g of groupArticles(events!.scored.spans, weighed!, models.decision, defaultClusterOptions.windowDays, events!.scored.profiles)) for (const m of g.members) label[m] = g.members[0]!;
tally("events-dev clustered whole", [{ set: events!, label }]);
tally("few-outlets draws, both-event days", clusteredOutletDraws(models).filter((_, d) => d % 2 === 1));
