// Each article as compact numeric vectors: every term is interned to an integer id once, and a vector is
// a sorted Int32Array of ids with a parallel Float32Array of L2-normalised TF-IDF weights, so comparing
// two articles is a merge of two short arrays (no string-keyed maps, little garbage).
import type { DatedArticle } from "../types.ts";
import { articleTerms } from "./mentions.ts";

export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

export interface Profile {
  /** Stemmed content words of headline (twice) and body. */
  words: SparseVector;
  /** Stemmed content words of the headline and the lead. */
  lead: SparseVector;
  /** Stemmed content words of the headline alone. */
  title: SparseVector;
  /** The ACTORS rarest names of the lead, with their IDF: whom the event is about (a person rather than the city). */
  actors: SparseVector;
  /** Quantities the opening states ("12 people"), as sorted ids of unit and value together. */
  quantities: Int32Array;
  /** The unit id of each entry of `quantities`. */
  quantityUnits: Int32Array;
  /** The distinct unit ids of `quantities`, sorted. */
  units: Int32Array;
  /** Proper-name tokens. */
  names: SparseVector;
  /** Name ids of the lead, sorted, with their IDF: who and where the event is about. */
  leadNames: SparseVector;
  numbers: SparseVector;
  /** The lead's sentences one by one (IDF-weighted unit vectors of their words), to find one fact told by both. */
  sentences: SparseVector[];
  /** Days of a month mentioned (ids, unweighted). */
  days: Int32Array;
  /** Weekdays the lead mentions, as bits. */
  weekdays: number;
  /** Months mentioned, as bits. */
  months: number;
  /** Years mentioned, sorted, distinct. */
  years: Int32Array;
  /** Blocking keys: the article's most distinctive word and number ids that some other article shares. */
  keys: Int32Array;
  /** Each key's weight in the article's word or number vector. */
  keyWeights: Float32Array;
}

interface Counts {
  ids: Int32Array;
  counts: Float32Array;
}

/** How many of the lead's names are its actors. */
export const ACTORS = 3;

/** IDF prior: as if this many unrelated articles were in the batch too (see text/tfidf.ts). */
export const BACKGROUND_DOCUMENTS = 100;

export function buildProfiles(articles: readonly DatedArticle[], keyCount: number): Profile[] {
  const vocabulary = new Map<string, number>();
  const intern = (term: string): number => {
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(term, id);
    }
    return id;
  };
  const raw = articles.map((a) => {
    const m = a.terms ?? articleTerms(a.title, a.paragraphs);
    const wordIds = list(m.stems).map(intern);
    // The headline counts twice: it states the event in the fewest words.
    const words = count([...wordIds.slice(0, m.titleWords), ...wordIds]);
    const lead = count(wordIds.slice(0, m.leadWords));
    const nameIds = list(m.names).map((n) => intern(`N${n}`));
    const quantities = [...new Map(list(m.quantities).map((q) => {
      const unit = q.slice(0, q.indexOf("="));
      return [intern(`Q${q}`), intern(`U${unit}`)] as const;
    }))].sort((x, y) => x[0] - y[0]);
    const sentences: Counts[] = [];
    for (let k = 0; k + 1 < m.sentenceStarts.length; k++) sentences.push(count([...new Set(wordIds.slice(m.sentenceStarts[k]!, m.sentenceStarts[k + 1]!))]));
    return {
      sentences,
      words,
      lead,
      title: count(wordIds.slice(0, m.titleWords)),
      quantities: Int32Array.from(quantities, ([q]) => q),
      quantityUnits: Int32Array.from(quantities, ([, u]) => u),
      units: Int32Array.from(new Set(quantities.map(([, u]) => u))).sort(),
      names: count(nameIds),
      leadNames: count(nameIds.slice(0, m.leadNames)),
      numbers: count(list(m.numbers).map((n) => intern(`#${n}`))),
      days: Int32Array.from(new Set(list(m.days).map((d) => intern(`@${d}`)))).sort(),
      weekdays: m.weekdays,
      months: m.months,
      years: Int32Array.from(new Set(m.years)).sort(),
    };
  });
  const df = new Int32Array(vocabulary.size);
  for (const r of raw) {
    for (const c of [r.words, r.names, r.numbers]) for (const id of c.ids) df[id]!++;
    for (const id of r.days) df[id]!++;
  }
  const n = articles.length;
  const idf = Float32Array.from(df, (d) => Math.log((n + BACKGROUND_DOCUMENTS + 1) / (d + 1)) + 1);
  // Each article's counts are let go once its profile is made: at 100,000 articles both together are
  // a large part of the build's peak memory.
  const pending: Array<(typeof raw)[number] | undefined> = raw;
  return pending.map((_, i): Profile => {
    const r = pending[i]!;
    pending[i] = undefined;
    const words = weigh(r.words, idf);
    const numbers = weigh(r.numbers, idf);
    return {
      words,
      lead: weigh(r.lead, idf),
      title: weigh(r.title, idf),
      actors: rarest(r.leadNames.ids, idf, ACTORS),
      quantities: r.quantities,
      quantityUnits: r.quantityUnits,
      units: r.units,
      sentences: r.sentences.filter((c) => c.ids.length >= 3).map((c) => weigh(c, idf)),
      names: weigh(r.names, idf),
      leadNames: { ids: r.leadNames.ids, weights: Float32Array.from(r.leadNames.ids, (id) => idf[id]!) },
      numbers,
      days: r.days,
      weekdays: r.weekdays,
      months: r.months,
      years: r.years,
      ...topKeys([words, numbers], df, keyCount),
    };
  });
}

/** The tokens of a space-separated list (none for an empty one). */
function list(joined: string): string[] {
  return joined ? joined.split(" ") : [];
}

/** The `k` ids of highest IDF (ties to the lower id), sorted, weighted by their IDF. */
function rarest(ids: Int32Array, idf: Float32Array, k: number): SparseVector {
  const top = Array.from(ids).sort((x, y) => idf[y]! - idf[x]! || x - y).slice(0, k).sort((x, y) => x - y);
  return { ids: Int32Array.from(top), weights: Float32Array.from(top, (id) => idf[id]!) };
}

function count(ids: readonly number[]): Counts {
  const sorted = Int32Array.from(ids).sort();
  const outIds: number[] = [];
  const outCounts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i > 0 && sorted[i] === sorted[i - 1]) outCounts[outCounts.length - 1]!++;
    else {
      outIds.push(sorted[i]!);
      outCounts.push(1);
    }
  }
  return { ids: Int32Array.from(outIds), counts: Float32Array.from(outCounts) };
}

/** Log-scaled TF times IDF, L2-normalised. */
function weigh(c: Counts, idf: Float32Array): SparseVector {
  const weights = new Float32Array(c.ids.length);
  let norm = 0;
  for (let k = 0; k < c.ids.length; k++) {
    const w = (1 + Math.log(c.counts[k]!)) * idf[c.ids[k]!]!;
    weights[k] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k++) weights[k] = weights[k]! / norm;
  return { ids: c.ids, weights };
}

/** The `k` heaviest terms of the vectors that at least one other article also holds, as sorted ids. */
function topKeys(vectors: SparseVector[], df: Int32Array, k: number): { keys: Int32Array; keyWeights: Float32Array } {
  const pool: Array<[number, number]> = [];
  for (const v of vectors) for (let i = 0; i < v.ids.length; i++) if (df[v.ids[i]!]! >= 2) pool.push([v.ids[i]!, v.weights[i]!]);
  pool.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const top = pool.slice(0, k).sort((a, b) => a[0] - b[0]);
  return { keys: Int32Array.from(top, ([id]) => id), keyWeights: Float32Array.from(top, ([, w]) => w) };
}

export function dot(a: SparseVector, b: SparseVector): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

const OVERLAP = { common: 0, cosine: 0 };

/** How many ids two vectors share, and their cosine, in one pass (one shared result object: read it at once). */
export function overlap(a: SparseVector, b: SparseVector): { common: number; cosine: number } {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let common = 0;
  let cosine = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      common++;
      cosine += a.weights[i++]! * b.weights[j++]!;
    } else if (x < y) i++;
    else j++;
  }
  OVERLAP.common = common;
  OVERLAP.cosine = cosine;
  return OVERLAP;
}

/** The share of `a`'s weight on ids that `b` also holds. */
export function covered(a: SparseVector, b: SparseVector): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let hit = 0;
  let all = 0;
  while (i < ai.length) {
    const x = ai[i]!;
    while (j < bi.length && bi[j]! < x) j++;
    all += a.weights[i]!;
    if (j < bi.length && bi[j] === x) hit += a.weights[i]!;
    i++;
  }
  return all > 0 ? hit / all : 0;
}

/** How many ids two sorted id arrays share. */
export function shared(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

