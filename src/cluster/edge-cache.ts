// Incremental clustering: the scored candidate pairs (edges) of each day's articles, kept between builds.
//
// An article's profile depends on its own words and on the document frequencies of the articles within
// `idfDays` of its day (and the undated ones); its candidates and their scores on the profiles of the
// articles within `windowDays` (and the undated ones). So the edges an article on day d proposes (the
// pairs it is the earlier member of, in path order) are fixed by the dated articles within
// windowDays + idfDays of d and the undated articles: their paths, days and words. Those make the key of
// day d's block; a build after one new article on day D scores again only the blocks of days near D.
// Undated articles pair with every day, so their own edges are always scored again (they are few), and
// one new undated article makes every key new.
//
// Cached edges are stored by their members' places in the block's articles (in path order), and put
// back in the order a cold build finds them (by first member, then second), so the context model and
// the grouping see exactly the edges a cold build gives them.
import { createHash } from "node:crypto";
import type { DatedArticle } from "../types.ts";
import type { WeightedEdges } from "./agglomerate.ts";
import type { Profile } from "./profile.ts";
import { visitCandidates, type CandidateOptions } from "./candidates.ts";

/** Where the blocks are kept (src/cache/cluster-edges.ts on disk): flat [first, second, weight] triples. */
export interface EdgeCache {
  get(key: string): readonly number[] | undefined;
  put(key: string, edges: number[]): void;
}

export interface EdgeCacheOptions extends CandidateOptions {
  idfDays: number;
  keyTerms: number;
}

/** What an article brings to its block: its path, day and words (taken before clustering lets go of its terms). */
export function fingerprint(a: DatedArticle, day: number | null): string {
  return createHash("sha256")
    .update(JSON.stringify([a.path, day, a.terms ?? [a.title, a.paragraphs]]))
    .digest("hex")
    .slice(0, 32);
}

/**
 * Every edge a cold build finds (pairs `score` gives a weight, -1 for none), in its order: from `cache`
 * for the days whose block is unchanged, scored (and kept) for the others.
 */
export function cachedEdges(
  prints: readonly string[],
  profiles: readonly Profile[],
  days: ReadonlyArray<number | null>,
  options: EdgeCacheOptions,
  score: (i: number, j: number) => number,
  cache: EdgeCache,
): WeightedEdges & { stats: { blocks: number; hits: number } } {
  const n = profiles.length;
  const undated: number[] = [];
  const dated: number[] = [];
  for (let i = 0; i < n; i++) (days[i] === null ? undated : dated).push(i);
  dated.sort((x, y) => days[x]! - days[y]! || x - y);
  const reach = options.windowDays + options.idfDays;
  const settings = JSON.stringify([options.windowDays, options.idfDays, options.keyTerms, options.postingCap, options.minKeyScore]);
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  const missed = new Map<number, { key: string; members: number[] }>();
  let [lo, hi, blocks, hits] = [0, 0, 0, 0];
  for (let k = 0; k < dated.length; k++) {
    const d = days[dated[k]!]!;
    if (k > 0 && days[dated[k - 1]!] === d) continue;
    blocks++;
    while (hi < dated.length && days[dated[hi]!]! <= d + reach) hi++;
    while (days[dated[lo]!]! < d - reach) lo++;
    const members = [...dated.slice(lo, hi), ...undated].sort((x, y) => x - y);
    const hash = createHash("sha256").update(`cluster-edges\n${settings}\n${d}\n`);
    for (const i of members) hash.update(prints[i]!);
    const key = hash.digest("hex").slice(0, 32);
    const kept = cache.get(key);
    if (kept && sound(kept, members.length)) {
      hits++;
      for (let t = 0; t < kept.length; t += 3) {
        a.push(members[kept[t]!]!);
        b.push(members[kept[t + 1]!]!);
        w.push(kept[t + 2]!);
      }
    } else missed.set(d, { key, members });
  }
  const found = new Map<number, number[]>();
  visitCandidates(
    profiles,
    days,
    options,
    (i, j) => {
      const p = score(i, j);
      if (p < 0) return;
      a.push(i);
      b.push(j);
      w.push(p);
      const d = days[i];
      if (d === null || d === undefined) return;
      let list = found.get(d);
      if (!list) found.set(d, (list = []));
      list.push(i, j, Math.fround(p));
    },
    (i) => days[i] === null || missed.has(days[i]!),
  );
  for (const [d, { key, members }] of missed) {
    const place = new Map(members.map((i, at) => [i, at]));
    const list = found.get(d) ?? [];
    for (let t = 0; t < list.length; t += 3) {
      list[t] = place.get(list[t]!)!;
      list[t + 1] = place.get(list[t + 1]!)!;
    }
    cache.put(key, list);
  }
  const byPair = Array.from(a.keys()).sort((x, y) => a[x]! - a[y]! || b[x]! - b[y]!);
  return {
    a: Int32Array.from(byPair, (k) => a[k]!),
    b: Int32Array.from(byPair, (k) => b[k]!),
    weight: Float32Array.from(byPair, (k) => w[k]!),
    length: byPair.length,
    stats: { blocks, hits },
  };
}

/** Whether a kept block reads as triples of two places in the block (first before second) and a probability. */
function sound(kept: readonly number[], members: number): boolean {
  if (kept.length % 3 !== 0) return false;
  for (let t = 0; t < kept.length; t += 3) {
    const [x, y, p] = [kept[t]!, kept[t + 1]!, kept[t + 2]!];
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || x >= y || y >= members || !(p >= 0 && p <= 1)) return false;
  }
  return true;
}
