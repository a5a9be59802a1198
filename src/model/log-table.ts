// Logarithms of small counts (words, characters, sentences, repeats, distances), read from a table
// made with the same Math functions: the same numbers to the last bit, without a call per feature.

const SIZE = 4096;
const LOG1P = Float64Array.from({ length: SIZE }, (_, i) => Math.log1p(i));
const LOG = Float64Array.from({ length: SIZE }, (_, i) => Math.log(i));

/** `Math.log1p(n)`; by table for a whole number below 4096. */
export function log1pCount(n: number): number {
  return n >= 0 && n < SIZE && (n | 0) === n ? LOG1P[n]! : Math.log1p(n);
}

/** `Math.log(n)`; by table for a whole number below 4096. */
export function logCount(n: number): number {
  return n >= 0 && n < SIZE && (n | 0) === n ? LOG[n]! : Math.log(n);
}
