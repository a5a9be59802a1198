// Offsets of a text's lines, for messages and scans that name or walk the line an offset falls in.

/** Where each line of `text` starts (0, then the offset after each "\n"), and the index of the line an offset falls in. */
export function lineLocator(text: string): { starts: number[]; lineOf: (offset: number) => number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { starts, lineOf };
}
