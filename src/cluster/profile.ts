// Each article as compact numeric vectors: every term is interned to an integer id once, and a vector is
// a sorted run of ids with a parallel run of L2-normalised TF-IDF weights, so comparing two articles is a
// merge of two short arrays (no string-keyed maps, little garbage).
//
// Memory: all articles' runs live in a few large typed arrays (one of ids, one of weights, laid out
// article after article), and an article's vectors are ranges of them: a small object naming the arrays
// and where its run begins and ends. A typed array of its own costs about 400 bytes besides its data, a
// view into a shared one about 100, a range about 30, and an article has some 25 vectors: measured at
// 10,000 articles, the profiles went from 79 MB to 35 MB (22 of them the ids and weights themselves).
// The vocabulary (a Map from term to id) lives only while the articles' terms are read.
import type { DatedArticle } from "../types.ts";
import { articleTerms } from "./mentions.ts";

/** Ids ids[from] … ids[to - 1], ascending (a range of an array shared by many). */
export interface IdRun {
  ids: Int32Array;
  from: number;
  to: number;
}

/** A sparse vector: the ids of a run and their weights, weights[k] for ids[k]. */
export interface SparseVector extends IdRun {
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
  quantities: IdRun;
  /** The unit id of each entry of `quantities`, in the same order (the same length). */
  quantityUnits: IdRun;
  /** The distinct unit ids of `quantities`, sorted. */
  units: IdRun;
  /** Proper-name tokens. */
  names: SparseVector;
  /** Name ids of the lead, sorted, with their IDF: who and where the event is about. */
  leadNames: SparseVector;
  numbers: SparseVector;
  /** The lead's sentences one by one (IDF-weighted unit vectors of their words), to find one fact told by both. */
  sentences: SparseVector[];
  /** Days of a month mentioned (ids, unweighted). */
  days: IdRun;
  /** Weekdays the lead mentions, as bits. */
  weekdays: number;
  /** Months mentioned, as bits. */
  months: number;
  /** Years mentioned, sorted, distinct. */
  years: IdRun;
  /** Blocking keys: the article's most distinctive word and number ids that some other article shares, with their weights in its word or number vector. */
  keys: SparseVector;
}

/** How many of the lead's names are its actors. */
export const ACTORS = 3;

/** IDF prior: as if this many unrelated articles were in the batch too (see text/tfidf.ts). */
export const BACKGROUND_DOCUMENTS = 100;

/**
 * An article's runs, in this order; then its lead sentences of at least MIN_SENTENCE_TERMS distinct
 * words, one run each. Counted runs hold each distinct id once with its count (later its weight).
 */
const TITLE = 0;
const WORDS = 1;
const LEAD = 2;
const NAMES = 3;
const LEAD_NAMES = 4;
const NUMBERS = 5;
const QUANTITIES = 6;
const QUANTITY_UNITS = 7;
const UNITS = 8;
const DAYS = 9;
const YEARS = 10;
const SENTENCES = 11;

/** Sentences with fewer distinct words than this are not compared. */
const MIN_SENTENCE_TERMS = 3;

/** Parallel growable runs of ids and of a number for each (a count, then a weight). */
class Runs {
  ids = new Int32Array(1 << 16);
  values = new Float32Array(1 << 16);
  length = 0;

  push(id: number, value: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const values = new Float32Array(this.length * 2);
      values.set(this.values);
      this.values = values;
    }
    this.ids[this.length] = id;
    this.values[this.length++] = value;
  }

  /** Each distinct id of `ids` once, ascending, with how many times it occurs. */
  pushCounts(ids: ArrayLike<number>): void {
    const sorted = Int32Array.from(ids).sort();
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) this.values[this.length - 1]!++;
      else this.push(sorted[i]!, 1);
    }
  }

  /** Each distinct value once, ascending (the numbers are not counted). */
  pushDistinct(values: Iterable<number>): void {
    for (const v of Int32Array.from(new Set(values)).sort()) this.push(v, 0);
  }

  /** Gives back what doubling left unused. */
  trim(): void {
    this.ids = this.ids.slice(0, this.length);
    this.values = this.values.slice(0, this.length);
  }
}

/** Every article's runs: run r spans [starts[r], starts[r + 1]); article a's runs are firstRun[a] … firstRun[a + 1] - 1. */
interface Terms {
  runs: Runs;
  starts: Int32Array;
  firstRun: Int32Array;
  weekdays: Int32Array;
  months: Int32Array;
  vocabularySize: number;
}

/** Reads every article's terms into runs, interning each term to an id on first sight; `release`: and lets go of them. */
function readTerms(articles: readonly DatedArticle[], release: boolean): Terms {
  const vocabulary = new Map<string, number>();
  const intern = (term: string): number => {
    let id = vocabulary.get(term);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(term, id);
    }
    return id;
  };
  const runs = new Runs();
  const starts: number[] = [];
  const firstRun = new Int32Array(articles.length + 1);
  const weekdays = new Int32Array(articles.length);
  const months = new Int32Array(articles.length);
  const open = () => starts.push(runs.length);
  articles.forEach((a, i) => {
    const m = a.terms ?? articleTerms(a.title, a.paragraphs);
    if (release) a.terms = undefined;
    // Interned in this order (words, names, quantities, numbers, days): ids decide the order of every
    // vector, and so the order sums are taken in.
    const wordIds = list(m.stems).map(intern);
    const nameIds = list(m.names).map((n) => intern(`N${n}`));
    const quantities = [...new Map(list(m.quantities).map((q) => {
      const unit = q.slice(0, q.indexOf("="));
      return [intern(`Q${q}`), intern(`U${unit}`)] as const;
    }))].sort((x, y) => x[0] - y[0]);
    const numberIds = list(m.numbers).map((n) => intern(`#${n}`));
    const dayIds = list(m.days).map((d) => intern(`@${d}`));
    firstRun[i] = starts.length;
    const title = wordIds.slice(0, m.titleWords);
    open();
    runs.pushCounts(title);
    // The headline counts twice: it states the event in the fewest words.
    open();
    runs.pushCounts([...title, ...wordIds]);
    open();
    runs.pushCounts(wordIds.slice(0, m.leadWords));
    open();
    runs.pushCounts(nameIds);
    open();
    runs.pushCounts(nameIds.slice(0, m.leadNames));
    open();
    runs.pushCounts(numberIds);
    open();
    for (const [q] of quantities) runs.push(q, 0);
    open();
    for (const [, u] of quantities) runs.push(u, 0);
    open();
    runs.pushDistinct(quantities.map(([, u]) => u));
    open();
    runs.pushDistinct(dayIds);
    open();
    runs.pushDistinct(m.years);
    for (let k = 0; k + 1 < m.sentenceStarts.length; k++) {
      const sentence = new Set(wordIds.slice(m.sentenceStarts[k]!, m.sentenceStarts[k + 1]!));
      if (sentence.size < MIN_SENTENCE_TERMS) continue;
      open();
      runs.pushCounts([...sentence]);
    }
    weekdays[i] = m.weekdays;
    months[i] = m.months;
  });
  firstRun[articles.length] = starts.length;
  starts.push(runs.length);
  runs.trim();
  return { runs, starts: Int32Array.from(starts), firstRun, weekdays, months, vocabularySize: vocabulary.size };
}

/**
 * `releaseTerms`: each article's `terms` are emptied once read (they are clustering's alone, and at
 * 100,000 articles some hundred megabytes); the articles then give the same profiles again, only slower.
 */
export function buildProfiles(articles: readonly DatedArticle[], keyCount: number, releaseTerms = false): Profile[] {
  const { runs, starts, firstRun, weekdays, months, vocabularySize } = readTerms(articles, releaseTerms);
  const { ids, values } = runs;
  const run = (a: number, r: number): [number, number] => [starts[firstRun[a]! + r]!, starts[firstRun[a]! + r + 1]!];
  const n = articles.length;
  const df = new Int32Array(vocabularySize);
  for (let a = 0; a < n; a++) {
    for (const r of [WORDS, NAMES, NUMBERS, DAYS]) {
      const [from, to] = run(a, r);
      for (let k = from; k < to; k++) df[ids[k]!]!++;
    }
  }
  const idf = Float32Array.from(df, (d) => Math.log((n + BACKGROUND_DOCUMENTS + 1) / (d + 1)) + 1);
  // Counts become weights in place; the actors and keys, chosen from them, go to runs of their own.
  const chosen = new Runs();
  const chosenStart = new Int32Array(2 * n + 1);
  for (let a = 0; a < n; a++) {
    const sentenceRuns = firstRun[a + 1]! - firstRun[a]! - SENTENCES;
    for (const r of [WORDS, LEAD, TITLE, NAMES, NUMBERS]) weigh(values, ids, idf, ...run(a, r));
    for (let s = 0; s < sentenceRuns; s++) weigh(values, ids, idf, ...run(a, SENTENCES + s));
    const [from, to] = run(a, LEAD_NAMES);
    for (let k = from; k < to; k++) values[k] = idf[ids[k]!]!;
    chosenStart[2 * a] = chosen.length;
    rarest(ids.subarray(from, to), idf, ACTORS, chosen);
    chosenStart[2 * a + 1] = chosen.length;
    topKeys([run(a, WORDS), run(a, NUMBERS)], ids, values, df, keyCount, chosen);
  }
  chosenStart[2 * n] = chosen.length;
  chosen.trim();
  const vector = (from: number, to: number, store: Runs = runs): SparseVector => ({ ids: store.ids, weights: store.values, from, to });
  const plain = (a: number, r: number): IdRun => {
    const [from, to] = run(a, r);
    return { ids, from, to };
  };
  return articles.map((_, a): Profile => {
    const sentences: SparseVector[] = [];
    for (let r = firstRun[a]! + SENTENCES; r < firstRun[a + 1]!; r++) sentences.push(vector(starts[r]!, starts[r + 1]!));
    const keysFrom = chosenStart[2 * a + 1]!;
    return {
      words: vector(...run(a, WORDS)),
      lead: vector(...run(a, LEAD)),
      title: vector(...run(a, TITLE)),
      actors: vector(chosenStart[2 * a]!, keysFrom, chosen),
      quantities: plain(a, QUANTITIES),
      quantityUnits: plain(a, QUANTITY_UNITS),
      units: plain(a, UNITS),
      sentences,
      names: vector(...run(a, NAMES)),
      leadNames: vector(...run(a, LEAD_NAMES)),
      numbers: vector(...run(a, NUMBERS)),
      days: plain(a, DAYS),
      weekdays: weekdays[a]!,
      months: months[a]!,
      years: plain(a, YEARS),
      keys: vector(keysFrom, chosenStart[2 * a + 2]!, chosen),
    };
  });
}

/** How many entries a run has. */
export function size(run: IdRun): number {
  return run.to - run.from;
}

/** The ids of a run, as a new array. */
export function idsOf(run: IdRun): Int32Array {
  return run.ids.slice(run.from, run.to);
}

/** The tokens of a space-separated list (none for an empty one). */
function list(joined: string): string[] {
  return joined ? joined.split(" ") : [];
}

/** Appends the `k` ids of highest IDF (ties to the lower id), sorted, weighted by their IDF. */
function rarest(ids: Int32Array, idf: Float32Array, k: number, out: Runs): void {
  const top = Array.from(ids).sort((x, y) => idf[y]! - idf[x]! || x - y).slice(0, k).sort((x, y) => x - y);
  for (const id of top) out.push(id, idf[id]!);
}

/** Log-scaled TF times IDF, L2-normalised: the counts in values[from, to) become weights. */
function weigh(values: Float32Array, ids: Int32Array, idf: Float32Array, from: number, to: number): void {
  let norm = 0;
  for (let k = from; k < to; k++) {
    const w = (1 + Math.log(values[k]!)) * idf[ids[k]!]!;
    values[k] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = from; k < to; k++) values[k] = values[k]! / norm;
}

/** Appends the `k` heaviest terms of the runs that at least one other article also holds, as sorted ids. */
function topKeys(spans: Array<[number, number]>, ids: Int32Array, weights: Float32Array, df: Int32Array, k: number, out: Runs): void {
  const pool: Array<[number, number]> = [];
  for (const [from, to] of spans) for (let i = from; i < to; i++) if (df[ids[i]!]! >= 2) pool.push([ids[i]!, weights[i]!]);
  pool.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [id, w] of pool.slice(0, k).sort((a, b) => a[0] - b[0])) out.push(id, w);
}

export function dot(a: SparseVector, b: SparseVector): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = a.from;
  let j = b.from;
  let sum = 0;
  while (i < a.to && j < b.to) {
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
  let i = a.from;
  let j = b.from;
  let common = 0;
  let cosine = 0;
  while (i < a.to && j < b.to) {
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
  let i = a.from;
  let j = b.from;
  let hit = 0;
  let all = 0;
  while (i < a.to) {
    const x = ai[i]!;
    while (j < b.to && bi[j]! < x) j++;
    all += a.weights[i]!;
    if (j < b.to && bi[j] === x) hit += a.weights[i]!;
    i++;
  }
  return all > 0 ? hit / all : 0;
}

/** How many ids two runs share. */
export function shared(a: IdRun, b: IdRun): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = a.from;
  let j = b.from;
  let n = 0;
  while (i < a.to && j < b.to) {
    if (ai[i] === bi[j]) {
      n++;
      i++;
      j++;
    } else if (ai[i]! < bi[j]!) i++;
    else j++;
  }
  return n;
}
