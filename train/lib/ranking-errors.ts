/**
 * rx83 (stop 83): mg82's ranking error of the pair model, as best-first grouping meets it. An anchor's candidate
 * links are scored by a plain pair fit; the anchor is in error when its STRONGEST link is to a non-partner, that link
 * is at or above the pair bar (so grouping takes it), and a true partner scores below the bar (so that link is lost).
 * Its triplets are (each true partner below the bar, that strongest wrong candidate): nothing else of the anchor.
 * Returns [partner index, other index] into the two score lists; ties between the strongest link of each kind count
 * as the partner's (not an error), ties among the others go to the first.
 */
export function strongestWrongTriplets(partners: readonly number[], others: readonly number[], bar: number): Array<[number, number]> {
  if (!partners.length || !others.length) return [];
  let top = 0;
  for (let i = 1; i < others.length; i++) if (others[i]! > others[top]!) top = i;
  const strongest = others[top]!;
  if (strongest < bar || Math.max(...partners) >= strongest) return [];
  const kept: Array<[number, number]> = [];
  partners.forEach((p, i) => {
    if (p < bar) kept.push([i, top]);
  });
  return kept;
}
