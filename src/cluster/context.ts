// Second look at each candidate pair, in the light of the other articles: two reports of one event are
// strongly linked to the same other reports, while a look-alike event's report, close in topic, is
// linked to a different set; and a report's strongest link is usually to a report of its own event, so a
// pair that both sides' stronger links outdo is suspect. Only strong links (probability >= STRONG) make a
// neighbourhood, so the many weak links an article has in a large batch say nothing. The features feed a
// logistic model with an intercept (merge-model.json, trained by train/train-merge.ts).
import type { WeightedEdges } from "./agglomerate.ts";

export const CONTEXT_FEATURES = ["pairLogOdds", "conflict", "support", "neighbourhood", "outdoneMore", "outdoneLess"] as const;

/** Links at least this probable make an article's strong neighbourhood. */
export const STRONG = 0.5;

interface Neighbours {
  ids: Int32Array;
  p: Float32Array;
}

function neighbourhoods(n: number, edges: WeightedEdges): Neighbours[] {
  const degree = new Int32Array(n);
  for (let k = 0; k < edges.length; k++) {
    if (edges.weight[k]! < STRONG) continue;
    degree[edges.a[k]!]!++;
    degree[edges.b[k]!]!++;
  }
  const out = Array.from(degree, (d): Neighbours => ({ ids: new Int32Array(d), p: new Float32Array(d) }));
  const fill = new Int32Array(n);
  for (let k = 0; k < edges.length; k++) {
    const w = edges.weight[k]!;
    if (w < STRONG) continue;
    const [a, b] = [edges.a[k]!, edges.b[k]!];
    out[a]!.ids[fill[a]!] = b;
    out[a]!.p[fill[a]!++] = w;
    out[b]!.ids[fill[b]!] = a;
    out[b]!.p[fill[b]!++] = w;
  }
  for (const nb of out) sortTogether(nb);
  return out;
}

function sortTogether(nb: Neighbours): void {
  const order = Array.from(nb.ids.keys()).sort((x, y) => nb.ids[x]! - nb.ids[y]!);
  const ids = Int32Array.from(order, (i) => nb.ids[i]!);
  const p = Float32Array.from(order, (i) => nb.p[i]!);
  nb.ids.set(ids);
  nb.p.set(p);
}

/**
 * Context features of every edge, CONTEXT_FEATURES.length values per edge: the pair's own log-odds,
 * log(1 + conflict) where conflict sums the strong links of one article that the other lacks (weighted
 * by how much it lacks them), log(1 + support), the strong links both share, log(1 + all strong links
 * of the two), and how far each side's strongest other link outdoes this one (in log-odds, 0 when
 * this pair is that side's best), the larger and the smaller of the two.
 */
export function contextFeatures(n: number, edges: WeightedEdges): Float64Array {
  const nbs = neighbourhoods(n, edges);
  // Each article's two strongest links (and the first one's other end), to see whether a pair is each side's best.
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
  const rival = (x: number, other: number) => (bestTo[x] === other ? best2[x]! : best1[x]!);
  const width = CONTEXT_FEATURES.length;
  const out = new Float64Array(edges.length * width);
  for (let k = 0; k < edges.length; k++) {
    const [a, b] = [edges.a[k]!, edges.b[k]!];
    const [x, y] = [nbs[a]!, nbs[b]!];
    let conflict = 0;
    let support = 0;
    let mass = 0;
    let i = 0;
    let j = 0;
    while (i < x.ids.length || j < y.ids.length) {
      const ci = i < x.ids.length ? x.ids[i]! : Infinity;
      const cj = j < y.ids.length ? y.ids[j]! : Infinity;
      if (ci === cj) {
        const [pa, pb] = [x.p[i++]!, y.p[j++]!];
        support += pa * pb;
        mass += pa + pb;
        conflict += pa * (1 - pb) + pb * (1 - pa);
      } else if (ci < cj) {
        if (ci !== b) {
          conflict += x.p[i]!;
          mass += x.p[i]!;
        }
        i++;
      } else {
        if (cj !== a) {
          conflict += y.p[j]!;
          mass += y.p[j]!;
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
  }
  return out;
}


/** Log-odds of a probability clipped to [0.001, 0.999]. */
function logOdds(p: number): number {
  const q = Math.min(0.999, Math.max(0.001, p));
  return Math.log(q / (1 - q));
}
