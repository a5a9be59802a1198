// Weights for a story of one article (a tuning's `single`, learnedSingle from train/train-summary-scoring.ts): a
// story of one article is summarised by them, a story of several never.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { defaultTuning, learnedSingle, summarise } from "../../src/summarise/index.ts";

// bbc-dev (tuning half) bbc-business-261: "The market, former British government minister Michael Heseltine once
// said, has no morality." then "And indeed, stock exchange traders around Asia have wasted little time…".
const row = JSON.parse(readFileSync(new URL("../fixtures/summarise/bbc-business-261.json", import.meta.url), "utf8")) as { title: string; text: string };
const article = { title: row.title, text: row.text };
const withLearned = { ...defaultTuning, single: learnedSingle };

describe("weights for a story of one article", () => {
  it("summarise the article by them: the learned ones open with its first sentence, the connective after it kept", () => {
    const three = summarise([article], { sentences: 3 }, withLearned);
    expect(three).toEqual(summarise([article], { sentences: 3 }, { ...defaultTuning, ...learnedSingle }));
    expect(three.slice(0, 2)).toEqual(["The market, former British government minister Michael Heseltine once said, has no morality.", "And indeed, stock exchange traders around Asia have wasted little time regretting the victims of this week's disaster."]);
    // The hand-set weights leave the opening out (and show the next sentence without its connective).
    expect(summarise([article], { sentences: 3 })[0]).toBe("Stock exchange traders around Asia have wasted little time regretting the victims of this week's disaster.");
    // A copy of the article word for word is still one article.
    expect(summarise([article, { ...article }], { sentences: 3 }, withLearned)).toEqual(three);
  });

  it("never reach a story of several articles", () => {
    const other = { title: "Asian markets shrug off the tsunami", text: row.text.split("\n\n").slice(1).reverse().join("\n\n") };
    for (const options of [{ sentences: 3 }, { words: 100 }]) expect(summarise([article, other], options, withLearned)).toEqual(summarise([article, other], options));
  });
});
