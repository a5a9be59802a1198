// cx83 (stop 83): mg83's ranking term moved to the CONTEXT fit. Three forms of it in the pair fit turned the pair
// weights (names down, shared words up) and cost other sets; the context model already sees an anchor's rivals
// (outdoneMore, outdoneLess, conflict, support), so here the ranking is learned over the context features of the pair
// model's edges while the pair model stays exactly the plain fit.
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

/** mg83's triplets over `features` (`width` per edge): every (partner, other) of each anchor, the anchor's together weighing `perAnchor`. */
export function anchorTriplets(anchors: readonly EdgeAnchor[], features: ArrayLike<number>, width: number, perAnchor: number): RankedPair[] {
  const list: RankedPair[] = [];
  for (const { partners, others } of anchors) {
    const weight = perAnchor / (partners.length * others.length);
    for (const p of partners)
      for (const l of others) {
        const x = new Float64Array(width);
        for (let j = 0; j < width; j++) x[j] = features[p * width + j]! - features[l * width + j]!;
        list.push({ x, weight });
      }
  }
  return list;
}

