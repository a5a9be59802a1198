// A PairScorer keeps the first article's vectors spread out between pairs: whatever order pairs come in,
// each pair's features are those the pair gets on its own.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { articleTerms, defaultClusterOptions } from "../../src/cluster/index.ts";
import { buildProfiles, covered, overlap, shared, Spread, type Profile, type SparseVector } from "../../src/cluster/profile.ts";
import { Marks, PAIR_FEATURES, PairScorer, pairFeatures } from "../../src/cluster/similarity.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";

const seeds = seedArticles(join(import.meta.dirname, "../fixtures/seeds")).map((s) => ({ ...s.article, terms: articleTerms(s.article.title, s.article.paragraphs) }));
const profiles = buildProfiles(seeds, defaultClusterOptions.keyTerms);

describe("pair features of many pairs", () => {
  it("are each pair's own, with the first article changing back and forth", () => {
    const width = PAIR_FEATURES.length;
    const scorer = new PairScorer();
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < profiles.length; i++) for (let j = 0; j < profiles.length; j++) if (i !== j) pairs.push([i, j]);
    // Back and forth: a spread left over from an earlier first article would show.
    pairs.push([4, 0], [0, 4], [3, 1], [4, 0]);
    let scored = 0;
    for (const [i, j] of pairs) {
      const alone = new Float64Array(width);
      const many = new Float64Array(width);
      const ok = pairFeatures(profiles[i]!, profiles[j]!, alone);
      expect(scorer.features(profiles[i]!, profiles[j]!, many)).toBe(ok);
      if (ok) scored++;
      expect(Array.from(many)).toEqual(Array.from(alone));
    }
    // The seeds' one story is scored (its four reports share words), so the comparison is not empty.
    expect(scored).toBeGreaterThanOrEqual(12);
  });
});

describe("a spread vector", () => {
  // PairScorer's sums go through Spread; each must be what a merge of the two sorted vectors gives.
  const vectors = (p: Profile): SparseVector[] => [p.words, p.lead, p.title, p.actors, p.names, p.leadNames, p.numbers, p.keys, ...p.sentences];
  it("shares as many ids, with the same cosine to the last bit, as a merge of the two", () => {
    const spread = new Spread();
    let sharing = 0;
    for (const a of profiles) {
      for (const b of profiles) {
        if (a === b) continue;
        const bs = vectors(b);
        vectors(a).forEach((v, k) => {
          const w = bs[k];
          if (!w) return;
          const merged = { ...overlap(v, w) };
          spread.load(v);
          expect({ ...spread.overlap(w) }).toEqual(merged);
          expect(spread.dot(w)).toBe(merged.cosine);
          if (merged.common > 0) sharing++;
        });
      }
    }
    // The seeds' four reports of one event share words, names and lead terms: the comparison is not empty.
    expect(sharing).toBeGreaterThan(40);
  });

  it("held ids found across 32-id words, after a larger vector and after a smaller one", () => {
    // Ids next to the edges of its bit words (31, 32, 63, 64 …), loaded one vector after another: an id
    // left marked from the last vector, or one not marked in this one, changes a sum or a share.
    const vector = (ids: number[]): SparseVector => ({ ids: Int32Array.from(ids), weights: Float32Array.from(ids, (id) => 1 / (1 + (id % 7))), from: 0, to: ids.length });
    const loads = [[0, 31, 32, 95], [1, 31, 33, 63, 64, 1000, 4095], [5, 32, 63], [31, 64, 65, 4096, 70_001]].map(vector);
    const others = [[0, 1, 31, 32, 33, 63, 64, 65, 95, 96, 1000, 4095, 4096, 70_001, 70_002], [32, 64], [2, 3, 4]].map(vector);
    const spread = new Spread();
    const seen = new Set<number>();
    for (const v of loads) {
      spread.load(v);
      for (const w of others) {
        const merged = { ...overlap(v, w) };
        expect({ ...spread.overlap(w) }).toEqual(merged);
        expect(spread.dot(w)).toBe(merged.cosine);
        expect(spread.coveredBy(w)).toBe(covered(w, v));
        seen.add(merged.common);
      }
    }
    // Loads that share none, some and many ids with the others.
    expect(seen.has(0) && seen.has(2) && seen.has(4)).toBe(true);
  });

  it("covers the share of another vector's weight a merge finds", () => {
    const spread = new Spread();
    let partly = 0;
    for (const a of profiles) {
      for (const b of profiles) {
        if (a === b) continue;
        for (const [x, y] of [[a.lead, b.title], [a.names, b.actors], [a.names, b.leadNames]] as const) {
          spread.load(x);
          const share = covered(y, x);
          expect(spread.coveredBy(y)).toBe(share);
          if (share > 0 && share < 1) partly++;
        }
      }
    }
    expect(partly).toBeGreaterThan(5);
  });
});

describe("marked ids", () => {
  it("count as many ids shared as a walk of both runs, whatever run was marked before", () => {
    const marks = new Marks();
    let sharing = 0;
    for (const a of profiles) {
      for (const b of profiles) {
        if (a === b) continue;
        // Keys, then words: a mark left over from the last run loaded would be counted.
        for (const [x, y] of [[a.keys, b.keys], [a.words, b.words], [a.keys, b.words]] as const) {
          marks.load(x);
          expect(marks.shared(y)).toBe(shared(x, y));
          if (shared(x, y) > 0) sharing++;
        }
      }
    }
    expect(sharing).toBeGreaterThan(40);
  });
});
