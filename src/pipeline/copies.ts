// Copies of one article among the inputs (a page saved as HTML and as a text dump, one wire story carried by two
// outlets) are one story whatever days their own evidence gives them: the copy whose day rests on the strongest
// evidence (COPY_RANK: the publisher's structured data before the address, before a line of visible text…) dates
// the copies whose evidence is weaker, each of which says so in one message. Copies dated on evidence as strong
// keep their days (two outlets' front matter: a text published again later, such as a follow-up that reuses it). Run over the dated articles before clustering, so that the
// copies meet in the date window and cluster as any two reports of one event do.
//
// "A copy": the two articles' bags of words (clustering's WORDS run of their term records: headline twice, then
// every body word with its count) overlap by at least COPY_OVERLAP (weighted Jaccard: Σ min / Σ max). Pairs are
// found by min-hash (SKETCH hashes of each article's distinct words, in BANDS bands): never all pairs; a band
// value held by more than BUCKET_CAP articles proposes none. Deterministic: the same articles give the same
// copies whatever order they come in and whichever build (cold or incremental) reads them.
import type { DatedArticle, DateSource, Message } from "../types.ts";
import { articleTerms } from "../cluster/index.ts";
import { TermRecord, WORDS } from "../cluster/term-record.ts";
import { paragraphsOf } from "../text/article-text.ts";

/** Weighted Jaccard of two articles' word bags from which they are copies of one article. */
export const COPY_OVERLAP = 0.45;
/** Articles with fewer distinct words than this are not compared (short texts share their words by chance). */
export const MIN_COPY_WORDS = 40;
/** Min-hash values per article, and the bands they are cut into (SKETCH / BANDS values a band). */
const SKETCH = 24;
const BANDS = 12;
/** A band value shared by more articles than this proposes no pairs (a stock text, not a copy). */
const BUCKET_CAP = 40;

export const COPY_RULE = "copy-date";

/**
 * How firmly an article's own day is known, strongest first: the publisher's structured data or the author's
 * front matter, the page's address, a visible date line, a day worked out from the page, a day the models doubt,
 * the file's time.
 */
const COPY_RANK: Readonly<Record<DateSource, number>> = {
  "front-matter": 0,
  feed: 0,
  "json-ld": 0,
  "html-meta": 0,
  "time-element": 0,
  "metadata-line": 0,
  url: 1,
  "visible-date": 2,
  dateline: 2,
  "relative-to-page": 3,
  "relative-to-story": 3,
  story: 4,
  copy: 4,
  "file-mtime": 5,
};

/** An article's own day and its source, before any story weighs in (as resolveDates would give it alone). */
export function ownDay(a: DatedArticle): { day: string; source: DateSource } | null {
  const e = a.evidence;
  if (e.date && e.dateSource) return { day: e.date, source: e.dateSource };
  if (e.pageDate) return { day: e.pageDate, source: "relative-to-page" };
  if (e.weakDate) return { day: e.weakDate, source: "story" };
  if (e.mtimeDate) return { day: e.mtimeDate, source: "file-mtime" };
  return null;
}

/** The rank of a day's source: a doubted visible date (weakDate) ranks below a stated one. */
function rankOf(a: DatedArticle): number {
  const own = ownDay(a);
  if (!own) return 9;
  if (own.source === "story") return COPY_RANK.story;
  return COPY_RANK[own.source];
}

interface Bag {
  hashes: Int32Array;
  tags: Uint32Array;
  counts: Float32Array;
  total: number;
}

const record = new TermRecord();

/** The article's word bag (its WORDS run), in the record's order of terms; null when its record is not sound. */
export function bagOf(a: DatedArticle): Bag | null {
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
export function overlap(x: Bag, y: Bag): number {
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

/** SKETCH min-hash values of the bag's distinct terms. */
function sketch(bag: Bag): Uint32Array {
  const out = new Uint32Array(SKETCH).fill(0xffffffff);
  for (let k = 0; k < bag.hashes.length; k++) {
    const h = bag.hashes[k]!;
    const t = bag.tags[k]!;
    for (let s = 0; s < SKETCH; s++) {
      let x = Math.imul(h ^ Math.imul(s + 1, 0x9e3779b9), 0x85ebca6b) ^ t;
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      const v = x >>> 0;
      if (v < out[s]!) out[s] = v;
    }
  }
  return out;
}

/** Pairs of copies, each [i, j] with i < j, and their overlap, in index order. */
export function copyPairs(articles: readonly DatedArticle[]): Array<{ a: number; b: number; overlap: number }> {
  const bags: Array<Bag | null> = articles.map((a) => {
    const bag = bagOf(a);
    return bag && bag.hashes.length >= MIN_COPY_WORDS ? bag : null;
  });
  const buckets = new Map<string, number[]>();
  const per = SKETCH / BANDS;
  bags.forEach((bag, i) => {
    if (!bag) return;
    const values = sketch(bag);
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(values.subarray(b * per, (b + 1) * per)).join(":")}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  const out: Array<{ a: number; b: number; overlap: number }> = [];
  const n = articles.length;
  for (const list of buckets.values()) {
    if (list.length < 2 || list.length > BUCKET_CAP) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = list[x]! < list[y]! ? [list[x]!, list[y]!] : [list[y]!, list[x]!];
        const key = a * n + b;
        if (seen.has(key)) continue;
        seen.add(key);
        const o = overlap(bags[a]!, bags[b]!);
        if (o >= COPY_OVERLAP) out.push({ a, b, overlap: o });
      }
    }
  }
  return out.sort((p, q) => p.a - q.a || p.b - q.b);
}

/**
 * The articles with each copy dated by the copy of its group whose day rests on the strongest evidence (the
 * earliest day on a tie, then the first path) when its own rests on weaker evidence, and one message for each copy
 * so moved. Articles not moved are
 * returned as they came (the same objects); a moved one is a new object whose evidence states the day.
 */
export function dateCopies(articles: readonly DatedArticle[]): { articles: DatedArticle[]; messages: Message[] } {
  const pairs = copyPairs(articles);
  const out = [...articles];
  if (!pairs.length) return { articles: out, messages: [] };
  const parent = articles.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const p of pairs) {
    const [x, y] = [find(p.a), find(p.b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const groups = new Map<number, number[]>();
  for (const p of pairs) for (const i of [p.a, p.b]) {
    const root = find(i);
    const g = groups.get(root);
    if (!g) groups.set(root, [i]);
    else if (!g.includes(i)) g.push(i);
  }
  const messages: Message[] = [];
  for (const group of [...groups.values()]) {
    const dated = group.filter((i) => ownDay(articles[i]!) !== null);
    if (dated.length < 2) continue;
    const key = (i: number) => ({ rank: rankOf(articles[i]!), day: ownDay(articles[i]!)!.day, path: articles[i]!.path });
    const best = dated.map(key).sort((p, q) => p.rank - q.rank || (p.day < q.day ? -1 : p.day > q.day ? 1 : p.path < q.path ? -1 : p.path > q.path ? 1 : 0))[0]!;
    const winner = articles.find((a) => a.path === best.path)!;
    const source = ownDay(winner)!.source;
    for (const i of dated) {
      const a = articles[i]!;
      const own = ownDay(a)!;
      // Copies whose days rest on equally strong evidence (two outlets' front matter, two visible date lines) are
      // two publications of one text, each on its own day: nothing says which day is wrong.
      if (own.day === best.day || rankOf(a) <= best.rank) continue;
      out[i] = { ...a, evidence: { ...a.evidence, date: best.day, dateSource: "copy" } };
      messages.push({
        file: a.path,
        stage: "date",
        level: "warning",
        rule: COPY_RULE,
        text: `dated ${best.day} (${source}) as its copy ${best.path} is: its own day ${own.day} (${own.source === "story" ? "a doubted visible date" : own.source}) disagrees, and a copy of one article is one story`,
      });
    }
  }
  return { articles: out, messages: messages.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0)) };
}
