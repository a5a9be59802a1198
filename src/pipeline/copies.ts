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
import { articleTerms, TermRecord, WORDS } from "../cluster/index.ts";
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

/** The article's word bag (its WORDS run), in the record's order of terms; null when its record is not sound. */
function bagOf(a: DatedArticle): Bag | null {
  const terms = a.terms || articleTerms(a.title, paragraphsOf(a));
  if (!record.load(terms)) return null;
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

/**
 * The record last loaded's min-hash sketch of its distinct words, one permutation cut into SKETCH bins (the top
 * bits of a word's mix choose its bin, the rest is its value; EMPTY: no word fell in the bin), or null when it
 * has fewer than MIN_COPY_WORDS distinct words.
 */
function sketchOfRecord(): Float64Array | null {
  const from = record.bounds[WORDS]!;
  const to = record.bounds[WORDS + 1]!;
  if (to - from < MIN_COPY_WORDS) return null;
  const out = new Float64Array(SKETCH).fill(EMPTY);
  for (let k = from; k < to; k++) {
    const p = record.ids[k]!;
    const x = mix(record.hashes[p]!, record.tags[p]!);
    const bin = x >>> BIN_SHIFT;
    const v = x & VALUE_MASK;
    if (v < out[bin]!) out[bin] = v;
  }
  return out;
}

/** The share of bins two sketches agree on (of those not empty in both): the Jaccard of their distinct words, estimated. */
function likeness(x: Float64Array, y: Float64Array): number {
  let same = 0;
  let filled = 0;
  for (let k = 0; k < SKETCH; k++) {
    if (x[k] === EMPTY && y[k] === EMPTY) continue;
    filled++;
    if (x[k] === y[k]) same++;
  }
  return filled ? same / filled : 0;
}

/** The key of the band of two bins starting at `at`, or null when either bin is empty. */
function bandKey(values: Float64Array, at: number): number | null {
  const [x, y] = [values[at]!, values[at + 1]!];
  return x === EMPTY || y === EMPTY ? null : x * (VALUE_MASK + 1) + y;
}

/**
 * Each candidate pair of `articles` (two that share a band of their sketches), once, in a fixed order, to `visit`
 * with the band it is found in; `bag` gives an article's word bag (each decoded once).
 */
function candidates(articles: readonly DatedArticle[], visit: (a: number, b: number, bag: (i: number) => Bag | null) => void, wanted: (i: number, j: number) => boolean = () => true): void {
  const per = SKETCH / BANDS;
  const buckets = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  const sketches: Array<Float64Array | null> = articles.map((a, i) => {
    if (!record.load(a.terms || articleTerms(a.title, paragraphsOf(a)))) return null;
    const values = sketchOfRecord();
    if (!values) return null;
    for (let b = 0; b < BANDS; b++) {
      const key = bandKey(values, b * per);
      if (key === null) continue;
      const list = buckets[b]!.get(key);
      if (list) list.push(i);
      else buckets[b]!.set(key, [i]);
    }
    return values;
  });
  // A pair is visited in the first band it shares.
  const sharedBefore = (a: number, b: number, band: number) => {
    const [x, y] = [sketches[a]!, sketches[b]!];
    for (let k = 0; k < band; k++) if (bandKey(x, k * per) !== null && bandKey(x, k * per) === bandKey(y, k * per)) return true;
    return false;
  };
  const bags = new Map<number, Bag | null>();
  const bag = (i: number) => {
    if (!bags.has(i)) bags.set(i, bagOf(articles[i]!));
    return bags.get(i)!;
  };
  buckets.forEach((band, k) => {
    for (const list of band.values()) {
      if (list.length < 2 || list.length > BUCKET_CAP) continue;
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const [a, b] = list[x]! < list[y]! ? [list[x]!, list[y]!] : [list[y]!, list[x]!];
          if (wanted(a, b) && !sharedBefore(a, b, k) && likeness(sketches[a]!, sketches[b]!) >= SKETCH_LIKENESS) visit(a, b, bag);
        }
      }
    }
  });
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
 * The groups of copies (each of two articles or more, indices ascending, groups by their first), joined over the
 * pairs `wanted` allows: the connected groups of those pairs that are copies (a pair already joined through
 * others is not compared).
 */
function copyGroups(articles: readonly DatedArticle[], wanted: (i: number, j: number) => boolean = () => true): number[][] {
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  candidates(articles, (a, b, bag) => {
    const [x, y] = [find(a), find(b)];
    if (x === y) return;
    const [p, q] = [bag(a), bag(b)];
    if (p && q && overlap(p, q) >= COPY_OVERLAP) parent[Math.max(x, y)] = Math.min(x, y);
  }, wanted);
  const groups = new Map<number, number[]>();
  articles.forEach((_, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

/**
 * The articles with each copy dated by the copy of its group whose day rests on the strongest evidence (the
 * earliest day on a tie, then the first path) when its own rests on weaker evidence, and one message for each copy
 * so moved. Articles not moved are
 * returned as they came (the same objects); a moved one is a new object whose evidence states the day.
 */
export function dateCopies(articles: readonly DatedArticle[]): { articles: DatedArticle[]; messages: Message[] } {
  const out = [...articles];
  // Only a copy dated on weaker evidence than another moves: copies whose evidence is as strong are not compared
  // (a folder whose articles are all dated alike, all by front matter or all by file time, compares none).
  const ranks = articles.map(evidenceRank);
  if (ranks.every((r) => r === ranks[0])) return { articles: out, messages: [] };
  const groups = copyGroups(articles, (i, j) => ranks[i] !== ranks[j]);
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
  return { articles: out, messages: messages.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0)) };
}
