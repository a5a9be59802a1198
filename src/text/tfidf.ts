// Sparse TF-IDF vectors over stemmed content words.
import { stemmer } from "stemmer";
import { contentWords } from "./words.ts";

export type Vector = Map<string, number>;

// Stemming is the costliest step per word and news vocabulary repeats, so stems are remembered.
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<string, string>();

export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    s = stemmer(word);
    stemCache.set(word, s);
  }
  return s;
}

export function stems(text: string): string[] {
  return contentWords(text).map(stem);
}

export function termCounts(terms: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * Smoothed inverse document frequency from a list of documents' term sets. `background` counts that
 * many extra unrelated documents holding none of the terms: a prior that keeps a small batch's IDF
 * close to what a large one would give (in a handful of articles on one event, the event's own words
 * would otherwise look as common as "the").
 */
export function inverseDocumentFrequency(docs: Iterable<Iterable<string>>, background = 0): { idf: (term: string) => number; n: number } {
  const df = new Map<string, number>();
  let n = 0;
  for (const doc of docs) {
    n++;
    for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { idf: (t) => Math.log((n + background + 1) / ((df.get(t) ?? 0) + 1)) + 1, n };
}

/** Log-scaled term frequency times IDF, L2-normalised. */
export function tfidfVector(tf: Map<string, number>, idf: (term: string) => number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, c] of tf) {
    const w = (1 + Math.log(c)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  return dot;
}
