import { describe, expect, it } from "vitest";
import { nameSet, namePairCounts, rareSharedNamePairs } from "../../train/lib/trial-pair-features.ts";

// mg80 (stop 80): two halves of one report of a thread name its participants together ("Abbasi" beside "Guantanamo");
// a third report of the same thread names them too, and then the pair no longer tells the two halves apart from it.
const first = nameSet("Tutu's Guantanamo release call", [
  "Archbishop Desmond Tutu has called for the release of the remaining inmates at Guantanamo Bay.",
  "Feroz Abbasi and Moazzam Begg were among the men held there, his office said.",
]);
const second = nameSet("The South African archbishop said detentions were wrong", [
  "The South African archbishop said detentions without trial at Guantanamo were unacceptable.",
  "Tutu told the BBC that men such as Abbasi should be charged or freed.",
]);
const other = nameSet("Guantanamo pair's passport ban", [
  "The government has written to two British men freed from Guantanamo Bay telling them they will not get passports.",
  "A letter was sent to Martin Mubanga and Feroz Abbasi this week.",
]);

describe("rareSharedNamePairs: the name pairs two reports state that no third report does", () => {
  it("counts the participants the two halves name together", () => {
    const df = namePairCounts([first, second]);
    expect(rareSharedNamePairs(first, second, df, 2)).toBeGreaterThanOrEqual(3);
  });

  it("no longer counts a pair once a third report of the set states it", () => {
    const alone = rareSharedNamePairs(first, second, namePairCounts([first, second]), 2);
    const withThird = rareSharedNamePairs(first, second, namePairCounts([first, second, other]), 2);
    expect(withThird).toBeLessThan(alone);
    expect(withThird).toBeGreaterThan(0);
  });

  it("is the same either way round and 0 for reports that share one name at most", () => {
    const df = namePairCounts([first, second, other]);
    expect(rareSharedNamePairs(second, first, df, 2)).toBe(rareSharedNamePairs(first, second, df, 2));
    const lone = nameSet("Markets", ["Shares in Tokyo rose as the Nikkei gained."]);
    expect(rareSharedNamePairs(first, lone, namePairCounts([first, lone]), 2)).toBe(0);
  });
});
