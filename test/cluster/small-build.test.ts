import { describe, expect, it } from "vitest";
import { clusterArticles } from "../../src/cluster/index.ts";
import { buildEventsSet, buildMergeSet, type LabelledArticle } from "../../eval/lib/merge-set.ts";

// A first `digest fetch` of a few items: four BBC stories of four desks (bbc-dev, tuning half) and two
// outlets' reports of one fatal hit-and-run in Queens (events-dev topic 21, tuning half), all on one day.
// Alone in a window, every pair is each side's best link and has no neighbourhood; the context model
// once read that as a lone true pair among many and joined unrelated stories (2 of these 4, twice).
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const seeds = new URL("../fixtures/seeds", import.meta.url).pathname;
const desks = buildMergeSet(seeds, fixture("small-fetch-bbc.jsonl")).filter((x) => x.kind === "original");
const queens = buildEventsSet(fixture("events-topic-21.jsonl")).filter((x) => ["events/ecbplus-21-21_10ecbplus.txt", "events/ecbplus-21-21_11ecbplus.txt"].includes(x.article.path));

const day = "2025-06-13";
const onOneDay = (items: LabelledArticle[]) => items.map((x) => ({ ...x.article, meta: { ...x.article.meta, date: day }, evidence: { ...x.article.evidence, date: day, mtimeDate: day } }));

describe("a build of a few articles", () => {
  it("keeps unrelated stories apart and merges two outlets' reports of one event", () => {
    expect(desks).toHaveLength(4);
    expect(queens).toHaveLength(2);
    const clusters = clusterArticles(onOneDay([...desks, ...queens]));
    const sizes = clusters.map((c) => c.members.map((m) => m.path).sort());
    expect(sizes).toHaveLength(5);
    expect(sizes).toContainEqual(queens.map((x) => x.article.path).sort());
  });

  it("keeps two unrelated stories alone on one day apart", () => {
    for (let i = 0; i < desks.length; i++) for (let j = i + 1; j < desks.length; j++) expect(clusterArticles(onOneDay([desks[i]!, desks[j]!]))).toHaveLength(2);
  });
});

// A modest day's folder: ten BBC stories of five desks (bbc-dev, tuning half; two draws of
// train/try-small-corpus.ts k=10). Among ten, every shared word of two reports was as rare as a name (the
// IDF's 100 prior articles shared none) and a lone pair each side's best was taken for a lone true pair among
// hundreds: "Trade gap narrows as exports rise" joined "Further rise in UK jobless total", and "Lords wrong
// on detainees - Straw" joined "UK 'discriminated against Roma'".
const day10 = buildMergeSet(seeds, fixture("small-day-bbc.jsonl")).filter((x) => x.kind === "original");
const drawOf = (ids: string[]) => ids.map((id) => day10.find((x) => x.article.path === `bbc/${id}.txt`)!);

describe("a modest day's build of ten unrelated stories", () => {
  it.each([
    ["economy", ["bbc-tech-147", "bbc-business-441", "bbc-politics-345", "bbc-business-061", "bbc-sport-168", "bbc-politics-330", "bbc-sport-228", "bbc-politics-020", "bbc-entertainment-156", "bbc-tech-307"]],
    ["home affairs", ["bbc-politics-240", "bbc-tech-077", "bbc-politics-040", "bbc-entertainment-116", "bbc-politics-370", "bbc-entertainment-301", "bbc-business-276", "bbc-entertainment-271", "bbc-politics-065", "bbc-entertainment-026"]],
  ])("keeps the %s draw's ten stories apart", (_, ids) => {
    const items = drawOf(ids);
    expect(items.every(Boolean)).toBe(true);
    const clusters = clusterArticles(onOneDay(items));
    expect(clusters.filter((c) => c.members.length > 1).map((c) => c.members.map((m) => m.title))).toEqual([]);
  });
});
