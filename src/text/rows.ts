// Compressed rows (the CSR layout): entries grouped by row in one flat array, row k's at
// starts[k] … starts[k + 1] - 1. Built in two passes: count each row's entries into starts[k + 1], turn
// the counts into starts (`rowStarts`), then place each entry at its row's next free slot.

/** Turns row counts (row k's at `counts[k + 1]`) into row starts, in place; returns each row's next free slot. */
export function rowStarts(counts: Int32Array): Int32Array {
  const rows = counts.length - 1;
  for (let k = 0; k < rows; k++) counts[k + 1]! += counts[k]!;
  return counts.slice(0, rows);
}

/** The first position in xs[lo, hi) (ascending) whose value is at least `x` (hi when none is). */
export function lowerBound(xs: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
