// Second look at each candidate pair, in the light of the other articles: two reports of one event are
// strongly linked to the same other reports, while a look-alike event's report, close in topic, is
// linked to a different set; and a report's strongest link is usually to a report of its own event, so a
// pair that both sides' stronger links outdo is suspect. Only strong links (probability >= STRONG) make a
// neighbourhood, so the many weak links an article has in a large batch say nothing. In a window of a few
// articles (a first fetch, a quiet folder) every pair is each side's best link and has no neighbourhood,
// which among hundreds marks a lone true pair and among two says nothing: `sparse` (how far the pair's
// window is from crowded, on a log scale: 1 - log n / log CROWDED) and its product with the pair's
// log-odds let the model weigh that apart; they are 0 in any crowded window. The features feed a
// logistic model with an intercept (merge-model.json, trained by train/train-merge.ts).
import type { WeightedEdges } from "./agglomerate.ts";
import { rowStarts } from "../text/rows.ts";

export const CONTEXT_FEATURES = ["pairLogOdds", "conflict", "support", "neighbourhood", "outdoneMore", "outdoneLess", "sparse", "sparseLogOdds"] as const;

/**
 * A window of this many articles or more counts as crowded (sparse 0). Below it, sparse falls with the log
 * of the window's size: being each other's best link among n articles says more as n grows, by log n more
 * than by 1 / n (1 / n made a window of 12 almost a crowded one). Every dev set's day lies beyond it (bbc
 * merge's follow-ups three weeks on, 21 articles, excepted), and train:merge's small windows reach it.
 */
export const CROWDED = 64;

/** Links at least this probable make an article's strong neighbourhood. */
export const STRONG = 0.5;

/** Every article's strong links in flat arrays: article x's are ids[start[x]] … ids[start[x + 1] - 1], by id, with their probabilities p. */
interface Neighbours {
  start: Int32Array;
  ids: Int32Array;
  p: Float32Array;
}

function neighbourhoods(n: number, edges: WeightedEdges): Neighbours {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < edges.length; k++) {
    if (edges.weight[k]! < STRONG) continue;
    start[edges.a[k]! + 1]!++;
    start[edges.b[k]! + 1]!++;
  }
  const fill = rowStarts(start);
  const ids = new Int32Array(start[n]!);
  const p = new Float32Array(start[n]!);
  for (let k = 0; k < edges.length; k++) {
    const w = edges.weight[k]!;
    if (w < STRONG) continue;
    const [a, b] = [edges.a[k]!, edges.b[k]!];
    ids[fill[a]!] = b;
    p[fill[a]!++] = w;
    ids[fill[b]!] = a;
    p[fill[b]!++] = w;
  }
  // Each article's links by id (an article links to another at most once): insertion sort, most have few.
  for (let x = 0; x < n; x++) {
    for (let i = start[x]! + 1; i < start[x + 1]!; i++) {
      const [id, w] = [ids[i]!, p[i]!];
      let at = i;
      for (; at > start[x]! && ids[at - 1]! > id; at--) {
        ids[at] = ids[at - 1]!;
        p[at] = p[at - 1]!;
      }
      ids[at] = id;
      p[at] = w;
    }
  }
  return { start, ids, p };
}

/**
 * For article x and one of its links (to `other`), the weight of x's strongest other link: from each
 * article's two strongest links (and the first one's other end), to see whether a pair is each side's best.
 */
export function rivalLinks(n: number, edges: WeightedEdges): (x: number, other: number) => number {
  const best1 = new Float32Array(n);
  const best2 = new Float32Array(n);
  const bestTo = new Int32Array(n).fill(-1);
  const offer = (x: number, y: number, w: number) => {
    if (w > best1[x]!) {
      best2[x] = best1[x]!;
      best1[x] = w;
      bestTo[x] = y;
    } else if (w > best2[x]!) best2[x] = w;
  };
  for (let k = 0; k < edges.length; k++) {
    offer(edges.a[k]!, edges.b[k]!, edges.weight[k]!);
    offer(edges.b[k]!, edges.a[k]!, edges.weight[k]!);
  }
  return (x, other) => (bestTo[x] === other ? best2[x]! : best1[x]!);
}

/**
 * Context features of every edge, CONTEXT_FEATURES.length values per edge: the pair's own log-odds,
 * log(1 + conflict) where conflict sums the strong links of one article that the other lacks (weighted
 * by how much it lacks them), log(1 + support), the strong links both share, log(1 + all strong links
 * of the two), and how far each side's strongest other link outdoes this one (in log-odds, 0 when
 * this pair is that side's best), the larger and the smaller of the two; sparse, from the fewer articles in
 * either side's window (`crowd`, every article's; without it all n are in one window), and that times the log-odds.
 */
export function contextFeatures(n: number, edges: WeightedEdges, crowd?: ArrayLike<number>): Float64Array {
  const { start, ids, p } = neighbourhoods(n, edges);
  const rival = rivalLinks(n, edges);
  const width = CONTEXT_FEATURES.length;
  const out = new Float64Array(edges.length * width);
  for (let k = 0; k < edges.length; k++) {
    const [a, b] = [edges.a[k]!, edges.b[k]!];
    const [xEnd, yEnd] = [start[a + 1]!, start[b + 1]!];
    let conflict = 0;
    let support = 0;
    let mass = 0;
    let i = start[a]!;
    let j = start[b]!;
    while (i < xEnd || j < yEnd) {
      const ci = i < xEnd ? ids[i]! : Infinity;
      const cj = j < yEnd ? ids[j]! : Infinity;
      if (ci === cj) {
        const [pa, pb] = [p[i++]!, p[j++]!];
        support += pa * pb;
        mass += pa + pb;
        conflict += pa * (1 - pb) + pb * (1 - pa);
      } else if (ci < cj) {
        if (ci !== b) {
          conflict += p[i]!;
          mass += p[i]!;
        }
        i++;
      } else {
        if (cj !== a) {
          conflict += p[j]!;
          mass += p[j]!;
        }
        j++;
      }
    }
    out[k * width] = logOdds(edges.weight[k]!);
    out[k * width + 1] = Math.log1p(conflict);
    out[k * width + 2] = Math.log1p(support);
    out[k * width + 3] = Math.log1p(mass);
    // How far each side's strongest other link outdoes this one (0 when this pair is its best), in log-odds:
    // as a ratio of probabilities, a copy's 0.999 barely outdoes a look-alike's 0.95.
    const w = edges.weight[k]!;
    const ra = logOdds(Math.max(w, rival(a, b))) - logOdds(w);
    const rb = logOdds(Math.max(w, rival(b, a))) - logOdds(w);
    out[k * width + 4] = Math.max(ra, rb);
    out[k * width + 5] = Math.min(ra, rb);
    const fewer = Math.max(2, Math.min(crowd ? crowd[a]! : n, crowd ? crowd[b]! : n));
    const sparse = 1 - Math.log(Math.min(fewer, CROWDED)) / Math.log(CROWDED);
    out[k * width + 6] = sparse;
    out[k * width + 7] = sparse * out[k * width]!;
  }
  return out;
}


/** Log-odds of a probability clipped to [0.001, 0.999]. */
function logOdds(p: number): number {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
}

/**
 * How many articles lie within `windowDays` of each article's day (itself included); an undated article's
 * window is the whole build.
 */
export function windowCrowds(days: ReadonlyArray<number | null>, windowDays: number): Int32Array {
  const dated = days.filter((d): d is number => d !== null).sort((x, y) => x - y);
  const below = (x: number) => {
    let [lo, hi] = [0, dated.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dated[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return Int32Array.from(days, (d) => (d === null ? days.length : below(d + windowDays + 1) - below(d - windowDays)));
}
