// mg82 (issue 9): the harder set's errors at the GROUP step, TUNING half only (never the checking half). With the
// committed models (or MODEL=file), each set is grouped as eval:merge groups it, the merges logged; then
// - each missed true pair (both tuning, one gold event, two stories) is read against its two final groups: whether a
//   candidate edge joins the two articles, whether any path of candidate edges does, the groups' sizes, their cross
//   mean (missing pairs 0), max cross edge, share of cross pairs that are candidates, the bar that applied, and
//   whether the decision's checks refused the join;
// - each wrong pair (both tuning, two gold events, one story) is read at the merge that joined it: the two groups'
//   sizes then, the merge's mean, max cross edge and share of cross pairs that are candidates.
// Counts by class only (no page text). `npx tsx train/try-merge-groups.ts [split|events|merge|all]`.
import { groupArticles, defaultClusterOptions, type MergeDecision } from "../src/cluster/index.ts";
import { averageLink, type MergeLog, type WeightedEdges } from "../src/cluster/agglomerate.ts";
import { groupingThreshold } from "../src/cluster/decision.ts";
import { loadSweepSets, mergeModelsFrom, weighSets, type SweepSet } from "./lib/merge-sweep.ts";
import { crossLinks } from "./lib/group-decision.ts";

const which = process.argv[2] ?? "split";
const models = mergeModelsFrom(process.env.MODEL);
const sets = loadSweepSets().filter((s) => which === "all" || s.name === which);
const weighed = weighSets(sets, models);

function barOf(d: MergeDecision, sa: number, sb: number): number {
  const ea = d.established > 0 && sa >= d.established;
  const eb = d.established > 0 && sb >= d.established;
  return ea && eb ? Math.max(d.storyThreshold, d.storiesThreshold) : ea || eb ? d.storyThreshold : d.threshold;
}

const sizeClass = (n: number) => (n === 1 ? "1" : n <= 3 ? "2-3" : n <= 5 ? "4-5" : "6+");
const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

sets.forEach((s: SweepSet, si) => {
  const edges: WeightedEdges = weighed[si]!;
  const d = models.decision;
  const near = Array.from({ length: s.n }, () => new Map<number, number>());
  for (let k = 0; k < edges.length; k++) {
    near[edges.a[k]!]!.set(edges.b[k]!, edges.weight[k]!);
    near[edges.b[k]!]!.set(edges.a[k]!, edges.weight[k]!);
  }
  const log: MergeLog = { x: [], y: [], score: [] };
  const refused = new Set<string>();
  const label = new Int32Array(s.n);
  const groups = groupArticles(s.scored.spans, edges, d, defaultClusterOptions.windowDays, s.scored.profiles, (n, e, o) =>
    averageLink(n, e, { ...o, canJoin: (x, y) => o.canJoin(x, y) || (refused.add(`${x} ${y}`), false) }, log),
  );
  for (const g of groups) for (const m of g.members) label[m] = g.members[0]!;
  const membersOf = new Map<number, number[]>();
  for (const g of groups) membersOf.set(g.members[0]!, g.members);
  // Components of the candidate graph (any edge), and of the edges at or above the lowest bar.
  const comp = (min: number) => {
    const p = Int32Array.from({ length: s.n }, (_, i) => i);
    const find = (i: number): number => (p[i] === i ? i : (p[i] = find(p[i]!)));
    for (let k = 0; k < edges.length; k++) if (edges.weight[k]! >= min) p[find(edges.a[k]!)] = find(edges.b[k]!);
    return Int32Array.from({ length: s.n }, (_, i) => find(i));
  };
  const anyPath = comp(0);
  const strongPath = comp(d.threshold);
  const tune = (i: number) => s.half[i] === "tune";
  console.log(`\n== ${s.name} (tuning half; lowest bar ${groupingThreshold(d)}, small-group bar ${d.threshold})`);
  // Missed true pairs.
  const missedRows: string[] = [];
  for (let i = 0; i < s.n; i++) {
    if (!tune(i)) continue;
    for (let j = i + 1; j < s.n; j++) {
      if (!tune(j) || s.gold[i] !== s.gold[j] || label[i] === label[j]) continue;
      const [a, b] = [membersOf.get(label[i]!)!, membersOf.get(label[j]!)!];
      const c = crossLinks(near, a, b);
      const bar = barOf(d, a.length, b.length);
      const direct = near[i]!.get(j);
      const x = Math.min(label[i]!, label[j]!);
      const y = Math.max(label[i]!, label[j]!);
      const kind =
        anyPath[i] !== anyPath[j] ? "no path of candidate edges"
        : refused.has(`${x} ${y}`) ? "refused by a check (mean cleared the bar)"
        : a.length === 1 && b.length === 1 ? (direct === undefined ? "two singles, not a candidate" : "two singles, edge under the bar")
        : c.mean >= bar ? "mean clears the bar, never joined (window/order)"
        : c.max >= d.threshold ? "groups under the bar, tied by an edge >= small-group bar"
        : c.edges > 0 ? "groups under the bar, cross edges all weak"
        : "groups with no cross edge (linked through a third)";
      count(`${s.name} missed: ${kind}`);
      count(`${s.name} missed sizes ${sizeClass(Math.min(a.length, b.length))}x${sizeClass(Math.max(a.length, b.length))}`);
      if (strongPath[i] === strongPath[j]) count(`${s.name} missed: joined by a path of edges >= small-group bar`);
      // The competition: whether the direct edge is weaker than the strongest edge that tied either article into its own group.
      if (direct !== undefined && a.length + b.length > 2) {
        const own = Math.max(...a.filter((m) => m !== i).map((m) => near[i]!.get(m) ?? 0), ...b.filter((m) => m !== j).map((m) => near[j]!.get(m) ?? 0));
        count(`${s.name} missed in groups: direct edge ${direct < own ? "below" : "at or above"} the strongest edge tying either into its group`);
      }
      missedRows.push(`  miss ${a.length}x${b.length} mean ${c.mean.toFixed(3)} bar ${bar} max ${c.max.toFixed(3)} direct ${direct === undefined ? "-" : direct.toFixed(3)} cand ${c.edges}/${a.length * b.length} gold-in-a ${a.filter((m) => s.gold[m] === s.gold[i]).length}/${a.length} gold-in-b ${b.filter((m) => s.gold[m] === s.gold[i]).length}/${b.length} ${kind}`);
    }
  }
  // Wrong pairs: the merge that joined them, replayed from the log.
  const mem = Array.from({ length: s.n }, (_, i) => [i]);
  const wrongRows: string[] = [];
  for (let k = 0; k < log.x.length; k++) {
    const [a, b] = [mem[log.x[k]!]!, mem[log.y[k]!]!];
    let wrong = 0;
    let right = 0;
    for (const i of a) for (const j of b) {
      if (!tune(i) || !tune(j)) continue;
      if (s.gold[i] === s.gold[j]) right++;
      else wrong++;
    }
    if (wrong > 0) {
      const c = crossLinks(near, a, b);
      const kind =
        a.length === 1 && b.length === 1 ? "two singles"
        : Math.min(a.length, b.length) === 1 ? (Math.max(a.length, b.length) >= 3 ? "a single into a group of 3+" : "a single into a pair")
        : Math.max(a.length, b.length) >= 3 ? "two groups, one of 3+" : "two pairs";
      count(`${s.name} wrong pairs by merge: ${kind}`);
      tally.set(`${s.name} wrong pairs made (count): ${kind}`, (tally.get(`${s.name} wrong pairs made (count): ${kind}`) ?? 0) + wrong);
      if (c.share < 0.5 && a.length * b.length > 1) tally.set(`${s.name} wrong pairs made by merges with < half the cross pairs candidates`, (tally.get(`${s.name} wrong pairs made by merges with < half the cross pairs candidates`) ?? 0) + wrong);
      wrongRows.push(`  wrong ${a.length}x${b.length} score ${log.score[k]!.toFixed(3)} max ${c.max.toFixed(3)} cand ${c.edges}/${a.length * b.length} wrong ${wrong} right ${right} ${kind}`);
    }
    mem[log.x[k]!] = a.concat(b);
    mem[log.y[k]!] = [];
  }
  if (process.env.ROWS === "1") for (const r of [...missedRows, ...wrongRows]) console.log(r);
});
for (const [k, v] of [...tally].sort()) console.log(`${k.padEnd(90)} ${v}`);
