import { describe, expect, it } from "vitest";
import { isFurnitureHeadline, scoreCorpus, scorePage, shingles, tokens } from "../../eval/lib/extraction-score.ts";

describe("extraction score", () => {
  it("splits on anything that is not a letter, digit or underscore", () => {
    expect(tokens("Élan's co-op, 2019_x!")).toEqual(["Élan", "s", "co", "op", "2019_x"]);
  });

  it("counts 4-gram shingles as a multiset, and a short text as one shorter shingle", () => {
    expect([...shingles("a b c d a b c d").values()].reduce((s, n) => s + n, 0)).toBe(5);
    expect(shingles("a b c d a b c d").get(["a", "b", "c", "d"].join("\u0001"))).toBe(2);
    expect(shingles("only two").size).toBe(1);
    expect(shingles("").size).toBe(0);
  });

  it("scores a page by shared shingles", () => {
    // truth: 6 tokens → 3 shingles; prediction: truth + 2 extra tokens → 5 shingles, 3 shared.
    const s = scorePage("one two three four five six x y", "one two three four five six");
    expect(s.precision).toBeCloseTo(3 / 5);
    expect(s.recall).toBe(1);
    expect(s.exact).toBe(false);
    expect(scorePage("a b c d e", "a b c d e").exact).toBe(true);
    expect(scorePage("", "a b c d").precision).toBe(0);
  });

  it("averages precision and recall over pages before taking F1", () => {
    const c = scoreCorpus([
      { precision: 1, recall: 0.5, f1: 0, exact: false, predicted: 0, truth: 0, shared: 0 },
      { precision: 0.5, recall: 1, f1: 0, exact: true, predicted: 0, truth: 0, shared: 0 },
    ]);
    expect(c.precision).toBe(0.75);
    expect(c.recall).toBe(0.75);
    expect(c.f1).toBeCloseTo(0.75);
    expect(c.exactRate).toBe(0.5);
  });
});

describe("furniture headlines", () => {
  it("counts a notice to the reader about their device, browser, player or JavaScript, not a headline about apps or about what people do with their devices", () => {
    for (const notice of ["Media playback is unsupported on your device", "This video is unavailable", "Please enable JavaScript to view the comments", "Bitte aktivieren Sie JavaScript", "Dieses Video ist auf Ihrem Gerät nicht verfügbar"]) {
      expect(isFurnitureHeadline(notice), notice).toBe(true);
    }
    for (const headline of ["Apple unveils new iPhone", "Sweden opens inquiry into app store rules", "Tram bridge opens after six years of delays", "Warum sie ihre alten Geräte behalten"]) {
      expect(isFurnitureHeadline(headline), headline).toBe(false);
    }
  });
});
