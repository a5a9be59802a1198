// `npx tsx train/try-member-floor.ts [model.json ...]`: mg56 (issue 9): average-link joins two groups on the
// mean of all their cross links, so a report with weak links to the other group comes in on its groupmates'
// strong ones (a chain through one report: events-dev topic 11, two reports of the 2008 election, linked to
// each other at 0.86, join the 2013 story's four at a mean of 0.54 although one of them links to those four
// at a mean below the bar). Trial: a join also needs every report of the smaller group (when it holds 2+)
// to link to the larger group at a mean of at least CUT (and, SIDES=2, every report of the larger group to
// the smaller one). Every set's and half's pairwise F1 and the events set's mixed stories per half, for the
// committed model (or each model given: the perturbed trainings of train/try-perturbed.ts).
import { checkedAverageLink, linkMaps, loadSweepSets, mergeModelsFrom, scoreDecision, weighSets, type Agglomerate } from "./lib/merge-sweep.ts";

const sets = loadSweepSets();
/** averageLink where a join also needs each report of the smaller group (2+) to link to the other at a mean of `cut`. */
function floored(near: ReadonlyArray<Map<number, number>>, cut: number, sides: number): Agglomerate {
  const floorHolds = (small: number[], large: number[]) => {
    if (small.length < 2) return true;
    const inLarge = new Set(large);
    for (const m of small) {
      let sum = 0;
      for (const [j, w] of near[m]!) if (inLarge.has(j)) sum += w;
      if (sum / large.length < cut) return false;
    }
    return true;
  };
  return checkedAverageLink(({ members }, x, y) => {
    const [a, b] = members[x]!.length <= members[y]!.length ? [members[x]!, members[y]!] : [members[y]!, members[x]!];
    return floorHolds(a, b) && (sides < 2 || floorHolds(b, a));
  });
}

const files = process.argv.slice(2);
for (const file of files.length ? files : [undefined]) {
  const models = mergeModelsFrom(file);
  const weighed = weighSets(sets, models);
  const near = sets.map((s, i) => linkMaps(s.n, weighed[i]!));
  console.log(`model ${file ?? "committed"}`);
  const base = scoreDecision(sets, weighed, models.decision);
  console.log(`  committed         ${base.cells}  mean tune ${(100 * base.meanTune).toFixed(2)}  mixed ${base.mixed}`);
  for (const sides of (process.env.SIDES ?? "1+2").split("+").map(Number)) for (const cut of (process.env.CUTS ?? "0.1+0.2+0.3+0.4+0.5").split("+").map(Number)) {
    const r = scoreDecision(sets, weighed, models.decision, (i) => floored(near[i]!, cut, sides));
    console.log(`  sides ${sides} cut ${cut.toFixed(2)}  ${r.cells}  mean tune ${(100 * r.meanTune).toFixed(2)}  mixed ${r.mixed}`);
  }
}
