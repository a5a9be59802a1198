import { describe, expect, it } from "vitest";
import { assignStoryIds, clusterArticles, defaultClusterOptions, publishedStories, type IdentityState } from "../../src/cluster/index.ts";
import { buildEventsSet, buildMergeSet, type LabelledArticle } from "../../eval/lib/merge-set.ts";
import type { DatedArticle, StoryCluster } from "../../src/types.ts";

// Two daily builds (scripts/soak-stability.ts finds such cases by the dozen): on day one, Turkmenistan's
// two parliamentary elections (events-dev topic 11, tuning half: 2008's, eleven reports, and 2013's, five)
// and ten BBC entertainment stories; on day two, ten more BBC entertainment stories, unrelated to both.
// Their words move the IDF around day one, and a cold build of day two puts "Turkmen election to have 2
// parties for 1st time" (2013) into the 2008 election's story: a story a reader saw vanishes into another.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const seeds = new URL("../fixtures/seeds", import.meta.url).pathname;
const on = (day: string) => (x: LabelledArticle): DatedArticle => ({ ...x.article, meta: { ...x.article.meta, date: day }, evidence: { ...x.article.evidence, date: day, mtimeDate: day } });
const elections = buildEventsSet(fixture("events-topic-11.jsonl"));
const bbc = buildMergeSet(seeds, fixture("unrelated-entertainment-bbc.jsonl")).filter((x) => x.kind === "original");
const dayOne = [...elections.map(on("2025-03-10")), ...bbc.slice(0, 10).map(on("2025-03-10"))];
const dayTwo = [...dayOne, ...bbc.slice(10).map(on("2025-03-11"))];
const twoParties = "events/ecbplus-11-11_3ecbplus.txt";
const election2008 = elections.filter((x) => x.gold === "ecbplus-11-ecb").map((x) => x.article.path);

const storyOf = (clusters: readonly StoryCluster[], path: string) => clusters.find((c) => c.members.some((m) => m.path === path))!;
const build = (articles: DatedArticle[], state: IdentityState | null) => assignStoryIds(clusterArticles(articles, { ...defaultClusterOptions, ...(state ? { published: publishedStories(state) } : {}) }), state);

describe("stories across daily builds", () => {
  it("a story published alone stays alone when only unrelated articles arrive", () => {
    expect(elections).toHaveLength(16);
    expect(bbc).toHaveLength(20);
    const first = build(dayOne, null);
    const alone = storyOf(first.clusters, twoParties);
    expect(alone.members).toHaveLength(1);
    expect(storyOf(first.clusters, election2008[0]!).members.map((m) => m.path).sort()).toEqual([...election2008].sort());
    // Without what day one published, day two's build merges the two elections' stories (the defect).
    expect(storyOf(clusterArticles(dayTwo), twoParties).members.length).toBeGreaterThan(1);
    const second = build(dayTwo, first.state);
    const still = storyOf(second.clusters, twoParties);
    expect(still.id).toBe(alone.id);
    expect(still.members.map((m) => m.path)).toEqual([twoParties]);
    expect(storyOf(second.clusters, election2008[0]!).members.map((m) => m.path).sort()).toEqual([...election2008].sort());
    // A re-run of day two from the state it left publishes the same stories under the same ids.
    const again = build(dayTwo, second.state);
    expect(again.clusters.map((c) => [c.id, c.members.map((m) => m.path)])).toEqual(second.clusters.map((c) => [c.id, c.members.map((m) => m.path)]));
  });

  it("a report arriving the next day still joins its published story", () => {
    const [late, ...early] = [...election2008].sort().reverse();
    const first = build(dayOne.filter((a) => a.path !== late), null);
    const story = storyOf(first.clusters, early[0]!);
    expect(story.members.length).toBeGreaterThanOrEqual(early.length);
    const withLate = [...dayOne.filter((a) => a.path !== late), on("2025-03-11")(elections.find((x) => x.article.path === late)!)];
    const second = build(withLate, first.state);
    expect(storyOf(second.clusters, late!).id).toBe(story.id);
  });

  it("a build without a state file clusters as before (a cold build, every eval)", () => {
    const cold = clusterArticles(dayTwo);
    const empty = clusterArticles(dayTwo, { ...defaultClusterOptions, published: new Map() });
    expect(empty.map((c) => c.members.map((m) => m.path))).toEqual(cold.map((c) => c.members.map((m) => m.path)));
  });
});
