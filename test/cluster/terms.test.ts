// Clustering reads each article's words once, in the per-article step (`terms`, carried by the dated
// article and cached with it); the stories are the same whether the terms come with the articles or not.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { articleTerms, clusterArticles, defaultClusterOptions } from "../../src/cluster/index.ts";
import { buildProfiles } from "../../src/cluster/profile.ts";
import { seedArticles } from "../../eval/lib/merge-set.ts";

const seeds = seedArticles(join(import.meta.dirname, "../fixtures/seeds")).map((s) => s.article);

describe("the words clustering reads", () => {
  it("gives the same stories from terms worked out ahead as from the articles' text", () => {
    const withTerms = seeds.map((a) => ({ ...a, terms: articleTerms(a.title, a.paragraphs) }));
    const without = seeds.map(({ terms: _, ...a }) => a);
    const stories = (list: typeof seeds) => clusterArticles(list).map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
    expect(stories(withTerms)).toEqual(stories(without));
    expect(stories(withTerms).length).toBe(2);
  });

  it("lets go of the articles' terms when asked (the build), with the same stories and profiles", () => {
    const stories = (list: typeof seeds, releaseTerms: boolean) => clusterArticles(list, { ...defaultClusterOptions, releaseTerms }).map((c) => ({ id: c.id, members: c.members.map((m) => m.path), followUpOf: c.followUpOf }));
    const fresh = () => seeds.map((a) => ({ ...a, terms: articleTerms(a.title, a.paragraphs) }));
    const kept = fresh();
    const released = fresh();
    expect(stories(released, true)).toEqual(stories(kept, false));
    expect(kept.every((a) => a.terms !== undefined)).toBe(true);
    expect(released.every((a) => a.terms === undefined)).toBe(true);
    // Read again from the text, the profiles are what the terms gave (vectors are views into shared arrays).
    expect(buildProfiles(released, 30)).toEqual(buildProfiles(fresh(), 30));
  });

  it("keeps stemmed words, names, numbers and stated quantities as space-separated lists", () => {
    const terms = articleTerms("Ferry workers strike in Dover", ["About 3500 workers at the Dover ferry port walked out on Monday, the RMT union said."]);
    expect(terms.stems.split(" ")).toContain("ferri");
    expect(terms.names.split(" ")).toEqual(expect.arrayContaining(["dover", "rmt"]));
    expect(terms.numbers.split(" ")).toContain("3500");
    expect(terms.quantities).toBe("worker=3500");
    expect(terms.weekdays).toBe(1);
  });

  it("gives the same vectors whatever order they are laid out in memory", () => {
    const read = (layout?: Int32Array) =>
      buildProfiles(seeds, 30, false, layout).map((p) =>
        Object.fromEntries(
          Object.entries(p).map(([k, v]) => {
            const run = (r: { ids: Int32Array; weights?: Float32Array; from: number; to: number }) => ({ ids: Array.from(r.ids.subarray(r.from, r.to)), weights: r.weights ? Array.from(r.weights.subarray(r.from, r.to)) : null });
            return [k, typeof v === "number" ? v : Array.isArray(v) ? v.map(run) : run(v)];
          }),
        ),
      );
    const plain = read();
    expect(read(Int32Array.from([4, 2, 0, 3, 1]))).toEqual(plain);
    expect(plain[0]!.words).not.toEqual(plain[1]!.words);
  });
});
