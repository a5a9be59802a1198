import { describe, expect, it } from "vitest";
import { needsAntecedent } from "../../src/summarise/reference.ts";

describe("sentences that need the one before them", () => {
  it("flags pronoun openings, connectives, definite descriptions and pronoun speakers", () => {
    for (const s of [
      "He said the talks were over.",
      "It's been a long time coming.",
      "However, the talks failed.",
      "But he denied it.",
      "This is the second such allegation in a month.",
      "The Olympic silver medallist's time was the fastest of the year.",
      "The 33-year-old actress checked in on Tuesday.",
      "The company said profits rose.",
      "The virus-fighting program will be updated monthly.",
      '"We will not allow it," he said.',
      '"Never."',
      "Prices rose, she added.",
    ]) expect(needsAntecedent(s), s).toBe(true);
  });

  it("lets sentences that name who or what they are about stand alone", () => {
    for (const s of [
      "Russia accused Serbia on Monday of selling artillery ammunition to Ukraine.",
      "The White House said no.",
      "The Senate voted on Tuesday.",
      "The number of people out of work rose 32,000 to 1.41 million.",
      '"We will win," said Prime Minister Tony Blair.',
      "Serbia has exported arms, the SVR said.",
      "But Serbia denied it.",
    ]) expect(needsAntecedent(s), s).toBe(false);
  });
});
