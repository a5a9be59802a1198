// `npx tsx train/try-stick-moves.ts [model.json]` (mg66, stop 66): where a refusal that sticks (decision.ts `stick`)
// sends the groups it keeps apart, on events-dev's TUNING half only: every tuning story whose gold events differ
// between the training's own decision and the same with `stick` (until 0, until established), by gold event.
// STICK=always|established picks one; read to say why the family falls, not to pick a setting.
import { defaultClusterOptions, groupArticles, type MergeDecision } from "../src/cluster/index.ts";
import { loadSweepSets, mergeModelsFrom, weighSets } from "./lib/merge-sweep.ts";

const models = mergeModelsFrom(process.argv[2]);
const sets = loadSweepSets();
const events = sets.findIndex((s) => s.name === "events");
const set = sets[events]!;
const weighed = weighSets(sets, models)[events]!;

/** Each tuning story as "event×count + …", keyed by its members. */
function stories(decision: MergeDecision): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of groupArticles(set.scored.spans, weighed, decision, defaultClusterOptions.windowDays, set.scored.profiles)) {
    const tune = g.members.filter((m) => set.half[m] === "tune");
    if (tune.length === 0) continue;
    const count = new Map<string, number>();
    for (const m of tune) count.set(set.gold[m]!, (count.get(set.gold[m]!) ?? 0) + 1);
    out.set(tune.join(","), [...count].sort().map(([e, n]) => `${e}x${n}`).join(" + "));
  }
  return out;
}

const base = stories(models.decision);
for (const until of (process.env.STICK ? [process.env.STICK] : ["always", "established"])) {
  const stuck = stories({ ...models.decision, stick: { until: until === "always" ? 0 : models.decision.established } });
  const gone = [...base].filter(([k]) => !stuck.has(k)).map(([, v]) => v).sort();
  const made = [...stuck].filter(([k]) => !base.has(k)).map(([, v]) => v).sort();
  console.log(`stick ${until}: ${gone.length} tuning stories parted or joined differently`);
  console.log(`  without: ${gone.join(" | ")}`);
  console.log(`  with:    ${made.join(" | ")}`);
}
