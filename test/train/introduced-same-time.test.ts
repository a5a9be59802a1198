import { describe, expect, it } from "vitest";
import { defaultClusterOptions, PAIR_FEATURES, scoredCandidates } from "../../src/cluster/index.ts";
import { dated } from "../../eval/lib/merge-set.ts";
import { withTrialColumns } from "../../train/lib/trial-pair-features.ts";
import tutu from "../fixtures/train/tutu-guantanamo.json" with { type: "json" };

// events-dev tuning topic 7, as the corpus gives it: Klitschko's 2012 defence against Thompson in Bern (whole) and a cut
// of a report of his 2008 defence against Rahman in Mannheim that names "Klitschko's Ukrainian brother" (so the Bern
// report's bare "Ukrainian" reads as a person it introduced) and a year the Bern report does not state.
const bernTitle = "Wladimir Klitschko stops Tony Thompson in 6th round to retain world heavyweight titles";
const bern = [
  "Wladimir Klitschko stopped Tony Thompson in the sixth round to retain his WBA, IBF and WBO heavyweight title belts Saturday night.",
  "The 36-year-old champion Klitschko, 58-3 with 51 knockouts, floored Thompson with a big right hand near the end of the fifth round at Stade de Suisse, and the 40-year-old American never recovered.",
  "The Ukrainian champion dropped Thompson again in the sixth, and referee Sam Williams gave the challenger a standing count before stopping the fight.",
  "In 2008, Klitschko stopped Thompson in the 11th round.",
  "Thompson, who was the mandatory challenger nominated by the IBF, dropped to 36-3.",
];
const mannheim = [
  "Mannheim, Germany (Sports Network) - Wladimir Klitschko retained three heavyweight title belts by scoring a dominant seventh-round technical knockout of Hasim Rahman Saturday night.",
  "Klitschko's Ukrainian brother, Vitali, is the current WBC heavyweight champion, but the siblings have ruled out fighting each other.",
  "Wladimir Klitschko has held at least one major heavyweight belt since beating Chris Byrd for the IBF version in April 2006.",
];
// The Tutu story cut in two as the harder set cuts it: no year, month or day stated, and the second half names the
// archbishop by surname alone.
const firstHalf = tutu.first;
const secondHalf = tutu.later.slice(0, 2);

/** Each candidate pair's two trial values, by the two paths' names. */
function values(articles: ReturnType<typeof dated>[]): Map<string, [number, number]> {
  const scored = withTrialColumns(scoredCandidates(articles, defaultClusterOptions), [...PAIR_FEATURES, "introduced", "introducedSameTime"]);
  const w = scored.width;
  const out = new Map<string, [number, number]>();
  for (let k = 0; k < scored.pairs.length; k++) {
    const names = [scored.order[scored.pairs.a[k]!]!.path, scored.order[scored.pairs.b[k]!]!.path].sort();
    out.set(names.join(" "), [scored.features[k * w + w - 2]!, scored.features[k * w + w - 1]!]);
  }
  return out;
}

describe("introducedSameTime: introduced, silenced when the two texts' stated times conflict", () => {
  it("gives nothing to two look-alike title defences whose years differ, where introduced counts one", () => {
    const v = values([dated("events/bern.txt", bernTitle, bern, "2024-01-15"), dated("events/mannheim.txt", "", mannheim, "2024-01-15")]);
    const [intro, sameTime] = v.get("events/bern.txt events/mannheim.txt")!;
    expect(intro).toBeGreaterThan(0);
    expect(sameTime).toBe(0);
  });

  it("keeps introduced's count for two halves of one story that state no conflicting time", () => {
    const v = values([dated("split/tutu-1.txt", "Tutu's Guantanamo release call", firstHalf, "2024-01-15"), dated("split/tutu-2.txt", "", secondHalf, "2024-01-15")]);
    const [intro, sameTime] = v.get("split/tutu-1.txt split/tutu-2.txt")!;
    expect(intro).toBeCloseTo(Math.log(2));
    expect(sameTime).toBe(intro);
  });
});
