// The IDF from counts in log-scale bins (profile.ts): one more article near a day leaves the vectors of
// the articles it shares only common words with as they were, and a profile's print says when they are not.
import { describe, expect, it } from "vitest";
import { buildProfiles, quantisedCounts } from "../../src/cluster/profile.ts";
import { buildEventsSet } from "../../eval/lib/merge-set.ts";
import { addDays } from "../../src/text/dates.ts";
import type { DatedArticle } from "../../src/types.ts";

const fixture = (name: string) => new URL(`../fixtures/cluster/${name}`, import.meta.url).pathname;
// Two topics' real reports over a week, a few a day.
const articles: DatedArticle[] = [...buildEventsSet(fixture("events-topic-21.jsonl")), ...buildEventsSet(fixture("events-topic-45.jsonl"))].map((x, k) => ({
  ...x.article,
  evidence: { ...x.article.evidence, date: addDays("2025-05-01", k % 7) },
}));

/** Each article's profile print, by path, for the batch with IDF bins `width`. */
function prints(batch: DatedArticle[], width: number): Map<string, string> {
  const days = batch.map((a) => Number(a.evidence.date!.slice(8)));
  const out: string[] = [];
  buildProfiles(batch, 30, false, undefined, { days, windowDays: 2, minDocuments: 10, binWidth: width }, { prints: out });
  return new Map(batch.map((a, i) => [a.path, out[i]!]));
}

describe("IDF from binned counts", () => {
  it("keeps small counts exact and puts larger ones in bins a fixed share wide", () => {
    const q = quantisedCounts(200, 0.2);
    // Below about 1 / width every count has a bin of its own: a term's second article counts.
    expect(Array.from(q.subarray(0, 5))).toEqual([0, 1, 2, 3, 4]);
    for (let c = 1; c <= 200; c++) {
      expect(q[c]).toBeLessThanOrEqual(c);
      expect(q[c]).toBeGreaterThanOrEqual(q[c - 1]!);
      // Each count stands for the least count of its bin, which is at most a fifth of the way below.
      expect(Math.log(c + 1) - Math.log(q[c]! + 1)).toBeLessThan(0.2);
    }
    expect(new Set(q.subarray(100)).size).toBeLessThan(10);
    expect(Array.from(quantisedCounts(5, 0))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("changes the vectors of fewer articles near a new one's day than exact counts do, and the same ones each time", () => {
    const added = articles.find((a) => a.evidence.date === "2025-05-04")!;
    const before = articles.filter((a) => a !== added);
    const changed = (width: number) => {
      const [was, now] = [prints(before, width), prints(articles, width)];
      return before.filter((a) => was.get(a.path) !== now.get(a.path)).length;
    };
    const exact = changed(0);
    const binned = changed(0.5);
    expect(exact).toBeGreaterThan(before.length / 3);
    expect(binned).toBeLessThan(exact);
    // The prints are the articles' own: the same batch gives the same prints, whatever order it comes in.
    expect(prints([...articles].reverse(), 0.5)).toEqual(prints(articles, 0.5));
  });
});
