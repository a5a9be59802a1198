// Copies of one article among the inputs (a page saved as HTML and as a text dump, one wire story carried by two
// outlets) are one story whatever days their own evidence gives them: the copy whose day rests on the strongest
// evidence (src/date's evidenceRank: the publisher's structured data before the address, before a line of visible text…) dates
// the copies whose evidence is weaker, each of which says so in one message. Copies dated on evidence as strong
// keep their days (two outlets' front matter: a text published again later, such as a follow-up that reuses it). Run over the dated articles before clustering, so that the
// copies meet in the date window and cluster as any two reports of one event do.
//
// "A copy": the two articles' bags of words (clustering's WORDS run of their term records: headline twice, then
// every body word with its count) overlap by at least COPY_OVERLAP (weighted Jaccard: Σ min / Σ max). Pairs are
// found by min-hash (one permutation of each article's distinct words in SKETCH bins, two bins a band): never all
// pairs; a band value held by more than BUCKET_CAP articles proposes none; and only pairs of articles dated on
// evidence of different strength are compared. Deterministic: the same articles give the same copies whatever
// order they come in and whichever build (cold or incremental) reads them.
import type { DatedArticle, Message } from "../types.ts";
import { evidenceRank, ownDayOf } from "../date/index.ts";
import { articleTerms, TermRecord, termsKey, WORDS, type WrittenTerms } from "../cluster/index.ts";
import { paragraphsOf } from "../text/article-text.ts";

/** Weighted Jaccard of two articles' word bags from which they are copies of one article. */
const COPY_OVERLAP = 0.45;
/** Articles with fewer distinct words than this are not compared (short texts share their words by chance). */
const MIN_COPY_WORDS = 40;
/** Min-hash bins per article (2^(32 - BIN_SHIFT)), and the bands they are cut into (two bins a band). */
const SKETCH = 32;
const BANDS = 16;
const BIN_SHIFT = 27;
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const EMPTY = 2 ** 32;
/**
 * Pairs whose sketches agree on fewer bins than this share are not compared word by word: at 32 bins the estimate
 * of a pair at COPY_OVERLAP is this low less than once in 50 (two standard deviations).
 */
const SKETCH_LIKENESS = 0.25;
/** A band value shared by more articles than this proposes no pairs (a stock text, not a copy). */
const BUCKET_CAP = 40;

const COPY_RULE = "copy-date";

interface Bag {
  hashes: Int32Array;
  tags: Uint32Array;
  counts: Float32Array;
  total: number;
}

const record = new TermRecord();

/** The article's term record: the one it carries, else made from its text. */
function termsOf(a: DatedArticle): string {
  return a.terms || articleTerms(a.title, paragraphsOf(a));
}

/** The article's word bag (its WORDS run), in the record's order of terms; null when its record is not sound. */
function bagOf(a: DatedArticle): Bag | null {
  if (!record.load(termsOf(a))) return null;
  const from = record.bounds[WORDS]!;
  const to = record.bounds[WORDS + 1]!;
  const n = to - from;
  const bag: Bag = { hashes: new Int32Array(n), tags: new Uint32Array(n), counts: new Float32Array(n), total: 0 };
  for (let k = 0; k < n; k++) {
    const p = record.ids[from + k]!;
    bag.hashes[k] = record.hashes[p]!;
    bag.tags[k] = record.tags[p]!;
    bag.counts[k] = record.values[from + k]!;
    bag.total += record.values[from + k]!;
  }
  return bag;
}

/** Σ min / Σ max of two bags' counts (both in the record's order of terms: hash unsigned, then tag). */
function overlap(x: Bag, y: Bag): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < x.hashes.length && j < y.hashes.length) {
    const hx = x.hashes[i]! >>> 0;
    const hy = y.hashes[j]! >>> 0;
    if (hx === hy && x.tags[i] === y.tags[j]) {
      shared += Math.min(x.counts[i]!, y.counts[j]!);
      i++;
      j++;
    } else if (hx < hy || (hx === hy && x.tags[i]! < y.tags[j]!)) i++;
    else j++;
  }
  const union = x.total + y.total - shared;
  return union > 0 ? shared / union : 0;
}

/** A 32-bit mix of a term's two hashes (its place in the min-hash's one permutation). */
function mix(h: number, t: number): number {
  let x = Math.imul(h ^ 0x9e3779b9, 0x85ebca6b) ^ t;
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A sketch as an article carries it (DatedArticle.copySketch): its bins as 32-bit numbers, little-endian, EMPTY as 0xffffffff, base64. */
const SKETCH_BYTES = 4 * SKETCH;
const SKETCH_CHARS = Math.ceil(SKETCH_BYTES / 3) * 4;
const bins = new Uint32Array(SKETCH);
const binBytes = Buffer.from(bins.buffer);

/**
 * The min-hash sketch of the distinct words `each` visits (it returns how many), into `bins`: one permutation cut
 * into SKETCH bins (the top bits of a word's mix choose its bin, the rest is its value; 0xffffffff: no word fell in
 * the bin). False when there are fewer than MIN_COPY_WORDS distinct words (no sketch).
 */
function sketchInto(each: (visit: (hash: number, tag: number) => void) => number): boolean {
  bins.fill(0xffffffff);
  const distinct = each((hash, tag) => {
    const x = mix(hash, tag);
    const bin = x >>> BIN_SHIFT;
    const v = x & VALUE_MASK;
    if (v < bins[bin]!) bins[bin] = v;
  });
  return distinct >= MIN_COPY_WORDS;
}

/** The WORDS run of the record last loaded, each distinct word once (the run holds each once), to `visit`. */
function loadedWords(visit: (hash: number, tag: number) => void): number {
  const from = record.bounds[WORDS]!;
  const to = record.bounds[WORDS + 1]!;
  for (let k = from; k < to; k++) {
    const p = record.ids[k]!;
    visit(record.hashes[p]!, record.tags[p]!);
  }
  return to - from;
}

/**
 * The sketch of a record just written (src/cluster articleTermsKeyed's `readWritten`: its words, not decoded
 * again), as the article carries it; null when it has fewer than MIN_COPY_WORDS distinct words. The per-article
 * step makes it with the terms (src/pipeline/article.ts), and the cache keeps it.
 */
export function copySketchOfWritten(terms: WrittenTerms): string | null {
  return sketchInto((visit) => terms(WORDS, visit)) ? binBytes.toString("base64") : null;
}

/**
 * The sketch the article carries, into `into` at `at` (SKETCH numbers): true when it holds one; false when it
 * holds none that reads back (the caller works it out from the terms); null when it is too short to have one.
 */
function carriedSketch(a: DatedArticle, into: Float64Array, at: number): boolean | null {
  const carried = a.copySketch;
  if (carried === null) return null;
  if (typeof carried !== "string" || carried.length !== SKETCH_CHARS) return false;
  if (binBytes.write(carried, "base64") !== SKETCH_BYTES) return false;
  binsInto(into, at);
  return true;
}

/** `bins` into `into` at `at`, EMPTY for an empty bin. */
function binsInto(into: Float64Array, at: number): void {
  for (let k = 0; k < SKETCH; k++) into[at + k] = bins[k] === 0xffffffff ? EMPTY : bins[k]!;
}

/**
 * Every article's sketch, SKETCH bins a row (an article without one: all EMPTY), and its band keys, BANDS a row
 * (a band's two bins as one number; -1 when either bin is empty or the article has no sketch): from the sketch
 * the article carries, else worked out from its terms.
 */
function sketchesOf(articles: readonly DatedArticle[]): { values: Float64Array; keys: Float64Array } {
  const values = new Float64Array(articles.length * SKETCH).fill(EMPTY);
  const keys = new Float64Array(articles.length * BANDS).fill(-1);
  articles.forEach((a, i) => {
    const carried = carriedSketch(a, values, i * SKETCH);
    if (carried === null) return;
    if (!carried) {
      if (!record.load(termsOf(a)) || !sketchInto(loadedWords)) return;
      binsInto(values, i * SKETCH);
    }
    for (let b = 0; b < BANDS; b++) {
      const x = values[i * SKETCH + 2 * b]!;
      const y = values[i * SKETCH + 2 * b + 1]!;
      if (x !== EMPTY && y !== EMPTY) keys[i * BANDS + b] = x * (VALUE_MASK + 1) + y;
    }
  });
  return { values, keys };
}

/**
 * Each candidate pair of `articles` (two that share a band of their sketches, of different `ranks` when given)
 * once, to `visit`, a < b: a pair is a candidate in the first band it shares, when no more than BUCKET_CAP
 * articles share that band's value, and when their sketches agree on SKETCH_LIKENESS of their bins. `bag` gives
 * an article's word bag (each decoded once). The pairs come in no set order (what is made of them does not
 * depend on it).
 */
function candidates(articles: readonly DatedArticle[], visit: (a: number, b: number, bag: (i: number) => Bag | null) => void, ranks: Int32Array | null = null): void {
  const n = articles.length;
  const { values, keys } = sketchesOf(articles);
  const bags = new Map<number, Bag | null>();
  const bag = (i: number) => {
    if (!bags.has(i)) bags.set(i, bagOf(articles[i]!));
    return bags.get(i)!;
  };
  // One band at a time, its values in a table of open addressing: a slot's first article (+ 1; 0: free), how many
  // share its value, and their chain (the last added first, through `next`).
  let size = 4;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const first = new Int32Array(size);
  const count = new Int32Array(size);
  const head = new Int32Array(size);
  const next = new Int32Array(n);
  const members = new Int32Array(BUCKET_CAP);
  for (let band = 0; band < BANDS; band++) {
    first.fill(0);
    count.fill(0);
    for (let i = 0; i < n; i++) {
      const key = keys[i * BANDS + band]!;
      if (key < 0) continue;
      let h = Math.imul(values[i * SKETCH + 2 * band]! ^ 0x2545f491, 0x9e3779b1) ^ values[i * SKETCH + 2 * band + 1]!;
      h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
      h = (h ^ (h >>> 13)) & mask;
      while (first[h] !== 0 && keys[(first[h]! - 1) * BANDS + band] !== key) h = (h + 1) & mask;
      if (first[h] === 0) {
        first[h] = i + 1;
        head[h] = -1;
      }
      next[i] = head[h]!;
      head[h] = i;
      count[h]!++;
    }
    for (let h = 0; h < size; h++) {
      const m = count[h]!;
      if (m < 2 || m > BUCKET_CAP) continue;
      // Ascending: the chain runs from the last added.
      let at = m;
      for (let i = head[h]!; i >= 0; i = next[i]!) members[--at] = i;
      for (let x = 0; x < m; x++) {
        const a = members[x]!;
        for (let y = x + 1; y < m; y++) {
          const b = members[y]!;
          if (ranks !== null && ranks[a] === ranks[b]) continue;
          // Visited in the first band the two share.
          let before = false;
          for (let k = 0; k < band && !before; k++) {
            const v = keys[a * BANDS + k]!;
            before = v >= 0 && v === keys[b * BANDS + k];
          }
          if (before) continue;
          // The share of bins the two sketches agree on, of those not empty in both (their words' Jaccard, estimated).
          let same = 0;
          let filled = 0;
          for (let k = 0; k < SKETCH; k++) {
            const u = values[a * SKETCH + k]!;
            const v = values[b * SKETCH + k]!;
            if (u === EMPTY && v === EMPTY) continue;
            filled++;
            if (u === v) same++;
          }
          if (filled > 0 && same / filled >= SKETCH_LIKENESS) visit(a, b, bag);
        }
      }
    }
  }
}

/** Every pair of copies, [a, b] with a < b, and its overlap, in index order (for measures: the build needs only the groups). */
export function copyPairs(articles: readonly DatedArticle[]): Array<{ a: number; b: number; overlap: number }> {
  const out: Array<{ a: number; b: number; overlap: number }> = [];
  candidates(articles, (a, b, bag) => {
    const [p, q] = [bag(a), bag(b)];
    const o = p && q ? overlap(p, q) : 0;
    if (o >= COPY_OVERLAP) out.push({ a, b, overlap: o });
  });
  return out.sort((p, q) => p.a - q.a || p.b - q.b);
}

/**
 * What a build found of the pairs it compared word by word, for the next build (src/cache/copies.ts keeps it): the
 * term keys (DatedArticle.termsKey) of the articles compared, and the pairs that are copies and those that are
 * not, as indices into `keys`, two numbers a pair. Whether two articles are copies rests on their terms alone, so
 * a pair of the same two records is not compared again: an incremental build compares only pairs that touch an
 * article new or changed since (or that a removed one kept from being compared).
 */
export interface CopyVerdicts {
  keys: string[];
  copies: number[];
  apart: number[];
}

/** The article's term key: the one it carries with its terms, else its record's. */
function termKeyOf(a: DatedArticle): string {
  return a.terms !== undefined && a.termsKey !== undefined ? a.termsKey : termsKey(termsOf(a));
}

/**
 * The groups of copies (each of two articles or more, indices ascending, groups by their first), joined over the
 * candidate pairs of different `ranks`: the connected groups of those pairs that are copies (a pair already joined
 * through others is not compared); and the verdicts this build used (`carried`'s where they held the pair).
 */
function copyGroups(articles: readonly DatedArticle[], ranks: Int32Array, carried?: CopyVerdicts | null): { groups: number[][]; verdicts: CopyVerdicts } {
  const n = articles.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // The carried verdicts by pair of the carried keys' indices (the smaller first), and each article's index there (-2: not looked up yet).
  const carriedKeys = carried?.keys ?? [];
  const carriedAt = new Map<string, number>();
  carriedKeys.forEach((key, i) => carriedAt.set(key, i));
  const known = new Map<number, boolean>();
  const width = carriedKeys.length;
  const take = (pairs: readonly number[], copy: boolean) => {
    for (let k = 0; k + 1 < pairs.length; k += 2) known.set(Math.min(pairs[k]!, pairs[k + 1]!) * width + Math.max(pairs[k]!, pairs[k + 1]!), copy);
  };
  if (carried) {
    take(carried.copies, true);
    take(carried.apart, false);
  }
  const keys: Array<string | undefined> = new Array<string | undefined>(n);
  const keyOf = (i: number) => (keys[i] ??= termKeyOf(articles[i]!));
  const at = new Int32Array(n).fill(-2);
  const carriedIndex = (i: number) => (at[i] !== -2 ? at[i]! : (at[i] = carriedAt.get(keyOf(i)) ?? -1));
  // The pairs given a verdict (articles' indices, two a pair), the verdicts, and whether each was worked out now.
  const used: number[] = [];
  const verdict: boolean[] = [];
  const fresh: boolean[] = [];
  let reused = 0;
  candidates(articles, (a, b, bag) => {
    const [x, y] = [find(a), find(b)];
    if (x === y) return;
    const [ca, cb] = known.size > 0 ? [carriedIndex(a), carriedIndex(b)] : [-1, -1];
    let copy = ca >= 0 && cb >= 0 ? known.get(Math.min(ca, cb) * width + Math.max(ca, cb)) : undefined;
    const computed = copy === undefined;
    if (copy === undefined) {
      const [p, q] = [bag(a), bag(b)];
      copy = p !== null && q !== null && overlap(p, q) >= COPY_OVERLAP;
    } else reused++;
    used.push(a, b);
    verdict.push(copy);
    fresh.push(computed);
    if (copy) parent[Math.max(x, y)] = Math.min(x, y);
  }, ranks);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  // For the next build: the carried verdicts and the new ones after them while three quarters of the carried ones
  // still served (an incremental build: no carried pair named again); else only the ones this build used (pairs of
  // articles gone are let go).
  const carriedPairs = carried ? (carried.copies.length + carried.apart.length) / 2 : 0;
  const extend = carried !== null && carried !== undefined && reused > 0 && 4 * reused >= 3 * carriedPairs;
  const verdicts: CopyVerdicts = extend ? { keys: [...carried.keys], copies: [...carried.copies], apart: [...carried.apart] } : { keys: [], copies: [], apart: [] };
  const indexOf = extend ? carriedAt : new Map<string, number>();
  const index = (i: number) => {
    const key = keyOf(i);
    let k = indexOf.get(key);
    if (k === undefined) indexOf.set(key, (k = verdicts.keys.push(key) - 1));
    return k;
  };
  verdict.forEach((copy, k) => {
    if (!extend || fresh[k]) (copy ? verdicts.copies : verdicts.apart).push(index(used[2 * k]!), index(used[2 * k + 1]!));
  });
  return { groups: [...groups.values()].filter((g) => g.length > 1), verdicts };
}

/**
 * The articles with each copy dated by the copy of its group whose day rests on the strongest evidence (the
 * earliest day on a tie, then the first path) when its own rests on weaker evidence, and one message for each copy
 * so moved. Articles not moved are
 * returned as they came (the same objects); a moved one is a new object whose evidence states the day.
 * `carried`: the verdicts the last build returned (pairs of the same two records are not compared again); the
 * verdicts this build used come back for the next, or null when it compared nothing (keep what was carried).
 */
export function dateCopies(articles: readonly DatedArticle[], carried?: CopyVerdicts | null): { articles: DatedArticle[]; messages: Message[]; verdicts: CopyVerdicts | null } {
  const out = [...articles];
  // Only a copy dated on weaker evidence than another moves: copies whose evidence is as strong are not compared
  // (a folder whose articles are all dated alike, all by front matter or all by file time, compares none).
  const ranks = Int32Array.from(articles, (a) => evidenceRank(a));
  if (ranks.every((r) => r === ranks[0])) return { articles: out, messages: [], verdicts: null };
  const { groups, verdicts } = copyGroups(articles, ranks, carried);
  const messages: Message[] = [];
  for (const group of groups) {
    const dated = group.flatMap((i) => {
      const own = ownDayOf(articles[i]!);
      return own ? [{ i, rank: ranks[i]!, own, path: articles[i]!.path }] : [];
    });
    if (dated.length < 2) continue;
    const best = [...dated].sort((p, q) => p.rank - q.rank || (p.own.day < q.own.day ? -1 : p.own.day > q.own.day ? 1 : p.path < q.path ? -1 : p.path > q.path ? 1 : 0))[0]!;
    for (const { i, rank, own } of dated) {
      const a = articles[i]!;
      // Copies whose days rest on equally strong evidence (two outlets' front matter, two visible date lines) are
      // two publications of one text, each on its own day: nothing says which day is wrong.
      if (own.day === best.own.day || rank <= best.rank) continue;
      out[i] = { ...a, evidence: { ...a.evidence, date: best.own.day, dateSource: "copy" } };
      messages.push({
        file: a.path,
        stage: "date",
        level: "warning",
        rule: COPY_RULE,
        text: `dated ${best.own.day} (${best.own.source}) as its copy ${best.path} is: its own day ${own.day} (${own.source === "story" ? "a doubted visible date" : own.source}) disagrees, and a copy of one article is one story`,
      });
    }
  }
  return { articles: out, messages: messages.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0)), verdicts };
}
