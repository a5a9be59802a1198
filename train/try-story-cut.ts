// `npx tsx train/try-story-cut.ts [model.json]`: mg69 (issue 9): each finished story of MIN=4+ reports read as
// a whole. Its link matrix (the context model's probabilities, 0 where no edge) is ordered by the normalised
// Laplacian's second vector (power iteration from a fixed start) and cut where cross mean / the lower side's
// cohesion (mean inner link) is least, each side at least SIDE=2 reports. Prints, per set, the TUNING half's
// stories by that ratio (mixed: two gold events; pure: one), whether a mixed story's cut follows its events,
// and how many of each fall below each bar; HALF=check prints the checking half's counts only (no stories).
// Results: docs/scaling.md "Stop 69 (mg69)".
import { defaultClusterOptions, groupArticles } from "../src/cluster/index.ts";
import { readMentions } from "../src/cluster/mentions.ts";
import { clusteredOutletDraws, linkMaps, loadSweepSets, mergeModelsFrom, weighSets, type SweepSet } from "./lib/merge-sweep.ts";

const HALF = process.env.HALF === "check" ? "check" : "tune";
const MIN = Number(process.env.MIN ?? 4);
const SIDE = Number(process.env.SIDE ?? 2);
const BARS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const models = mergeModelsFrom(process.argv[2]);

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) (out.get(key(x)) ?? out.set(key(x), []).get(key(x))!).push(x);
  return out;
}

interface Cut { ratio: number; cross: number; cohA: number; cohB: number; side: number[]; rest: number[] }

/** The spectral order's best cut of `members` (indices into `near`), or null when it is too small. */
export function bestCut(members: readonly number[], near: ReadonlyArray<Map<number, number>>): Cut | null {
  const n = members.length;
  if (n < 2 * SIDE) return null;
  const w = members.map((i) => members.map((j) => (i === j ? 0 : near[i]!.get(j) ?? 0)));
  const deg = w.map((row) => row.reduce((s, x) => s + x, 0) + 1e-9);
  const top = deg.map((d) => Math.sqrt(d));
  const topNorm = Math.hypot(...top);
  const u = top.map((x) => x / topNorm);
  let v = members.map((_, k) => (k % 2 === 0 ? 1 : -1) * (1 + k / n));
  for (let it = 0; it < 300; it++) {
    const dot = v.reduce((s, x, k) => s + x * u[k]!, 0);
    v = v.map((x, k) => x - dot * u[k]!);
    // (I + D^-1/2 W D^-1/2) v: its top vectors are the normalised Laplacian's lowest.
    const next = v.map((x, k) => x + w[k]!.reduce((s, wkj, j) => s + wkj * v[j]! / Math.sqrt(deg[k]! * deg[j]!), 0));
    const norm = Math.hypot(...next) || 1;
    v = next.map((x) => x / norm);
  }
  const order = members.map((_, k) => k).sort((a, b) => v[a]! / top[a]! - v[b]! / top[b]! || a - b);
  const mean = (xs: number[], ys: number[], inner: boolean) => {
    let s = 0;
    let c = 0;
    for (const a of xs) for (const b of ys) if (!inner || a < b) { s += w[a]![b]!; c++; }
    return c > 0 ? s / c : 0;
  };
  let best: Cut | null = null;
  for (let k = SIDE; k <= n - SIDE; k++) {
    const [xs, ys] = [order.slice(0, k), order.slice(k)];
    const [cohA, cohB, cross] = [mean(xs, xs, true), mean(ys, ys, true), mean(xs, ys, false)];
    const ratio = cross / Math.max(1e-9, Math.min(cohA, cohB));
    if (!best || ratio < best.ratio) best = { ratio, cross, cohA, cohB, side: xs.map((j) => members[j]!), rest: ys.map((j) => members[j]!) };
  }
  return best;
}

function readSet(set: SweepSet, label: Int32Array | null, weighedIndex: number, weighed: ReturnType<typeof weighSets>): void {
  const near = linkMaps(set.n, weighed[weighedIndex]!);
  const groups = label
    ? [...groupBy([...label.keys()], (i) => label[i]!).values()]
    : groupArticles(set.scored.spans, weighed[weighedIndex]!, models.decision, defaultClusterOptions.windowDays, set.scored.profiles).map((g) => g.members);
  const below = BARS.map(() => ({ mixed: 0, pure: 0, followed: 0 }));
  let [mixedAll, pureAll] = [0, 0];
  const lines: string[] = [];
  for (const members of groups) {
    const mine = members.filter((i) => set.half[i] === HALF);
    if (mine.length < members.length / 2 || members.length < MIN) continue;
    const golds = new Set(members.map((i) => set.gold[i]));
    const mixed = golds.size > 1;
    if (mixed) mixedAll++;
    else pureAll++;
    const cut = bestCut(members, near);
    if (!cut) continue;
    const sideGold = new Set(cut.side.map((i) => set.gold[i]));
    const restGold = new Set(cut.rest.map((i) => set.gold[i]));
    const followed = mixed && [...sideGold].every((g) => !restGold.has(g));
    BARS.forEach((bar, b) => {
      if (cut.ratio >= bar) return;
      if (mixed) below[b]!.mixed++;
      else below[b]!.pure++;
      if (followed) below[b]!.followed++;
    });
    if (HALF === "tune" && mixed && process.env.CONSENSUS) printConsensus(set, members, near);
    if (HALF === "tune" && (mixed || cut.ratio < 0.5)) {
      const byGold = (xs: number[]) => [...groupBy(xs, (i) => set.gold[i]!)].map(([g, v]) => `${g.replace(/^.*?(\d+)-(ecb\w*)$/, "$1$2")}:${v.length}`).join(",");
      lines.push(`  ${mixed ? "MIXED" : "pure "} n ${members.length} ratio ${cut.ratio.toFixed(2)} cross ${cut.cross.toFixed(2)} coh ${cut.cohA.toFixed(2)}/${cut.cohB.toFixed(2)} cut [${byGold(cut.side)}] | [${byGold(cut.rest)}]${mixed ? (followed ? " follows events" : " crosses events") : ""}`);
    }
  }
  console.log(`${set.name} (${HALF}): stories of ${MIN}+ mixed ${mixedAll}, one event ${pureAll}; below bar r (mixed/pure/mixed cut along its events): ${BARS.map((bar, b) => `${bar} ${below[b]!.mixed}/${below[b]!.pure}/${below[b]!.followed}`).join("  ")}`);
  for (const line of lines.sort()) console.log(line);
}

/**
 * CONSENSUS=1 (tuning half only): a mixed story's reports by gold event, each part's consensus (given by at least
 * half its reports) of names, numbers, days of a month, years and lead weekdays, what the other part's reports
 * never give, and the part's cohesion against the mean link across.
 */
function printConsensus(set: SweepSet, members: readonly number[], near: ReadonlyArray<Map<number, number>>): void {
  const parts = [...groupBy([...members], (i) => set.gold[i]!)];
  const read = new Map(members.map((i) => {
    const a = set.scored.order[i]!;
    const m = readMentions(a.title, a.paragraphs);
    const wd = [...Array(7).keys()].filter((w) => (m.weekdays >> w) & 1).map((w) => `wd${w + 1}`);
    return [i, new Set([...m.names.map((x) => `n:${x}`), ...m.numbers.map((x) => `#${x}`), ...m.days.map((x) => `d:${x}`), ...m.years.map((x) => `y:${x}`), ...wd])];
  }));
  const mean = (xs: readonly number[], ys: readonly number[]) => {
    let [sum, count] = [0, 0];
    for (const a of xs) for (const b of ys) if (a !== b && (xs !== ys || a < b)) { sum += near[a]!.get(b) ?? 0; count++; }
    return count ? sum / count : NaN;
  };
  console.log(`  story of ${members.length} (${set.name})`);
  for (const [gold, own] of parts) {
    const others = members.filter((i) => set.gold[i] !== gold);
    const counts = new Map<string, number>();
    for (const i of own) for (const x of read.get(i)!) counts.set(x, (counts.get(x) ?? 0) + 1);
    const core = [...counts].filter(([, c]) => c >= own.length / 2).map(([x]) => x);
    const absent = core.filter((x) => others.every((i) => !read.get(i)!.has(x)));
    console.log(`    ${gold}: ${own.length} reports, cohesion ${mean(own, own).toFixed(2)}, across ${mean(own, others).toFixed(2)}; consensus ${core.length}, never in the other part: ${absent.slice(0, 12).join(" ") || "-"}`);
    if (own.length <= 2) for (const i of own) console.log(`      "${set.scored.order[i]!.title.slice(0, 90)}"`);
  }
}

const sets = loadSweepSets();
const weighed = weighSets(sets, models);
sets.forEach((s, i) => readSet(s, null, i, weighed));
clusteredOutletDraws(models).forEach((d, k) => {
  if (k % 2 === 0) return;
  d.set.name = `draw ${k}`;
  readSet(d.set, d.label, 0, weighSets([d.set], models));
});
