// Compact TF-IDF sentence vectors for one story: terms become small integer ids, so similarity is a merge
// of two sorted arrays rather than map look-ups (summarising has to keep up with thousands of articles a second).

export interface SparseVector {
  /** Term ids, ascending. */
  ids: Int32Array;
  /** L2-normalised weights, parallel to `ids`. */
  weights: Float64Array;
}

export interface SentenceSpace {
  vectors: SparseVector[];
  /** Maps a text's terms to a vector in the same space (unknown terms are ignored). */
  embed: (terms: string[]) => SparseVector;
  /** Dense, L2-normalised sum of all sentence vectors. */
  centroid: Float64Array;
}

/** Log-scaled TF times smoothed sentence-level IDF, as in text/tfidf.ts. */
export function sentenceSpace(termLists: string[][]): SentenceSpace {
  const idOf = new Map<string, number>();
  const df: number[] = [];
  const docs = termLists.map((terms) => {
    const counts = new Map<number, number>();
    for (const t of terms) {
      let id = idOf.get(t);
      if (id === undefined) {
        id = idOf.size;
        idOf.set(t, id);
        df.push(0);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of counts.keys()) df[id]!++;
    return counts;
  });
  const n = termLists.length;
  const idf = Float64Array.from(df, (d) => Math.log((n + 1) / (d + 1)) + 1);
  const vectors = docs.map((counts) => build(counts, idf));
  const centroid = new Float64Array(idOf.size);
  for (const v of vectors) for (let k = 0; k < v.ids.length; k++) centroid[v.ids[k]!]! += v.weights[k]!;
  let norm = 0;
  for (const w of centroid) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < centroid.length; i++) centroid[i] = centroid[i]! / norm;
  const embed = (terms: string[]) => {
    const counts = new Map<number, number>();
    for (const t of terms) {
      const id = idOf.get(t);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return build(counts, idf);
  };
  return { vectors, embed, centroid };
}

function build(counts: Map<number, number>, idf: Float64Array): SparseVector {
  const ids = Int32Array.from(counts.keys()).sort();
  const weights = new Float64Array(ids.length);
  let norm = 0;
  for (let k = 0; k < ids.length; k++) {
    const w = (1 + Math.log(counts.get(ids[k]!)!)) * idf[ids[k]!]!;
    weights[k] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
  return { ids, weights };
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
