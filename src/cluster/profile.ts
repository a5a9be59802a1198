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
import { lowerBound } from "../text/rows.ts";
import { shortHash } from "../text/hash.ts";
import { paragraphsOf } from "../text/article-text.ts";
import { Vocabulary } from "./vocabulary.ts";
import { BACKGROUND_DOCUMENTS, backgroundCounts } from "./background.ts";
import { dayWeights, type WeightStore } from "./weight-store.ts";
import { LEAD, LEAD_NAMES, NAMES, NUMBERS, QUANTITIES, QUANTITY_UNITS, SENTENCES, TermRecord, Ints, TITLE, UNITS, WORDS, DAYS, YEARS } from "./term-record.ts";

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
  /** Blocking keys: the article's most distinctive word and number ids that some other article of its IDF window shares, with their weights in its word or number vector. */
  keys: SparseVector;
  /** The vectors the follow-up step reads, when they are weighed apart from the window (IdfWindow.followUps); absent: the ones above. */
  followUp?: FollowUpVectors;
}

/** What the follow-up step reads of an article (followups.ts, follow-up-features.ts). */
export type FollowUpVectors = Pick<Profile, "words" | "names" | "actors" | "leadNames" | "numbers">;

/**
 * The IDF the follow-up step's vectors are weighed with. "window": the article's IDF window's, as the
 * merge step's. "background": the background table's alone (the window's IDF were the window empty), so
 * that no other article moves them: a story's follow-up vectors then depend only on its members' terms,
 * and a new article changes only the stories it changes the members of (follow-up-reuse.ts).
 */
export type FollowUpIdf = "window" | "background";

/** The follow-up step's IDF when ClusterOptions.followUpIdf is absent (a trial's switch: see FollowUpIdf). */
export const FOLLOW_UP_IDF: FollowUpIdf = "window";

/** How many of the lead's names are its actors. */
export const ACTORS = 3;

/** Parallel growable runs of ids and of a number for each (a count, then a weight). */
class Runs {
  ids = new Int32Array(1 << 16);
  values = new Float32Array(1 << 16);
  length = 0;

  /** Room for `more` entries after the last; `exact`: no more than that (else the size doubles). */
  reserve(more: number, exact = false): void {
    if (this.length + more <= this.ids.length) return;
    let size = this.ids.length * 2;
    while (size < this.length + more) size *= 2;
    if (exact) size = this.length + more;
    const ids = new Int32Array(size);
    ids.set(this.ids.subarray(0, this.length));
    this.ids = ids;
    const values = new Float32Array(size);
    values.set(this.values.subarray(0, this.length));
    this.values = values;
  }

  /** Gives back what doubling left unused. */
  trim(): void {
    this.ids = this.ids.slice(0, this.length);
    this.values = this.values.slice(0, this.length);
  }
}

/**
 * Every article's runs: run r spans [starts[r], ends[r]); article a's runs are firstRun[a] … lastRun[a] - 1
 * (in the order the articles were read: see readTerms).
 */
interface Terms {
  runs: Runs;
  starts: Int32Array;
  ends: Int32Array;
  firstRun: Int32Array;
  lastRun: Int32Array;
  weekdays: Int32Array;
  months: Int32Array;
  vocabularySize: number;
  /** Each term id's count among the background articles (background.ts). */
  background: Float32Array;
}

const record = new TermRecord();

/** How many articles' runs readTerms reads before it makes room for all of them. */
const ESTIMATE_AFTER = 256;

/** The article's terms (term-record.ts) read into `record`: its own when they are sound, else worked out from its text. Returns the record read. */
export function loadTerms(a: DatedArticle, into: TermRecord): string {
  if (a.terms !== undefined && into.load(a.terms)) return a.terms;
  const terms = articleTerms(a.title, paragraphsOf(a));
  if (!into.load(terms)) throw new Error(`clustering: the terms of ${a.path} do not read back`);
  return terms;
}

/**
 * Reads every article's terms into runs, each term given an id on first sight and then its rank;
 * `release`: and lets go of them. `layout`: the order the articles' runs are laid out in memory (they
 * are read in that order, so they are written where they stay); the ids are ranks, the same in any order.
 */
function readTerms(articles: readonly DatedArticle[], release: boolean, layout: Int32Array | undefined, keys: string[] | undefined): Terms {
  const vocabulary = new Vocabulary();
  const runs = new Runs();
  const n = articles.length;
  const terms: Terms = { runs, starts: new Int32Array(0), ends: new Int32Array(0), firstRun: new Int32Array(n), lastRun: new Int32Array(n), weekdays: new Int32Array(n), months: new Int32Array(n), vocabularySize: 0, background: new Float32Array(0) };
  const bounds = readRecords(articles, release, layout, keys, vocabulary, terms);
  terms.starts = bounds.starts.data;
  terms.ends = bounds.ends.data;
  const rank = vocabulary.ranks();
  renumber(terms, rank);
  terms.background = backgroundCounts(vocabulary.size, (id) => vocabulary.hashOf(id), (id) => vocabulary.tagOf(id), rank);
  // Trimmed only when much is unused (a small batch in the first arrays): a copy of every run into fresh
  // memory cost more than the reading (its pages touched for the first time), and the estimate's margin
  // (ESTIMATE_AFTER) is a tenth or so.
  if (runs.ids.length > 1.25 * runs.length) runs.trim();
  terms.vocabularySize = vocabulary.size;
  return terms;
}

/** readTerms' loop over the articles (a function of its own: V8 optimises it once, with its loop). Returns the runs' bounds, in the order read. */
function readRecords(articles: readonly DatedArticle[], release: boolean, layout: Int32Array | undefined, keys: string[] | undefined, vocabulary: Vocabulary, into: Terms): { starts: Ints; ends: Ints } {
  const { runs, firstRun, lastRun, weekdays, months } = into;
  const n = articles.length;
  const starts = new Ints();
  const ends = new Ints();
  // As large as TermRecord's own buffers (see there).
  let local = new Int32Array(record.hashes.length);
  for (let o = 0; o < n; o++) {
    const i = layout ? layout[o]! : o;
    const a = articles[i]!;
    const read = loadTerms(a, record);
    // What the article contributes to its vectors: a key of its terms record (rows.ts keys its pairs by it),
    // the one made with its terms when they are what was read.
    if (keys) keys[i] = a.termsKey !== undefined && read === a.terms ? a.termsKey : record.key();
    if (release) a.terms = undefined;
    const { count, hashes, tags, bounds, ids, values } = record;
    if (count > local.length) local = new Int32Array(2 * count);
    // Ids in order of first sight, made ranks below (Vocabulary.ranks): ids decide the order of every
    // vector, and so the order sums are taken in, which must not depend on the batch.
    for (let k = 0; k < count; k++) local[k] = vocabulary.idOf(hashes[k]!, tags[k]!);
    firstRun[i] = starts.length;
    lastRun[i] = starts.length + record.runs;
    // Room for all, guessed from the first articles: growing by doubling copied the runs again and again
    // (a tenth of the profiles' time at 10,000 articles).
    if (o === ESTIMATE_AFTER) runs.reserve(Math.ceil((runs.length / o) * (n - o) * 1.1), true);
    runs.reserve(bounds[record.runs]!);
    const out = runs.ids;
    let at = runs.length;
    // The runs lie one after another as in the record: their values are copied at once.
    runs.values.set(values.subarray(0, bounds[record.runs]!), at);
    for (let r = 0; r < record.runs; r++) {
      starts.push(at);
      const to = bounds[r + 1]!;
      if (r === YEARS) for (let e = bounds[r]!; e < to; e++) out[at++] = ids[e]!;
      else for (let e = bounds[r]!; e < to; e++) out[at++] = local[ids[e]!]!;
      ends.push(at);
    }
    runs.length = at;
    weekdays[i] = record.weekdays;
    months[i] = record.months;
  }
  return { starts, ends };
}

/**
 * Gives every run its ids' ranks. A record lists an article's terms in the order of rank (term-record.ts),
 * so each run stays in the order it was (ascending, the quantities' units alongside). Years are numbers, not ids.
 */
function renumber(terms: Terms, rank: Int32Array): void {
  const { runs, starts, ends, firstRun, lastRun } = terms;
  const ids = runs.ids;
  for (let a = 0; a < firstRun.length; a++) {
    for (let r = firstRun[a]!; r < lastRun[a]!; r++) {
      if (r - firstRun[a]! === YEARS) continue;
      for (let k = starts[r]!, end = ends[r]!; k < end; k++) ids[k] = rank[ids[k]!]!;
    }
  }
}

/** Which articles' document frequencies an article's IDF is taken from (see buildProfiles). */
export interface IdfWindow {
  /** Each article's day (a whole number), null when undated. */
  days: ReadonlyArray<number | null>;
  windowDays: number;
  /** A window is widened until it holds this many dated articles (or all): see idfRadius. */
  minDocuments: number;
  /** Counts enter the IDF quantised on a log scale, bins this wide (see quantisedCounts); IDF_BIN_WIDTH when absent, 0: exact. */
  binWidth?: number;
  /** The follow-up vectors' IDF (FollowUpIdf); "window" when absent: no vectors of their own. */
  followUps?: FollowUpIdf;
}

/**
 * What buildProfiles may fill besides the profiles, each article's entry in its input order: `termKeys`,
 * a hash of the terms record read (rows.ts); `prints`, a hash of what its window made of them (every
 * weight of its vectors, and which of its words and numbers another article of its window holds: what
 * chooses its keys), so that with its terms key it says all its profile holds.
 */
export interface ProfileKeys {
  termKeys?: string[];
  prints?: string[];
  /**
   * Where the last build's weights are kept, a day at a time (weight-store.ts): a day whose IDF window holds
   * the articles it held then (by their terms keys) takes its articles' weights, actors, keys and prints
   * from there. Used with `termKeys` (filled here) and `prints`, every article dated.
   */
  weights?: WeightStore;
}

/**
 * `layout`: the order the articles' vectors lie in memory (by day, in clustering: see index.ts); the
 * vectors are the same in any. `releaseTerms`: each article's `terms` are emptied once read (they are clustering's alone, and at
 * 100,000 articles some hundred megabytes); the articles then give the same profiles again, only slower.
 *
 * `window`: an article's IDF (and which of its terms another article holds, for its keys) counts only
 * the dated articles within `windowDays` of its day (more, where that holds few: idfRadius), and the
 * undated ones, so its vectors depend on those articles alone, not on the whole batch: a build that adds
 * a dated article changes the vectors of the articles near its day only (index.ts reuses the rest). An
 * undated article counts the whole batch; without `window`, every article does.
 */
export function buildProfiles(articles: readonly DatedArticle[], keyCount: number, releaseTerms = false, layout?: Int32Array, window?: IdfWindow, keys: ProfileKeys = {}): Profile[] {
  const { runs, starts, ends, firstRun, lastRun, weekdays, months, vocabularySize, background } = readTerms(articles, releaseTerms, layout, keys.termKeys);
  const prints = keys.prints;
  const { ids, values } = runs;
  // The counts, before the window makes them weights: the follow-up vectors are weighed from them apart.
  const followUpValues = window?.followUps === "background" ? values.slice(0, runs.length) : null;
  const from = (a: number, r: number) => starts[firstRun[a]! + r]!;
  const to = (a: number, r: number) => ends[firstRun[a]! + r]!;
  const n = articles.length;
  const df = new Int32Array(vocabularySize);
  const idf = new Float32Array(vocabularySize);
  const q = quantisedCounts(n, window?.binWidth ?? IDF_BIN_WIDTH);
  const count = (a: number, by: number) => {
    for (let c = 0; c < COUNTED_IN_DF.length; c++) {
      const r = firstRun[a]! + COUNTED_IN_DF[c]!;
      for (let k = starts[r]!, end = ends[r]!; k < end; k++) df[ids[k]!]! += by;
    }
  };
  // Counts become weights in place; the actors and keys, chosen from them, go to runs of their own.
  const chosen = new Runs();
  // Room for every article's actors and keys at once (doubling copied them again and again).
  chosen.reserve(n * (ACTORS + keyCount), true);
  // Article a's actors are chosen[3a] … chosen[3a + 1] - 1, its keys chosen[3a + 1] … chosen[3a + 2] - 1.
  const chosenStart = new Int32Array(3 * n);
  // Each chosen one's entry among its article's runs (what the weight store keeps of it; unused without one).
  const chosenEntries = new Int32Array(keys.weights ? n * (ACTORS + keyCount) : 0);
  const top = new TopK();
  // IDF by count for the window being weighed (windowStamp): see weighArticle.
  const idfOfCount = new Float64Array(n + 1);
  const idfStamp = new Int32Array(n + 1);
  // The window whose IDF idf[id] holds for a background word (0: none yet).
  const idfStampOfId = new Int32Array(vocabularySize);
  let windowStamp = 0;
  /** Weighs article a with the document frequencies in `df` of `documents` articles. */
  const weighArticle = (a: number, documents: number) => {
    // A term's IDF depends on its count alone while one window is counted: worked out once per count.
    const all = q[documents]! + BACKGROUND_DOCUMENTS + 1;
    for (let c = 0; c < IDF_OF.length; c++) {
      const r = firstRun[a]! + IDF_OF[c]!;
      for (let k = starts[r]!, end = ends[r]!; k < end; k++) {
        const c = df[ids[k]!]!;
        // A word common in news at large counts as common in the window, however few articles it holds.
        const id = ids[k]!;
        const common = background[id]!;
        if (common > 0) {
          // Its count and the window's size are the window's: worked out once per id and window (idf keeps it).
          if (idfStampOfId[id] !== windowStamp) {
            idf[id] = Math.log(all / (q[c]! + common + 1)) + 1;
            idfStampOfId[id] = windowStamp;
          }
          continue;
        }
        if (idfStamp[c] !== windowStamp) {
          idfOfCount[c] = Math.log(all / (q[c]! + 1)) + 1;
          idfStamp[c] = windowStamp;
        }
        idf[ids[k]!] = idfOfCount[c]!;
      }
    }
    for (let c = 0; c < WEIGHED.length; c++) weigh(values, ids, idf, from(a, WEIGHED[c]!), to(a, WEIGHED[c]!));
    for (let r = firstRun[a]! + SENTENCES; r < lastRun[a]!; r++) weigh(values, ids, idf, starts[r]!, ends[r]!);
    const leadFrom = from(a, LEAD_NAMES);
    const leadTo = to(a, LEAD_NAMES);
    for (let k = leadFrom; k < leadTo; k++) values[k] = idf[ids[k]!]!;
    chosenStart[3 * a] = chosen.length;
    // The rarest lead names (highest IDF, ties to the lower id).
    top.start(ACTORS);
    for (let k = leadFrom; k < leadTo; k++) top.offer(ids[k]!, idf[ids[k]!]!, k);
    top.emit(chosen, chosenEntries);
    chosenStart[3 * a + 1] = chosen.length;
    // The heaviest words and numbers that at least one other article also holds.
    top.start(keyCount);
    for (let c = 0; c < KEYED.length; c++) {
      const r = firstRun[a]! + KEYED[c]!;
      for (let k = starts[r]!, end = ends[r]!; k < end; k++) if (df[ids[k]!]! >= 2) top.offer(ids[k]!, values[k]!, k);
    }
    top.emit(chosen, chosenEntries);
    chosenStart[3 * a + 2] = chosen.length;
    if (prints) prints[a] = printOf(a);
  };
  // The bytes a print hashes: the article's weights (their bits), then a byte for each of its words and
  // numbers, whether another article of its window holds it. Hashed in one call (a hash object per
  // article cost more than the hashing).
  const valueBits = new Int32Array(values.buffer, values.byteOffset, values.length);
  let printBytes = new Uint8Array(4096);
  let printBits = new Int32Array(printBytes.buffer);
  const printOf = (a: number): string => {
    const first = firstRun[a]!;
    const last = lastRun[a]!;
    const begin = first < last ? starts[first]! : 0;
    const end = first < last ? ends[last - 1]! : 0;
    let size = 4 * (end - begin);
    for (let c = 0; c < KEYED.length; c++) size += to(a, KEYED[c]!) - from(a, KEYED[c]!);
    if (printBytes.length < size) {
      printBytes = new Uint8Array(2 * size + 4);
      printBits = new Int32Array(printBytes.buffer, 0, printBytes.length >> 2);
    }
    for (let k = begin, w = 0; k < end; k++) printBits[w++] = valueBits[k]!;
    let at = 4 * (end - begin);
    for (let c = 0; c < KEYED.length; c++) {
      const r = first + KEYED[c]!;
      for (let k = starts[r]!, stop = ends[r]!; k < stop; k++) printBytes[at++] = df[ids[k]!]! >= 2 ? 1 : 0;
    }
    return shortHash(printBytes.subarray(0, at), 32);
  };
  const dated: number[] = [];
  const undated: number[] = [];
  const dayOf = window ? (a: number) => window.days[a] ?? null : () => null;
  for (let a = 0; a < n; a++) (dayOf(a) === null ? undated : dated).push(a);
  dated.sort((x, y) => dayOf(x)! - dayOf(y)! || x - y);
  // A window sliding over the days: the articles of days d - r … d + r are counted while day d is weighed,
  // r the window's own radius (see idfRadius).
  // Undated articles might be of any day: every window counts them.
  const datedDays = Int32Array.from(dated, (a) => dayOf(a)!);
  const termKeys = keys.termKeys;
  const store = keys.weights && termKeys && prints && window && undated.length === 0 ? dayWeights(keys.weights, { dated, datedDays, ids, values, starts, ends, firstRun, lastRun, chosen, chosenStart, chosenEntries, prints, keyCount }, termKeys, ACTORS) : null;
  for (const a of undated) count(a, 1);
  let lo = 0;
  let hi = 0;
  for (let o = 0; o < dated.length; ) {
    const day = datedDays[o]!;
    let end = o;
    while (end < dated.length && datedDays[end] === day) end++;
    const r = idfRadius(datedDays, o, window?.windowDays ?? 0, window?.minDocuments ?? 0);
    const newLo = lowerBound(datedDays, 0, dated.length, day - r);
    const newHi = lowerBound(datedDays, 0, dated.length, day + r + 1);
    // A day taken from the store needs no counts: the window moves on only to a day that is weighed.
    const key = store ? store.key(day, r, window?.binWidth ?? IDF_BIN_WIDTH, newLo, newHi) : "";
    if (store && store.take(day, key, o, end)) {
      o = end;
      continue;
    }
    if (newLo >= hi) {
      // Past the last window (days taken between): counted afresh.
      for (; lo < hi; lo++) count(dated[lo]!, -1);
      lo = hi = newLo;
    }
    for (; hi < newHi; hi++) count(dated[hi]!, 1);
    for (; hi > newHi; hi--) count(dated[hi - 1]!, -1);
    for (; lo < newLo; lo++) count(dated[lo]!, -1);
    for (; lo > newLo; lo--) count(dated[lo - 1]!, 1);
    windowStamp++;
    for (let k = o; k < end; k++) weighArticle(dated[k]!, hi - lo + undated.length);
    store?.keep(day, key, o, end);
    o = end;
  }
  if (undated.length > 0) {
    for (; lo < hi; lo++) count(dated[lo]!, -1);
    for (const a of dated) count(a, 1);
    windowStamp++;
    for (const a of undated) weighArticle(a, n);
  }
  store?.done([...new Set(datedDays)]);
  chosen.trim();
  const followUps = followUpValues ? backgroundWeighed(n, followUpValues, { ids, starts, ends, firstRun }, background) : null;
  const vector = (a: number, r: number): SparseVector => ({ ids, weights: values, from: from(a, r), to: to(a, r) });
  const plain = (a: number, r: number): IdRun => ({ ids, from: from(a, r), to: to(a, r) });
  const profiles = new Array<Profile>(n);
  for (let a = 0; a < n; a++) {
    const sentences: SparseVector[] = [];
    for (let r = firstRun[a]! + SENTENCES; r < lastRun[a]!; r++) sentences.push({ ids, weights: values, from: starts[r]!, to: ends[r]! });
    const keysFrom = chosenStart[3 * a + 1]!;
    profiles[a] = {
      words: vector(a, WORDS),
      lead: vector(a, LEAD),
      title: vector(a, TITLE),
      actors: { ids: chosen.ids, weights: chosen.values, from: chosenStart[3 * a]!, to: keysFrom },
      quantities: plain(a, QUANTITIES),
      quantityUnits: plain(a, QUANTITY_UNITS),
      units: plain(a, UNITS),
      sentences,
      names: vector(a, NAMES),
      leadNames: vector(a, LEAD_NAMES),
      numbers: vector(a, NUMBERS),
      days: plain(a, DAYS),
      weekdays: weekdays[a]!,
      months: months[a]!,
      years: plain(a, YEARS),
      keys: { ids: chosen.ids, weights: chosen.values, from: keysFrom, to: chosenStart[3 * a + 2]! },
    };
    if (followUps) profiles[a]!.followUp = followUps(a);
  }
  return profiles;
}

/**
 * Every article's follow-up vectors weighed with the background table's IDF alone (FollowUpIdf
 * "background"), in `counts` (a copy of the runs' counts) in place: each article's follow-up vectors.
 */
function backgroundWeighed(n: number, counts: Float32Array, at: { ids: Int32Array; starts: Int32Array; ends: Int32Array; firstRun: Int32Array }, background: Float32Array): (a: number) => FollowUpVectors {
  const { ids, starts, ends, firstRun } = at;
  // The window's IDF of an empty window: only the background articles count.
  const idf = new Float32Array(background.length);
  for (let id = 0; id < idf.length; id++) idf[id] = Math.log((BACKGROUND_DOCUMENTS + 1) / (background[id]! + 1)) + 1;
  const actors = new Runs();
  actors.reserve(n * ACTORS, true);
  const actorsStart = new Int32Array(n + 1);
  const top = new TopK();
  const none = new Int32Array(0);
  for (let a = 0; a < n; a++) {
    for (const r of [WORDS, NAMES, NUMBERS]) weigh(counts, ids, idf, starts[firstRun[a]! + r]!, ends[firstRun[a]! + r]!);
    const leadFrom = starts[firstRun[a]! + LEAD_NAMES]!;
    const leadTo = ends[firstRun[a]! + LEAD_NAMES]!;
    for (let k = leadFrom; k < leadTo; k++) counts[k] = idf[ids[k]!]!;
    actorsStart[a] = actors.length;
    top.start(ACTORS);
    for (let k = leadFrom; k < leadTo; k++) top.offer(ids[k]!, idf[ids[k]!]!, k);
    top.emit(actors, none);
  }
  actorsStart[n] = actors.length;
  const vector = (a: number, r: number): SparseVector => ({ ids, weights: counts, from: starts[firstRun[a]! + r]!, to: ends[firstRun[a]! + r]! });
  return (a) => ({ words: vector(a, WORDS), names: vector(a, NAMES), leadNames: vector(a, LEAD_NAMES), numbers: vector(a, NUMBERS), actors: { ids: actors.ids, weights: actors.values, from: actorsStart[a]!, to: actorsStart[a + 1]! } });
}

/** Whether (id, weight) comes before (otherId, otherWeight): heavier, or as heavy with the lower id. */
function heavier(id: number, weight: number, otherId: number, otherWeight: number): boolean {
  return weight > otherWeight || (weight === otherWeight && id < otherId);
}

const COUNTED_IN_DF = [WORDS, NAMES, NUMBERS, DAYS];
/** The runs whose ids hold every id weighed (the lead, the headline and the sentences are words too). */
const IDF_OF = [WORDS, NAMES, NUMBERS];
const WEIGHED = [WORDS, LEAD, TITLE, NAMES, NUMBERS];
const KEYED = [WORDS, NUMBERS];

/**
 * The width (natural log of count + 1) of the bins counts are quantised in before they make an IDF. One
 * more article in a window moves a term's weight only when its count crosses a bin's edge, so a new
 * article leaves the vectors of most articles near its day as they were; counts below about 1 / width
 * have a bin each (a term's second article still counts).
 */
export const IDF_BIN_WIDTH = 0;

/**
 * q[c] for each count c in 0 … max: the least count of c's bin, the bins `width` wide in log(c + 1);
 * width 0: q[c] = c.
 */
export function quantisedCounts(max: number, width: number): Int32Array {
  const q = new Int32Array(max + 1);
  const bin = (c: number) => (width > 0 ? Math.floor(Math.log(c + 1) / width) : c);
  for (let c = 1; c <= max; c++) q[c] = bin(c) === bin(c - 1) ? q[c - 1]! : c;
  return q;
}

/**
 * The radius of the IDF window of the day `days[at]` (days ascending): `windowDays`, or more while the
 * window holds fewer than `minDocuments` articles (a quiet week's few articles say little about which
 * words are common), or all there are. It depends only on how many articles lie near the day.
 */
export function idfRadius(days: Int32Array, at: number, windowDays: number, minDocuments: number): number {
  const day = days[at]!;
  const n = days.length;
  const inside = (r: number) => lowerBound(days, 0, n, day + r + 1) - lowerBound(days, 0, n, day - r);
  const want = Math.min(minDocuments, n);
  if (inside(windowDays) >= want) return windowDays;
  let [lo, hi] = [windowDays, Math.max(windowDays, day - days[0]!, days[n - 1]! - day)];
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (inside(mid) >= want) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The k heaviest of the (id, weight) pairs offered (ties to the lower id; ids offered are distinct),
 * kept in a short list ordered heaviest first, and emitted by ascending id.
 */
class TopK {
  private ids = new Int32Array(64);
  private weights = new Float64Array(64);
  /** Where each was offered from (its entry among the article's runs). */
  private entries = new Int32Array(64);
  private k = 0;
  private length = 0;

  start(k: number): void {
    this.k = k;
    this.length = 0;
    if (this.ids.length < k + 1) {
      this.ids = new Int32Array(k + 1);
      this.weights = new Float64Array(k + 1);
      this.entries = new Int32Array(k + 1);
    }
  }

  offer(id: number, weight: number, entry: number): void {
    const { ids, weights, entries } = this;
    if (this.length === this.k && (this.k === 0 || !heavier(id, weight, ids[this.k - 1]!, weights[this.k - 1]!))) return;
    let at = this.length === this.k ? this.k - 1 : this.length++;
    while (at > 0 && heavier(id, weight, ids[at - 1]!, weights[at - 1]!)) {
      ids[at] = ids[at - 1]!;
      weights[at] = weights[at - 1]!;
      entries[at] = entries[at - 1]!;
      at--;
    }
    ids[at] = id;
    weights[at] = weight;
    entries[at] = entry;
  }

  /** Emits into `out`, and each one's entry into `entriesOut` at the same places. */
  emit(out: Runs, entriesOut: Int32Array): void {
    // Few entries: insertion sort by id, weights alongside.
    const { ids, weights, entries } = this;
    for (let i = 1; i < this.length; i++) {
      const id = ids[i]!;
      const weight = weights[i]!;
      const entry = entries[i]!;
      let at = i;
      for (; at > 0 && ids[at - 1]! > id; at--) {
        ids[at] = ids[at - 1]!;
        weights[at] = weights[at - 1]!;
        entries[at] = entries[at - 1]!;
      }
      ids[at] = id;
      weights[at] = weight;
      entries[at] = entry;
    }
    out.reserve(this.length);
    for (let k = 0, at = out.length; k < this.length; k++, at++) {
      out.ids[at] = ids[k]!;
      out.values[at] = weights[k]!;
      if (at < entriesOut.length) entriesOut[at] = entries[k]!;
    }
    out.length += this.length;
  }
}

/** How many entries a run has. */
export function size(run: IdRun): number {
  return run.to - run.from;
}

/** The ids of a run, as a new array. */
export function idsOf(run: IdRun): Int32Array {
  return run.ids.slice(run.from, run.to);
}

/** 1 + log(c) for the counts c a term mostly has (the same numbers Math.log gives). */
const ONE_PLUS_LOG = Float64Array.from({ length: 256 }, (_, c) => 1 + Math.log(c));

/** Log-scaled TF times IDF, L2-normalised: the counts in values[from, to) become weights. */
function weigh(values: Float32Array, ids: Int32Array, idf: Float32Array, from: number, to: number): void {
  let norm = 0;
  for (let k = from; k < to; k++) {
    const c = values[k]!;
    const w = (c < ONE_PLUS_LOG.length && c === Math.floor(c) ? ONE_PLUS_LOG[c]! : 1 + Math.log(c)) * idf[ids[k]!]!;
    values[k] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = from; k < to; k++) values[k] = values[k]! / norm;
}

/**
 * A vector spread out by id: weight[id] for each of its ids, 0 elsewhere (every weight of a vector is above 0).
 * Beside it, a bit per id (`held`) says which ids the vector holds: a lookup tests the bit first, and the
 * bits of the whole vocabulary (12 KB at 100,000 terms) stay in the core's first cache where `weight`
 * (32 times larger) does not, while most ids looked up are not held.
 */
export class Spread {
  weight = new Float32Array(0);
  private held = new Int32Array(0);
  private set: SparseVector | null = null;

  /** Spreads `v` (and clears what the last one set). */
  load(v: SparseVector): void {
    this.clear();
    let top = 0;
    for (let k = v.from; k < v.to; k++) top = Math.max(top, v.ids[k]!);
    if (top >= this.weight.length) {
      this.weight = new Float32Array(Math.max(top + 1, 2 * this.weight.length));
      this.held = new Int32Array((this.weight.length + 31) >>> 5);
    }
    const { weight, held } = this;
    for (let k = v.from; k < v.to; k++) {
      const id = v.ids[k]!;
      weight[id] = v.weights[k]!;
      held[id >>> 5]! |= 1 << (id & 31);
    }
    this.set = v;
  }

  clear(): void {
    const v = this.set;
    if (v) {
      for (let k = v.from; k < v.to; k++) {
        const id = v.ids[k]!;
        this.weight[id] = 0;
        this.held[id >>> 5] = 0;
      }
    }
    this.set = null;
  }

  /** The dot product with `b`, summed in order of id (as a merge of the two would, so the same to the last bit). */
  dot(b: SparseVector): number {
    const { weight, held } = this;
    const size = weight.length;
    const { ids, weights, from, to } = b;
    let sum = 0;
    for (let k = from; k < to; k++) {
      const id = ids[k]!;
      if (id < size && (held[id >>> 5]! & (1 << (id & 31))) !== 0) {
        const w = weight[id]!;
        if (w !== 0) sum += w * weights[k]!;
      }
    }
    return sum;
  }

  /** As `overlap(spread vector, b)`: how many ids the two share, and their cosine (the shared result object). */
  overlap(b: SparseVector): { common: number; cosine: number } {
    const { weight, held } = this;
    const size = weight.length;
    const { ids, weights, from, to } = b;
    let common = 0;
    let cosine = 0;
    for (let k = from; k < to; k++) {
      const id = ids[k]!;
      if (id < size && (held[id >>> 5]! & (1 << (id & 31))) !== 0) {
        const w = weight[id]!;
        if (w !== 0) {
          common++;
          cosine += w * weights[k]!;
        }
      }
    }
    OVERLAP.common = common;
    OVERLAP.cosine = cosine;
    return OVERLAP;
  }

  /** `covered(b, spread vector)`: the share of `b`'s weight on ids the spread vector holds. */
  coveredBy(b: SparseVector): number {
    const { weight, held } = this;
    const size = weight.length;
    let hit = 0;
    let all = 0;
    for (let k = b.from; k < b.to; k++) {
      const id = b.ids[k]!;
      all += b.weights[k]!;
      if (id < size && (held[id >>> 5]! & (1 << (id & 31))) !== 0 && weight[id] !== 0) hit += b.weights[k]!;
    }
    return all > 0 ? hit / all : 0;
  }
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
