// One fact told once in a merged story's summary, on real coverage (events-dev, tuning half: several outlets
// each in their own words), judged against the sentence pairs read and labelled by hand for the same-fact model.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { factPairs, summarise, FACT_FEATURES, type SummaryInput } from "../../src/summarise/index.ts";

const coverage = (name: string): SummaryInput[] =>
  readFileSync(new URL(`../fixtures/summarise/${name}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { title: string | null; text: string })
    .map((r) => ({ title: r.title ?? undefined, text: r.text }));

interface Label {
  id: string;
  event: string;
  same: 0 | 1;
  a: string;
  b: string;
}
const labels = readFileSync(new URL("../../train/labels/same-fact-pairs.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Label);
const hash = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 10);
/** Pairs of the summary a reader labelled one fact. */
const toldTwice = (event: string, summary: string[]) => {
  const same = new Set(labels.filter((l) => l.event === event && l.same === 1).map((l) => l.id));
  const out: string[][] = [];
  for (let j = 1; j < summary.length; j++) for (let i = 0; i < j; i++) if (same.has(`${event}|${[hash(summary[i]!), hash(summary[j]!)].sort().join("|")}`)) out.push([summary[i]!, summary[j]!]);
  return out;
};

describe("merged stories: one fact told once", () => {
  it("tells the patch's release once, not in three outlets' words (17 outlets on an Internet Explorer patch)", () => {
    const summary = summarise(coverage("events-27-ecb"));
    expect(summary).toHaveLength(3);
    expect(toldTwice("ecbplus-27-ecb", summary)).toEqual([]);
    // What a reader sees first: how many sentences open by telling that Microsoft released or issued the fix.
    expect(summary.filter((s) => /^Microsoft has (just )?(released|issued)/.test(s))).toHaveLength(1);
    expect(toldTwice("ecbplus-27-ecb", summarise(coverage("events-27-ecb"), { words: 100 }))).toEqual([]);
  });

  it("tells the church fire's damage once (22 outlets on the fire at Sarah Palin's church)", () => {
    const summary = summarise(coverage("events-13-ecb"));
    expect(toldTwice("ecbplus-13-ecb", summary)).toEqual([]);
    expect(summary.filter((s) => /\$1 million|one million dollars/.test(s))).toHaveLength(1);
  });

  it("tells the earthquake once and fills a word budget with prose, not a page's subheading", () => {
    const articles = coverage("events-37-ecbplus");
    const summary = summarise(articles, { words: 100 });
    // Another outlet's lead for the same quake ("A strong 6.1-magnitude earthquake struck Indonesia's
    // northwestern province…"); the USGS's magnitude, depth and district are a fact of their own, told once.
    expect(summary.filter((s) => /(earthquake|quake) (struck|hit) Indonesia/.test(s) && /6\.1/.test(s))).toHaveLength(0);
    expect(summary.filter((s) => /depth of/.test(s)).length).toBeLessThanOrEqual(1);
    expect(summary.filter((s) => /earthquake/i.test(s) && /Aceh/.test(s) && /(killing|injuring)/.test(s))).toHaveLength(1);
    for (const s of summary) {
      expect(s, s).toMatch(/[.!?]["'”’)]*$/);
      expect(s.split(/\s+/).length, s).toBeGreaterThanOrEqual(6);
    }
  });

  it("judges two outlets' sentences as a reader labelled them", () => {
    const articles = coverage("events-27-ecb");
    const same = labels.find((l) => l.event === "ecbplus-27-ecb" && l.same === 1 && /^Microsoft has released an emergency patch/.test(l.a) && /emergency security update/.test(l.b))!;
    const other = labels.find((l) => l.event === "ecbplus-27-ecb" && l.same === 0 && /Trend Micro/.test(l.a) && /run, not walk/.test(l.b))!;
    expect(factPairs([same.a, same.b], articles)[0]!.same).toBe(true);
    expect(factPairs([other.a, other.b], articles)[0]!.same).toBe(false);
  });

  it("leaves a story of one outlet as it was: its own sentences are never judged", () => {
    const [one] = coverage("events-27-ecb");
    const summary = summarise([one!]);
    expect(factPairs(summary, [one!]).every((p) => p.oneArticle)).toBe(true);
  });

  it("counts the names two sentences share as the clustering reads names: not a weekday or a title", () => {
    const [pair] = factPairs(
      [
        "Authorities are now saying they suspect arson is to blame for Friday night's fire at Wasilla Bible Church, where Gov. Sarah Palin and her family attend.",
        "A church was devastated by fire, which was attended by Alaska Gov. Sarah Palin on Friday night in her hometown of Wasilla.",
      ],
      coverage("events-13-ecb"),
    );
    // Wasilla, Sarah, Palin: not Friday, not Gov.
    expect(pair!.features[FACT_FEATURES.indexOf("shared-names")]).toBe(Math.log1p(3));
    // Bible, Church and Authorities (read with its sentence alone, a capitalised first word is a name) against Alaska.
    expect(pair!.features[FACT_FEATURES.indexOf("names-only-one")]).toBe(Math.log1p(4));
  });
});
