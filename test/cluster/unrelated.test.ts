import { describe, expect, it } from "vitest";
import { clusterArticles, CONTEXT_FEATURES, defaultClusterOptions, PAIR_FEATURES, type MergeModels } from "../../src/cluster/index.ts";
import { buildProfiles } from "../../src/cluster/profile.ts";
import { pairFeatures, sharesWords } from "../../src/cluster/similarity.ts";
import type { LogisticModel } from "../../src/model/logistic.ts";
import { emptyMeta } from "../../src/clean/text.ts";
import type { DatedArticle } from "../../src/types.ts";

function article(path: string, title: string, paragraphs: string[], day: string | null): DatedArticle {
  return {
    path,
    format: "text",
    title,
    paragraphs,
    meta: { ...emptyMeta(), title },
    raw: paragraphs.join("\n\n"),
    context: "",
    mtime: new Date("2025-03-01T12:00:00Z"),
    messages: [],
    evidence: { date: day, dateSource: day ? "front-matter" : null, weekday: null, pageAnchor: null, pageDate: null, mtimeDate: "2025-03-01" },
  } as DatedArticle;
}

// A short undated English report and a Japanese page that share its numbers and nothing else: the case
// where a build once merged a harbour ferry story into a trademark-law page.
const ferry = article("ferry.md", "Harbour ferry service to resume after winter repairs", [
  "The harbour ferry between the old town and the island will run again from Monday after three months of repairs to its landing stage, the port authority said.",
  "Timetables are unchanged, with crossings every 20 minutes from 7am until midnight.",
], null);
const trademark = article("page-a.html", "商品の改造が商標法違反に", [
  "先日、不正に改造した商品を販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースがありました。",
  "7月20日に送検されました。 20 7",
], "2025-03-01");

describe("articles that share no words", () => {
  it("are never candidates for one story, whatever numbers they share", () => {
    const profiles = buildProfiles([ferry, trademark], defaultClusterOptions.keyTerms);
    expect(sharesWords(profiles[0]!, profiles[1]!)).toBe(false);
  });

  it("stay apart even under a model that trusts shared numbers and keys above all", () => {
    const only = (weights: Record<string, number>, features: readonly string[]): LogisticModel => ({
      name: "test",
      features: [...features],
      mean: features.map(() => 0),
      scale: features.map(() => 1),
      weights: features.map((f) => weights[f] ?? 0),
      bias: 0,
      threshold: 0.5,
    });
    const models: MergeModels = {
      pair: only({ numbers: 20, keys: 20 }, PAIR_FEATURES),
      context: only({ pairLogOdds: 1 }, CONTEXT_FEATURES),
      decision: { threshold: 0.5, storyThreshold: 0.5, storiesThreshold: 0.5, established: 0, protagonists: { minGroup: 0, core: 1, absent: 0 } },
    };
    expect(clusterArticles([ferry, trademark], defaultClusterOptions, models)).toHaveLength(2);
    // The same model does merge two articles that share words and their numbers.
    const copy = article("ferry-copy.md", ferry.title, ferry.paragraphs, null);
    expect(clusterArticles([ferry, copy], defaultClusterOptions, models)).toHaveLength(1);
  });

  it("are not scored as sharing all their numbers when each states only one", () => {
    const a = article("a.md", "Harbour ferry fares rise", ["Harbour ferry fares rise by 20 pence on the island route, the port authority said."], null);
    const b = article("b.md", "Island ferry timetable changes", ["The island ferry timetable changes every 20 days, the port authority said of the harbour route."], null);
    const profiles = buildProfiles([a, b], defaultClusterOptions.keyTerms);
    const x = new Float64Array(PAIR_FEATURES.length);
    expect(pairFeatures(profiles[0]!, profiles[1]!, x)).toBe(true);
    expect(x[PAIR_FEATURES.indexOf("numbers")]).toBeGreaterThan(0);
    expect(x[PAIR_FEATURES.indexOf("numbers")]).toBeLessThan(0.5);
  });

  it("while two reports of one event, in other words, share enough to be compared", () => {
    const other = article("ferry-2.md", "Island ferry back from Monday", [
      "Ferry crossings to the island restart on Monday, the port authority said, once repairs to the harbour landing stage are finished after three months.",
    ], null);
    const profiles = buildProfiles([ferry, other], defaultClusterOptions.keyTerms);
    expect(sharesWords(profiles[0]!, profiles[1]!)).toBe(true);
  });
});
