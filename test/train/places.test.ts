import { describe, expect, it } from "vitest";
import { defaultClusterOptions, PAIR_FEATURES, scoredCandidates } from "../../src/cluster/index.ts";
import { dated } from "../../eval/lib/merge-set.ts";
import { leadPlaceWords } from "../../train/lib/places.ts";
import { withTrialColumns } from "../../train/lib/trial-pair-features.ts";

// Leads of events-dev tuning reports (topics 7 and 23), as the corpus gives them: two of Klitschko's 2008 defence in
// Mannheim, one of his 2012 defence in Bern, and a climbers' report whose place ends at a sentence's full stop.
const mannheimDateline = [
  "Mannheim, Germany (Sports Network) - Wladimir Klitschko retained three heavyweight title belts by scoring a dominant seventh-round technical knockout of Hasim Rahman Saturday night.",
  "The 32-year-old Klitschko (52-3, 46 KOs) won his 10th consecutive bout by flooring Rahman (45-7-2) once before referee Tony Weeks stopped the fight 44 seconds into the seventh round.",
];
const mannheim = [
  "Wladimir Klitschko (52-3, 46 KOs) blasted a sluggish Hasim Rahman (45-7-2, 36 KOs) in Mannheim, Germany on Saturday night to retain the IBF, WBO and IBO world heavyweight titles.",
  "After flooring Rahman in the sixth round with a left-right combo Klitschko wasted little time wrapping it up in the seventh with a big left-right-left series that led to the referee stepping in and stopping the fight at the 2:15 mark.",
];
const bernTitle = "Wladimir Klitschko stops Tony Thompson to retain world heavyweight titles";
const bern = [
  "Last Updated: Jul 07, 2012 8:44 PM ET",
  "Wladimir Klitschko stopped Tony Thompson in the sixth round to keep a comfortable hold on his WBA, IBF and WBO heavyweight title belts on Saturday in Bern, Switzerland.",
];
const climbers = [
  "One Australian and one English climber have fallen to their deaths in New Zealand.",
  "Police Inspector Dave Gaskin said Monday the two incidents on consecutive days in the Aoraki-Mt. Cook National Park were not related and were not due to bad weather.",
];

describe("leadPlaceWords: where a report says its event happened", () => {
  it("reads the dateline that opens the body and the names after a locative", () => {
    expect([...leadPlaceWords("", mannheimDateline)].sort()).toEqual(["germany", "mannheim"]);
    expect([...leadPlaceWords(bernTitle, bern)]).toEqual(["bern"]);
  });

  it("ends a place at a sentence's full stop", () => {
    expect([...leadPlaceWords("", climbers)].sort()).toEqual(["new", "zealand"]);
  });
});

describe("placesMissing: two reports whose places the other never names", () => {
  it("parts the Mannheim and Bern defences and not two Mannheim reports", () => {
    const articles = [
      dated("events/7_11ecb.txt", "Klitschko retains belts against Rahman", mannheimDateline, "2024-01-15"),
      dated("events/7_1ecb.txt", "Klitschko blasts Rahman", mannheim, "2024-01-15"),
      dated("events/7_3ecbplus.txt", bernTitle, bern, "2024-01-15"),
    ];
    const scored = withTrialColumns(scoredCandidates(articles, defaultClusterOptions), [...PAIR_FEATURES, "placesMissing"]);
    const value = new Map<string, number>();
    for (let k = 0; k < scored.pairs.length; k++) {
      const names = [scored.order[scored.pairs.a[k]!]!.path, scored.order[scored.pairs.b[k]!]!.path].map((p) => p.slice(7, -4)).sort();
      value.set(names.join(" "), scored.features[k * scored.width + scored.width - 1]!);
    }
    expect(value.get("7_11ecb 7_1ecb")).toBe(0);
    expect(value.get("7_11ecb 7_3ecbplus")).toBe(1);
    expect(value.get("7_1ecb 7_3ecbplus")).toBe(1);
  });
});
