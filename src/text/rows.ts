// Compressed rows (the CSR layout): entries grouped by row in one flat array, row k's at
// starts[k] … starts[k + 1] - 1. Built in two passes: count each row's entries into starts[k + 1], turn
// the counts into starts (`rowStarts`), then place each entry at its row's next free slot.

/** Turns row counts (row k's at `counts[k + 1]`) into row starts, in place; returns each row's next free slot. */
export function rowStarts(counts: Int32Array): Int32Array {
  const rows = counts.length - 1;
  for (let k = 0; k < rows; k++) counts[k + 1]! += counts[k]!;
  return counts.slice(0, rows);
}
