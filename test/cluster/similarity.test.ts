// A PairScorer keeps the first article's vectors spread out between pairs: whatever order pairs come in,
// each pair's features are those the pair gets on its own.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { articleTerms, defaultClusterOptions } from "../../src/cluster/index.ts";
import { buildProfiles } from "../../src/cluster/profile.ts";
import { PAIR_FEATURES, PairScorer, pairFeatures } from "../../src/cluster/similarity.ts";
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
