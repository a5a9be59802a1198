// The follow-up model reads a pair of stories through StoryEvidence, which keeps the later story's names and
// numbers spread out while one later story is weighed against many earlier ones: whatever order pairs
// come in, each pair's features are those a merge of the two stories' vectors gives.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { articleTerms, defaultClusterOptions } from "../../src/cluster/index.ts";
import { buildProfiles, covered, overlap, size, type Profile, type SparseVector } from "../../src/cluster/profile.ts";
import { centroid, FOLLOW_UP_FEATURES, StoryEvidence, Sums } from "../../src/cluster/follow-up-features.ts";
import { coverFrom, shrink } from "../../src/cluster/similarity.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";

const seeds = seedArticles(join(import.meta.dirname, "../fixtures/seeds")).map((s) => ({ ...s.article, terms: articleTerms(s.article.title, s.article.paragraphs) }));
const profiles = buildProfiles(seeds, defaultClusterOptions.keyTerms);

/** The features as two walks of both stories' sorted vectors give them (the reading before any spread). */
function merged(groups: number[][], later: number, earlier: number): number[] {
  const sums = new Sums();
  const of = (s: number) => {
    const sum = (pick: (p: Profile) => SparseVector) => centroid(groups[s]!, profiles, sums, pick);
    return { names: sum((p) => p.names), actors: sum((p) => p.actors), leadNames: sum((p) => p.leadNames), numbers: sum((p) => p.numbers) };
  };
  const [a, b] = [of(later), of(earlier)];
  const out = new Float64Array(FOLLOW_UP_FEATURES.length);
  out[2] = overlap(a.names, b.names).cosine;
  const scratch = new Float64Array(2);
  coverFrom(size(a.actors) ? covered(a.actors, b.names) : -1, size(b.actors) ? covered(b.actors, a.names) : -1, scratch, 0);
  out[3] = scratch[0]!;
  coverFrom(size(a.leadNames) ? covered(a.leadNames, b.names) : -1, size(b.leadNames) ? covered(b.leadNames, a.names) : -1, out, 4);
  out[6] = overlap(a.numbers, b.numbers).cosine * shrink(size(a.numbers)) * shrink(size(b.numbers));
  out[7] = Math.log(groups[later]!.length);
  out[8] = Math.log(groups[earlier]!.length);
  return Array.from(out);
}

describe("a follow-up pair's features", () => {
  it("are the pair's own, with the later story changing back and forth", () => {
    // Each article a story of its own, and one story of the first two together.
    const groups = [[0, 1], ...profiles.slice(2).map((_, k) => [k + 2])];
    const evidence = new StoryEvidence(groups, profiles);
    const pairs: Array<[number, number]> = [];
    for (let later = 0; later < groups.length; later++) for (let earlier = 0; earlier < groups.length; earlier++) if (later !== earlier) pairs.push([later, earlier]);
    // Back and forth: the later story's names left spread from the pair before would show.
    pairs.push([2, 0], [0, 2], [3, 1], [2, 0], [1, 3]);
    let naming = 0;
    for (const [later, earlier] of pairs) {
      const out = new Float64Array(FOLLOW_UP_FEATURES.length);
      evidence.features(later, earlier, 0, 0, out);
      expect(Array.from(out)).toEqual(merged(groups, later, earlier));
      if (out[2]! > 0) naming++;
    }
    // The seeds' reports of one event share names: the comparison is not empty.
    expect(naming).toBeGreaterThan(6);
  });
});
