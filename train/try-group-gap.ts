// `npx tsx train/try-group-gap.ts [model.json]`: mg60 (issue 9): checks on a join of two small groups (neither an
// established story, each of MIN=2+ reports): two events of one kind on one day, each told by two or three outlets
// (the few-outlets draws' look-alike days), which average link joins whenever the cross mean reaches the
// small-group bar. Every set's and half's pairwise F1 (events, bbc merge, harder: e m s, tuning t, checking c) and
// the few-outlets draws' mean F1 per half (o: all 16 draws, b: the 8 both-event draws), committed models, against
// the committed decision (first line). Modes (each also bounded by MAXSUM, the two groups' reports together):
// - MODE=ratio (default), GAPS=r+...: the cross mean must reach r times the lower of the two groups' cohesions
//   (mean inner link; COPY=x leaves pairs of copies, the pair's copied feature >= x, out of a cohesion);
//   MODE=diff: the lower cohesion less GAP; MODE=bar: a bar of GAP for two groups of 2+ (no cohesion).
// - MODE=names: refused when each group has core items (in CORE 0.5/0.67/1 of its reports; a grid with SHARE
//   0/0.34/0.5, the share of the core the other's reports never give) that the other never gives: ITEMS=names
//   (the proper names), times (stated days of a month, years, months, lead weekdays) or both; MAXEACH=k only
//   between groups of at most k reports each; OVER=x: contradicting groups still join at a cross mean of x.
// SHOW_MIXED=r (ratio): events-dev's checking stories that mix events, committed and gapped. SHOW_REFUSED=r
// (ratio): every refused join on events-dev and the draws (sizes, cross, cohesions, one event or two).
// LOG_NAMED=1 (names; CORE, SHARE): every refused join on events-dev. Results: docs/scaling.md "Stop 60 (mg60)".
import { fileURLToPath } from "node:url";
import { defaultClusterOptions, groupArticles, PAIR_FEATURES, scoredCandidates } from "../src/cluster/index.ts";
import type { MergeDecision } from "../src/cluster/decision.ts";
import type { WeightedEdges } from "../src/cluster/agglomerate.ts";
import { idsOf, type Profile } from "../src/cluster/profile.ts";
import { outletDraws } from "../eval/lib/merge-set.ts";
import { pairwiseScores } from "../eval/lib/pairwise.ts";
import { halfOf, type Half } from "../eval/lib/split.ts";
import { checkedAverageLink, linkMaps, loadSweepSets, mergeModelsFrom, scoreDecision, weighSets, type Agglomerate, type SweepSet } from "./lib/merge-sweep.ts";

const corpus = (name: string) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url));
const models = mergeModelsFrom(process.argv[2]);
const sets = loadSweepSets();
const draws: SweepSet[] = outletDraws(corpus("events-dev.jsonl")).map((items, d) => {
  const byPath = new Map(items.map((x) => [x.article.path, x]));
  const scored = scoredCandidates(items.map((x) => x.article), defaultClusterOptions);
  return { name: `draw${d}`, scored, n: scored.order.length, gold: scored.order.map((a) => byPath.get(a.path)!.gold), half: scored.order.map((a) => halfOf(byPath.get(a.path)!.splitKey)) };
});
const weighed = weighSets(sets, models);
const drawWeighed = weighSets(draws, models);

/** A join of two non-established groups of 2+ each also needs their cross mean to reach `rule(cohesion)`. */
export function gapped(near: ReadonlyArray<Map<number, number>>, decision: MergeDecision, pass: (cross: number, cx: number, cy: number) => boolean, minSize: number, onRefuse?: (a: number[], b: number[], cross: number, ca: number, cb: number) => void, copy?: (a: number, b: number) => boolean): Agglomerate {
  const mean = (xs: readonly number[], ys: readonly number[]) => {
    let sum = 0;
    const inY = new Set(ys);
    for (const m of xs) for (const [j, w] of near[m]!) if (inY.has(j)) sum += w;
    return sum / (xs.length * ys.length);
  };
  const cohesion = (xs: readonly number[]) => {
    if (xs.length < 2) return Infinity;
    // COPY=x: pairs of copies (the pair's copied feature at least x) left out: a copy's link says nothing of how tight the coverage is.
    let [sum, pairs] = [0, 0];
    for (let i = 0; i < xs.length; i++) for (let k = i + 1; k < xs.length; k++) {
      if (copy?.(xs[i]!, xs[k]!)) continue;
      sum += near[xs[i]!]!.get(xs[k]!) ?? 0;
      pairs++;
    }
    return pairs ? sum / pairs : Infinity;
  };
  return checkedAverageLink(({ members }, x, y) => {
    const [a, b] = [members[x]!, members[y]!];
    if (a.length < minSize || b.length < minSize || a.length + b.length > maxSum) return true;
    if (decision.established > 0 && (a.length >= decision.established || b.length >= decision.established)) return true;
    if (a.length < 2 && b.length < 2) return true;
    const [m, ca, cb] = [mean(a, b), cohesion(a), cohesion(b)];
    const ok = pass(m, ca, cb);
    if (!ok) onRefuse?.(a, b, m, ca, cb);
    return ok;
  });
}

/** MODE=names: a join of two non-established groups of 2+ each is refused when each group has core names (in CORE of its reports) that the other's reports never give, at least SHARE of them. */
export function named(profiles: readonly Profile[], decision: MergeDecision, core: number, share: number, minSize: number, near?: ReadonlyArray<Map<number, number>>, onRefuse?: (a: number[], b: number[], cross: number) => void): Agglomerate {
  // OVER=x: groups whose cores contradict still join when their cross mean reaches x (a higher bar, not a veto).
  const over = Number(process.env.OVER ?? 2);
  const cross = (xs: readonly number[], ys: readonly number[]) => {
    let sum = 0;
    const inY = new Set(ys);
    for (const m of xs) for (const [j, w] of near![m]!) if (inY.has(j)) sum += w;
    return sum / (xs.length * ys.length);
  };
  // ITEMS=names (default), times (days of a month, years, months, lead weekdays, as items apart from names) or both.
  const items = process.env.ITEMS ?? "names";
  const times = (p: Profile) => [...Array.from(idsOf(p.days), (d) => -1e6 - d), ...Array.from(idsOf(p.years), (y) => -2e6 - y), ...[...Array(12).keys()].filter((m) => p.months & (1 << m)).map((m) => -3e6 - m), ...[...Array(7).keys()].filter((w) => p.weekdays & (1 << w)).map((w) => -4e6 - w)];
  const names = profiles.map((p) => new Set(items === "names" ? idsOf(p.names) : items === "times" ? times(p) : [...idsOf(p.names), ...times(p)]));
  const missing = (xs: readonly number[], ys: readonly number[]) => {
    const count = new Map<number, number>();
    for (const m of xs) for (const id of names[m]!) count.set(id, (count.get(id) ?? 0) + 1);
    const other = new Set<number>();
    for (const m of ys) for (const id of names[m]!) other.add(id);
    const cores = [...count].filter(([, c]) => c >= core * xs.length).map(([id]) => id);
    const gone = cores.filter((id) => !other.has(id)).length;
    return gone > 0 && gone >= share * cores.length;
  };
  return checkedAverageLink(({ members }, x, y) => {
    const [a, b] = [members[x]!, members[y]!];
    if (a.length < minSize || b.length < minSize || a.length + b.length > maxSum || Math.max(a.length, b.length) > maxEach) return true;
    if (decision.established > 0 && (a.length >= decision.established || b.length >= decision.established)) return true;
    const ok = !(missing(a, b) && missing(b, a)) || (over <= 1 && cross(a, b) >= over);
    if (!ok) onRefuse?.(a, b, near ? cross(a, b) : NaN);
    return ok;
  });
}

function drawScores(agg?: (i: number) => Agglomerate): string {
  const sum: Record<string, number> = {};
  const add = (k: string, v: number) => (sum[k] = (sum[k] ?? 0) + v);
  draws.forEach((s, i) => {
    const label = new Array<string>(s.n);
    for (const g of groupArticles(s.scored.spans, drawWeighed[i]!, models.decision, defaultClusterOptions.windowDays, s.scored.profiles, agg?.(i))) for (const m of g.members) label[m] = String(g.members[0]);
    for (const h of ["tune", "check"] as Half[]) {
      const idx = label.map((_, k) => k).filter((k) => s.half[k] === h);
      const f1 = pairwiseScores(idx.map((k) => label[k]!), idx.map((k) => s.gold[k]!)).f1;
      add(`o${h[0]}`, f1 / draws.length);
      if (i % 2) add(`b${h[0]}`, f1 / (draws.length / 2));
    }
  });
  return ["ot", "oc", "bt", "bc"].map((k) => `${k} ${(100 * sum[k]!).toFixed(1)}`).join(" ");
}

const near = sets.map((s, i) => linkMaps(s.n, weighed[i]!));
const COPY = Number(process.env.COPY ?? 2);
const copiesOf = (s: SweepSet) => {
  const j = PAIR_FEATURES.indexOf("copied");
  const marked = new Set<number>();
  for (let k = 0; k < s.scored.pairs.length; k++) if (s.scored.features[k * s.scored.width + j]! >= COPY) marked.add(Math.min(s.scored.pairs.a[k]!, s.scored.pairs.b[k]!) * s.n + Math.max(s.scored.pairs.a[k]!, s.scored.pairs.b[k]!));
  return (a: number, b: number) => marked.has(Math.min(a, b) * s.n + Math.max(a, b));
};
const setCopies = sets.map(copiesOf);
const drawNear = draws.map((s, i) => linkMaps(s.n, drawWeighed[i]!));
const drawCopies = draws.map(copiesOf);
const base = scoreDecision(sets, weighed, models.decision);
console.log(`committed            ${base.cells} | ${drawScores()}  mixed ${base.mixed}`);
const mode = process.env.MODE ?? "ratio";
const maxSum = Number(process.env.MAXSUM ?? 1e9);
/** MAXEACH=k: the check only between two groups of at most k reports each. */
const maxEach = Number(process.env.MAXEACH ?? 1e9);
const minSize = Number(process.env.MIN ?? 2);
if (mode === "names") for (const core of [0.5, 0.67, 1]) for (const share of [0, 0.34, 0.5]) {
  const r = scoreDecision(sets, weighed, models.decision, (i) => named(sets[i]!.scored.profiles, models.decision, core, share, minSize, near[i]));
  console.log(`names core ${core.toFixed(2)} share ${share.toFixed(2)} max ${maxSum}  ${r.cells} | ${drawScores((i) => named(draws[i]!.scored.profiles, models.decision, core, share, minSize, drawNear[i]))}  mixed ${r.mixed}`);
}
if (mode !== "names") for (const gap of (process.env.GAPS ?? (mode === "ratio" ? "0.3+0.4+0.5+0.6+0.7" : "0.2+0.3+0.4+0.5")).split("+").map(Number)) {
  const pass = mode === "ratio" ? (c: number, x: number, y: number) => c >= gap * Math.min(x, y) : mode === "bar" ? (c: number) => c >= gap : (c: number, x: number, y: number) => c >= Math.min(x, y) - gap;
  const r = scoreDecision(sets, weighed, models.decision, (i) => gapped(near[i]!, models.decision, pass, minSize, undefined, setCopies[i]));
  console.log(`${mode} ${gap.toFixed(2)} min ${minSize}   ${r.cells} | ${drawScores((i) => gapped(drawNear[i]!, models.decision, pass, minSize, undefined, drawCopies[i]))}  mixed ${r.mixed}`);
}

if (process.env.SHOW_MIXED) {
  const gap = Number(process.env.SHOW_MIXED);
  const pass = mode === "ratio" ? (c: number, x: number, y: number) => c >= gap * Math.min(x, y) : (c: number, x: number, y: number) => c >= Math.min(x, y) - gap;
  const s = sets[0]!;
  for (const [name, agg] of [["committed", undefined], ["gap", gapped(near[0]!, models.decision, pass, minSize)]] as const) {
    const groups = groupArticles(s.scored.spans, weighed[0]!, models.decision, defaultClusterOptions.windowDays, s.scored.profiles, agg);
    for (const g of groups) {
      const events = new Map<string, string[]>();
      for (const m of g.members) (events.get(s.gold[m]!) ?? events.set(s.gold[m]!, []).get(s.gold[m]!)!).push(s.scored.order[m]!.path.replace("events/", ""));
      if (events.size > 1 && s.half[g.members[0]!] === "check") console.log(`${name}: ${[...events].map(([e, ps]) => `${e} [${ps.length}: ${ps.slice(0, 6).join(" ")}]`).join("  +  ")}`);
    }
  }
}

if (process.env.SHOW_REFUSED) {
  // The joins the gap refuses (ratio SHOW_REFUSED, MAXSUM) on events-dev and on the draws: sizes, cross mean, cohesions, one event or two, half.
  const gap = Number(process.env.SHOW_REFUSED);
  const show = (s: SweepSet, w: WeightedEdges, nearOf: ReadonlyArray<Map<number, number>>) => {
    const seen = new Set<string>();
    const agg = gapped(nearOf, models.decision, (c, x, y) => c >= gap * Math.min(x, y), minSize, (a, b, m, ca, cb) => {
      const key = `${a.join(",")}|${b.join(",")}`;
      if (seen.has(key)) return;
      seen.add(key);
      const events = (xs: number[]) => [...new Set(xs.map((k) => s.gold[k]!))].join("+");
      console.log(`  ${s.name} ${s.half[a[0]!]} ${a.length}+${b.length} cross ${m.toFixed(2)} cohesion ${ca.toFixed(2)} ${cb.toFixed(2)} ${events(a) === events(b) ? "ONE event" : "two"} ${events(a)} / ${events(b)}`);
    });
    groupArticles(s.scored.spans, w, models.decision, defaultClusterOptions.windowDays, s.scored.profiles, agg);
  };
  show(sets[0]!, weighed[0]!, near[0]!);
  draws.forEach((d, i) => show(d, drawWeighed[i]!, drawNear[i]!));
}

if (process.env.LOG_NAMED) {
  // MODE=names's refusals on events-dev (CORE, SHARE): the two groups' sizes, cross mean, half, events, paths.
  const s = sets[0]!;
  const seen = new Set<string>();
  const agg = named(s.scored.profiles, models.decision, Number(process.env.CORE ?? 0.5), Number(process.env.SHARE ?? 0.5), minSize, near[0], (a, b, c) => {
    const key = `${a.join(",")}|${b.join(",")}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ev = (xs: number[]) => [...new Set(xs.map((k) => s.gold[k]!))].join("+");
    const paths = (xs: number[]) => xs.map((k) => s.scored.order[k]!.path.replace(/^events\/ecbplus-\d+-/, "")).join(" ");
    console.log(`  refused ${s.half[a[0]!]} ${a.length}+${b.length} cross ${c.toFixed(2)} ${ev(a) === ev(b) ? "ONE" : "two"} ${ev(a)} [${paths(a)}] / ${ev(b)} [${paths(b)}]`);
  });
  groupArticles(s.scored.spans, weighed[0]!, models.decision, defaultClusterOptions.windowDays, s.scored.profiles, agg);
}
