import { describe, expect, it } from "vitest";
import { dayOrder, reachOf, visitCandidates, type CandidateOptions } from "../../src/cluster/candidates.ts";
import { defaultClusterOptions, scoredCandidates } from "../../src/cluster/index.ts";
import { dayOrNull } from "../../src/cluster/days.ts";
import type { Profile } from "../../src/cluster/profile.ts";
import { buildEventsSet, seedArticles } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle } from "../../src/types.ts";

// A visit of some articles only (the pairs step after one new article visits the days near it: rows.ts
// settledDays) builds the postings of the days it can reach only; each visited article must meet the very
// candidates, and the very capped keys, that a visit over the whole batch's postings gives it.
const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
const onDay = (a: DatedArticle, day: string): DatedArticle => ({ ...a, evidence: { ...a.evidence, date: day } });
const events = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) =>
  onDay(x.article, x.topic === "21" ? addDays("2025-05-01", k % 6) : addDays("2025-05-03", k % 7)),
);
const seeds = seedArticles(fixture("../seeds")).map((x) => x.article);

/** Every visit of `order`'s articles as "i-j" lines and each visited article's capped mask as "i:mask". */
function visits(profiles: readonly Profile[], days: ReadonlyArray<number | null>, options: CandidateOptions, order: Int32Array): string[] {
  const out: string[] = [];
  visitCandidates(profiles, days, options, (i, j) => out.push(`${i}-${j}`), order, (i, mask) => out.push(`${i}:${mask}`));
  return out;
}

/** The lines of a whole visit (by day) that belong to the articles `order` holds, in `order`'s order. */
function wholeVisitOf(profiles: readonly Profile[], days: ReadonlyArray<number | null>, options: CandidateOptions, order: Int32Array): string[] {
  const byFirst = new Map<number, string[]>();
  visitCandidates(profiles, days, options, (i, j) => byFirst.get(i)!.push(`${i}-${j}`), dayOrder(days), (i, mask) => byFirst.set(i, [`${i}:${mask}`]));
  return Array.from(order).flatMap((i) => byFirst.get(i)!);
}

describe("a visit of some articles' candidates, postings built for the days it reaches", () => {
  const { profiles, spans } = scoredCandidates([...events, ...seeds], defaultClusterOptions);
  const days = spans.map((s) => dayOrNull(s.first));
  const byDay = dayOrder(days);
  // Caps low enough that some keys are too common near one day and not near another.
  const optionsList: CandidateOptions[] = [defaultClusterOptions, { ...defaultClusterOptions, postingCap: 4 }, { ...defaultClusterOptions, postingCap: 2, windowDays: 1 }];

  it("gives each visited article of one or two days the candidates and capped keys of the whole visit", () => {
    const dated = [...new Set(days.filter((d): d is number => d !== null))].sort((x, y) => x - y);
    expect(dated.length).toBeGreaterThan(8);
    let compared = 0;
    for (const options of optionsList) {
      for (const chosen of [[dated[0]!], [dated[3]!], [dated[4]!, dated[7]!], [dated[dated.length - 1]!]]) {
        const order = byDay.filter((i) => days[i] !== null && chosen.includes(days[i]!));
        const held = reachOf(days, order, options.windowDays)!;
        // The restriction is real: some articles' keys are left out of the postings.
        expect(held.includes(0)).toBe(true);
        const got = visits(profiles, days, options, order);
        expect(got).toEqual(wholeVisitOf(profiles, days, options, order));
        compared += got.filter((line) => line.includes("-")).length;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("builds every posting when an undated article is visited, or every article", () => {
    const undated = days.findIndex((d) => d === null);
    expect(undated).toBeGreaterThanOrEqual(0);
    expect(reachOf(days, Int32Array.of(byDay[0]!, undated), 2)).toBeNull();
    expect(reachOf(days, byDay, 2)).toBeNull();
    const withUndated = Int32Array.of(byDay[0]!, undated);
    expect(visits(profiles, days, defaultClusterOptions, withUndated)).toEqual(wholeVisitOf(profiles, days, defaultClusterOptions, withUndated));
  });
});
