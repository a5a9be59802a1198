import { describe, expect, it } from "vitest";
import { clusterArticles } from "../../src/cluster/index.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";
import { pairwiseScores } from "../../eval/lib/pairwise.ts";
import type { DatedArticle } from "../../src/types.ts";

const seeds = seedArticles(new URL("../fixtures/seeds", import.meta.url).pathname);
const byPrefix = (clusters: ReturnType<typeof clusterArticles>, prefix: string) => clusters.find((c) => c.members.some((m) => m.path.startsWith(prefix)))!;

describe("story merging", () => {
  it("merges the four outlets' Serbia arms stories and keeps the June follow-up apart, linked to them", () => {
    const clusters = clusterArticles(seeds.map((s) => s.article));
    expect(clusters).toHaveLength(2);
    const story = byPrefix(clusters, "000");
    expect(story.members.map((m) => m.path.slice(0, 3)).sort()).toEqual(["000", "001", "002", "003"]);
    expect(byPrefix(clusters, "004").followUpOf).toBe(story.id);
  });

  it("does not chain the follow-up in through undated copies when other news fills the batch", () => {
    // Same articles, much larger batch: IDF changes, the undated wire copies must still not pull in 004.
    const filler: DatedArticle[] = seeds.flatMap((s, k) =>
      [1, 2, 3].map((n) => ({ ...s.article, path: `filler/${k}-${n}.txt`, title: `Filler ${k} ${n}`, paragraphs: [`Unrelated report ${k} ${n} about harvests, football results and weather in a distant region.`] })),
    );
    const clusters = clusterArticles([...seeds.map((s) => s.article), ...filler]);
    const labels = seeds.map((s) => byPrefix(clusters, s.article.path.slice(0, 3)).id);
    expect(pairwiseScores(labels, seeds.map((s) => s.gold)).f1).toBe(1);
  });

  it("gives the same stories whatever order the articles come in", () => {
    const a = clusterArticles(seeds.map((s) => s.article)).map((c) => c.id).sort();
    const b = clusterArticles([...seeds].reverse().map((s) => s.article)).map((c) => c.id).sort();
    expect(b).toEqual(a);
  });
});
