// MinHash signatures and banded locality-sensitive hashing: candidate pairs without comparing all pairs.
import { fnv1a } from "../text/hash.ts";

export interface LshOptions {
  bands: number;
  rows: number;
}

export function minhash(terms: Iterable<string>, size: number): Uint32Array {
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (const t of terms) {
    const h1 = fnv1a(t);
    const h2 = fnv1a(t, 0x9747b28c) | 1;
    for (let i = 0; i < size; i++) {
      // Double hashing gives `size` independent-enough hash functions from two.
      const h = (h1 + Math.imul(i, h2)) >>> 0;
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** Index pairs (i < j) whose signatures agree on every row of at least one band. */
export function candidatePairs(signatures: Uint32Array[], { bands, rows }: LshOptions): Array<[number, number]> {
  const seen = new Set<number>();
  const pairs: Array<[number, number]> = [];
  const n = signatures.length;
  for (let b = 0; b < bands; b++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, i) => {
      let key = "";
      for (let r = 0; r < rows; r++) key += sig[b * rows + r]!.toString(36) + ",";
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const id = bucket[x]! * n + bucket[y]!;
          if (!seen.has(id)) {
            seen.add(id);
            pairs.push([bucket[x]!, bucket[y]!]);
          }
        }
      }
    }
  }
  return pairs;
}
