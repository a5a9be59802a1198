// Compact TF-IDF sentence vectors for one story: terms become small integer ids, so similarity is a merge
// of two sorted arrays rather than map look-ups (summarising has to keep up with thousands of articles a second).
// Where one vector is compared with many, it meets only the vectors it shares a term with (`Postings`): the
// same products, added in the same (ascending id) order as the merge, so the same sums to the last bit.

import { arena } from "./arena.ts";

export interface SparseVector {
  /** Term ids, ascending. */
  ids: Int32Array;
  /** L2-normalised weights, parallel to `ids`; every one above zero. */
  weights: Float64Array;
}

export interface SentenceSpace {
  vectors: SparseVector[];
  /** Maps a text's term ids to a vector in the same space. */
  embed: (ids: Int32Array) => SparseVector;
  /** Dense, L2-normalised sum of all sentence vectors. */
  centroid: Float64Array;
  /** Each term's smoothed sentence-level IDF, by id. */
  idf: Float64Array;
}

/**
 * Log-scaled TF times smoothed sentence-level IDF, as in text/tfidf.ts, from each sentence's term ids
 * (`Vocabulary`: ids below `size`, numbered in order of first use, as a vector's ids must be for its sums).
 */
export function sentenceSpace(sentences: ReadonlyArray<{ terms: Int32Array; duplicateOf: number | null }>, size: number): SentenceSpace {
  const df = arena.int32(size).fill(0);
  const vectors: SparseVector[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const v = sharedVector(sentences, vectors, i) ?? counted(sentences[i]!.terms);
    for (let k = 0; k < v.ids.length; k++) df[v.ids[k]!]!++;
    vectors.push(v);
  }
  const n = sentences.length;
  const idf = arena.float64(size);
  for (let id = 0; id < size; id++) idf[id] = Math.log((n + 1) / (df[id]! + 1)) + 1;
  // A shared vector is weighed once, by its first sentence.
  for (let i = 0; i < vectors.length; i++) if (sharedVector(sentences, vectors, i) === null) weigh(vectors[i]!, idf);
  const centroid = arena.float64(size).fill(0);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    for (let k = 0; k < v.ids.length; k++) centroid[v.ids[k]!]! += v.weights[k]!;
  }
  let norm = 0;
  for (let id = 0; id < size; id++) norm += centroid[id]! * centroid[id]!;
  norm = Math.sqrt(norm) || 1;
  for (let id = 0; id < size; id++) centroid[id] = centroid[id]! / norm;
  const embed = (ids: Int32Array) => weigh(counted(ids), idf);
  return { vectors, embed, centroid, idf };
}

/**
 * The vector of the sentence this one copies, when this one's terms are the very array of that one's
 * (`collectCandidates` hands a sentence repeated word for word the first copy's terms): the same vector.
 */
function sharedVector(sentences: ReadonlyArray<{ terms: Int32Array; duplicateOf: number | null }>, vectors: readonly SparseVector[], i: number): SparseVector | null {
  const d = sentences[i]!.duplicateOf;
  return d !== null && sentences[d]!.terms === sentences[i]!.terms ? vectors[d]! : null;
}

/** Where `counted` sorts a list's ids (one array for every list, grown for a longer one). */
let sorting = new Int32Array(16);

/**
 * The distinct ids of a list, ascending, with how often each occurs in `weights` (made weights by
 * `weigh` once the IDF is known).
 */
function counted(list: Int32Array): SparseVector {
  const n = list.length;
  if (n > sorting.length) sorting = new Int32Array(Math.max(n, 2 * sorting.length));
  const sorted = sorting;
  if (n > INSERTION_SORT) {
    sorted.set(list);
    sorted.subarray(0, n).sort();
  } else insertionSort(list, sorted);
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
  const ids = arena.int32(distinct);
  const counts = arena.float64(distinct).fill(0);
  let at = -1;
  for (let k = 0; k < n; k++) {
    if (k === 0 || sorted[k] !== sorted[k - 1]) ids[++at] = sorted[k]!;
    counts[at]!++;
  }
  return { ids, weights: counts };
}

/**
 * Lists longer than this are sorted by the engine. A sentence's few dozen ids are quicker by hand, and
 * a sentence of hundreds still sorts in well under a millisecond; only junk text meets the engine's
 * sort, whose code V8 has not seen run when it optimises the caller (it then deoptimises it).
 */
const INSERTION_SORT = 1024;

/** `list` sorted ascending into the start of `sorted`. */
function insertionSort(list: Int32Array, sorted: Int32Array): void {
  for (let k = 0; k < list.length; k++) {
    const x = list[k]!;
    let at = k;
    while (at > 0 && sorted[at - 1]! > x) {
      sorted[at] = sorted[at - 1]!;
      at--;
    }
    sorted[at] = x;
  }
}

/** Turns `counted`'s counts into the vector's weights, in place; the vector. */
function weigh(v: SparseVector, idf: Float64Array): SparseVector {
  const { ids, weights } = v;
  let norm = 0;
  for (let k = 0; k < ids.length; k++) {
    const w = (1 + Math.log(weights[k]!)) * idf[ids[k]!]!;
    weights[k] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
  return v;
}

export function sparseCosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

export function denseCosine(a: SparseVector, dense: Float64Array): number {
  let dot = 0;
  for (let k = 0; k < a.ids.length; k++) dot += a.weights[k]! * dense[a.ids[k]!]!;
  return dot;
}

/**
 * The story's sentence vectors by term: for each term id, the sentences that have it (ascending) with their
 * weights, so that a sentence meets only the sentences it shares a term with. Reading a sentence's terms in
 * ascending order and adding each shared product (the other sentence's weight times its own) gives the very
 * sums `denseCosine` gives: a pair sharing nothing has a cosine of exactly 0 (every weight is above zero).
 */
export interface Postings {
  /** Term id → where its postings start in `sentence` and `weight` (`starts[id + 1]`: where they end). */
  starts: Int32Array;
  sentence: Int32Array;
  weight: Float64Array;
}

/** The postings of `vectors` (valid for the story: cut from the arena). */
export function postingsOf(vectors: readonly SparseVector[], size: number): Postings {
  const starts = arena.int32(size + 1).fill(0);
  for (let i = 0; i < vectors.length; i++) {
    const ids = vectors[i]!.ids;
    for (let k = 0; k < ids.length; k++) starts[ids[k]! + 1]!++;
  }
  for (let id = 0; id < size; id++) starts[id + 1]! += starts[id]!;
  const fill = arena.int32(size);
  fill.set(starts.subarray(0, size));
  const sentence = arena.int32(starts[size]!);
  const weight = arena.float64(starts[size]!);
  for (let i = 0; i < vectors.length; i++) {
    const v = vectors[i]!;
    for (let k = 0; k < v.ids.length; k++) {
      const at = fill[v.ids[k]!]!++;
      sentence[at] = i;
      weight[at] = v.weights[k]!;
    }
  }
  return { starts, sentence, weight };
}
