// What the last build published weighs in: two articles it published in one story are kept together a
// little more readily, two it published apart kept apart, so that a story does not part and join again as
// unrelated articles arrive. Every link's probability moves with the articles around its day (the IDF is
// counted over the articles near the day, the context over their links), and near a bar that drift alone
// merged, parted and merged two stories again over three daily builds (qa49's 60-day soak). A link
// between two published articles is moved by MARGIN in log-odds towards what was published: the drift
// must exceed it before a reader sees the change. New articles' links are as they are, so a new report
// still joins or bridges stories on its own evidence. Every build, a first one (no state file) too, then
// groups its stories again with themselves as the published ones until they stand (index.ts), so that
// the state it leaves gives them again.
import type { WeightedEdges } from "./agglomerate.ts";
import type { IdentityState } from "./identity.ts";

/**
 * The shift, in log-odds, of a link between two published articles. Derived, not tuned: the 95th
 * percentile of how far a link between two published articles moves from one daily build to the next
 * when nothing of either article's true story arrived that day (scripts/soak-stability.ts --drift,
 * tuning half: 0.375; checking half 0.313), a multiple of the context grid's step (index.ts onGrid, 1/16)
 * so that links stay on the grid.
 */
export const MARGIN = 6 / 16;

/** The story each article was published in by the last build (by path); articles it did not publish are absent. */
export type PublishedStories = ReadonlyMap<string, number>;

/** Each article of the stories `state` records, by path, with its story's place there. */
export function publishedStories(state: IdentityState | null | undefined): PublishedStories {
  const out = new Map<string, number>();
  state?.stories.forEach((r, k) => {
    for (const m of r.members) if (!out.has(m.path)) out.set(m.path, k);
  });
  return out;
}

/** `edges` (context probabilities, on the grid) with the links between published articles moved towards what was published. */
export function stickyEdges(edges: WeightedEdges, paths: readonly string[], published: PublishedStories | undefined, margin = MARGIN): WeightedEdges {
  if (!published || published.size === 0 || margin === 0) return edges;
  const story = Int32Array.from(paths, (p) => published.get(p) ?? -1);
  const weight = new Float32Array(edges.weight.length);
  for (let k = 0; k < edges.length; k++) {
    const [sa, sb] = [story[edges.a[k]!]!, story[edges.b[k]!]!];
    const p = edges.weight[k]!;
    if (sa < 0 || sb < 0) weight[k] = p;
    else weight[k] = shifted(p, sa === sb ? margin : -margin);
  }
  return { a: edges.a, b: edges.b, weight, length: edges.length };
}

function shifted(p: number, by: number): number {
  return 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + by)));
}
