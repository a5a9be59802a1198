// Clustering F1 of every set and half as the small-group bar moves, the committed models otherwise as
// they are: to see whether a change of the pair model helps at every bar or only moves the best one.
import { contextEdges, mergeModels, pairEdges } from "../src/cluster/index.ts";
import { loadSweepSets, sweepBars } from "./lib/merge-sweep.ts";

const models = mergeModels();
const sets = loadSweepSets();
const weighed = sets.map((s) => (process.env.NO_CONTEXT ? pairEdges(s.scored, models.pair) : contextEdges(s.n, pairEdges(s.scored, models.pair), models.context)));
for (const row of sweepBars(sets, weighed, models.decision)) console.log(`bar ${row.bar}: ${row.cells}  mean tune ${(100 * row.meanTune).toFixed(1)}`);
