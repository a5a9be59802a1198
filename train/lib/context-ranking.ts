// The ranking term's triplets (stop 83): an anchor's edges to its true partners and to candidates of other stories,
// and the feature differences (partner minus other) the ranking examples are made of. train:merge's RANK modes read
// them over the pair features (mg83, rk83, rx83) and, for cx83's RANK=context, over the context features: three forms
// of the term in the pair fit turned the pair weights (names down, shared words up) and cost other sets; the context
// model already sees an anchor's rivals (outdoneMore, outdoneLess, conflict, support), so there the ranking is learned
// over the context features of the pair model's edges while the pair model stays exactly the plain fit.
import type { RankedPair } from "./logistic.ts";

/** An anchor's edges (indices into an edge list): to its true partners and to candidates of other stories. */
export interface EdgeAnchor {
  a: number;
  partners: number[];
  others: number[];
}

/** Every anchor (both ends of an edge kept by `keep`) with at least one partner edge and one other edge, by anchor. */
export function edgeAnchors(edges: { a: ArrayLike<number>; b: ArrayLike<number>; length: number }, gold: readonly string[], keep: (a: number, b: number) => boolean): EdgeAnchor[] {
  const byAnchor = new Map<number, EdgeAnchor>();
  for (let k = 0; k < edges.length; k++) {
    const [a, b] = [edges.a[k]!, edges.b[k]!];
    if (!keep(a, b)) continue;
    for (const x of [a, b]) {
      const entry = byAnchor.get(x) ?? byAnchor.set(x, { a: x, partners: [], others: [] }).get(x)!;
      (gold[a] === gold[b] ? entry.partners : entry.others).push(k);
    }
  }
  return [...byAnchor.values()].filter((e) => e.partners.length && e.others.length).sort((x, y) => x.a - y.a);
}

/**
 * mg83's triplets over `features` (`width` per edge): every (partner, other) of each anchor that `keep` keeps (all
 * when absent), each weighing the anchor's `perAnchor` shared over all its (partner, other) pairs.
 */
export function anchorTriplets(anchors: readonly EdgeAnchor[], features: ArrayLike<number>, width: number, perAnchor: number, keep?: (p: number, l: number) => boolean): RankedPair[] {
  const list: RankedPair[] = [];
  for (const { partners, others } of anchors) {
    const weight = perAnchor / (partners.length * others.length);
    for (const p of partners)
      for (const l of others) if (!keep || keep(p, l)) list.push({ x: tripletRow(features, width, p, l), weight });
  }
  return list;
}

/** Edge p's features minus edge l's (`width` per edge): a ranking example's row. */
export function tripletRow(features: ArrayLike<number>, width: number, p: number, l: number): Float64Array {
  const x = new Float64Array(width);
  for (let j = 0; j < width; j++) x[j] = features[p * width + j]! - features[l * width + j]!;
  return x;
}

